import type { KeySource } from '../store/key-source';
import { AuthListStore, type AuthListKind } from './auth-list-store';
import { ByocTrunkStore } from './byoc-trunk-store';
import { ConnectionPolicyStore } from './connection-policy-store';
import { NumberStore } from './number-store';
import { TrunkStore } from './trunk-store';
import { invalidParameter, twilioError, TWILIO_CODES } from './twilio-errors';
import type {
  AuthListRecord,
  ByocTrunkFields,
  ByocTrunkRecord,
  ConnectionPolicyRecord,
  ConnectionPolicyTargetRecord,
  CredentialRecord,
  IpAddressRecord,
  IncomingNumberFields,
  IncomingNumberRecord,
  OriginationUrlRecord,
  TrunkAuthLinkRecord,
  TrunkRecord,
} from './twilio-records';

/** Everything the emulated Twilio account holds, as plain records (persistence, /__emulator/state). */
export interface TwilioSnapshot {
  trunks: TrunkRecord[];
  origination_urls: OriginationUrlRecord[];
  incoming_phone_numbers: IncomingNumberRecord[];
  credential_lists: AuthListRecord[];
  ip_access_control_lists: AuthListRecord[];
  trunk_credential_lists: TrunkAuthLinkRecord[];
  trunk_ip_access_control_lists: TrunkAuthLinkRecord[];
  /** Absent from state files written before credentials and addresses were emulated. */
  credentials?: CredentialRecord[];
  ip_addresses?: IpAddressRecord[];
  byoc_trunks: ByocTrunkRecord[];
  /** Absent in files written before connection policies were emulated. */
  connection_policies?: ConnectionPolicyRecord[];
  connection_policy_targets?: ConnectionPolicyTargetRecord[];
}

/**
 * The emulated Twilio account: its stores, and the rules that span them — a number is on at
 * most one trunk, deleting a trunk frees its numbers and drops its associations.
 */
export class TwilioState {
  readonly trunks: TrunkStore;
  readonly numbers: NumberStore;
  readonly authLists: AuthListStore;
  readonly byocTrunks: ByocTrunkStore;
  readonly connectionPolicies: ConnectionPolicyStore;

  constructor(keys: KeySource) {
    this.trunks = new TrunkStore(keys);
    this.numbers = new NumberStore(keys);
    this.authLists = new AuthListStore(keys);
    this.byocTrunks = new ByocTrunkStore(keys);
    this.connectionPolicies = new ConnectionPolicyStore(keys);
  }

  /** A BYOC trunk's ConnectionPolicySid must name a policy of this account (README, B6). */
  createByocTrunk(fields: ByocTrunkFields, now: number): ByocTrunkRecord {
    this.assertConnectionPolicyExists(fields.connection_policy_sid);
    return this.byocTrunks.create(fields, now);
  }

  updateByocTrunk(trunk: ByocTrunkRecord, fields: ByocTrunkFields, now: number): void {
    this.assertConnectionPolicyExists(fields.connection_policy_sid);
    this.byocTrunks.update(trunk, fields, now);
  }

  /** A policy still used by a BYOC trunk is not deleted (README, B4): the trunk would silently lose its route. */
  deleteConnectionPolicy(sid: string): boolean {
    const users = this.byocTrunks.all.values().filter((t) => t.connection_policy_sid === sid);
    if (users.length > 0) {
      throw invalidParameter(`Connection Policy ${sid} is in use by BYOC Trunk ${users.map((t) => t.sid).join(', ')}; set another policy on those trunks first`);
    }
    return this.connectionPolicies.delete(sid);
  }

  deleteTrunk(sid: string, now: number): boolean {
    if (!this.trunks.delete(sid)) return false;
    this.numbers.freeTrunk(sid, now);
    this.authLists.unlinkTrunk(sid);
    return true;
  }

  /** Attaches a number to a trunk; a number already on a trunk must be detached first. */
  attachNumber(trunkSid: string, numberSid: string, now: number): IncomingNumberRecord {
    const number = this.numbers.get(numberSid);
    if (!number) throw invalidParameter(`PhoneNumberSid ${numberSid} is not an incoming phone number of this account`);
    if (number.trunk_sid === trunkSid) throw invalidParameter(`Phone number ${number.phone_number} is already associated with this trunk`);
    if (number.trunk_sid) {
      throw invalidParameter(
        `Phone number ${number.phone_number} is already associated with trunk ${number.trunk_sid}; detach it from that trunk first`,
      );
    }
    this.numbers.update(number, { trunk_sid: trunkSid }, now);
    return number;
  }

  detachNumber(trunkSid: string, numberSid: string, now: number): boolean {
    const number = this.numbers.onTrunk(trunkSid).get(numberSid);
    if (!number) return false;
    this.numbers.update(number, { trunk_sid: null }, now);
    return true;
  }

