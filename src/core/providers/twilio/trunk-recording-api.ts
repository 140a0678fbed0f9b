import type { CallOptions } from '../page';
import { RecordingSchema, SID_PATTERNS, type Recording, type RecordingFields } from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** A trunk's recording settings: a singleton sub-resource, the only way to change them. */
export class TrunkRecordingApi {
  constructor(private readonly r: TwilioRequester) {}

  fetch(trunkSid: string, options: CallOptions = {}): Promise<Recording> {
    return this.r.call(RecordingSchema, 'a trunk recording', { method: 'GET', url: this.url(trunkSid), signal: options.signal });
  }

  update(trunkSid: string, fields: RecordingFields, options: CallOptions = {}): Promise<Recording> {
    return this.r.call(RecordingSchema, 'the updated trunk recording', {
      method: 'POST',
      url: this.url(trunkSid),
      form: twilioForm(fields, ['mode', 'trim']),
      signal: options.signal,
      idempotent: true,
    });
  }

  private url(trunkSid: string): URL {
    return new URL(`/v1/Trunks/${sidSegment(trunkSid, SID_PATTERNS.trunk, 'trunk')}/Recording`, this.r.endpoints.trunking);
  }
}
