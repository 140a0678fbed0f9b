import type { AccountSecrets } from '../../core/accounts/account';
import { checkCarrierXCredentials, checkTwilioCredentials } from '../../core/accounts/credential-check';
import { isProviderError } from '../../core/http/provider-error';
import { createCarrierXClient } from '../../core/providers/carrierx/carrierx-client';
import { createTwilioClient } from '../../core/providers/twilio/twilio-client';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { AccountNode } from '../tree/account-node';
import type { CommandContext, CommandDefinition } from './command';

/** Replaces an account's secret (rotated token or key); checked before it replaces the old one. */
export const updateAccountCredentials: CommandDefinition = {
  id: 'trunkline.updateAccountCredentials',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Update Account Credentials');
    const account = node instanceof AccountNode ? node.account : await pickAccount(ctx, { title });
    if (account.provider === 'sandbox') throw new Error(t('The sandbox needs no credentials.'));
    const what = account.provider === 'carrierx' ? t('API token') : account.twilioAuth === 'apiKey' ? t('API Key Secret') : t('Auth Token');
    const secret = (
      await ctx.input.input({
        title,
        prompt: t('New {0} for "{1}". It is kept in VS Code SecretStorage only.', what, account.name),
        password: true,
        validate: (value) => (value.trim().length > 0 ? undefined : t('Enter the {0}.', what)),
      })
    ).trim();
    let secrets: AccountSecrets;
    await ctx.workbench.withProgress(t('Checking the credentials of "{0}"…', account.name), async (_report, signal) => {
      try {
        if (account.provider === 'carrierx') {
          secrets = { carrierxToken: secret };
          await checkCarrierXCredentials(createCarrierXClient({ ...ctx.connectionServices, token: secret, baseUrl: account.baseUrl }), signal);
        } else {
          secrets = account.twilioAuth === 'apiKey' ? { apiKeySecret: secret } : { authToken: secret };
          const credentials =
            account.twilioAuth === 'apiKey'
              ? { kind: 'apiKey' as const, apiKeySid: account.apiKeySid ?? '', apiKeySecret: secret }
              : { kind: 'authToken' as const, authToken: secret };
          await checkTwilioCredentials(createTwilioClient({ ...ctx.connectionServices, accountSid: account.accountSid ?? '', credentials, baseUrl: account.baseUrl }), signal);
        }
      } catch (e) {
        if (isProviderError(e) && e.isAuthError) throw new Error(t('The provider rejected the new {0}; the old one is kept.', what));
        throw e;
      }
    });
    await ctx.accounts.updateSecrets(account.id, secrets!);
    void ctx.workbench.info(t('Updated the credentials of "{0}".', account.name));
  },
};
