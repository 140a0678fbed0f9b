import { applyChanges, definedFields } from '../store/apply-changes';
import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { wholeSecond } from '../store/record-time';
import { twilioError, TWILIO_CODES } from './twilio-errors';
import type { OriginationUrlFields, OriginationUrlRecord, TrunkFields, TrunkRecord } from './twilio-records';

/** Elastic SIP trunks with their recording settings and origination URLs; domain names are unique. */
export class TrunkStore {
  readonly all = new OrderedTable<TrunkRecord>((t) => t.sid);
  private readonly byDomain = new Map<string, string>();
  private readonly originationUrls = new ChildIndex<OriginationUrlRecord>((o) => o.sid);

  constructor(private readonly keys: KeySource) {}

  get(sid: string): TrunkRecord | undefined {
    return this.all.get(sid);
  }

  create(fields: TrunkFields, now: number): TrunkRecord {
    const time = wholeSecond(now);
    const record: TrunkRecord = {
      seq: this.keys.nextSeq(),
      sid: this.keys.sid('TK'),
      friendly_name: null,
      domain_name: null,
      disaster_recovery_url: null,
      disaster_recovery_method: 'POST',
      secure: false,
      cnam_lookup_enabled: false,
      transfer_mode: 'disable-all',
      transfer_caller_id: 'from-transferee',
      recording: { mode: 'do-not-record', trim: 'do-not-trim' },
      // Twilio: "Disabling Symmetric RTP is considered to be more secure and therefore recommended."
      symmetric_rtp_enabled: false,
      date_created: time,
      date_updated: time,
    };
    Object.assign(record, definedFields(fields));
    this.insert(record);
    return record;
  }

  /** Stores a complete record (seeding, restoring); refuses a taken domain like a create would. */
  insert(record: TrunkRecord): void {
    this.assertDomainFree(record.domain_name, record.sid);
    this.all.insert(record);
    if (record.domain_name) this.byDomain.set(domainKey(record.domain_name), record.sid);
  }

  update(record: TrunkRecord, fields: TrunkFields, now: number): void {
    const previousDomain = record.domain_name;
    if (fields.domain_name !== undefined) this.assertDomainFree(fields.domain_name, record.sid);
    applyChanges(record, fields, now);
    if (previousDomain === record.domain_name) return;
    if (previousDomain) this.byDomain.delete(domainKey(previousDomain));
    if (record.domain_name) this.byDomain.set(domainKey(record.domain_name), record.sid);
  }

  updateRecording(record: TrunkRecord, recording: Partial<TrunkRecord['recording']>, now: number): void {
    applyChanges(record, { recording: { ...record.recording, ...definedFields(recording) } }, now);
  }

  /** Deletes the trunk and its origination URLs (numbers and auth lists are freed by the caller). */
  delete(sid: string): TrunkRecord | undefined {
    const record = this.all.delete(sid);
    if (!record) return undefined;
    if (record.domain_name) this.byDomain.delete(domainKey(record.domain_name));
    this.originationUrls.removeParent(sid);
    return record;
  }

  originationUrlsOf(trunkSid: string): ReadonlyOrderedTable<OriginationUrlRecord> {
    return this.originationUrls.of(trunkSid);
  }

  createOriginationUrl(trunkSid: string, fields: OriginationUrlFields, now: number): OriginationUrlRecord {
    const time = wholeSecond(now);
    const record = {
      ...fields,
      seq: this.keys.nextSeq(),
      sid: this.keys.sid('OU'),
      trunk_sid: trunkSid,
      date_created: time,
      date_updated: time,
    };
    this.insertOriginationUrl(record);
    return record;
  }

  insertOriginationUrl(record: OriginationUrlRecord): void {
    this.originationUrls.add(record.trunk_sid, record);
  }

  updateOriginationUrl(record: OriginationUrlRecord, fields: Partial<OriginationUrlFields>, now: number): void {
    applyChanges(record, fields, now);
  }

  deleteOriginationUrl(trunkSid: string, sid: string): boolean {
    return this.originationUrls.remove(trunkSid, sid) !== undefined;
  }

  clear(): void {
    this.all.clear();
    this.byDomain.clear();
    this.originationUrls.clear();
  }

  private assertDomainFree(domain: string | null, trunkSid: string): void {
    if (!domain) return;
    const owner = this.byDomain.get(domainKey(domain));
    if (owner && owner !== trunkSid) throw twilioError(400, TWILIO_CODES.trunkDomainTaken, 'Trunk Domain already taken');
  }
}

/** Domain names are compared without regard to case, as DNS does. */
function domainKey(domain: string): string {
  return domain.toLowerCase();
}
