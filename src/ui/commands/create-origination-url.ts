import { isProviderError } from '../../core/http/provider-error';
import { FRIENDLY_NAME_MAX } from '../../core/providers/twilio/models';
import { collect } from '../../core/providers/page';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { OriginationUrlsNode } from '../tree/origination-urls-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';
import { showCreated } from '../show-created';
import { nameProblem } from '../name-problem';

/** Trunkline: Add Origination URL — where Twilio sends the trunk's inbound calls. */
export const createOriginationUrl: CommandDefinition = {
  id: 'trunkline.createOriginationUrl',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Add Origination URL');
    const trunkNode = node instanceof TrunkNode || node instanceof OriginationUrlsNode ? node : undefined;
    const account = trunkNode?.account ?? (await pickAccount(ctx, { provider: 'twilio', title }));
    const trunk = trunkNode?.trunk ?? (await pickTrunk(ctx, account, title));
    const sipUrl = (
      await ctx.input.input({
        title,
        prompt: t('SIP URL of your infrastructure (sip: only; sips: is not supported by Twilio).'),
        placeholder: 'sip:pbx.example.com',
        step: { step: 1, totalSteps: 4 },
        validate: (v) => (/^sip:\S+$/i.test(v.trim()) ? undefined : t('Enter a sip: URI, e.g. sip:pbx.example.com:5060.')),
      })
    ).trim();
    const friendlyName = await ctx.input.input({
      title,
      prompt: t('Friendly name (up to {0} characters).', FRIENDLY_NAME_MAX),
      value: sipUrl.replace(/^sip:/i, '').split(/[:;]/)[0],
      step: { step: 2, totalSteps: 4 },
      validate: (v) => nameProblem(v, FRIENDLY_NAME_MAX),
    });
    const priority = Number(
      await ctx.input.input({
        title,
        prompt: t('Priority 0–65535: lower values are tried first.'),
        value: '10',
        step: { step: 3, totalSteps: 4 },
        validate: (v) => rangeProblem(v, 0, 65535),
      }),
    );
    const weight = Number(
      await ctx.input.input({
        title,
        prompt: t('Weight 1–65535: share of calls among URLs of the same priority.'),
        value: '10',
        step: { step: 4, totalSteps: 4 },
        validate: (v) => rangeProblem(v, 1, 65535),
      }),
    );
    const url = await ctx.workbench.withProgress(t('Adding {0}…', sipUrl), async (_report, signal) => {
      const client = await ctx.connections.twilio(account);
      try {
        return await client.originationUrls.create(trunk.sid, { sip_url: sipUrl, friendly_name: friendlyName, priority, weight, enabled: true }, { signal });
      } catch (e) {
        if (isProviderError(e) && e.outcomeUnknown) {
          const existing = await collect(client.originationUrls.list(trunk.sid, { signal }));
          const found = existing.find((u) => u.sip_url?.toLowerCase() === sipUrl.toLowerCase());
          if (found) return found;
        }
        throw e;
      }
    });
    ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
    await showCreated(ctx, {
      message: t('Added origination URL {0} to "{1}".', sipUrl, trunk.friendly_name ?? trunk.sid),
      ref: { kind: 'originationUrl', account, trunk, url },
      exportable: false,
    });
    return url;
  },
};

function rangeProblem(value: string, min: number, max: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return t('Enter a whole number.');
  const n = Number(value);
  return n < min || n > max ? t('Between {0} and {1}.', min, max) : undefined;
}
