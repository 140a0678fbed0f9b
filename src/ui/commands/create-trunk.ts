import { isProviderError } from '../../core/http/provider-error';
import { FRIENDLY_NAME_MAX, TRANSFER_MODES, TRUNK_DOMAIN_PATTERN, type Trunk, type TransferMode } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { accountFromNode } from '../pickers/account-from-node';
import { pickAccount } from '../pickers/pick-account';
import type { CommandContext, CommandDefinition } from './command';
import { nameProblem } from '../name-problem';

const TRANSFER_MODE_HELP: Record<TransferMode, string> = {
  'disable-all': 'Reject all call transfers (default)',
  'enable-all': 'Allow transfers to any destination',
  'sip-only': 'Allow transfers to SIP destinations only',
};

/** Trunkline: Create Elastic SIP Trunk — account, name, domain (checked as you type), secure, transfer mode. */
export const createTrunk: CommandDefinition = {
  id: 'trunkline.createTrunk',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Elastic SIP Trunk');
    const account = accountFromNode(node, 'twilio') ?? (await pickAccount(ctx, { provider: 'twilio', title, step: { step: 1, totalSteps: 5 } }));
    const friendlyName = await ctx.input.input({
      title,
      prompt: t('Friendly name (up to {0} characters).', FRIENDLY_NAME_MAX),
      placeholder: 'Acme main',
      step: { step: 2, totalSteps: 5 },
      validate: (v) => nameProblem(v, FRIENDLY_NAME_MAX),
    });
    const suggestion = `${friendlyName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'my-trunk'}.pstn.twilio.com`;
    const domainName = (
      await ctx.input.input({
        title,
        prompt: t('Termination domain: letters, digits and "-", ending in .pstn.twilio.com. It must be unique across Twilio.'),
        value: suggestion,
        step: { step: 3, totalSteps: 5 },
        validate: (v) => domainProblem(v.trim()),
      })
    ).trim();
    const secure = await ctx.input.pick(
      [
        { label: t('Secure'), description: t('TLS signalling and SRTP media'), value: true },
        { label: t('Not secure'), description: t('UDP/TCP signalling and RTP media'), value: false },
      ],
      { title, placeholder: t('Secure trunking?'), step: { step: 4, totalSteps: 5 } },
    );
    const transferMode = await ctx.input.pick(
      TRANSFER_MODES.map((mode) => ({ label: mode, description: t(TRANSFER_MODE_HELP[mode]), value: mode })),
      { title, placeholder: t('Call transfer'), step: { step: 5, totalSteps: 5 } },
    );
    const trunk = await ctx.workbench.withProgress(t('Creating trunk "{0}"…', friendlyName), async (_report, signal) => {
      const client = await ctx.connections.twilio(account);
      const fields = { friendly_name: friendlyName, domain_name: domainName, secure, transfer_mode: transferMode };
      try {
        return await client.trunks.create(fields, { signal });
      } catch (e) {
        // Never create twice: when the answer was lost, look for the domain before saying anything.
        if (isProviderError(e) && e.outcomeUnknown) {
          const found: Trunk | undefined = await client.trunks.findByDomainName(domainName, { signal });
          if (found) return found;
        }
        throw e;
      }
    });
    ctx.explorer.refreshById(`account/${account.id}/trunks`);
    void notifyCreated(ctx, t('Created trunk "{0}" ({1}).', trunk.friendly_name ?? friendlyName, trunk.sid), trunk.sid);
    return trunk;
  },
};

export function domainProblem(domain: string): string | undefined {
  if (domain === '') return t('Enter a domain name, e.g. acme-main.pstn.twilio.com.');
  if (!domain.toLowerCase().endsWith('.pstn.twilio.com')) return t('The domain must end in .pstn.twilio.com.');
  if (!TRUNK_DOMAIN_PATTERN.test(domain)) return t('Use one label of letters, digits and "-" (not at either end) before .pstn.twilio.com.');
  return undefined;
}

/** "Created …" with a Copy SID action. */
export async function notifyCreated(ctx: CommandContext, message: string, sid: string): Promise<void> {
  const copy = t('Copy SID');
  if ((await ctx.workbench.info(message, copy)) === copy) await ctx.workbench.writeClipboard(sid);
}
