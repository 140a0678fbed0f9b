import { t } from '../l10n';
import { applyAssignment, inventoryFolderOf, numberOf, numbersFromTree, pickNumbers, pickProvider, placeOf, reportAssignment } from '../number-assignment';
import { pickAccount } from '../pickers/pick-account';
import { DidsNode } from '../tree/dids-node';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Unassign Numbers — takes numbers off their trunk (Twilio: detached) or trunk group
 * (CarrierX: `trunk_group_sid` null), with the confirmation Detach Numbers asks.
 */
export const unassignNumbers: CommandDefinition = {
  id: 'trunkline.unassignNumbers',
  async run(ctx: CommandContext, node?: unknown, selection?: unknown) {
    const title = t('Unassign Numbers');
    let refs = numbersFromTree(node, selection);
    if (refs.length === 0) {
      const folder = inventoryFolderOf(node);
      const group = node instanceof DidsNode ? node.group : undefined;
      const account = folder?.account ?? (await pickAccount(ctx, { title }));
      const provider = folder?.provider ?? (await pickProvider(ctx, account, title));
      refs = await pickNumbers(ctx, account, provider, title, (ref) => (group ? placeOf(ref)?.sid === group.trunk_group_sid : placeOf(ref) !== null));
      if (refs.length === 0) return { unassigned: [] };
    }
    const assigned = refs.filter((r) => placeOf(r));
    if (assigned.length === 0) {
      const twilio = refs[0]!.kind === 'incomingNumber';
      void ctx.workbench.info(
        twilio ? t('{0} is on no trunk: nothing to unassign.', refs.map(numberOf).join(', ')) : t('{0} is assigned to no trunk group: nothing to unassign.', refs.map(numberOf).join(', ')),
      );
      return { unassigned: [] };
    }
    const places = [...new Set(assigned.map((r) => placeOf(r)!.name))];
    const names = assigned.map(numberOf);
    const confirmed = await ctx.input.confirm(
      t('Unassign {0} from "{1}"?', names.length === 1 ? names[0]! : t('{0} numbers', names.length), places.join('", "')),
      { detail: t('Calls to {0} will no longer reach this trunk.', names.join(', ')), action: t('Unassign') },
    );
    if (!confirmed) return { unassigned: [] };
    const result = await applyAssignment(ctx, assigned, null);
    reportAssignment(ctx, result, assigned.length, null);
    return { unassigned: result.done, failed: result.failed };
  },
};
