import { applyChanges, definedFields } from '../store/apply-changes';
import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { wholeSecond } from '../store/record-time';
import { twilioError, TWILIO_CODES } from './twilio-errors';
import type { ConnectionPolicyRecord, ConnectionPolicyTargetFields, ConnectionPolicyTargetRecord } from './twilio-records';

/** "An account cannot have more than 10000 Connection Policies" (error 21253). */
export const MAX_CONNECTION_POLICIES = 10_000;

/** BYOC connection policies and their targets (voice v1). Names are not unique. */
export class ConnectionPolicyStore {
  readonly all = new OrderedTable<ConnectionPolicyRecord>((p) => p.sid);
  private readonly targets = new ChildIndex<ConnectionPolicyTargetRecord>((t) => t.sid);

  constructor(private readonly keys: KeySource) {}

  get(sid: string): ConnectionPolicyRecord | undefined {
    return this.all.get(sid);
  }

  /** `keys`: where seeding draws ids from instead (so other seeded SIDs do not move). */
  create(friendlyName: string | null | undefined, now: number, keys: KeySource = this.keys): ConnectionPolicyRecord {
    if (this.all.size >= MAX_CONNECTION_POLICIES) {
      throw twilioError(400, TWILIO_CODES.maxConnectionPolicies, `An account cannot have more than ${MAX_CONNECTION_POLICIES} Connection Policies`);
    }
    const time = wholeSecond(now);
    const record: ConnectionPolicyRecord = {
      seq: keys.nextSeq(),
      sid: keys.sid('NY'),
      friendly_name: friendlyName ?? null,
      date_created: time,
      date_updated: time,
    };
    this.all.insert(record);
    return record;
  }

  update(record: ConnectionPolicyRecord, fields: { friendly_name?: string | null }, now: number): void {
    applyChanges(record, fields, now);
  }

  /** Deletes the policy with its targets (they are its sub-resources). */
  delete(sid: string): boolean {
    if (!this.all.delete(sid)) return false;
    this.targets.removeParent(sid);
    return true;
  }

  targetsOf(policySid: string): ReadonlyOrderedTable<ConnectionPolicyTargetRecord> {
    return this.targets.of(policySid);
  }

  /** Defaults from the spec's descriptions: priority 10, weight 10, enabled (the schema's `default: 0` is not what Twilio does). */
  createTarget(
    policySid: string,
    fields: ConnectionPolicyTargetFields & { target: string },
    now: number,
    keys: KeySource = this.keys,
  ): ConnectionPolicyTargetRecord {
    const time = wholeSecond(now);
    const record: ConnectionPolicyTargetRecord = {
      seq: keys.nextSeq(),
      sid: keys.sid('NE'),
      connection_policy_sid: policySid,
      friendly_name: null,
      priority: 10,
      weight: 10,
      enabled: true,
      ...definedFields(fields),
      target: fields.target,
      date_created: time,
      date_updated: time,
    };
    this.insertTarget(record);
    return record;
  }

  insertTarget(record: ConnectionPolicyTargetRecord): void {
    this.targets.add(record.connection_policy_sid, record);
  }

  updateTarget(record: ConnectionPolicyTargetRecord, fields: ConnectionPolicyTargetFields, now: number): void {
    applyChanges(record, fields, now);
  }

  deleteTarget(policySid: string, sid: string): boolean {
    return this.targets.remove(policySid, sid) !== undefined;
  }

  allTargets(): ConnectionPolicyTargetRecord[] {
    return this.all.values().flatMap((p) => this.targets.of(p.sid).values());
  }

  clear(): void {
    this.all.clear();
    this.targets.clear();
  }
}
