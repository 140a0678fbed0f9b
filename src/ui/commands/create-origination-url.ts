import type { Account } from '../../core/accounts/account';
import { createWithoutDuplicates } from '../../core/documents/apply/reconcile-create';
import { collect } from '../../core/providers/page';
import { FRIENDLY_NAME_MAX, type OriginationUrl, type Trunk } from '../../core/providers/twilio/models';
import { providerStepFailure, runCreateWizard } from '../create-wizard';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { accountStep, soleAccount } from '../pickers/pick-account';
import { pickTrunk } from '../pickers/pick-trunk';
import { showCreated } from '../show-created';
import { OriginationUrlsNode } from '../tree/origination-urls-node';
import { TrunkNode } from '../tree/trunk-node';
import type { CommandContext, CommandDefinition } from './command';

interface OriginationUrlAnswers {
  account: Account | undefined;
  accountGiven: boolean;
  trunk: Trunk | undefined;
  trunkGiven: boolean;
  sipUrl: string | undefined;
  friendlyName: string | undefined;
  priority: string | undefined;
  weight: string | undefined;
}

/**
 * Trunkline: Add Origination URL — where Twilio sends the trunk's inbound calls. A wizard like
 * the creates: Back, an honest step count, a SIP URL the trunk already has refused before
 * sending, and a refused create re-opened at the step it names with every answer kept.
 */
export const createOriginationUrl: CommandDefinition = {
  id: 'trunkline.createOriginationUrl',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Add Origination URL');
    const trunkNode = node instanceof TrunkNode || node instanceof OriginationUrlsNode ? node : undefined;
    const givenAccount = trunkNode?.account ?? soleAccount(ctx, 'twilio');
    const answers: OriginationUrlAnswers = {
      account: givenAccount,
      accountGiven: givenAccount !== undefined,
      trunk: trunkNode?.trunk,
      trunkGiven: trunkNode !== undefined,
      sipUrl: undefined,
      friendlyName: undefined,
      priority: '10',
      weight: '10',
    };
    // The trunk's URLs, read once per trunk while the user types, to refuse a duplicate early.
    let existing: { trunkSid: string; urls: Promise<OriginationUrl[] | undefined> } | undefined;
    const existingUrls = (a: OriginationUrlAnswers): Promise<OriginationUrl[] | undefined> => {
      if (existing?.trunkSid !== a.trunk!.sid) {
        const trunkSid = a.trunk!.sid;
        existing = {
          trunkSid,
          urls: ctx.connections
            .twilio(a.account!)
            .then((client) => collect(client.originationUrls.list(trunkSid)))
            .catch(() => undefined), // the check is a courtesy: the provider still decides
        };
      }
      return existing.urls;
    };
    const url = await runCreateWizard<OriginationUrlAnswers, OriginationUrl>(
      {
        steps: [
          accountStep(ctx, 'twilio', title),
          {
            id: 'trunk',
            shown: (a) => !a.trunkGiven,
            async ask(a) {
              a.trunk = await pickTrunk(ctx, a.account!, title);
            },
          },
          {
            id: 'sip_url',
            async ask(a, prompt) {
              const urls = await existingUrls(a);
              a.sipUrl = (
                await ctx.input.input({
                  title: `${title}: ${a.trunk!.friendly_name ?? a.trunk!.sid}`,
                  prompt: t('SIP URL of your infrastructure (sip: only; sips: is not supported by Twilio).'),
                  placeholder: 'sip:pbx.example.com',
                  value: a.sipUrl,
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: (v) => {
                    const value = v.trim();
                    if (!/^sip:\S+$/i.test(value)) return t('Enter a sip: URI, e.g. sip:pbx.example.com:5060.');
                    const same = urls?.find((u) => u.sip_url?.toLowerCase() === value.toLowerCase());
                    return same ? t('This trunk already sends calls to {0} ("{1}").', same.sip_url ?? value, same.friendly_name ?? same.sid) : undefined;
                  },
                })
              ).trim();
            },
          },
          {
            id: 'friendly_name',
            async ask(a, prompt) {
              a.friendlyName = await ctx.input.input({
                title,
                prompt: t('Friendly name (up to {0} characters).', FRIENDLY_NAME_MAX),
                value: a.friendlyName ?? a.sipUrl!.replace(/^sip:/i, '').split(/[:;]/)[0],
                step: prompt.step,
                canGoBack: prompt.canGoBack,
                problem: prompt.problem,
                validate: (v) => nameProblem(v, FRIENDLY_NAME_MAX),
              });
            },
          },
          {
            id: 'priority',
            async ask(a, prompt) {
              a.priority = await ctx.input.input({
                title,
                prompt: t('Priority 0–65535: lower values are tried first.'),
                value: a.priority,
                step: prompt.step,
                canGoBack: prompt.canGoBack,
                problem: prompt.problem,
                validate: (v) => rangeProblem(v, 0, 65535),
              });
            },
          },
          {
            id: 'weight',
            async ask(a, prompt) {
              a.weight = await ctx.input.input({
                title,
                prompt: t('Weight 1–65535: share of calls among URLs of the same priority.'),
                value: a.weight,
                step: prompt.step,
                canGoBack: prompt.canGoBack,
                problem: prompt.problem,
                validate: (v) => rangeProblem(v, 1, 65535),
              });
            },
          },
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Adding {0}…', a.sipUrl!), async (_report, signal) => {
            const client = await ctx.connections.twilio(a.account!);
            const body = { sip_url: a.sipUrl!, friendly_name: a.friendlyName!, priority: Number(a.priority), weight: Number(a.weight), enabled: true };
            const sameUrl = async (s: AbortSignal | undefined) =>
              (await collect(client.originationUrls.list(a.trunk!.sid, { signal: s }))).find((u) => u.sip_url?.toLowerCase() === a.sipUrl!.toLowerCase());
            // The wizard may have been open for a while: a URL someone added meanwhile is refused
            // at its step, not added twice (Twilio would take it again).
            const there = await sameUrl(signal);
            if (there) {
              existing = undefined;
              throw new SipUrlTaken(t('This trunk already sends calls to {0} ("{1}").', there.sip_url ?? a.sipUrl!, there.friendly_name ?? there.sid));
            }
            // A lost answer or a 5xx: the URL may exist now; it is looked up (by SIP URL) before anything is sent again.
            const { value } = await createWithoutDuplicates(
              { what: `origination URL ${a.sipUrl!}`, create: () => client.originationUrls.create(a.trunk!.sid, body, { signal }), find: (_before, s) => sameUrl(s) },
              { signal },
            );
            return value;
          }),
        stepOfFailure: (e) =>
          e instanceof SipUrlTaken
            ? { stepId: 'sip_url', message: e.message }
            : providerStepFailure(e, { sip_url: /sip.?url|uri/i, friendly_name: /friendly.?name/i, priority: /priority/i, weight: /weight/i }),
      },
      answers,
    );
    const account = answers.account!;
    const trunk = answers.trunk!;
    ctx.resourceChanges.fire({ account: account.name, kind: 'TwilioTrunk', sid: trunk.sid });
    await showCreated(ctx, {
      message: t('Added origination URL {0} to "{1}".', answers.sipUrl!, trunk.friendly_name ?? trunk.sid),
      ref: { kind: 'originationUrl', account, trunk, url },
      exportable: false,
    });
    return url;
  },
};

/** The SIP URL was added to the trunk while the wizard was open. */
class SipUrlTaken extends Error {}

function rangeProblem(value: string, min: number, max: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return t('Enter a whole number.');
  const n = Number(value);
  return n < min || n > max ? t('Between {0} and {1}.', min, max) : undefined;
}
