import type { CommandContext } from '../commands/command';
import { isRefused } from './resource-kind';
import { descriptorOf } from './resource-kinds';
import type { ResourceRef } from './resource-ref';

/** The value a resource has now for a field, as the provider returned it. */
export function currentValue(ref: ResourceRef, key: string): unknown {
  return (descriptorOf(ref).record(ref) as Record<string, unknown>)[key];
}

/** Sends a change of fields and returns the resource as the provider now has it. */
export async function updateResource(ctx: CommandContext, ref: ResourceRef, fields: Record<string, unknown>, signal?: AbortSignal): Promise<ResourceRef> {
  const edit = descriptorOf(ref).edit;
  if (isRefused(edit)) throw new Error(edit.refused());
  return edit.update(ctx.connections, ref, fields, signal);
}
