import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { wholeSecond } from '../store/record-time';
import type { AuthListRecord, TrunkAuthLinkRecord } from './twilio-records';

/** The two kinds of trunk authentication, by their list key in the v1 API. */
export type AuthListKind = 'credential_lists' | 'ip_access_control_lists';
export const AUTH_LIST_KINDS: readonly AuthListKind[] = ['credential_lists', 'ip_access_control_lists'];
export const AUTH_LIST_SID_PREFIX: Readonly<Record<AuthListKind, string>> = { credential_lists: 'CL', ip_access_control_lists: 'AL' };

/** What each association adds to a trunk's auth_type, in the order Twilio's docs name them. */
const AUTH_TYPE: Readonly<Record<AuthListKind, string>> = { ip_access_control_lists: 'IP_ACL', credential_lists: 'CREDENTIAL_LIST' };
const AUTH_TYPE_ORDER: readonly AuthListKind[] = ['ip_access_control_lists', 'credential_lists'];

interface AuthListsOfKind {
  lists: OrderedTable<AuthListRecord>;
  links: ChildIndex<TrunkAuthLinkRecord>;
}

/** The account's credential lists and IP ACLs, and which trunks they are associated with. */
export class AuthListStore {
  private readonly kinds: Record<AuthListKind, AuthListsOfKind> = {
    credential_lists: { lists: new OrderedTable((l) => l.sid), links: new ChildIndex((l) => l.list_sid) },
    ip_access_control_lists: { lists: new OrderedTable((l) => l.sid), links: new ChildIndex((l) => l.list_sid) },
  };

  constructor(private readonly keys: KeySource) {}

  lists(kind: AuthListKind): ReadonlyOrderedTable<AuthListRecord> {
    return this.kinds[kind].lists;
  }

  linksOf(kind: AuthListKind, trunkSid: string): ReadonlyOrderedTable<TrunkAuthLinkRecord> {
    return this.kinds[kind].links.of(trunkSid);
  }

  createList(kind: AuthListKind, friendlyName: string, now: number): AuthListRecord {
    const time = wholeSecond(now);
    const record = {
      seq: this.keys.nextSeq(),
      sid: this.keys.sid(AUTH_LIST_SID_PREFIX[kind]),
      friendly_name: friendlyName,
      date_created: time,
      date_updated: time,
    };
    this.kinds[kind].lists.insert(record);
    return record;
  }

  insertList(kind: AuthListKind, record: AuthListRecord): void {
    this.kinds[kind].lists.insert(record);
  }

  link(kind: AuthListKind, trunkSid: string, listSid: string, now: number): TrunkAuthLinkRecord {
    const record = { seq: this.keys.nextSeq(), trunk_sid: trunkSid, list_sid: listSid, date_created: wholeSecond(now) };
    this.insertLink(kind, record);
    return record;
  }

  insertLink(kind: AuthListKind, record: TrunkAuthLinkRecord): void {
    this.kinds[kind].links.add(record.trunk_sid, record);
  }

  unlink(kind: AuthListKind, trunkSid: string, listSid: string): boolean {
    return this.kinds[kind].links.remove(trunkSid, listSid) !== undefined;
  }

  unlinkTrunk(trunkSid: string): void {
    for (const kind of AUTH_LIST_KINDS) this.kinds[kind].links.removeParent(trunkSid);
  }

  /** The trunk's `auth_type_set`, derived from its associations. */
  authTypes(trunkSid: string): string[] {
    return AUTH_TYPE_ORDER.filter((kind) => this.kinds[kind].links.of(trunkSid).size > 0).map((kind) => AUTH_TYPE[kind]);
  }

  /** Every association of a kind, for snapshots. */
  allLinks(kind: AuthListKind, trunkSids: Iterable<string>): TrunkAuthLinkRecord[] {
    const out: TrunkAuthLinkRecord[] = [];
    for (const trunkSid of trunkSids) out.push(...this.kinds[kind].links.of(trunkSid).values());
    return out;
  }

  clear(): void {
    for (const kind of AUTH_LIST_KINDS) {
      this.kinds[kind].lists.clear();
      this.kinds[kind].links.clear();
    }
  }
}