  /** The 2010 API update: TrunkSid must name a trunk of this account. */
  updateIncomingNumber(number: IncomingNumberRecord, fields: IncomingNumberFields, now: number): void {
    this.assertTrunkExists(fields.trunk_sid);
    this.numbers.update(number, fields, now);
  }

  createIncomingNumber(phoneNumber: string, fields: IncomingNumberFields, now: number): IncomingNumberRecord {
    this.assertTrunkExists(fields.trunk_sid);
    return this.numbers.create(phoneNumber, fields, now);
  }

  /** Links an account list to a trunk: the list must exist in this account and not be linked already. */
  associate(kind: AuthListKind, trunkSid: string, listSid: string, now: number): TrunkAuthLinkRecord {
    const noun = kind === 'credential_lists' ? 'Credential List' : 'IP Access Control List';
    if (!this.authLists.lists(kind).has(listSid)) {
      throw twilioError(400, TWILIO_CODES.trunkInvalid, `${noun} ${listSid} not found in this account`);
    }
    if (this.authLists.linksOf(kind, trunkSid).has(listSid)) {
      throw twilioError(400, TWILIO_CODES.trunkInvalid, `${noun} ${listSid} is already associated with this trunk`);
    }
    return this.authLists.link(kind, trunkSid, listSid, now);
  }

  /** Deletes an account list, refused while a trunk still uses it (the message names those trunks). */
  deleteAuthList(kind: AuthListKind, listSid: string): void {
    const users = this.authLists.trunksUsing(kind, listSid, this.trunks.all.values().map((t) => t.sid));
    if (users.length > 0) {
      const [code, noun] =
        kind === 'credential_lists'
          ? [TWILIO_CODES.credentialListInUse, 'Credential List']
          : [TWILIO_CODES.ipAccessControlListInUse, 'IP Access Control List'];
      throw twilioError(
        400,
        code,
        `${noun} ${listSid} is still associated with ${users.length === 1 ? 'trunk' : 'trunks'} ${users.join(', ')}; remove it from ${users.length === 1 ? 'that trunk' : 'those trunks'} first`,
      );
    }
    this.authLists.deleteList(kind, listSid);
  }

  snapshot(): TwilioSnapshot {
    const trunkSids = this.trunks.all.values().map((t) => t.sid);
    return {
      trunks: [...this.trunks.all.values()],
      origination_urls: trunkSids.flatMap((sid) => this.trunks.originationUrlsOf(sid).values()),
      incoming_phone_numbers: [...this.numbers.all.values()],
      credential_lists: [...this.authLists.lists('credential_lists').values()],
      ip_access_control_lists: [...this.authLists.lists('ip_access_control_lists').values()],
      trunk_credential_lists: this.authLists.allLinks('credential_lists', trunkSids),
      trunk_ip_access_control_lists: this.authLists.allLinks('ip_access_control_lists', trunkSids),
      credentials: this.authLists.allCredentials(),
      ip_addresses: this.authLists.allIpAddresses(),
      byoc_trunks: [...this.byocTrunks.all.values()],
      connection_policies: [...this.connectionPolicies.all.values()],
      connection_policy_targets: this.connectionPolicies.allTargets(),
    };
  }

  restore(snapshot: TwilioSnapshot): void {
    this.clear();
    for (const r of snapshot.trunks) this.trunks.insert(r);
    for (const r of snapshot.origination_urls) this.trunks.insertOriginationUrl(r);
    for (const r of snapshot.incoming_phone_numbers) this.numbers.insert(r);
    for (const r of snapshot.credential_lists) this.authLists.insertList('credential_lists', r);
    for (const r of snapshot.ip_access_control_lists) this.authLists.insertList('ip_access_control_lists', r);
    for (const r of snapshot.trunk_credential_lists) this.authLists.insertLink('credential_lists', r);
    for (const r of snapshot.trunk_ip_access_control_lists) this.authLists.insertLink('ip_access_control_lists', r);
    for (const r of snapshot.credentials ?? []) this.authLists.insertCredential(r);
    for (const r of snapshot.ip_addresses ?? []) this.authLists.insertIpAddress(r);
    for (const r of snapshot.byoc_trunks) this.byocTrunks.all.insert(r);
    for (const r of snapshot.connection_policies ?? []) this.connectionPolicies.all.insert(r);
    for (const r of snapshot.connection_policy_targets ?? []) this.connectionPolicies.insertTarget(r);
  }

  clear(): void {
    this.trunks.clear();
    this.numbers.clear();
    this.authLists.clear();
    this.byocTrunks.clear();
    this.connectionPolicies.clear();
  }

  private assertConnectionPolicyExists(sid: string | null | undefined): void {
    if (sid && !this.connectionPolicies.get(sid)) throw invalidParameter(`ConnectionPolicySid ${sid} is not a connection policy of this account`);
  }

  private assertTrunkExists(trunkSid: string | null | undefined): void {
    if (trunkSid && !this.trunks.get(trunkSid)) throw invalidParameter(`TrunkSid ${trunkSid} is not a trunk of this account`);
  }
}
