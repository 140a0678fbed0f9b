import { t } from '../l10n';
import { addCarrierXAccount } from './add-carrierx-account';
import { addTwilioAccount } from './add-twilio-account';
import type { CommandContext, CommandDefinition } from './command';
import { trySandbox } from './try-sandbox';

/** Trunkline: Add Account — chooses the provider, then runs that provider's flow. */
export const addAccount: CommandDefinition = {
  id: 'trunkline.addAccount',
  async run(ctx: CommandContext) {
    const choice = await ctx.input.pick(
      [
        { label: 'Twilio', description: t('Elastic SIP Trunking and BYOC trunks'), icon: 'cloud', value: 'twilio' as const },
        { label: 'CarrierX', description: t('Trunk groups and trunks'), icon: 'globe', value: 'carrierx' as const },
        { label: t('Sandbox'), description: t('A local emulator with sample data: no credentials needed'), icon: 'beaker', value: 'sandbox' as const },
      ],
      { title: t('Add Account'), placeholder: t('Which provider?') },
    );
    if (choice === 'twilio') return addTwilioAccount.run(ctx);
    if (choice === 'carrierx') return addCarrierXAccount.run(ctx);
    return trySandbox.run(ctx);
  },
};
