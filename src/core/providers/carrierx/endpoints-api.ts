import { iteratePages, type CallOptions, type Page, type PageRequest } from '../page';
import { carrierXBody } from './carrierx-body';
import type { CarrierXRequester } from './carrierx-requester';
import {
  CARRIERX_SID_PATTERN,
  ENDPOINT_ADDRESS_WRITABLE_FIELDS,
  ENDPOINT_WRITABLE_FIELDS,
  EndpointSchema,
  type Endpoint,
  type EndpointFields,
} from './models';

export interface EndpointListOptions {
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
  /** CarrierX result filtering, e.g. `type eq "third_party"` or `addresses.ip eq "192.0.2.7"`. */
  filter?: string | undefined;
}

/**
 * CarrierX endpoints: /core/v2/endpoints. A trunk sends calls to its `endpoint_sid`; a
 * `third_party` endpoint's addresses are the customer's SIP equipment. The SIP passwords
 * (`out_sip_password`, each address's `sip_password`) are registered with the redactor whenever
 * they are sent or received, so no log line or error can show them.
 */
export class EndpointsApi {
  constructor(private readonly r: CarrierXRequester) {}

  async page(req: PageRequest & { filter?: string | undefined } = {}): Promise<Page<Endpoint>> {
    const page = await this.r.page('/endpoints', EndpointSchema, 'endpoints', req, { filter: req.filter });
    for (const endpoint of page.items) this.guard(endpoint);
    return page;
  }

  list(options: EndpointListOptions = {}): AsyncGenerator<Endpoint> {
    const { filter } = options;
    return iteratePages((req) => this.page({ ...req, filter }), options);
  }

  async fetch(sid: string, options: CallOptions = {}): Promise<Endpoint> {
    return this.guard(await this.r.call(EndpointSchema, 'an endpoint', { method: 'GET', url: this.url(sid), signal: options.signal }));
  }

  /** CarrierX answers 200 (not 201). Not retried when the outcome is unknown. */
  async create(fields: EndpointFields, options: CallOptions = {}): Promise<Endpoint> {
    return this.guard(
      await this.r.call(EndpointSchema, 'the created endpoint', {
        method: 'POST',
        url: this.r.url('/endpoints'),
        json: this.body(fields),
        signal: options.signal,
        idempotent: false,
      }),
    );
  }

  /** PATCH: only the attributes sent change, but `addresses` is always replaced whole. */
  async update(sid: string, fields: EndpointFields, options: CallOptions = {}): Promise<Endpoint> {
    return this.guard(
      await this.r.call(EndpointSchema, 'the updated endpoint', {
        method: 'PATCH',
        url: this.url(sid),
        json: this.body(fields),
        signal: options.signal,
        idempotent: true,
      }),
    );
  }

  /** PUT: the whole endpoint; attributes left out go back to their defaults. */
  async replace(sid: string, fields: EndpointFields, options: CallOptions = {}): Promise<Endpoint> {
    return this.guard(
      await this.r.call(EndpointSchema, 'the replaced endpoint', { method: 'PUT', url: this.url(sid), json: this.body(fields), signal: options.signal }),
    );
  }

  delete(sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(sid), signal: options.signal });
  }

  private body(fields: EndpointFields): Record<string, unknown> {
    this.secrets(fields.out_sip_password, ...(fields.addresses ?? []).map((a) => a.sip_password));
    const body = carrierXBody(fields, ENDPOINT_WRITABLE_FIELDS);
    if (fields.addresses) body.addresses = fields.addresses.map((a) => carrierXBody(a, ENDPOINT_ADDRESS_WRITABLE_FIELDS));
    return body;
  }

  private guard(endpoint: Endpoint): Endpoint {
    this.secrets(endpoint.out_sip_password, ...endpoint.addresses.map((a) => a.sip_password));
    return endpoint;
  }

  /** From now on blanked out of every log line and error of this session. */
  private secrets(...values: readonly (string | null | undefined)[]): void {
    for (const value of values) if (typeof value === 'string' && value !== '') this.r.transport.addSecret(value);
  }

  private url(sid: string): URL {
    if (!CARRIERX_SID_PATTERN.test(sid)) throw new TypeError(`${sid} is not a valid endpoint SID`);
    return this.r.url(`/endpoints/${sid}`);
  }
}
