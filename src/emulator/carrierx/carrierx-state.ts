import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { SYSTEM_GATEWAY_TYPE } from '../../core/providers/carrierx/models';
import { defaultEndpoint, defaultTrunk, defaultTrunkGroup, EMULATOR_PARTNER_SID } from './carrierx-defaults';
import { carrierXError, validationError } from './carrierx-errors';
import type {
  CarrierXTrunkRecord,
  CarrierXTrunkWritable,
  DidRecord,
  DidWritable,
  EndpointRecord,
  EndpointWritable,
  TrunkGroupRecord,
  TrunkGroupWritable,
} from './carrierx-records';

export interface CarrierXSnapshot {
  trunk_groups: TrunkGroupRecord[];
  trunks: CarrierXTrunkRecord[];
  /** Absent in files written before endpoints and DIDs were emulated. */
  endpoints?: EndpointRecord[];
  dids?: DidRecord[];
}

/** The emulated CarrierX partner: trunk groups, each with its trunks. */
export class CarrierXState {
  readonly groups = new OrderedTable<TrunkGroupRecord>((g) => g.trunk_group_sid);
  private readonly trunks = new ChildIndex<CarrierXTrunkRecord>((t) => t.trunk_sid);
  readonly endpoints = new OrderedTable<EndpointRecord>((e) => e.endpoint_sid);
  readonly dids = new OrderedTable<DidRecord>((d) => d.did_sid);

  constructor(private readonly keys: KeySource) {}

  trunksOf(groupSid: string): ReadonlyOrderedTable<CarrierXTrunkRecord> {
    return this.trunks.of(groupSid);
  }

  createGroup(fields: Partial<TrunkGroupWritable>, trunks: readonly Partial<CarrierXTrunkWritable>[] = []): TrunkGroupRecord {
    // Checked before anything is stored: a bad trunk must not leave a half-made group.
    trunks.forEach((t, i) => this.assertEndpointUsable(t.endpoint_sid, `trunks[${i}].endpoint_sid`));
    const group: TrunkGroupRecord = {
      ...defaultTrunkGroup(),
      ...fields,
      seq: this.keys.nextSeq(),
      trunk_group_sid: this.keys.uuid(),
      partner_sid: EMULATOR_PARTNER_SID,
    };
    this.groups.insert(group);
    for (const t of trunks) this.createTrunk(group.trunk_group_sid, t);
    return group;
  }

  /** PATCH: only the given attributes change. */
  patchGroup(group: TrunkGroupRecord, fields: Partial<TrunkGroupWritable>): void {
    Object.assign(group, fields);
  }

  /** PUT: the object is replaced; attributes left out go back to their defaults. */
  replaceGroup(group: TrunkGroupRecord, fields: Partial<TrunkGroupWritable>): void {
    Object.assign(group, defaultTrunkGroup(), fields);
  }

  /** The group's trunks go with it; its DIDs stay rented, unassigned (README, facts X4). */
  deleteGroup(groupSid: string): boolean {
    if (!this.groups.delete(groupSid)) return false;
    this.trunks.removeParent(groupSid);
    for (const did of this.dids.values()) if (did.trunk_group_sid === groupSid) did.trunk_group_sid = null;
    return true;
  }

  createTrunk(groupSid: string, fields: Partial<CarrierXTrunkWritable>): CarrierXTrunkRecord {
    this.assertEndpointUsable(fields.endpoint_sid, 'endpoint_sid');
    const trunk: CarrierXTrunkRecord = {
      ...defaultTrunk(),
      ...fields,
      seq: this.keys.nextSeq(),
      trunk_group_sid: groupSid,
      trunk_sid: this.keys.uuid(),
    };
    this.trunks.add(groupSid, trunk);
    return trunk;
  }

  patchTrunk(trunk: CarrierXTrunkRecord, fields: Partial<CarrierXTrunkWritable>): void {
    this.assertEndpointUsable(fields.endpoint_sid, 'endpoint_sid');
    Object.assign(trunk, fields);
  }

  replaceTrunk(trunk: CarrierXTrunkRecord, fields: Partial<CarrierXTrunkWritable>): void {
    this.assertEndpointUsable(fields.endpoint_sid, 'endpoint_sid');
    const { in_rfc_4694_mode, out_rfc_4694_mode } = trunk;
    Object.assign(trunk, defaultTrunk(), fields, { in_rfc_4694_mode, out_rfc_4694_mode });
  }

  deleteTrunk(groupSid: string, trunkSid: string): boolean {
    return this.trunks.remove(groupSid, trunkSid) !== undefined;
  }

  /** Every trunk of every group (to find those using an endpoint). */
  allTrunks(): CarrierXTrunkRecord[] {
    return this.groups.values().flatMap((g) => this.trunks.of(g.trunk_group_sid).values());
  }

  /** `voip_token`: a new UUID for `third_party`, null for other types; it never changes (facts E10). */
  /** `keys`: where seeding draws ids from instead (so other seeded SIDs do not move). */
  createEndpoint(fields: Partial<EndpointWritable> & Pick<EndpointWritable, 'type'>, keys: KeySource = this.keys): EndpointRecord {
    const endpoint: EndpointRecord = {
      ...defaultEndpoint(),
      auth_required: true,
      cps_limit: null,
      ...fields,
      seq: keys.nextSeq(),
      endpoint_sid: keys.uuid(),
      partner_sid: EMULATOR_PARTNER_SID,
      voip_token: fields.type === 'third_party' ? keys.uuid() : null,
    };
    this.endpoints.insert(endpoint);
    return endpoint;
  }

