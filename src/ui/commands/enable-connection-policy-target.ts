import { collect } from '../../core/providers/page';
import { t } from '../l10n';
import { pickResource } from '../pickers/pick-resource';
import { labelOf } from '../resources/resource-kinds';
import type { RefOf, ResourceRef } from '../resources/resource-ref';
import { refFromNode } from '../tree/resource-node';
import type { CommandContext, CommandDefinition } from './command';
import { applyFieldChange } from './edit-field';

/**
 * Turns a target on or off (the tree's inline buttons, or the palette). Turning off the
 * policy's last enabled target is confirmed first: the trunks that use it lose their route.
 */
export async function setTargetEnabled(ctx: CommandContext, node: unknown, enabled: boolean, title: string): Promise<ResourceRef | undefined> {
  const from = refFromNode(node);
  const ref = (from?.kind === 'connectionPolicyTarget' ? from : await pickResource(ctx, ['connectionPolicyTarget'], title)) as RefOf<'connectionPolicyTarget'>;
  if ((ref.target.enabled !== false) === enabled) {
    void ctx.workbench.info(enabled ? t('"{0}" is already enabled.', labelOf(ref)) : t('"{0}" is already disabled.', labelOf(ref)));
    return ref;
  }
  if (!enabled) {
    const client = await ctx.connections.twilio(ref.account);
    const others = (await collect(client.connectionPolicyTargets.list(ref.policy.sid, { pageSize: 1000 }))).filter((tg) => tg.sid !== ref.target.sid && tg.enabled !== false);
    const policyName = ref.policy.friendly_name || ref.policy.sid;
    if (
      others.length === 0 &&
      !(await ctx.input.confirm(t('Disable "{0}", the last enabled target of "{1}"?', labelOf(ref), policyName), {
        detail: t('The BYOC trunks that use "{0}" then have nowhere to send calls to your carrier.', policyName),
        action: t('Disable'),
      }))
    ) {
      return undefined;
    }
  }
  return applyFieldChange(ctx, ref, { enabled });
}

/** Trunkline: Enable Target — Twilio sends calls to it again. */
export const enableConnectionPolicyTarget: CommandDefinition = {
  id: 'trunkline.enableConnectionPolicyTarget',
  run: (ctx: CommandContext, node?: unknown) => setTargetEnabled(ctx, node, true, t('Enable Target')),
};
