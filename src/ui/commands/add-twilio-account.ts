import { accountNameProblem, type TwilioAuthMode } from '../../core/accounts/account';
import { checkTwilioCredentials } from '../../core/accounts/credential-check';
import { isProviderError } from '../../core/http/provider-error';
import { SID_PATTERNS } from '../../core/providers/twilio/models';
import { createTwilioClient } from '../../core/providers/twilio/twilio-client';
import { t } from '../l10n';
import type { CommandContext, CommandDefinition } from './command';

export interface AddTwilioAccountArgs {
  auth?: TwilioAuthMode;
  /** Host root overriding Twilio's (a gateway, or a local emulator). */
  baseUrl?: string;
}

/** Trunkline: Add Twilio Account — name, Account SID, Auth Token or API key; checked before it is saved. */
export const addTwilioAccount: CommandDefinition = {
  id: 'trunkline.addTwilioAccount',
  async run(ctx: CommandContext, args?: unknown) {
    const options = (args && typeof args === 'object' ? args : {}) as AddTwilioAccountArgs;
    const title = t('Add Twilio Account');
    const auth =
      options.auth ??
      (await ctx.input.pick<TwilioAuthMode>(
        [
          { label: t('Auth Token'), description: t('Account SID + Auth Token'), value: 'authToken' },
          { label: t('API key'), description: t('API Key SID + Secret (recommended)'), value: 'apiKey' },
        ],
        { title, placeholder: t('How should Trunkline authenticate?'), step: { step: 1, totalSteps: 4 } },
      ));
    const total = auth === 'apiKey' ? 5 : 4;
    const name = await ctx.input.input({
      title,
      prompt: t('A name for this account. Trunk files refer to it, e.g. `account: acme-prod`.'),
      placeholder: 'acme-prod',
      step: { step: 2, totalSteps: total },
      validate: (value) => accountNameProblem(value, ctx.accounts.list()),
    });
    const accountSid = (
      await ctx.input.input({
        title,
        prompt: t('Account SID (AC…), from the Twilio Console.'),
        step: { step: 3, totalSteps: total },
        validate: (value) => (SID_PATTERNS.account.test(value.trim()) ? undefined : t('An Account SID is AC followed by 32 hexadecimal characters.')),
      })
    ).trim();
    let apiKeySid: string | undefined;
    let secret: string;
    if (auth === 'apiKey') {
      apiKeySid = (
        await ctx.input.input({
          title,
          prompt: t('API Key SID (SK…).'),
          step: { step: 4, totalSteps: total },
          validate: (value) => (SID_PATTERNS.apiKey.test(value.trim()) ? undefined : t('An API Key SID is SK followed by 32 hexadecimal characters.')),
        })
      ).trim();
      secret = await ctx.input.input({
        title,
        prompt: t('API Key Secret. It is kept in VS Code SecretStorage only.'),
        password: true,
        step: { step: 5, totalSteps: total },
        validate: (value) => (value.trim().length > 0 ? undefined : t('Enter the API key secret.')),
      });
    } else {
      secret = await ctx.input.input({
        title,
        prompt: t('Auth Token. It is kept in VS Code SecretStorage only.'),
        password: true,
        step: { step: 4, totalSteps: total },
        validate: (value) => (value.trim().length > 0 ? undefined : t('Enter the Auth Token.')),
      });
    }
    secret = secret.trim();
    const credentials =
      auth === 'apiKey' ? { kind: 'apiKey' as const, apiKeySid: apiKeySid!, apiKeySecret: secret } : { kind: 'authToken' as const, authToken: secret };

    await ctx.workbench.withProgress(t('Checking the credentials of "{0}"…', name), async (_report, signal) => {
      const client = createTwilioClient({ ...ctx.connectionServices, accountSid, credentials, baseUrl: options.baseUrl });
      try {
        await checkTwilioCredentials(client, signal);
      } catch (e) {
        if (isProviderError(e) && e.isAuthError) {
          throw new Error(
            t('Twilio rejected these credentials ({0}). Check the Account SID and the {1}; nothing was saved.', `${e.code ?? e.status}`, auth === 'apiKey' ? t('API key') : t('Auth Token')),
          );
        }
        throw e;
      }
    });
    const account = await ctx.accounts.add(
      { name, provider: 'twilio', accountSid, twilioAuth: auth, apiKeySid, baseUrl: options.baseUrl },
      auth === 'apiKey' ? { apiKeySecret: secret } : { authToken: secret },
    );
    void ctx.workbench.info(t('Connected Twilio account "{0}".', account.name));
    return account;
  },
};
