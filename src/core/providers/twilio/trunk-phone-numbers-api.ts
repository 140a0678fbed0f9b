import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { SID_PATTERNS, TrunkPhoneNumberSchema, type TrunkPhoneNumber } from './models';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** Numbers attached to a trunk (seed 003). Attaching and detaching are the only changes. */
export class TrunkPhoneNumbersApi {
  constructor(private readonly r: TwilioRequester) {}

  page(trunkSid: string, req: PageRequest = {}): Promise<Page<TrunkPhoneNumber>> {
    return this.r.v1Page(this.r.endpoints.trunking, this.path(trunkSid), 'phone_numbers', TrunkPhoneNumberSchema, 'trunk phone numbers', req);
  }

  list(trunkSid: string, options: ListOptions = {}): AsyncGenerator<TrunkPhoneNumber> {
    return iteratePages((req) => this.page(trunkSid, req), options);
  }

  fetch(trunkSid: string, sid: string, options: CallOptions = {}): Promise<TrunkPhoneNumber> {
    return this.r.call(TrunkPhoneNumberSchema, 'a trunk phone number', { method: 'GET', url: this.url(trunkSid, sid), signal: options.signal });
  }

  /** Attaches an incoming number (PN…) to the trunk. Not retried when the outcome is unknown. */
  attach(trunkSid: string, phoneNumberSid: string, options: CallOptions = {}): Promise<TrunkPhoneNumber> {
    return this.r.call(TrunkPhoneNumberSchema, 'the attached phone number', {
      method: 'POST',
      url: new URL(this.path(trunkSid), this.r.endpoints.trunking),
      form: { PhoneNumberSid: sidSegment(phoneNumberSid, SID_PATTERNS.phoneNumber, 'phone number') },
      signal: options.signal,
      idempotent: false,
    });
  }

  detach(trunkSid: string, phoneNumberSid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(trunkSid, phoneNumberSid), signal: options.signal });
  }

  private path(trunkSid: string): string {
    return `/v1/Trunks/${sidSegment(trunkSid, SID_PATTERNS.trunk, 'trunk')}/PhoneNumbers`;
  }

  private url(trunkSid: string, sid: string): URL {
    return new URL(`${this.path(trunkSid)}/${sidSegment(sid, SID_PATTERNS.phoneNumber, 'phone number')}`, this.r.endpoints.trunking);
  }
}
