import { accountNameProblem } from '../../core/accounts/account';
import { t } from '../l10n';
import { pickAccount } from '../pickers/pick-account';
import { AccountNode } from '../tree/account-node';
import type { CommandContext, CommandDefinition } from './command';

export const renameAccount: CommandDefinition = {
  id: 'trunkline.renameAccount',
  async run(ctx: CommandContext, node?: unknown) {
    const title = t('Rename Account');
    const account = node instanceof AccountNode ? node.account : await pickAccount(ctx, { title });
    const name = await ctx.input.input({
      title,
      prompt: t('New name for "{0}". Trunk files that name the account must be updated to match.', account.name),
      value: account.name,
      validate: (value) => accountNameProblem(value, ctx.accounts.list(), account.id),
    });
    if (name.trim() === account.name) return account;
    const renamed = await ctx.accounts.rename(account.id, name);
    void ctx.workbench.info(t('Renamed "{0}" to "{1}". Update `account: {0}` in your trunk files.', account.name, renamed.name));
    return renamed;
  },
};
