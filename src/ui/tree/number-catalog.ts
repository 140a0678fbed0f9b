import type { AccountConnections } from '../../core/accounts/account-connections';
import { providersOf, type Account } from '../../core/accounts/account';
import { fromCarrierXNumber } from '../../core/providers/carrierx/carrierx-number';
import { collect } from '../../core/providers/page';
import type { RefOf } from '../resources/resource-ref';
import { trunkDisplayName } from '../../core/providers/twilio/trunk-names';

/** One number of an account, as Find Number searches and shows it. */
export interface CatalogNumber {
  readonly account: Account;
  readonly provider: 'twilio' | 'carrierx';
  readonly e164: string;
  /** The number's digits only, what a search matches against. */
  readonly digits: string;
  /** The trunk (Twilio) or trunk group (CarrierX) it is on, by name when known; undefined = on none. */
  readonly placeName: string | undefined;
  readonly ref: RefOf<'incomingNumber'> | RefOf<'did'>;
}

/** The most numbers a search shows: more would be noise, and a longer query narrows them. */
export const SEARCH_LIMIT = 100;

/**
 * Every number of every account, loaded once per account (all pages, 1,000 at a time) and kept
 * until the explorer is refreshed or a command changes where numbers are: Find Number then
 * answers each keystroke from memory, however many numbers the accounts hold.
 */
export class NumberCatalog {
  private readonly loaded = new Map<string, Promise<CatalogNumber[]>>();

  constructor(private readonly connections: AccountConnections) {}

  numbersOf(account: Account): Promise<CatalogNumber[]> {
    let numbers = this.loaded.get(account.id);
    if (!numbers) {
      numbers = this.load(account);
      // A failed load is not kept: the next search asks again.
      numbers.catch(() => this.loaded.get(account.id) === numbers && this.loaded.delete(account.id));
      this.loaded.set(account.id, numbers);
    }
    return numbers;
  }

  /** Forgets one account's numbers (undefined = every account's), loaded again when next searched. */
  forget(accountId?: string): void {
    if (accountId === undefined) this.loaded.clear();
    else this.loaded.delete(accountId);
  }

  private async load(account: Account): Promise<CatalogNumber[]> {
    const parts = await Promise.all(providersOf(account).map((p) => (p === 'twilio' ? this.twilioNumbers(account) : this.carrierXNumbers(account))));
    return parts.flat();
  }

  private async twilioNumbers(account: Account): Promise<CatalogNumber[]> {
    const client = await this.connections.twilio(account);
    const [numbers, trunks] = await Promise.all([
      collect(client.incomingPhoneNumbers.list({ pageSize: 1000 })),
      collect(client.trunks.list({ pageSize: 1000 })),
    ]);
    const names = new Map(trunks.map((tr) => [tr.sid, trunkDisplayName(tr)]));
    return numbers.map((number) => {
      const trunkName = number.trunk_sid ? (names.get(number.trunk_sid) ?? number.trunk_sid) : undefined;
      return {
        account,
        provider: 'twilio',
        e164: number.phone_number,
        digits: number.phone_number.replace(/\D/g, ''),
        placeName: trunkName,
        ref: { kind: 'incomingNumber', account, number, trunkName },
      };
    });
  }

  private async carrierXNumbers(account: Account): Promise<CatalogNumber[]> {
    const client = await this.connections.carrierx(account);
    const [dids, groups] = await Promise.all([collect(client.dids.list({ pageSize: 1000 })), collect(client.trunkGroups.list({ pageSize: 1000 }))]);
    const names = new Map(groups.map((g) => [g.trunk_group_sid, g.name || g.trunk_group_sid]));
    return dids.map((did) => {
      const groupName = did.trunk_group_sid ? (names.get(did.trunk_group_sid) ?? did.trunk_group_sid) : undefined;
      return {
        account,
        provider: 'carrierx',
        e164: fromCarrierXNumber(did.phonenumber),
        digits: did.phonenumber.replace(/\D/g, ''),
        placeName: groupName,
        ref: { kind: 'did', account, did, groupName },
      };
    });
  }
}

/**
 * The numbers whose digits contain the query's digits anywhere ("415 555", "(555) 01", "+1415…"
 * all search by digits), in the accounts' order, at most `limit`. A query without digits
 * matches nothing: there is nothing to search by yet.
 */
export function matchNumbers(numbers: readonly CatalogNumber[], query: string, limit = SEARCH_LIMIT): CatalogNumber[] {
  const digits = query.replace(/\D/g, '');
  if (digits.length === 0) return [];
  const found: CatalogNumber[] = [];
  for (const n of numbers) {
    if (n.digits.includes(digits)) {
      found.push(n);
      if (found.length === limit) break;
    }
  }
  return found;
}
