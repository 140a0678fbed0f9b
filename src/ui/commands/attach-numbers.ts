import type { Account } from '../../core/accounts/account';
import { errorLine, isProviderError } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import type { IncomingPhoneNumber, Trunk } from '../../core/providers/twilio/models';
import type { TwilioClient } from '../../core/providers/twilio/twilio-client';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { trunkTreeId } from '../resources/kinds/trunk';
import { PhoneNumbersNode } from '../tree/phone-numbers-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';

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
    let result;
    try {
      result = await attach(ctx, client, account, trunk, chosen);
    } finally {
      // The trunk and every trunk a number moved away from.
      for (const sid of new Set([trunk.sid, ...moving.map((n) => n.trunk_sid!)])) ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid });
    }
    // The rows of the trunk and of every trunk a number left: their number counts and lists.
    for (const sid of new Set([trunk.sid, ...moving.map((n) => n.trunk_sid!)])) ctx.explorer.refreshById(trunkTreeId(account, sid));
    if (result.failed.length === 0) {
      void ctx.workbench.info(t('Attached {0} number(s) to "{1}".', result.attached.length, trunk.friendly_name ?? trunk.sid));
    } else {
      void ctx.workbench.warn(
        t('Attached {0} of {1} number(s); failed: {2}', result.attached.length, chosen.length, result.failed.map((f) => `${f.number}: ${f.reason}`).join('; ')),
      );
    }
    return result;
  },
};

async function loadChoices(client: TwilioClient, trunk: Trunk): Promise<{ numbers: IncomingPhoneNumber[]; trunkNames: Map<string, string> }> {
  const [numbers, trunks] = await Promise.all([collect(client.incomingPhoneNumbers.list({ pageSize: 1000 })), collect(client.trunks.list({ pageSize: 1000 }))]);
  return {
    numbers: numbers.filter((n) => n.trunk_sid !== trunk.sid),
    trunkNames: new Map(trunks.map((tr) => [tr.sid, tr.friendly_name || tr.domain_name || tr.sid])),
  };
}

async function attach(ctx: CommandContext, client: TwilioClient, _account: Account, trunk: Trunk, numbers: IncomingPhoneNumber[]) {
  const attached: string[] = [];
  const failed: { number: string; reason: string }[] = [];
  await ctx.workbench.withProgress(t('Attaching numbers to "{0}"…', trunk.friendly_name ?? trunk.sid), async (report, signal) => {
    for (const [i, n] of numbers.entries()) {
      if (signal.aborted) break;
      report(`${n.phone_number} (${i + 1}/${numbers.length})`);
      try {
        if (n.trunk_sid) await client.trunkPhoneNumbers.detach(n.trunk_sid, n.sid, { signal });
        await attachOnce(client, trunk.sid, n.sid, signal);
        attached.push(n.phone_number);
      } catch (e) {
        if (signal.aborted) break;
        failed.push({ number: n.phone_number, reason: errorLine(e) });
      }
    }
  });
  return { attached, failed };
}

/** An attach whose answer was lost is checked on the trunk before it counts as failed. */
async function attachOnce(client: TwilioClient, trunkSid: string, numberSid: string, signal: AbortSignal): Promise<void> {
  try {
    await client.trunkPhoneNumbers.attach(trunkSid, numberSid, { signal });
  } catch (e) {
    if (isProviderError(e) && e.outcomeUnknown) {
      const onTrunk = await collect(client.trunkPhoneNumbers.list(trunkSid, { pageSize: 1000, signal }));
      if (onTrunk.some((n) => n.sid === numberSid)) return;
    }
    throw e;
  }
}
