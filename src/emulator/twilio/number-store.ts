import { applyChanges, definedFields } from '../store/apply-changes';
import { ChildIndex } from '../store/child-index';
import type { KeySource } from '../store/key-source';
import { OrderedTable, type ReadonlyOrderedTable } from '../store/ordered-table';
import { wholeSecond } from '../store/record-time';
import type { IncomingNumberFields, IncomingNumberRecord } from './twilio-records';

/** Server-set attributes of a new number; the seeder varies them. */
export type NumberOrigin = Partial<Pick<IncomingNumberRecord, 'origin' | 'beta' | 'capabilities' | 'address_requirements'>>;

/** The account's incoming phone numbers, indexed by E.164 number and by trunk. */
export class NumberStore {
  readonly all = new OrderedTable<IncomingNumberRecord>((n) => n.sid);
  private readonly byTrunk = new ChildIndex<IncomingNumberRecord>((n) => n.sid);
  private readonly byPhoneNumber = new Map<string, string>();

  constructor(private readonly keys: KeySource) {}

  get(sid: string): IncomingNumberRecord | undefined {
    return this.all.get(sid);
  }

  onTrunk(trunkSid: string): ReadonlyOrderedTable<IncomingNumberRecord> {
    return this.byTrunk.of(trunkSid);
  }

  isTaken(phoneNumber: string): boolean {
    return this.byPhoneNumber.has(phoneNumber);
  }

  /** `keys`: the seeder gives its own, so that extra seeded numbers leave every later SID as it was. */
  create(phoneNumber: string, fields: IncomingNumberFields, now: number, origin: NumberOrigin = {}, keys: KeySource = this.keys): IncomingNumberRecord {
    const time = wholeSecond(now);
    const record: IncomingNumberRecord = {
      ...defaultNumber(phoneNumber),
      ...origin,
      seq: keys.nextSeq(),
      sid: keys.sid('PN'),
      date_created: time,
      date_updated: time,
    };
    Object.assign(record, definedFields(exclusiveVoiceRouting(fields)));
    this.insert(record);
    return record;
  }

  insert(record: IncomingNumberRecord): void {
    this.all.insert(record);
    this.byPhoneNumber.set(record.phone_number, record.sid);
    if (record.trunk_sid) this.byTrunk.add(record.trunk_sid, record);
  }

  /** Applies the changes; a trunk and a voice application exclude each other. */
  update(record: IncomingNumberRecord, fields: IncomingNumberFields, now: number): void {
    const previousTrunk = record.trunk_sid;
    applyChanges(record, exclusiveVoiceRouting(fields), now);
    if (previousTrunk === record.trunk_sid) return;
    if (previousTrunk) this.byTrunk.remove(previousTrunk, record.sid);
    if (record.trunk_sid) this.byTrunk.add(record.trunk_sid, record);
  }

  delete(sid: string): IncomingNumberRecord | undefined {
    const record = this.all.delete(sid);
    if (!record) return undefined;
    this.byPhoneNumber.delete(record.phone_number);
    if (record.trunk_sid) this.byTrunk.remove(record.trunk_sid, sid);
    return record;
  }

  /** Detaches every number from a deleted trunk. */
  freeTrunk(trunkSid: string, now: number): void {
    for (const record of [...this.byTrunk.removeParent(trunkSid)]) applyChanges(record, { trunk_sid: null }, now);
  }

  clear(): void {
    this.all.clear();
    this.byTrunk.clear();
    this.byPhoneNumber.clear();
  }
}

/** Setting a trunk clears the voice application and vice versa (seed 003). */
function exclusiveVoiceRouting(fields: IncomingNumberFields): IncomingNumberFields {
  if (fields.trunk_sid) return { ...fields, voice_application_sid: '' };
  if (fields.voice_application_sid) return { ...fields, trunk_sid: null };
  return fields;
}

/** A number's attributes as Twilio sets them on purchase (the fixtures' defaults). */
function defaultNumber(phoneNumber: string): Omit<IncomingNumberRecord, 'seq' | 'sid' | 'date_created' | 'date_updated'> {
  return {
    phone_number: phoneNumber,
    friendly_name: friendlyPhoneNumber(phoneNumber),
    origin: 'twilio',
    beta: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    address_requirements: 'none',
    address_sid: null,
    identity_sid: null,
    bundle_sid: null,
    api_version: '2010-04-01',
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    sms_application_sid: '',
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: 'POST',
    sms_url: '',
    status_callback: '',
    status_callback_method: 'POST',
    trunk_sid: null,
    voice_application_sid: '',
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: 'POST',
    voice_url: null,
    voice_receive_mode: 'voice',
    status: 'in-use',
  };
}

/** `+14158675309` → `(415) 867-5309`, as Twilio names North American numbers. */
export function friendlyPhoneNumber(phoneNumber: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phoneNumber);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : phoneNumber;
}
