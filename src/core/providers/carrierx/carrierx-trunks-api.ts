import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { carrierXBody } from './carrierx-body';
import type { CarrierXRequester } from './carrierx-requester';
import {
  CARRIERX_SID_PATTERN,
  CARRIERX_TRUNK_WRITABLE_FIELDS,
  CarrierXTrunkSchema,
  type CarrierXTrunk,
  type CarrierXTrunkFields,
} from './models';

/** Trunks inside a CarrierX trunk group: /core/v2/trunk_groups/{sid}/trunks. */
export class CarrierXTrunksApi {
  constructor(private readonly r: CarrierXRequester) {}

  page(groupSid: string, req: PageRequest = {}): Promise<Page<CarrierXTrunk>> {
    return this.r.page(this.path(groupSid), CarrierXTrunkSchema, 'trunks', req);
  }

  list(groupSid: string, options: ListOptions = {}): AsyncGenerator<CarrierXTrunk> {
    return iteratePages((req) => this.page(groupSid, req), options);
  }

  fetch(groupSid: string, sid: string, options: CallOptions = {}): Promise<CarrierXTrunk> {
    return this.r.call(CarrierXTrunkSchema, 'a trunk', { method: 'GET', url: this.url(groupSid, sid), signal: options.signal });
  }

  /** "No fields are required… an empty object can be passed." Not retried when the outcome is unknown. */
  create(groupSid: string, fields: CarrierXTrunkFields, options: CallOptions = {}): Promise<CarrierXTrunk> {
    return this.r.call(CarrierXTrunkSchema, 'the created trunk', {
      method: 'POST',
      url: this.r.url(this.path(groupSid)),
      json: carrierXBody(fields, CARRIERX_TRUNK_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: false,
    });
  }

  update(groupSid: string, sid: string, fields: CarrierXTrunkFields, options: CallOptions = {}): Promise<CarrierXTrunk> {
    return this.r.call(CarrierXTrunkSchema, 'the updated trunk', {
      method: 'PATCH',
      url: this.url(groupSid, sid),
      json: carrierXBody(fields, CARRIERX_TRUNK_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(groupSid: string, sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(groupSid, sid), signal: options.signal });
  }

  private path(groupSid: string): string {
    if (!CARRIERX_SID_PATTERN.test(groupSid)) throw new TypeError(`${groupSid} is not a valid trunk group SID`);
    return `/trunk_groups/${groupSid}/trunks`;
  }

  private url(groupSid: string, sid: string): URL {
    if (!CARRIERX_SID_PATTERN.test(sid)) throw new TypeError(`${sid} is not a valid trunk SID`);
    return this.r.url(`${this.path(groupSid)}/${sid}`);
  }
}
