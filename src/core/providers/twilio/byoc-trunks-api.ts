import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { BYOC_TRUNK_WRITABLE_FIELDS, ByocTrunkSchema, SID_PATTERNS, type ByocTrunk, type ByocTrunkFields } from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** BYOC trunks: https://voice.twilio.com/v1/ByocTrunks (seeds 000, 001). */
export class ByocTrunksApi {
  constructor(private readonly r: TwilioRequester) {}

  page(req: PageRequest = {}): Promise<Page<ByocTrunk>> {
    return this.r.v1Page(this.r.endpoints.voice, '/v1/ByocTrunks', 'byoc_trunks', ByocTrunkSchema, 'BYOC trunks', req);
  }

  list(options: ListOptions = {}): AsyncGenerator<ByocTrunk> {
    return iteratePages((req) => this.page(req), options);
  }

  fetch(sid: string, options: CallOptions = {}): Promise<ByocTrunk> {
    return this.r.call(ByocTrunkSchema, 'a BYOC trunk', { method: 'GET', url: this.url(sid), signal: options.signal });
  }

  /** Not retried when the outcome is unknown. BYOC names are not unique, so callers reconcile by name with care. */
  create(fields: ByocTrunkFields, options: CallOptions = {}): Promise<ByocTrunk> {
    return this.r.call(ByocTrunkSchema, 'the created BYOC trunk', {
      method: 'POST',
      url: new URL('/v1/ByocTrunks', this.r.endpoints.voice),
      form: twilioForm(fields, BYOC_TRUNK_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(sid: string, fields: ByocTrunkFields, options: CallOptions = {}): Promise<ByocTrunk> {
    return this.r.call(ByocTrunkSchema, 'the updated BYOC trunk', {
      method: 'POST',
      url: this.url(sid),
      form: twilioForm(fields, BYOC_TRUNK_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(sid), signal: options.signal });
  }

  private url(sid: string): URL {
    return new URL(`/v1/ByocTrunks/${sidSegment(sid, SID_PATTERNS.byocTrunk, 'BYOC trunk')}`, this.r.endpoints.voice);
  }
}
