import { t } from '../l10n';
import { inventoryFolderOf, numberOf, numbersFromTree, pickNumbers, pickProvider, placeOf, applyAssignment, reportAssignment, type AssignmentTarget } from '../number-assignment';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk, pickTrunkGroup } from '../pickers/pick-trunk';
import { DidsNode } from '../tree/dids-node';
import type { CommandContext, CommandDefinition } from './command';
import { trunkDisplayName } from '../../core/providers/twilio/trunk-names';

/**
 * Trunkline: Assign Numbers to a Trunk… — from the inventory (the numbers selected there, or a
 * multi-select of the account's), onto a Twilio trunk or a CarrierX trunk group. A number on
 * another trunk or group is moved, after the same confirmation Attach Numbers asks.
 */
export const assignNumbers: CommandDefinition = {
  id: 'trunkline.assignNumbers',
  async run(ctx: CommandContext, node?: unknown, selection?: unknown) {
    const title = t('Assign Numbers');
    let refs = numbersFromTree(node, selection);
    // A trunk group's own Phone Numbers folder: the group is the target.
    const group = node instanceof DidsNode ? node.group : undefined;
    let target: AssignmentTarget | undefined = group ? { sid: group.trunk_group_sid, name: group.name || group.trunk_group_sid } : undefined;
    if (refs.length === 0) {
      const folder = inventoryFolderOf(node);
      const account = folder?.account ?? (await pickAccount(ctx, { title }));
      const provider = folder?.provider ?? (await pickProvider(ctx, account, title));
      refs = await pickNumbers(ctx, account, provider, target ? `${title}: ${target.name}` : title, (ref) => placeOf(ref)?.sid !== target?.sid);
      if (refs.length === 0) return { assigned: [] };
    }
    const first = refs[0]!;
    if (!target) {
      const label = refs.length === 1 ? numberOf(first) : t('{0} numbers', refs.length);
      if (first.kind === 'incomingNumber') {
        const trunk = await pickTrunk(ctx, first.account, `${title}: ${label}`);
        target = { sid: trunk.sid, name: trunkDisplayName(trunk) };
      } else {
        const chosen = await pickTrunkGroup(ctx, first.account, `${title}: ${label}`);
        target = { sid: chosen.trunk_group_sid, name: chosen.name || chosen.trunk_group_sid };
      }
    }
    const to = target;
    const already = refs.filter((r) => placeOf(r)?.sid === to.sid);
    const sending = refs.filter((r) => placeOf(r)?.sid !== to.sid);
    if (sending.length === 0) {
      void ctx.workbench.info(t('{0} already on "{1}".', already.map(numberOf).join(', '), to.name));
      return { assigned: [] };
    }
    const moving = sending.filter((r) => placeOf(r));
    if (moving.length > 0) {
      const confirmed = await ctx.input.confirm(t('Move {0} number(s) to "{1}"?', moving.length, to.name), {
        detail: moving.map((r) => t('{0} from "{1}"', numberOf(r), placeOf(r)!.name)).join('\n'),
        action: t('Move'),
      });
      if (!confirmed) return { assigned: [] };
    }
    const result = await applyAssignment(ctx, sending, to);
    reportAssignment(ctx, result, sending.length, to);
    return { assigned: result.done, failed: result.failed };
  },
};
