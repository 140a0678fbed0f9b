import { BYOC_FRIENDLY_NAME_MAX, HTTP_METHODS } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { accountFromNode } from '../pickers/account-from-node';
import { pickAccount } from '../pickers/pick-account';
import type { CommandContext, CommandDefinition } from './command';
import { notifyCreated } from './create-trunk';
import { nameProblem } from '../name-problem';

/** Trunkline: Create BYOC Trunk — account, name, voice URL and method. */
export const createByocTrunk: CommandDefinition = {
  id: 'trunkline.createByocTrunk',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Create BYOC Trunk');
    const account = accountFromNode(node, 'twilio') ?? (await pickAccount(ctx, { provider: 'twilio', title, step: { step: 1, totalSteps: 4 } }));
    const friendlyName = await ctx.input.input({
      title,
      prompt: t('Friendly name (up to {0} characters; not unique).', BYOC_FRIENDLY_NAME_MAX),
      step: { step: 2, totalSteps: 4 },
      validate: (v) => nameProblem(v, BYOC_FRIENDLY_NAME_MAX),
    });
    const voiceUrl = (
      await ctx.input.input({
        title,
        prompt: t('Voice URL Twilio calls when the trunk receives a call (optional; leave empty to set it later).'),
        placeholder: 'https://example.com/voice',
        step: { step: 3, totalSteps: 4 },
        validate: (v) => (v.trim() === '' || /^https?:\/\/\S+$/.test(v.trim()) ? undefined : t('Enter an absolute http:// or https:// URL, or nothing.')),
      })
    ).trim();
    const voiceMethod = voiceUrl
      ? await ctx.input.pick(
          HTTP_METHODS.map((m) => ({ label: m, value: m })),
          { title, placeholder: t('HTTP method for the voice URL'), step: { step: 4, totalSteps: 4 } },
        )
      : undefined;
    const trunk = await ctx.workbench.withProgress(t('Creating BYOC trunk "{0}"…', friendlyName), async (_report, signal) => {
      const client = await ctx.connections.twilio(account);
      return client.byocTrunks.create({ friendly_name: friendlyName, voice_url: voiceUrl || undefined, voice_method: voiceMethod }, { signal });
    });
    ctx.explorer.refreshById(`account/${account.id}/byoc-trunks`);
    void notifyCreated(ctx, t('Created BYOC trunk "{0}" ({1}).', trunk.friendly_name ?? friendlyName, trunk.sid), trunk.sid);
    return trunk;
  },
};
