import type { Account } from '../core/accounts/account';
import type { CommandContext } from './commands/command';
import { changeOf, folderIdsOf } from './resources/resource-kinds';
import type { RefOf } from './resources/resource-ref';
import { folderTreeId } from './tree/tree-ids';

/**
 * After a change to an endpoint: it is shown below the account's Endpoints and below every
 * trunk that uses it, so both folders reload; the change is announced on the bus.
 */
export function endpointChanged(ctx: CommandContext, ref: RefOf<'endpoint'> | RefOf<'endpointAddress'>): void {
  ctx.resourceChanges.fire(changeOf(ref));
  for (const id of folderIdsOf(ref)) ctx.explorer.refreshById(id);
}

export function refreshEndpointFolders(ctx: CommandContext, account: Account): void {
  ctx.explorer.refreshById(folderTreeId({ accountId: account.id, folder: 'endpoints' }));
  ctx.explorer.refreshById(folderTreeId({ accountId: account.id, folder: 'trunkGroups' }));
}
