import { errorLine } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import type { TrunkPhoneNumber } from '../../core/providers/twilio/models';
import { numberTrunksNow } from '../../core/providers/twilio/number-trunks-now';
import type { TwilioClient } from '../../core/providers/twilio/twilio-client';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { treeIdOf } from '../resources/resource-kinds';
import { PhoneNumberNode } from '../tree/phone-number-node';
import { PhoneNumbersNode } from '../tree/phone-numbers-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';
import { fetchTrunkNames } from '../../core/providers/twilio/trunk-names';

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
    // Where each number is right before the write: the list it was chosen from may be minutes
    // old, and a colleague may have detached, moved or released a number since.
    const now = await ctx.workbench.withProgress(t('Checking where the numbers are now…'), (_report, signal) => numberTrunksNow(client, numbers.map((n) => n.sid), signal));
    const still = numbers.filter((n) => now.get(n.sid) === trunk.sid);
    const gone = numbers.filter((n) => now.get(n.sid) !== trunk.sid);
    const trunkName = trunk.friendly_name ?? trunk.sid;
    let whereNow: string[] = [];
    if (gone.length > 0) {
      whereNow = await describeWhereNow(client, gone, now);
      if (still.length === 0) {
        void ctx.workbench.warn(t('Nothing detached: {0} is no longer on "{1}". {2}', gone.map((n) => n.phone_number ?? n.sid).join(', '), trunkName, whereNow.join(' ')));
        return { detached: [], left: gone.map((n) => n.phone_number ?? n.sid) };
      }
      const detachOthers = t('Detach the Others');
      const answer = await ctx.input.ask(t('{0} of the numbers are no longer on "{1}"', gone.length, trunkName), {
        detail: `${whereNow.join('\n')}\n${t('Detach {0} from "{1}" and leave the others where they are now?', still.map((n) => n.phone_number ?? n.sid).join(', '), trunkName)}`,
        actions: [detachOthers],
      });
      if (answer !== detachOthers) return { detached: [], left: gone.map((n) => n.phone_number ?? n.sid) };
    }
    const detached: string[] = [];
    const failed: { number: string; reason: string }[] = [];
    try {
      await ctx.workbench.withProgress(t('Detaching numbers from "{0}"…', trunkName), async (report, signal) => {
        for (const n of still) {
          if (signal.aborted) break;
          report(n.phone_number ?? n.sid);
          try {
            await client.trunkPhoneNumbers.detach(trunk.sid, n.sid, { signal });
            detached.push(n.phone_number ?? n.sid);
          } catch (e) {
            if (signal.aborted) break;
            failed.push({ number: n.phone_number ?? n.sid, reason: errorLine(e) });
          }
        }
      });
    } finally {
      ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
    }
    // The trunk's row: its number count and its list of numbers.
    ctx.explorer.refreshById(treeIdOf({ kind: 'trunk', account, trunk }));
    const left = gone.length > 0 ? ` ${t('Left where they are now:')} ${whereNow.join(' ')}` : '';
    if (failed.length === 0) {
      void ctx.workbench.info(`${t('Detached {0} from "{1}".', detached.join(', '), trunkName)}${left}`);
    } else {
      void ctx.workbench.warn(`${t('Detached {0} of {1} number(s) from "{2}"; failed: {3}', detached.length, still.length, trunkName, failed.map((f) => `${f.number}: ${f.reason}`).join('; '))}${left}`);
    }
    return { detached, failed, left: gone.map((n) => n.phone_number ?? n.sid) };
  },
};

/** One sentence per number no longer on the trunk: where it is now. */
async function describeWhereNow(client: TwilioClient, numbers: readonly TrunkPhoneNumber[], now: ReadonlyMap<string, string | null>): Promise<string[]> {
  const names = await fetchTrunkNames(client, numbers.map((n) => now.get(n.sid)).filter((s): s is string => typeof s === 'string'));
  return numbers.map((n) => {
    const label = n.phone_number ?? n.sid;
    const place = now.get(n.sid);
    if (place === undefined) return t('{0} is no longer in the account (released meanwhile).', label);
    if (place === null) return t('{0} is on no trunk now (detached meanwhile).', label);
    return t('{0} is now on "{1}" (moved meanwhile); it stays there.', label, names.get(place) ?? place);
  });
}
