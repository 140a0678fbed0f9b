import { iteratePages, type CallOptions, type Page, type PageRequest } from '../page';
import { carrierXBody } from './carrierx-body';
import { toCarrierXNumber } from './carrierx-number';
import type { CarrierXRequester } from './carrierx-requester';
import { CARRIERX_SID_PATTERN, DID_WRITABLE_FIELDS, DidSchema, type Did, type DidFields } from './models';

export interface DidListOptions {
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Only the DIDs assigned to this trunk group. */
  trunkGroupSid?: string | undefined;
  /** CarrierX result filtering, e.g. `phonenumber like "%555%"` (digits, no `+`). */
  filter?: string | undefined;
}


/** The partner's rented numbers: /core/v2/phonenumber/dids. A DID takes calls once assigned to a trunk group. */
export class DidsApi {
  constructor(private readonly r: CarrierXRequester) {}

  page(req: PageRequest & Omit<DidListOptions, 'pageSize' | 'signal'> = {}): Promise<Page<Did>> {
    if (req.trunkGroupSid !== undefined && !CARRIERX_SID_PATTERN.test(req.trunkGroupSid)) {
      throw new TypeError(`${req.trunkGroupSid} is not a valid trunk group SID`);
    }
    return this.r.page('/phonenumber/dids', DidSchema, 'phone numbers', req, { trunk_group_sid: req.trunkGroupSid, filter: req.filter });
  }

  list(options: DidListOptions = {}): AsyncGenerator<Did> {
    const { trunkGroupSid, filter } = options;
    return iteratePages((req) => this.page({ ...req, trunkGroupSid, filter }), options);
  }

  /** The DID with this E.164 number, if the partner rents it. */
  async findByNumber(e164: string, options: CallOptions = {}): Promise<Did | undefined> {
    const digits = toCarrierXNumber(e164);
    if (!/^\d{6,15}$/.test(digits)) throw new TypeError(`${e164} is not an E.164 phone number`);
    const page = await this.page({ filter: `phonenumber eq "${digits}"`, pageSize: 1, signal: options.signal });
    return page.items[0];
  }

  fetch(sid: string, options: CallOptions = {}): Promise<Did> {
    return this.r.call(DidSchema, 'a phone number', { method: 'GET', url: this.url(sid), signal: options.signal });
  }

  /** PATCH: only what is sent changes. `{trunk_group_sid}` assigns (or, with null, unassigns) the number. */
  update(sid: string, fields: DidFields, options: CallOptions = {}): Promise<Did> {
    return this.r.call(DidSchema, 'the updated phone number', {
      method: 'PATCH',
      url: this.url(sid),
      json: carrierXBody(fields, DID_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  /** Assigns the number to a trunk group (moving it from any other), or unassigns it with null. */
  assign(sid: string, trunkGroupSid: string | null, options: CallOptions = {}): Promise<Did> {
    return this.update(sid, { trunk_group_sid: trunkGroupSid }, options);
  }

  private url(sid: string): URL {
    if (!CARRIERX_SID_PATTERN.test(sid)) throw new TypeError(`${sid} is not a valid DID SID`);
    return this.r.url(`/phonenumber/dids/${sid}`);
  }
}
