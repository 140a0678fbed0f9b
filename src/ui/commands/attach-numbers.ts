import { errorLine } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import type { IncomingPhoneNumber, Trunk } from '../../core/providers/twilio/models';
import { attachNumberSurely } from '../../core/providers/twilio/attach-number-surely';
import { numberTrunksNow } from '../../core/providers/twilio/number-trunks-now';
import type { TwilioClient } from '../../core/providers/twilio/twilio-client';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { trunkTreeId } from '../resources/kinds/trunk';
import { PhoneNumbersNode } from '../tree/phone-numbers-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';
import { fetchTrunkNames, trunkDisplayName } from '../../core/providers/twilio/trunk-names';

/**
 * Trunkline: Attach Numbers — a multi-select of the account's numbers, marking those already on
 * another trunk (they are moved: detached there, attached here, after a confirmation).
 */
export const attachNumbers: CommandDefinition = {
  id: 'trunkline.attachNumbers',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Attach Numbers');
    const trunkNode = node instanceof TrunkNode || node instanceof PhoneNumbersNode ? node : undefined;
    const account = trunkNode?.account ?? (await pickAccount(ctx, { provider: 'twilio', title }));
    const trunk = trunkNode?.trunk ?? (await pickTrunk(ctx, account, title));
    const client = await ctx.connections.twilio(account);
    const choices = loadChoices(client, trunk);
    const chosen = await ctx.input.pickMany(
      choices.then(({ numbers, trunkNames }) =>
        numbers.map((n) => ({
          label: n.phone_number,
          description: n.trunk_sid ? t('on trunk "{0}"', trunkNames.get(n.trunk_sid) ?? n.trunk_sid) : (n.friendly_name ?? undefined),
          detail: n.voice_application_sid ? t('now routed to application {0}; attaching replaces that', n.voice_application_sid) : undefined,
          value: n,
        })),
      ),
      { title: `${title}: ${trunk.friendly_name ?? trunk.sid}`, placeholder: t('Numbers to attach (type to filter)'), matchOnDescription: true },
    );
    if (chosen.length === 0) return { attached: [] };
    const moving = chosen.filter((n) => n.trunk_sid);
    if (moving.length > 0) {
      const { trunkNames } = await choices;
      const confirmed = await ctx.input.confirm(t('Move {0} number(s) to "{1}"?', moving.length, trunk.friendly_name ?? trunk.sid), {
        detail: moving.map((n) => t('{0} from "{1}"', n.phone_number, trunkNames.get(n.trunk_sid!) ?? n.trunk_sid!)).join('\n'),
        action: t('Move'),
      });
      if (!confirmed) return { attached: [] };
    }
    // Where each number is right before the write: the list above may be minutes old, and a
    // colleague may have moved or released a number since.
    const plan = await ctx.workbench.withProgress(t('Checking where the numbers are now…'), (_report, signal) => placesNow(client, chosen, trunk, signal));
    const { trunkNames } = await choices;
    const nameOf = (sid: string) => trunkNames.get(sid) ?? plan.names.get(sid) ?? sid;
    const elsewhere = plan.items.filter((i) => typeof i.now === 'string' && i.now !== i.number.trunk_sid && i.now !== trunk.sid);
    let sending = plan.items.filter((i) => i.now !== trunk.sid && i.now !== undefined);
    if (elsewhere.length > 0) {
      const moveThem = t('Move Them Too');
      const leaveThem = t('Leave Them There');
      const answer = await ctx.input.ask(t('{0} number(s) moved to another trunk since they were listed', elsewhere.length), {
        detail: elsewhere
          .map((i) =>
            i.number.trunk_sid
              ? t('{0} is now on "{1}", not "{2}": attaching it here takes it off "{1}".', i.number.phone_number, nameOf(i.now!), nameOf(i.number.trunk_sid))
              : t('{0} is now on "{1}" (it was on no trunk): attaching it here takes it off "{1}".', i.number.phone_number, nameOf(i.now!)),
          )
          .join('\n'),
        actions: [moveThem, leaveThem],
      });
      if (answer === undefined) return { attached: [] };
      if (answer === leaveThem) sending = sending.filter((i) => !elsewhere.includes(i));
    }
    const already = plan.items.filter((i) => i.now === trunk.sid).map((i) => i.number.phone_number);
    const released = plan.items.filter((i) => i.now === undefined).map((i) => i.number.phone_number);
    const left = elsewhere.filter((i) => !sending.includes(i));
    // Every trunk a number is taken off: the one it was listed on, or where it is now.
    const touched = new Set([trunk.sid, ...moving.map((n) => n.trunk_sid!), ...sending.map((i) => i.now).filter((s): s is string => s !== null)]);
    let result: { attached: string[]; failed: { number: string; reason: string }[] };
    try {
      result = await attach(ctx, client, trunk, sending);
    } finally {
      for (const sid of touched) ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid });
    }
    // The rows of the trunk and of every trunk a number left: their number counts and lists.
    for (const sid of touched) ctx.explorer.refreshById(trunkTreeId(account, sid));
    result.attached.push(...already);
    const notes = [
      ...(already.length > 0 ? [t('already on it (attached meanwhile): {0}', already.join(', '))] : []),
      ...(left.length > 0 ? [t('left where they are now: {0}', left.map((i) => `${i.number.phone_number} ("${nameOf(i.now!)}")`).join(', '))] : []),
    ];
    const failed = [...result.failed, ...released.map((number) => ({ number, reason: t('no longer in the account (released meanwhile)') }))];
    if (failed.length === 0) {
      const done = t('Attached {0} number(s) to "{1}".', result.attached.length, trunk.friendly_name ?? trunk.sid);
      void ctx.workbench.info(notes.length > 0 ? `${done} ${notes.join('; ')}.` : done);
    } else {
      void ctx.workbench.warn(
        t('Attached {0} of {1} number(s); failed: {2}', result.attached.length, chosen.length, [...failed.map((f) => `${f.number}: ${f.reason}`), ...notes].join('; ')),
      );
    }
    return { attached: result.attached, failed, left: left.map((i) => i.number.phone_number) };
  },
};

