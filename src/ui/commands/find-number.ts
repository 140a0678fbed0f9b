import type { Account } from '../../core/accounts/account';
import { errorLine } from '../../core/http/provider-error';
import { t } from '../l10n';
import { folderIdOf, treeIdOf } from '../resources/resource-kinds';
import { DidNode } from '../tree/did-node';
import { IncomingNumberNode } from '../tree/incoming-number-node';
import { matchNumbers, SEARCH_LIMIT, type CatalogNumber } from '../tree/number-catalog';
import { PagedFolderNode } from '../tree/paged-folder-node';
import type { CommandContext, CommandDefinition } from './command';

/**
 * Trunkline: Find Number… — searches every connected account's numbers by digits as they are
 * typed (any part of the number) and opens the chosen one in the explorer, below its account's
 * Phone Numbers. The numbers are read once per account (then from the catalog until a refresh).
 */
export const findNumber: CommandDefinition = {
  id: 'trunkline.findNumber',
  async run(ctx: CommandContext) {
    const title = t('Find Number');
    const accounts = ctx.accounts.list();
    if (accounts.length === 0) {
      void ctx.workbench.info(t('Add an account (or try the sandbox) first: there are no numbers to search.'));
      return undefined;
    }
    const failures: { account: Account; reason: string }[] = [];
    const all: Promise<CatalogNumber[]> = Promise.all(
      accounts.map((account) =>
        ctx.explorer.numbers.numbersOf(account).catch((e: unknown) => {
          const reason = errorLine(e);
          ctx.log.warn(t('Find Number could not read the numbers of {0}: {1}', account.name, reason));
          failures.push({ account, reason });
          return [];
        }),
      ),
    ).then((lists) => lists.flat());
    const chosen = await ctx.input.search(
      async (query) => {
        const numbers = await all;
        const unread = failures.length > 0 ? t('Not searched (failed to load): {0}', failures.map((f) => f.account.name).join(', ')) : undefined;
        if (query.replace(/\D/g, '').length === 0) {
          return { items: [], message: [t('Type any digits of the number ({0} numbers in {1} account(s))', numbers.length, accounts.length - failures.length), unread].filter(Boolean).join(' · ') };
        }
        const found = matchNumbers(numbers, query);
        const message =
          found.length === 0
            ? t('No number contains {0}', query.replace(/\D/g, ''))
            : found.length === SEARCH_LIMIT
              ? t('The first {0} matches: type more digits', SEARCH_LIMIT)
              : undefined;
        return {
          items: found.map((n) => ({
            label: n.e164,
            description: `${n.account.name} · ${n.placeName ? t('on "{0}"', n.placeName) : n.provider === 'twilio' ? t('not on a trunk') : t('unassigned')}`,
            detail: n.ref.kind === 'incomingNumber' ? (n.ref.number.type ?? undefined) : undefined,
            icon: n.provider === 'twilio' ? 'cloud' : 'globe',
            value: n,
          })),
          message: [message, unread].filter(Boolean).join(' · ') || undefined,
        };
      },
      { title, placeholder: t('Digits of the number, e.g. 415 555 01') },
    );
    return reveal(ctx, chosen);
  },
};

/**
 * Shows the number below its account's Phone Numbers. In an inventory of 10,000 it may be many
 * pages down: the folder shows it ahead of its pages instead of loading every page before it.
 */
async function reveal(ctx: CommandContext, chosen: CatalogNumber): Promise<unknown> {
  const folder = await ctx.explorer.locate(folderIdOf(chosen.ref));
  if (!(folder instanceof PagedFolderNode)) {
    void ctx.workbench.warn(t('{0} is no longer shown in the Trunks view; refresh it and search again.', chosen.e164));
    return undefined;
  }
  folder.pin(chosen.ref.kind === 'incomingNumber' ? new IncomingNumberNode(chosen.ref, folder) : new DidNode(chosen.ref, folder));
  const node = await ctx.explorer.reveal(treeIdOf(chosen.ref));
  return node && { revealed: node.id, number: chosen.e164, account: chosen.account.name };
}
