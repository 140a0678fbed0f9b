import { applyChanges } from '../store/apply-changes';
import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { wholeSecond } from '../store/record-time';
import { hashPassword } from './password-hash';
import { twilioError, TWILIO_CODES } from './twilio-errors';
import type { AuthListRecord, CredentialRecord, IpAddressFields, IpAddressRecord, TrunkAuthLinkRecord } from './twilio-records';

/** The two kinds of trunk authentication, by their list key in the v1 API. */
export type AuthListKind = 'credential_lists' | 'ip_access_control_lists';
export const AUTH_LIST_KINDS: readonly AuthListKind[] = ['credential_lists', 'ip_access_control_lists'];
export const AUTH_LIST_SID_PREFIX: Readonly<Record<AuthListKind, string>> = { credential_lists: 'CL', ip_access_control_lists: 'AL' };

/** What each association adds to a trunk's auth_type, in the order Twilio's docs name them. */
const AUTH_TYPE: Readonly<Record<AuthListKind, string>> = { ip_access_control_lists: 'IP_ACL', credential_lists: 'CREDENTIAL_LIST' };
const AUTH_TYPE_ORDER: readonly AuthListKind[] = ['ip_access_control_lists', 'credential_lists'];

/** Twilio's documented limits (sip-auth and IpAccessControlList pages; credential lists per account unsourced). */
export const AUTH_LIST_LIMITS = {
  listsPerAccount: { credential_lists: 1000, ip_access_control_lists: 1000 } as Readonly<Record<AuthListKind, number>>,
  ipAddressesPerList: 100,
  credentialsPerList: 1000,
} as const;

const LIST_LIMIT_CODE: Readonly<Record<AuthListKind, number>> = {
  credential_lists: TWILIO_CODES.credentialListLimit,
  ip_access_control_lists: TWILIO_CODES.ipAccessControlListLimit,
};
const LIST_NOUN: Readonly<Record<AuthListKind, string>> = {
  credential_lists: 'Credential Lists',
  ip_access_control_lists: 'IP Access Control Lists',
};

interface AuthListsOfKind {
  lists: OrderedTable<AuthListRecord>;
  links: ChildIndex<TrunkAuthLinkRecord>;
}

/**
 * The account's credential lists and IP ACLs with their credentials and addresses, and which
 * trunks each list is associated with. Rules that need only this store live here (limits,
 * unique names and usernames, duplicate addresses); rules spanning trunks live in TwilioState.
 */
export class AuthListStore {
  private readonly kinds: Record<AuthListKind, AuthListsOfKind> = {
    credential_lists: { lists: new OrderedTable((l) => l.sid), links: new ChildIndex((l) => l.list_sid) },
    ip_access_control_lists: { lists: new OrderedTable((l) => l.sid), links: new ChildIndex((l) => l.list_sid) },
  };
  private readonly credentials = new ChildIndex<CredentialRecord>((c) => c.sid);
  private readonly ipAddresses = new ChildIndex<IpAddressRecord>((a) => a.sid);

  constructor(private readonly keys: KeySource) {}

  lists(kind: AuthListKind): ReadonlyOrderedTable<AuthListRecord> {
    return this.kinds[kind].lists;
  }

  linksOf(kind: AuthListKind, trunkSid: string): ReadonlyOrderedTable<TrunkAuthLinkRecord> {
    return this.kinds[kind].links.of(trunkSid);
  }

  credentialsOf(listSid: string): ReadonlyOrderedTable<CredentialRecord> {
    return this.credentials.of(listSid);
  }

  ipAddressesOf(listSid: string): ReadonlyOrderedTable<IpAddressRecord> {
    return this.ipAddresses.of(listSid);
  }

  createList(kind: AuthListKind, friendlyName: string, now: number): AuthListRecord {
    const { lists } = this.kinds[kind];
    if (lists.size >= AUTH_LIST_LIMITS.listsPerAccount[kind]) {
      throw twilioError(400, LIST_LIMIT_CODE[kind], `This account already has the maximum of ${AUTH_LIST_LIMITS.listsPerAccount[kind]} ${LIST_NOUN[kind]}`);
    }
    if (kind === 'credential_lists') this.assertCredentialListNameFree(friendlyName, undefined);
    const time = wholeSecond(now);
    const record = {
      seq: this.keys.nextSeq(),
      sid: this.keys.sid(AUTH_LIST_SID_PREFIX[kind]),
      friendly_name: friendlyName,
      date_created: time,
      date_updated: time,
    };
    lists.insert(record);
    return record;
  }

  insertList(kind: AuthListKind, record: AuthListRecord): void {
    this.kinds[kind].lists.insert(record);
  }

  renameList(kind: AuthListKind, record: AuthListRecord, friendlyName: string, now: number): void {
    if (kind === 'credential_lists') this.assertCredentialListNameFree(friendlyName, record.sid);
    applyChanges(record, { friendly_name: friendlyName }, now);
  }

  /** Deletes a list with its credentials or addresses; the caller checks that no trunk uses it. */
  deleteList(kind: AuthListKind, sid: string): boolean {
    if (!this.kinds[kind].lists.delete(sid)) return false;
    if (kind === 'credential_lists') this.credentials.removeParent(sid);
    else this.ipAddresses.removeParent(sid);
    return true;
  }