/** A chosen number with the trunk it is on now (null: none; undefined: no longer in the account). */
interface NumberNow {
  number: IncomingPhoneNumber;
  now: string | null | undefined;
}

async function placesNow(client: TwilioClient, chosen: readonly IncomingPhoneNumber[], trunk: Trunk, signal: AbortSignal): Promise<{ items: NumberNow[]; names: Map<string, string> }> {
  const now = await numberTrunksNow(client, chosen.map((n) => n.sid), signal);
  const items = chosen.map((number) => ({ number, now: now.has(number.sid) ? now.get(number.sid)! : undefined }));
  // Names of trunks made since the pick list was loaded (a colleague's), for the question.
  const names = await fetchTrunkNames(client, items.map((i) => i.now).filter((s): s is string => typeof s === 'string' && s !== trunk.sid), signal);
  return { items, names };
}

async function loadChoices(client: TwilioClient, trunk: Trunk): Promise<{ numbers: IncomingPhoneNumber[]; trunkNames: Map<string, string> }> {
  const [numbers, trunks] = await Promise.all([collect(client.incomingPhoneNumbers.list({ pageSize: 1000 })), collect(client.trunks.list({ pageSize: 1000 }))]);
  return {
    numbers: numbers.filter((n) => n.trunk_sid !== trunk.sid),
    trunkNames: new Map(trunks.map((tr) => [tr.sid, trunkDisplayName(tr)])),
  };
}

async function attach(ctx: CommandContext, client: TwilioClient, trunk: Trunk, numbers: readonly NumberNow[]) {
  const attached: string[] = [];
  const failed: { number: string; reason: string }[] = [];
  await ctx.workbench.withProgress(t('Attaching numbers to "{0}"…', trunk.friendly_name ?? trunk.sid), async (report, signal) => {
    for (const [i, { number: n, now }] of numbers.entries()) {
      if (signal.aborted) break;
      report(`${n.phone_number} (${i + 1}/${numbers.length})`);
      try {
        if (now) await client.trunkPhoneNumbers.detach(now, n.sid, { signal });
        await attachNumberSurely(client, trunk.sid, n.sid, signal);
        attached.push(n.phone_number);
      } catch (e) {
        if (signal.aborted) break;
        failed.push({ number: n.phone_number, reason: errorLine(e) });
      }
    }
  });
  return { attached, failed };
}

