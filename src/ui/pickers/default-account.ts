import type { Account } from '../../core/accounts/account';

let configured: () => string | undefined = () => undefined;

/** Where the `trunkline.defaultAccount` setting is read from (set by the composition root). */
export function setDefaultAccountSource(source: () => string | undefined): void {
  configured = source;
}

/** The account to suggest first: the `trunkline.defaultAccount` setting when connected, else the only account. */
export function defaultAccountName(accounts: readonly Account[]): string | undefined {
  const wanted = configured()?.trim().toLowerCase();
  const match = wanted ? accounts.find((a) => a.name.toLowerCase() === wanted) : undefined;
  if (match) return match.name;
  return accounts.length === 1 ? accounts[0]!.name : undefined;
}
