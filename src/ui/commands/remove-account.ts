import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { AccountNode } from '../tree/account-node';
import type { CommandContext, CommandDefinition } from './command';

/** Removes the account and deletes its secrets from this machine; nothing changes at the provider. */
export const removeAccount: CommandDefinition = {
  id: 'trunkline.removeAccount',
  async run(ctx: CommandContext, node?: unknown) {
    const account = node instanceof AccountNode ? node.account : await pickAccount(ctx, { title: t('Remove Account') });
    const confirmed = await ctx.input.confirm(t('Remove the account "{0}" from Trunkline?', account.name), {
      detail: t('Its credentials are deleted from this machine. Nothing changes at the provider; trunks and numbers stay as they are.'),
      action: t('Remove'),
    });
    if (!confirmed) return false;
    await ctx.accounts.remove(account.id);
    void ctx.workbench.info(t('Removed the account "{0}".', account.name));
    return true;
  },
};
