import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { SID_PATTERNS, TRUNK_WRITABLE_FIELDS, TrunkSchema, type Trunk, type TrunkFields } from './models';
import { twilioForm } from './twilio-form';
import { sidSegment, type TwilioRequester } from './twilio-requester';

/** Elastic SIP Trunks: https://trunking.twilio.com/v1/Trunks (seed 002). */
export class TrunksApi {
  constructor(private readonly r: TwilioRequester) {}

  page(req: PageRequest = {}): Promise<Page<Trunk>> {
    return this.r.v1Page(this.r.endpoints.trunking, '/v1/Trunks', 'trunks', TrunkSchema, 'trunks', req);
  }

  list(options: ListOptions = {}): AsyncGenerator<Trunk> {
    return iteratePages((req) => this.page(req), options);
  }

  fetch(sid: string, options: CallOptions = {}): Promise<Trunk> {
    return this.r.call(TrunkSchema, 'a trunk', { method: 'GET', url: this.url(sid), signal: options.signal });
  }

  /** Not retried when the outcome is unknown: reconcile with `findByDomainName` first. */
  create(fields: TrunkFields, options: CallOptions = {}): Promise<Trunk> {
    return this.r.call(TrunkSchema, 'the created trunk', {
      method: 'POST',
      url: new URL('/v1/Trunks', this.r.endpoints.trunking),
      form: twilioForm(fields, TRUNK_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(sid: string, fields: TrunkFields, options: CallOptions = {}): Promise<Trunk> {
    return this.r.call(TrunkSchema, 'the updated trunk', {
      method: 'POST',
      url: this.url(sid),
      form: twilioForm(fields, TRUNK_WRITABLE_FIELDS),
      signal: options.signal,
      // Setting fields to values has the same effect however often it is sent.
      idempotent: true,
    });
  }

  delete(sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(sid), signal: options.signal });
  }

  /** The trunk owning a domain name, if any: the unique key used to reconcile an unknown create. */
  async findByDomainName(domainName: string, options: ListOptions = {}): Promise<Trunk | undefined> {
    const wanted = domainName.toLowerCase();
    for await (const trunk of this.list({ pageSize: 1000, ...options })) {
      if (trunk.domain_name?.toLowerCase() === wanted) return trunk;
    }
    return undefined;
  }

  private url(sid: string): URL {
    return new URL(`/v1/Trunks/${sidSegment(sid, SID_PATTERNS.trunk, 'trunk')}`, this.r.endpoints.trunking);
  }
}
