import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import {
  ORIGINATION_URL_WRITABLE_FIELDS,
  OriginationUrlSchema,
  SID_PATTERNS,
  type OriginationUrl,
  type OriginationUrlFields,
} from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** A trunk's Origination URLs: where Twilio sends calls to your infrastructure. */
export class OriginationUrlsApi {
  constructor(private readonly r: TwilioRequester) {}

  page(trunkSid: string, req: PageRequest = {}): Promise<Page<OriginationUrl>> {
    return this.r.v1Page(this.r.endpoints.trunking, this.path(trunkSid), 'origination_urls', OriginationUrlSchema, 'origination URLs', req);
  }

  list(trunkSid: string, options: ListOptions = {}): AsyncGenerator<OriginationUrl> {
    return iteratePages((req) => this.page(trunkSid, req), options);
  }

  fetch(trunkSid: string, sid: string, options: CallOptions = {}): Promise<OriginationUrl> {
    return this.r.call(OriginationUrlSchema, 'an origination URL', { method: 'GET', url: this.url(trunkSid, sid), signal: options.signal });
  }

  /** All five fields are required by the API on create. */
  create(trunkSid: string, fields: OriginationUrlFields, options: CallOptions = {}): Promise<OriginationUrl> {
    return this.r.call(OriginationUrlSchema, 'the created origination URL', {
      method: 'POST',
      url: new URL(this.path(trunkSid), this.r.endpoints.trunking),
      form: twilioForm(fields, ORIGINATION_URL_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(trunkSid: string, sid: string, fields: Partial<OriginationUrlFields>, options: CallOptions = {}): Promise<OriginationUrl> {
    return this.r.call(OriginationUrlSchema, 'the updated origination URL', {
      method: 'POST',
      url: this.url(trunkSid, sid),
      form: twilioForm(fields, ORIGINATION_URL_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(trunkSid: string, sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(trunkSid, sid), signal: options.signal });
  }

  private path(trunkSid: string): string {
    return `/v1/Trunks/${sidSegment(trunkSid, SID_PATTERNS.trunk, 'trunk')}/OriginationUrls`;
  }

  private url(trunkSid: string, sid: string): URL {
    return new URL(`${this.path(trunkSid)}/${sidSegment(sid, SID_PATTERNS.originationUrl, 'origination URL')}`, this.r.endpoints.trunking);
  }
}