  /** The trunks (of `trunkSids`) the list is associated with. */
  trunksUsing(kind: AuthListKind, listSid: string, trunkSids: Iterable<string>): string[] {
    const out: string[] = [];
    for (const trunkSid of trunkSids) if (this.kinds[kind].links.of(trunkSid).has(listSid)) out.push(trunkSid);
    return out;
  }

  /** `keys`: the seeder's own id source, so that seeded entries leave every later SID as it was. */
  createCredential(listSid: string, username: string, password: string, now: number, keys: KeySource = this.keys): CredentialRecord {
    const existing = this.credentials.of(listSid);
    if (existing.size >= AUTH_LIST_LIMITS.credentialsPerList) {
      throw twilioError(400, TWILIO_CODES.credentialLimit, `Credential List ${listSid} already holds the maximum of ${AUTH_LIST_LIMITS.credentialsPerList} credentials`);
    }
    if (existing.values().some((c) => c.username === username)) {
      throw twilioError(400, TWILIO_CODES.credentialInvalid, `Username ${username} already exists in Credential List ${listSid}`);
    }
    const time = wholeSecond(now);
    const salt = keys.uuid();
    const record: CredentialRecord = {
      seq: keys.nextSeq(),
      sid: keys.sid('CR'),
      credential_list_sid: listSid,
      username,
      password_salt: salt,
      password_hash: hashPassword(password, salt),
      date_created: time,
      date_updated: time,
    };
    this.credentials.add(listSid, record);
    return record;
  }

  insertCredential(record: CredentialRecord): void {
    this.credentials.add(record.credential_list_sid, record);
  }

  /** A new salt every time, so setting the same password again still counts as a change. */
  setPassword(record: CredentialRecord, password: string, now: number): void {
    const salt = this.keys.uuid();
    applyChanges(record, { password_salt: salt, password_hash: hashPassword(password, salt) }, now);
  }

  deleteCredential(listSid: string, sid: string): boolean {
    return this.credentials.remove(listSid, sid) !== undefined;
  }

  createIpAddress(listSid: string, fields: Required<IpAddressFields>, now: number, keys: KeySource = this.keys): IpAddressRecord {
    const existing = this.ipAddresses.of(listSid);
    if (existing.size >= AUTH_LIST_LIMITS.ipAddressesPerList) {
      throw twilioError(
        400,
        TWILIO_CODES.ipAddressLimit,
        `IP Access Control List ${listSid} already holds the maximum of ${AUTH_LIST_LIMITS.ipAddressesPerList} IP addresses; use a CIDR block to cover a range`,
      );
    }
    this.assertAddressFree(listSid, fields.ip_address, fields.cidr_prefix_length, undefined);
    const time = wholeSecond(now);
    const record: IpAddressRecord = {
      seq: keys.nextSeq(),
      sid: keys.sid('IP'),
      ip_access_control_list_sid: listSid,
      ...fields,
      date_created: time,
      date_updated: time,
    };
    this.ipAddresses.add(listSid, record);
    return record;
  }

  insertIpAddress(record: IpAddressRecord): void {
    this.ipAddresses.add(record.ip_access_control_list_sid, record);
  }

  updateIpAddress(record: IpAddressRecord, fields: IpAddressFields, now: number): void {
    this.assertAddressFree(
      record.ip_access_control_list_sid,
      fields.ip_address ?? record.ip_address,
      fields.cidr_prefix_length ?? record.cidr_prefix_length,
      record.sid,
    );
    applyChanges(record, fields, now);
  }

  deleteIpAddress(listSid: string, sid: string): boolean {
    return this.ipAddresses.remove(listSid, sid) !== undefined;
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

  /** Every credential, list by list, for snapshots. */
  allCredentials(): CredentialRecord[] {
    return this.kinds.credential_lists.lists.values().flatMap((l) => this.credentials.of(l.sid).values());
  }

  /** Every IP address, list by list, for snapshots. */
  allIpAddresses(): IpAddressRecord[] {
    return this.kinds.ip_access_control_lists.lists.values().flatMap((l) => this.ipAddresses.of(l.sid).values());
  }

  clear(): void {
    for (const kind of AUTH_LIST_KINDS) {
      this.kinds[kind].lists.clear();
      this.kinds[kind].links.clear();
    }
    this.credentials.clear();
    this.ipAddresses.clear();
  }

  /** Credential list names are unique in the account, compared without case (21240's first cause). */
  private assertCredentialListNameFree(friendlyName: string, self: string | undefined): void {
    const wanted = friendlyName.toLowerCase();
    const taken = this.kinds.credential_lists.lists.values().find((l) => l.sid !== self && l.friendly_name.toLowerCase() === wanted);
    if (taken) {
      throw twilioError(400, TWILIO_CODES.credentialListInvalid, `A Credential List named ${JSON.stringify(friendlyName)} already exists (${taken.sid})`);
    }
  }

  private assertAddressFree(listSid: string, ipAddress: string, prefix: number, self: string | undefined): void {
    const taken = this.ipAddresses
      .of(listSid)
      .values()
      .find((a) => a.sid !== self && a.ip_address === ipAddress && a.cidr_prefix_length === prefix);
    if (taken) {
      throw twilioError(400, TWILIO_CODES.ipAddressInvalid, `${ipAddress}/${prefix} is already in IP Access Control List ${listSid} (${taken.sid})`);
    }
  }
}
