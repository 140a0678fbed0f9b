import type { Account } from '../../core/accounts/account';
import { isProviderError } from '../../core/http/provider-error';
import { FRIENDLY_NAME_MAX, TRANSFER_MODES, TRUNK_DOMAIN_PATTERN, type Trunk, type TransferMode } from '../../core/providers/twilio/models';
import { providerStepFailure, runCreateWizard, type StepFailure } from '../create-wizard';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { accountFromNode } from '../pickers/account-from-node';
import { accountStep, soleAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import type { CommandContext, CommandDefinition } from './command';

const TRANSFER_MODE_HELP: Record<TransferMode, string> = {
  'disable-all': 'Reject all call transfers (default)',
  'enable-all': 'Allow transfers to any destination',
  'sip-only': 'Allow transfers to SIP destinations only',
};

/** Twilio's "Trunk Domain already taken" (the domain is unique across Twilio). */
const DOMAIN_TAKEN = 21248;

interface TrunkAnswers {
  account: Account | undefined;
  /** The account came with the tree node, or there is only one: no account step. */
  accountGiven: boolean;
  friendlyName: string | undefined;
  domainName: string | undefined;
  secure: boolean | undefined;
  transferMode: TransferMode | undefined;
}

/** Trunkline: Create Elastic SIP Trunk — account, name, domain (checked as you type and before sending), secure, transfer mode. */
export const createTrunk: CommandDefinition = {
  id: 'trunkline.createTrunk',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create Elastic SIP Trunk');
    const given = accountFromNode(node, 'twilio') ?? soleAccount(ctx, 'twilio');
    const answers: TrunkAnswers = { account: given, accountGiven: given !== undefined, friendlyName: undefined, domainName: undefined, secure: undefined, transferMode: undefined };
    const trunk = await runCreateWizard<TrunkAnswers, Trunk>(
      {
        steps: [
          accountStep(ctx, 'twilio', title),
          {
            id: 'friendly_name',
            async ask(a, prompt) {
              a.friendlyName = await ctx.input.input({
                title,
                prompt: t('Friendly name (up to {0} characters).', FRIENDLY_NAME_MAX),
                placeholder: 'Acme main',
                value: a.friendlyName,
                step: prompt.step,
                canGoBack: prompt.canGoBack,
                problem: prompt.problem,
                validate: (v) => nameProblem(v, FRIENDLY_NAME_MAX),
              });
            },
          },
          {
            id: 'domain_name',
            async ask(a, prompt) {
              a.domainName = (
                await ctx.input.input({
                  title,
                  prompt: t('Termination domain: letters, digits and "-", ending in .pstn.twilio.com. It must be unique across Twilio.'),
                  value: a.domainName ?? suggestedDomain(a.friendlyName ?? ''),
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: (v) => domainProblem(v.trim()),
                  validateOnAccept: (v) => domainInUse(ctx, a.account!, v.trim()),
                })
              ).trim();
            },
          },
          {
            id: 'secure',
            async ask(a, prompt) {
              a.secure = await ctx.input.pick(
                [
                  { label: t('Secure'), description: t('TLS signalling and SRTP media'), value: true, picked: a.secure === true },
                  { label: t('Not secure'), description: t('UDP/TCP signalling and RTP media'), value: false, picked: a.secure === false },
                ],
                { title, placeholder: t('Secure trunking?'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
              );
            },
          },
          {
            id: 'transfer_mode',
            async ask(a, prompt) {
              a.transferMode = await ctx.input.pick(
                TRANSFER_MODES.map((mode) => ({ label: mode, description: t(TRANSFER_MODE_HELP[mode]), value: mode, picked: a.transferMode === mode })),
                { title, placeholder: t('Call transfer'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
              );
            },
          },
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Creating trunk "{0}"…', a.friendlyName!), async (_report, signal) => {
            const client = await ctx.connections.twilio(a.account!);
            const fields = { friendly_name: a.friendlyName!, domain_name: a.domainName!, secure: a.secure!, transfer_mode: a.transferMode! };
            try {
              return await client.trunks.create(fields, { signal });
            } catch (e) {
              // Never create twice: when the answer was lost, look for the domain before saying anything.
              if (isProviderError(e) && e.outcomeUnknown) {
                const found: Trunk | undefined = await client.trunks.findByDomainName(fields.domain_name, { signal });
                if (found) return found;
              }
              throw e;
            }
          }),
        stepOfFailure: trunkStepOfFailure,
      },
      answers,
    );
    const account = answers.account!;
    await showCreated(ctx, {
      message: t('Created trunk "{0}" ({1}).', trunk.friendly_name ?? answers.friendlyName!, trunk.sid),
      ref: { kind: 'trunk', account, trunk },
      exportable: true,
    });
    return trunk;
  },
};

/** The step a provider's refusal points at: the domain for 21248, else the field it names. */
function trunkStepOfFailure(e: unknown): StepFailure | undefined {
  if (isProviderError(e) && e.code === DOMAIN_TAKEN && !e.outcomeUnknown) return { stepId: 'domain_name', message: e.toDisplayString() };
  return providerStepFailure(e, { domain_name: /domain/i, friendly_name: /friendly.?name/i, transfer_mode: /transfer/i, secure: /secure/i });
}

function suggestedDomain(friendlyName: string): string {
  return `${friendlyName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'my-trunk'}.pstn.twilio.com`;
}

/** Before sending: a domain a trunk of this account already has, or a workspace file claims, would be refused or fight that file. */
async function domainInUse(ctx: CommandContext, account: Account, domain: string): Promise<string | undefined> {
  const files = ctx.domainClaimedInWorkspace?.(domain) ?? [];
  if (files.length > 0) return t('{0} is claimed by {1} in this workspace: choose another domain, or push that file instead.', domain, files.join(', '));
  const client = await ctx.connections.twilio(account);
  const existing = await client.trunks.findByDomainName(domain);
  if (existing) return t('The trunk "{0}" ({1}) of this account already has {2}: choose another domain.', existing.friendly_name ?? existing.sid, existing.sid, domain);
  return undefined;
}

export function domainProblem(domain: string): string | undefined {
  if (domain === '') return t('Enter a domain name, e.g. acme-main.pstn.twilio.com.');
  if (!domain.toLowerCase().endsWith('.pstn.twilio.com')) return t('The domain must end in .pstn.twilio.com.');
  if (!TRUNK_DOMAIN_PATTERN.test(domain)) return t('Use one label of letters, digits and "-" (not at either end) before .pstn.twilio.com.');
  return undefined;
}