  /** PATCH: `addresses` and other arrays are replaced whole; `attributes` and `properties` merge key by key (facts E7). */
  patchEndpoint(endpoint: EndpointRecord, fields: Partial<EndpointWritable>): void {
    this.assertEndpointEditable(endpoint);
    const { attributes, properties, ...rest } = fields;
    Object.assign(endpoint, rest);
    if (attributes) endpoint.attributes = { ...endpoint.attributes, ...attributes };
    if (properties) endpoint.properties = { ...endpoint.properties, ...properties };
  }

  /** PUT: attributes left out go back to their defaults; type, token and keys are kept. */
  replaceEndpoint(endpoint: EndpointRecord, fields: Partial<EndpointWritable>): void {
    this.assertEndpointEditable(endpoint);
    Object.assign(endpoint, defaultEndpoint(), fields, { type: endpoint.type });
  }

  /** An endpoint a trunk still sends calls to is not deleted (README, facts E14). */
  deleteEndpoint(endpoint: EndpointRecord): void {
    this.assertEndpointEditable(endpoint);
    const users = this.allTrunks().filter((t) => t.endpoint_sid === endpoint.endpoint_sid);
    if (users.length > 0) {
      throw carrierXError(409, 'Conflict', [
        { field: 'endpoint_sid', message: `the endpoint is used by trunk ${users.map((t) => t.trunk_sid).join(', ')}; set another endpoint on those trunks first` },
      ]);
    }
    this.endpoints.delete(endpoint.endpoint_sid);
  }

  /** Seeding: a rented number, unassigned unless `fields` says otherwise. */
  createDid(phonenumber: string, fields: Partial<DidRecord> = {}, keys: KeySource = this.keys): DidRecord {
    const did: DidRecord = {
      ...didDefaults(phonenumber),
      ...fields,
      seq: keys.nextSeq(),
      did_sid: keys.uuid(),
      partner_sid: EMULATOR_PARTNER_SID,
      phonenumber,
    };
    this.dids.insert(did);
    return did;
  }

  patchDid(did: DidRecord, fields: Partial<DidWritable>): void {
    this.assertTrunkGroupExists(fields.trunk_group_sid);
    const { attributes, ...rest } = fields;
    Object.assign(did, rest);
    if (attributes) did.attributes = { ...did.attributes, ...attributes };
  }

  /** PUT: writable attributes left out go back to their defaults; read-only ones are kept (facts X3). */
  replaceDid(did: DidRecord, fields: Partial<DidWritable>): void {
    this.assertTrunkGroupExists(fields.trunk_group_sid);
    Object.assign(did, { trunk_group_sid: null, name: 'N/A', attributes: {}, callback_url: null, string_key_1: null, string_key_2: null, transformations: [] }, fields);
  }

  snapshot(): CarrierXSnapshot {
    const groups = [...this.groups.values()];
    return {
      trunk_groups: groups,
      trunks: groups.flatMap((g) => this.trunks.of(g.trunk_group_sid).values()),
      endpoints: [...this.endpoints.values()],
      dids: [...this.dids.values()],
    };
  }

  restore(snapshot: CarrierXSnapshot): void {
    this.clear();
    for (const g of snapshot.trunk_groups) this.groups.insert(g);
    for (const t of snapshot.trunks) this.trunks.add(t.trunk_group_sid, t);
    for (const e of snapshot.endpoints ?? []) this.endpoints.insert(e);
    for (const d of snapshot.dids ?? []) this.dids.insert(d);
  }

  clear(): void {
    this.groups.clear();
    this.trunks.clear();
    this.endpoints.clear();
    this.dids.clear();
  }

  /** A trunk's endpoint must be one of the partner's, and not the System Gateway (facts E13); null is fine. */
  private assertEndpointUsable(sid: string | null | undefined, field: string): void {
    if (sid === null || sid === undefined) return;
    const endpoint = this.endpoints.get(sid);
    if (!endpoint) throw validationError([{ field, message: `no endpoint with endpoint_sid ${sid}` }]);
    if (endpoint.type === SYSTEM_GATEWAY_TYPE) {
      throw validationError([{ field, message: 'the System Gateway stands for CarrierX itself; name a third_party endpoint' }]);
    }
  }

  /** The System Gateway "cannot be modified" and should not be deleted (facts E2). */
  private assertEndpointEditable(endpoint: EndpointRecord): void {
    if (endpoint.type === SYSTEM_GATEWAY_TYPE) {
      throw carrierXError(403, 'Forbidden', [{ field: 'endpoint_sid', message: 'the System Gateway endpoint cannot be modified or deleted' }]);
    }
  }

  private assertTrunkGroupExists(sid: string | null | undefined): void {
    if (sid && !this.groups.get(sid)) throw validationError([{ field: 'trunk_group_sid', message: `no trunk group with trunk_group_sid ${sid}` }]);
  }
}

/** What a rented DID looks like before anything is set (facts §4 samples, X7). */
function didDefaults(phonenumber: string): Omit<DidRecord, 'seq' | 'did_sid' | 'partner_sid' | 'phonenumber'> {
  const nanp = /^1(\d{3})(\d{3})(\d{4})$/.exec(phonenumber);
  return {
    trunk_group_sid: null,
    name: 'N/A',
    attributes: {},
    active_capabilities: 4,
    callback_url: null,
    campaign_sid: null,
    capabilities: 7,
    classification_sid: null,
    country_code: nanp ? 'USA' : 'N/A',
    did_group_sid: null,
    in_country_format: nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : phonenumber,
    international_format: nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : `+${phonenumber}`,
    lata: null,
    locality: null,
    lrn_sid: null,
    ocn: null,
    porting_pin: null,
    price: null,
    state: null,
    status: 'assigned',
    string_key_1: null,
    string_key_2: null,
    transformations: [],
  };
}
