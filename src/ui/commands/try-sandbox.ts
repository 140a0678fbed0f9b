import { accountNameProblem } from '../../core/accounts/account';
import { t } from '../l10n';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Try the Sandbox — connects an account served by a local emulator with sample
 * trunks and numbers, so everything can be tried without credentials.
 */
export const trySandbox: CommandDefinition = {
  id: 'trunkline.trySandbox',
  async run(ctx: CommandContext) {
    const existing = ctx.accounts.list().find((a) => a.provider === 'sandbox');
    if (existing) {
      void ctx.workbench.info(t('The sandbox account "{0}" is already connected.', existing.name));
      return existing;
    }
    await ctx.workbench.withProgress(t('Starting the sandbox…'), () => ctx.sandbox.endpoint());
    let name = 'sandbox';
    for (let n = 2; accountNameProblem(name, ctx.accounts.list()); n++) name = `sandbox-${n}`;
    const account = await ctx.accounts.add({ name, provider: 'sandbox' }, {});
    void ctx.workbench.info(t('The sandbox is ready: "{0}" has sample Twilio trunks, numbers and CarrierX trunk groups. Nothing you do there reaches a real provider.', account.name));
    return account;
  },
};
