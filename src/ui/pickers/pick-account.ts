import { providersOf, type Account } from '../../core/accounts/account';
import type { CommandContext } from '../commands/command';
import { t } from '../l10n';
import type { WizardStep } from '../create-wizard';
import type { StepInfo } from '../user-input';
import { defaultAccountName } from './default-account';

/**
 * Chooses the account a palette command works on. With one matching account there is
 * nothing to ask; with none, the error says how to add one.
 */
export async function pickAccount(
  ctx: CommandContext,
  options: { provider?: 'twilio' | 'carrierx'; title: string; step?: StepInfo },
): Promise<Account> {
  const accounts = candidates(ctx, options.provider);
  if (accounts.length === 1) return accounts[0]!;
  // the default account (setting trunkline.defaultAccount) is offered first
  const preferred = defaultAccountName(accounts, ctx.defaultAccount());
  const ordered = [...accounts].sort((a, b) => Number(b.name === preferred) - Number(a.name === preferred));
  return ctx.input.pick(
    ordered.map((a) => ({
      label: a.name,
      description: `${a.provider === 'sandbox' ? t('Sandbox') : a.provider === 'carrierx' ? 'CarrierX' : (a.accountSid ?? 'Twilio')}${a.name === preferred ? ` · ${t('default')}` : ''}`,
      icon: a.provider === 'sandbox' ? 'beaker' : a.provider === 'carrierx' ? 'globe' : 'cloud',
      value: a,
    })),
    { title: options.title, placeholder: t('Choose an account'), step: options.step },
  );
}

/**
 * The account when there is nothing to choose (exactly one), so a wizard can leave the
 * account step out of its count; undefined when the user must choose. Throws, as pickAccount
 * does, when there is none.
 */
export function soleAccount(ctx: CommandContext, provider?: 'twilio' | 'carrierx'): Account | undefined {
  const accounts = candidates(ctx, provider);
  return accounts.length === 1 ? accounts[0] : undefined;
}

function candidates(ctx: CommandContext, provider: 'twilio' | 'carrierx' | undefined): Account[] {
  const accounts = ctx.accounts.list().filter((a) => !provider || providersOf(a).includes(provider));
  if (accounts.length === 0) {
    const which = provider === 'carrierx' ? 'CarrierX' : provider === 'twilio' ? 'Twilio' : '';
    throw new Error(t('No {0} account is connected. Run "Trunkline: Add Account" or "Trunkline: Try the Sandbox" first.', which).replace('  ', ' '));
  }
  return accounts;
}

/**
 * A create wizard's first step: the account, asked only when the command was not started from
 * an account's node (or the provider has one account).
 */
export function accountStep<S extends { account: Account | undefined; accountGiven: boolean }>(ctx: CommandContext, provider: 'twilio' | 'carrierx', title: string): WizardStep<S> {
  return {
    id: 'account',
    shown: (a) => !a.accountGiven,
    async ask(a, prompt) {
      a.account = await pickAccount(ctx, { provider, title, step: prompt.step });
    },
  };
}
