import type { CommandContext } from '../commands/command';
import { t } from '../l10n';
import { isRefused } from './resource-kind';
import { descriptorOf } from './resource-kinds';
import type { ResourceRef } from './resource-ref';

/** The value a resource has now for a field, as the provider returned it. */
export function currentValue(ref: ResourceRef, key: string): unknown {
  return (descriptorOf(ref).record(ref) as Record<string, unknown>)[key];
}

/**
 * Sends a change of fields and returns the resource as the provider now has it. A new name of
 * a kind that keeps names apart (connection policies, endpoints) is checked against the
 * account right before the write: the prompt checked it, but a colleague may have taken it since.
 */
export async function updateResource(ctx: CommandContext, ref: ResourceRef, fields: Record<string, unknown>, signal?: AbortSignal): Promise<ResourceRef> {
  const edit = descriptorOf(ref).edit;
  if (isRefused(edit)) throw new Error(edit.refused());
  const taken = await nameTakenProblem(ctx, ref, fields, signal);
  if (taken) throw new Error(`${taken} ${t('Nothing was changed; choose another name.')}`);
  return edit.update(ctx.connections, ref, fields, signal);
}

/**
 * Why `value` cannot be the name of `ref` now (another resource of its kind in the account has
 * it), for kinds whose names pick lists and trunk files tell apart; undefined for other kinds,
 * other fields, and the name it already has.
 */
export async function nameTakenProblem(ctx: CommandContext, ref: ResourceRef, fields: Record<string, unknown>, signal?: AbortSignal): Promise<string | undefined> {
  const rename = descriptorOf(ref).rename;
  if (isRefused(rename) || !rename.taken || !(rename.key in fields)) return undefined;
  const name = fields[rename.key];
  if (typeof name !== 'string' || name === currentValue(ref, rename.key)) return undefined;
  return rename.taken(ctx.connections, ref as never, name, signal);
}
