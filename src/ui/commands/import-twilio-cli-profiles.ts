import { accountNameProblem } from '../../core/accounts/account';
import { checkTwilioCredentials } from '../../core/accounts/credential-check';
import { errorLine, isProviderError } from '../../core/http/provider-error';
import { parseTwilioCliConfig, type TwilioCliProfile } from '../../core/accounts/twilio-cli-profiles';
import { createTwilioClient } from '../../core/providers/twilio/twilio-client';
import { t } from '../l10n';
import { isUserCancelled } from '../user-input';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Imports twilio-cli profiles (~/.twilio-cli/config.json) as accounts. Their API keys go to
 * SecretStorage; a secret twilio-cli kept in the system keychain (not in the file) is asked for.
 */
export const importTwilioCliProfiles: CommandDefinition = {
  id: 'trunkline.importTwilioCliProfiles',
  async run(ctx: CommandContext, args?: unknown) {
    // A host override for every imported account (a gateway, or the emulator in tests).
    const baseUrl = args && typeof args === 'object' ? (args as { baseUrl?: string }).baseUrl : undefined;
    const title = t('Import twilio-cli Profiles');
    const text = await ctx.readTwilioCliConfig();
    const profiles = text === undefined ? [] : parseTwilioCliConfig(text);
    const existing = ctx.accounts.list();
    const fresh = profiles.filter((p) => !existing.some((a) => a.accountSid === p.accountSid && a.apiKeySid === p.apiKeySid));
    if (fresh.length === 0) {
      void ctx.workbench.info(
        profiles.length === 0
          ? t('No twilio-cli profiles found in ~/.twilio-cli/config.json. Create one with `twilio profiles:create`.')
          : t('Every twilio-cli profile is already connected.'),
      );
      return [];
    }
    const chosen = await ctx.input.pickMany(
      fresh.map((p) => ({
        label: p.name,
        description: `${p.accountSid}${p.active ? ` · ${t('active')}` : ''}`,
        detail: p.apiKeySid ? t('API key {0}', p.apiKeySid) : t('no API key in the file'),
        picked: true,
        value: p,
      })),
      { title, placeholder: t('Profiles to import') },
    );
    const imported: string[] = [];
    const failed: string[] = [];
    for (const profile of chosen) {
      try {
        imported.push(await importProfile(ctx, profile, title, baseUrl));
      } catch (e) {
        if (isUserCancelled(e)) throw e;
        failed.push(errorLine(e));
      }
    }
    const done = imported.length > 0 ? t('Imported {0}.', imported.map((n) => `"${n}"`).join(', ')) : '';
    if (failed.length > 0) void ctx.workbench.warn(`${done} ${t('Not imported: {0}', failed.join(' '))}`.trim());
    else void ctx.workbench.info(done);
    return imported;
  },
};

async function importProfile(ctx: CommandContext, profile: TwilioCliProfile, title: string, baseUrl: string | undefined): Promise<string> {
  if (!profile.apiKeySid) throw new Error(t('The profile "{0}" has no API key; add it with "Trunkline: Add Twilio Account" instead.', profile.name));
  const secret =
    profile.apiKeySecret ??
    (await ctx.input.input({
      title,
      prompt: t('API Key Secret for the twilio-cli profile "{0}" ({1}); twilio-cli keeps it in the system keychain.', profile.name, profile.apiKeySid),
      password: true,
      validate: (value) => (value.trim().length > 0 ? undefined : t('Enter the API key secret.')),
    }));
  let name = profile.name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'twilio';
  for (let n = 2; accountNameProblem(name, ctx.accounts.list()); n++) name = `${profile.name}-${n}`.replace(/[^A-Za-z0-9._-]/g, '-');
  await ctx.workbench.withProgress(t('Checking the twilio-cli profile "{0}"…', profile.name), async (_report, signal) => {
    const client = createTwilioClient({
      ...ctx.connectionServices,
      accountSid: profile.accountSid,
      credentials: { kind: 'apiKey', apiKeySid: profile.apiKeySid!, apiKeySecret: secret },
      baseUrl,
    });
    try {
      await checkTwilioCredentials(client, signal);
    } catch (e) {
      if (isProviderError(e) && e.isAuthError) throw new Error(t('Twilio rejected the API key of the profile "{0}"; it was not imported.', profile.name));
      throw e;
    }
  });
  await ctx.accounts.add({ name, provider: 'twilio', accountSid: profile.accountSid, twilioAuth: 'apiKey', apiKeySid: profile.apiKeySid, baseUrl }, { apiKeySecret: secret });
  return name;
}
