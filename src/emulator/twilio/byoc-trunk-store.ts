import { applyChanges, definedFields } from '../store/apply-changes';
import type { KeySource } from '../store/key-source';
import { OrderedTable } from '../store/ordered-table';
import { wholeSecond } from '../store/record-time';
import type { ByocTrunkFields, ByocTrunkRecord } from './twilio-records';

/** BYOC trunks (voice.twilio.com): no uniqueness rules, no children. */
export class ByocTrunkStore {
  readonly all = new OrderedTable<ByocTrunkRecord>((t) => t.sid);

  constructor(private readonly keys: KeySource) {}

  get(sid: string): ByocTrunkRecord | undefined {
    return this.all.get(sid);
  }

  create(fields: ByocTrunkFields, now: number): ByocTrunkRecord {
    const time = wholeSecond(now);
    const record: ByocTrunkRecord = {
      seq: this.keys.nextSeq(),
      sid: this.keys.sid('BY'),
      friendly_name: null,
      voice_url: null,
      voice_method: 'POST',
      voice_fallback_url: null,
      voice_fallback_method: 'POST',
      status_callback_url: null,
      status_callback_method: 'POST',
      cnam_lookup_enabled: false,
      connection_policy_sid: null,
      from_domain_sid: null,
      date_created: time,
      date_updated: time,
    };
    Object.assign(record, definedFields(fields));
    this.all.insert(record);
    return record;
  }

  update(record: ByocTrunkRecord, fields: ByocTrunkFields, now: number): void {
    applyChanges(record, fields, now);
  }

  delete(sid: string): boolean {
    return this.all.delete(sid) !== undefined;
  }

  clear(): void {
    this.all.clear();
  }
}
