import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { defaultTrunk, defaultTrunkGroup, EMULATOR_PARTNER_SID } from './carrierx-defaults';
import type { CarrierXTrunkRecord, CarrierXTrunkWritable, TrunkGroupRecord, TrunkGroupWritable } from './carrierx-records';

export interface CarrierXSnapshot {
  trunk_groups: TrunkGroupRecord[];
  trunks: CarrierXTrunkRecord[];
}

/** The emulated CarrierX partner: trunk groups, each with its trunks. */
export class CarrierXState {
  readonly groups = new OrderedTable<TrunkGroupRecord>((g) => g.trunk_group_sid);
  private readonly trunks = new ChildIndex<CarrierXTrunkRecord>((t) => t.trunk_sid);

  constructor(private readonly keys: KeySource) {}

  trunksOf(groupSid: string): ReadonlyOrderedTable<CarrierXTrunkRecord> {
    return this.trunks.of(groupSid);
  }

  createGroup(fields: Partial<TrunkGroupWritable>, trunks: readonly Partial<CarrierXTrunkWritable>[] = []): TrunkGroupRecord {
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

  deleteGroup(groupSid: string): boolean {
    if (!this.groups.delete(groupSid)) return false;
    this.trunks.removeParent(groupSid);
    return true;
  }

  createTrunk(groupSid: string, fields: Partial<CarrierXTrunkWritable>): CarrierXTrunkRecord {
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
    Object.assign(trunk, fields);
  }

  replaceTrunk(trunk: CarrierXTrunkRecord, fields: Partial<CarrierXTrunkWritable>): void {
    const { in_rfc_4694_mode, out_rfc_4694_mode } = trunk;
    Object.assign(trunk, defaultTrunk(), fields, { in_rfc_4694_mode, out_rfc_4694_mode });
  }

  deleteTrunk(groupSid: string, trunkSid: string): boolean {
    return this.trunks.remove(groupSid, trunkSid) !== undefined;
  }

  snapshot(): CarrierXSnapshot {
    const groups = [...this.groups.values()];
    return { trunk_groups: groups, trunks: groups.flatMap((g) => this.trunks.of(g.trunk_group_sid).values()) };
  }

  restore(snapshot: CarrierXSnapshot): void {
    this.clear();
    for (const g of snapshot.trunk_groups) this.groups.insert(g);
    for (const t of snapshot.trunks) this.trunks.add(t.trunk_group_sid, t);
  }

  clear(): void {
    this.groups.clear();
    this.trunks.clear();
  }
}
