import { collect } from '../../core/providers/page';
import type { TrunkPhoneNumber } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { treeIdOf } from '../resources/resource-kinds';
import { PhoneNumberNode } from '../tree/phone-number-node';
import { PhoneNumbersNode } from '../tree/phone-numbers-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Detach Numbers — from a number node, or a multi-select of a trunk's numbers. */
export const detachNumbers: CommandDefinition = {
  id: 'trunkline.detachNumbers',
  async run(ctx: CommandContext, node?: unknown, selection?: unknown) {
    const title = t('Detach Numbers');
    let account;
    let trunk;
    let numbers: TrunkPhoneNumber[];
    if (node instanceof PhoneNumberNode) {
      account = node.account;
      trunk = node.trunk;
      // a multi-selection in the tree arrives as the second argument
      const selected = Array.isArray(selection) ? selection.filter((s): s is PhoneNumberNode => s instanceof PhoneNumberNode && s.parent === node.parent) : [];
      numbers = selected.length > 0 ? selected.map((s) => s.number) : [node.number];
    } else {
      const trunkNode = node instanceof TrunkNode || node instanceof PhoneNumbersNode ? node : undefined;
      account = trunkNode?.account ?? (await pickAccount(ctx, { provider: 'twilio', title }));
      trunk = trunkNode?.trunk ?? (await pickTrunk(ctx, account, title));
      const client = await ctx.connections.twilio(account);
      const sid = trunk.sid;
      numbers = await ctx.input.pickMany(
        collect(client.trunkPhoneNumbers.list(sid, { pageSize: 1000 })).then((list) =>
          list.map((n) => ({ label: n.phone_number ?? n.sid, description: n.friendly_name ?? undefined, value: n })),
        ),
        { title: `${title}: ${trunk.friendly_name ?? trunk.sid}`, placeholder: t('Numbers to detach'), matchOnDescription: true },
      );
    }
    if (numbers.length === 0) return { detached: [] };
    const names = numbers.map((n) => n.phone_number ?? n.sid);
    const confirmed = await ctx.input.confirm(t('Detach {0} from "{1}"?', names.length === 1 ? names[0]! : t('{0} numbers', names.length), trunk.friendly_name ?? trunk.sid), {
      detail: t('Calls to {0} will no longer reach this trunk.', names.join(', ')),
      action: t('Detach'),
    });
    if (!confirmed) return { detached: [] };
    const client = await ctx.connections.twilio(account);
    const detached: string[] = [];
    try {
      await ctx.workbench.withProgress(t('Detaching numbers from "{0}"…', trunk.friendly_name ?? trunk.sid), async (report, signal) => {
        for (const n of numbers) {
          report(n.phone_number ?? n.sid);
          await client.trunkPhoneNumbers.detach(trunk.sid, n.sid, { signal });
          detached.push(n.phone_number ?? n.sid);
        }
      });
    } finally {
      ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
    }
    // The trunk's row: its number count and its list of numbers.
    ctx.explorer.refreshById(treeIdOf({ kind: 'trunk', account, trunk }));
    void ctx.workbench.info(t('Detached {0} from "{1}".', detached.join(', '), trunk.friendly_name ?? trunk.sid));
    return { detached };
  },
};
