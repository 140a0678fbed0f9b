import type { CommandContext } from '../commands/command';
import { t } from '../l10n';
import { displayNameOf, kindOf } from '../resources/resource-kinds';
import type { ResourceKind, ResourceRef } from '../resources/resource-ref';
import { pickAccount } from './pick-account';

/** Asks, from the palette, for a resource of one of the given kinds: kind, then account, then the resource. */
export async function pickResource(ctx: CommandContext, kinds: readonly ResourceKind[], title: string): Promise<ResourceRef> {
  const kind =
    kinds.length === 1
      ? kinds[0]!
      : await ctx.input.pick(
          kinds.map((k) => ({ label: capitalize(displayNameOf(k)), value: k })),
          { title, placeholder: t('What kind of resource?') },
        );
  const descriptor = kindOf(kind);
  const account = await pickAccount(ctx, { provider: descriptor.provider, title });
  return descriptor.pick(ctx, account, title);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
