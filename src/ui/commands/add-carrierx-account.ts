import { accountNameProblem } from '../../core/accounts/account';
import { checkCarrierXCredentials } from '../../core/accounts/credential-check';
import { isProviderError } from '../../core/http/provider-error';
import { createCarrierXClient } from '../../core/providers/carrierx/carrierx-client';
import { t } from '../l10n';
import type { CommandContext, CommandDefinition } from './command';

/** Trunkline: Add CarrierX Account — a name and a Core API token, checked before it is saved. */
export const addCarrierXAccount: CommandDefinition = {
  id: 'trunkline.addCarrierXAccount',
  async run(ctx: CommandContext, args?: unknown) {
    const baseUrl = args && typeof args === 'object' ? (args as { baseUrl?: string }).baseUrl : undefined;
    const title = t('Add CarrierX Account');
    const name = await ctx.input.input({
      title,
      prompt: t('A name for this account. Trunk files refer to it, e.g. `account: carrierx-prod`.'),
      placeholder: 'carrierx-prod',
      step: { step: 1, totalSteps: 2 },
      validate: (value) => accountNameProblem(value, ctx.accounts.list()),
    });
    const token = (
      await ctx.input.input({
        title,
        prompt: t('Core API security token (from the CarrierX portal). It is kept in VS Code SecretStorage only.'),
        password: true,
        step: { step: 2, totalSteps: 2 },
        validate: (value) => (value.trim().length > 0 ? undefined : t('Enter the API token.')),
      })
    ).trim();
    await ctx.workbench.withProgress(t('Checking the credentials of "{0}"…', name), async (_report, signal) => {
      const client = createCarrierXClient({ ...ctx.connectionServices, token, baseUrl });
      try {
        await checkCarrierXCredentials(client, signal);
      } catch (e) {
        if (isProviderError(e) && e.isAuthError) {
          throw new Error(t('CarrierX rejected this token (HTTP {0}). Check that it is a Core API token with trunk group access; nothing was saved.', e.status ?? 401));
        }
        throw e;
      }
    });
    const account = await ctx.accounts.add({ name, provider: 'carrierx', baseUrl }, { carrierxToken: token });
    void ctx.workbench.info(t('Connected CarrierX account "{0}".', account.name));
    return account;
  },
};
