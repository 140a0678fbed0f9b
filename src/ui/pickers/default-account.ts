import type { Account } from '../../core/accounts/account';

/**
 * The account to suggest first: the `trunkline.defaultAccount` setting (`configured`) when
 * connected, else the only account.
 */
export function defaultAccountName(accounts: readonly Account[], configured: string | undefined): string | undefined {
  const wanted = configured?.trim().toLowerCase();
  const match = wanted ? accounts.find((a) => a.name.toLowerCase() === wanted) : undefined;
  if (match) return match.name;
  return accounts.length === 1 ? accounts[0]!.name : undefined;
}
