import type { Account } from '../../core/accounts/account';
import { BYOC_FRIENDLY_NAME_MAX, HTTP_METHODS, type ByocTrunk } from '../../core/providers/twilio/models';
import { providerStepFailure, runCreateWizard } from '../create-wizard';
import { t } from '../l10n';
import { nameProblem } from '../name-problem';
import { accountFromNode } from '../pickers/account-from-node';
import { accountStep, soleAccount } from '../pickers/pick-account';
import { showCreated } from '../show-created';
import type { CommandContext, CommandDefinition } from './command';

interface ByocAnswers {
  account: Account | undefined;
  accountGiven: boolean;
  friendlyName: string | undefined;
  voiceUrl: string | undefined;
  voiceMethod: (typeof HTTP_METHODS)[number] | undefined;
}

/** Trunkline: Create BYOC Trunk — account, name, voice URL and method; a refused create re-opens at the step it names. */
export const createByocTrunk: CommandDefinition = {
  id: 'trunkline.createByocTrunk',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create BYOC Trunk');
    const given = accountFromNode(node, 'twilio') ?? soleAccount(ctx, 'twilio');
    const answers: ByocAnswers = { account: given, accountGiven: given !== undefined, friendlyName: undefined, voiceUrl: undefined, voiceMethod: undefined };
    const trunk = await runCreateWizard<ByocAnswers, ByocTrunk>(
      {
        steps: [
          accountStep(ctx, 'twilio', title),
          {
            id: 'friendly_name',
            async ask(a, prompt) {
              a.friendlyName = await ctx.input.input({
                title,
                prompt: t('Friendly name (up to {0} characters; not unique).', BYOC_FRIENDLY_NAME_MAX),
                value: a.friendlyName,
                step: prompt.step,
                canGoBack: prompt.canGoBack,
                problem: prompt.problem,
                validate: (v) => nameProblem(v, BYOC_FRIENDLY_NAME_MAX),
              });
            },
          },
          {
            id: 'voice_url',
            async ask(a, prompt) {
              a.voiceUrl = (
                await ctx.input.input({
                  title,
                  prompt: t('Voice URL Twilio calls when the trunk receives a call (optional; leave empty to set it later).'),
                  placeholder: 'https://example.com/voice',
                  value: a.voiceUrl,
                  step: prompt.step,
                  canGoBack: prompt.canGoBack,
                  problem: prompt.problem,
                  validate: (v) => (v.trim() === '' || /^https?:\/\/\S+$/.test(v.trim()) ? undefined : t('Enter an absolute http:// or https:// URL, or nothing.')),
                })
              ).trim();
            },
          },
          {
            id: 'voice_method',
            // Asked only with a voice URL; the count follows.
            shown: (a) => a.voiceUrl === undefined || a.voiceUrl !== '',
            async ask(a, prompt) {
              a.voiceMethod = await ctx.input.pick(
                HTTP_METHODS.map((m) => ({ label: m, value: m, picked: a.voiceMethod === m })),
                { title, placeholder: t('HTTP method for the voice URL'), step: prompt.step, canGoBack: prompt.canGoBack, problem: prompt.problem },
              );
            },
          },
        ],
        submit: (a) =>
          ctx.workbench.withProgress(t('Creating BYOC trunk "{0}"…', a.friendlyName!), async (_report, signal) => {
            const client = await ctx.connections.twilio(a.account!);
            return client.byocTrunks.create({ friendly_name: a.friendlyName!, voice_url: a.voiceUrl || undefined, voice_method: a.voiceUrl ? a.voiceMethod : undefined }, { signal });
          }),
        stepOfFailure: (e) => providerStepFailure(e, { friendly_name: /friendly.?name/i, voice_method: /voice.?method/i, voice_url: /voice.?url|url/i }),
      },
      answers,
    );
    const account = answers.account!;
    await showCreated(ctx, {
      message: t('Created BYOC trunk "{0}" ({1}).', trunk.friendly_name ?? answers.friendlyName!, trunk.sid),
      ref: { kind: 'byocTrunk', account, trunk },
      exportable: true,
    });
    return trunk;
  },
};
