import { iteratePages, type CallOptions, type ListOptions, type Page, type PageRequest } from '../page';
import { carrierXBody } from './carrierx-body';
import type { CarrierXRequester } from './carrierx-requester';
import {
  CARRIERX_SID_PATTERN,
  CARRIERX_TRUNK_WRITABLE_FIELDS,
  TRUNK_GROUP_WRITABLE_FIELDS,
  TrunkGroupSchema,
  type CarrierXTrunkFields,
  type TrunkGroup,
  type TrunkGroupFields,
} from './models';

export interface TrunkGroupQuery {
  /** Include each group's trunks (`with_trunks=true`). */
  withTrunks?: boolean | undefined;
  /** CarrierX filter expression, e.g. `name eq "Main"`. */
  filter?: string | undefined;
}

/** CarrierX trunk groups: /core/v2/trunk_groups. */
export class TrunkGroupsApi {
  constructor(private readonly r: CarrierXRequester) {}

  page(req: PageRequest & TrunkGroupQuery = {}): Promise<Page<TrunkGroup>> {
    return this.r.page('/trunk_groups', TrunkGroupSchema, 'trunk groups', req, {
      with_trunks: req.withTrunks ? 'true' : undefined,
      filter: req.filter,
    });
  }

  list(options: ListOptions & TrunkGroupQuery = {}): AsyncGenerator<TrunkGroup> {
    const { withTrunks, filter } = options;
    return iteratePages((req) => this.page({ ...req, withTrunks, filter }), options);
  }

  fetch(sid: string, options: CallOptions & { withTrunks?: boolean } = {}): Promise<TrunkGroup> {
    const url = this.url(sid);
    if (options.withTrunks) url.searchParams.set('with_trunks', 'true');
    return this.r.call(TrunkGroupSchema, 'a trunk group', { method: 'GET', url, signal: options.signal });
  }

  /** Creates the group, and its trunks in the same request when given. Not retried when the outcome is unknown. */
  create(fields: TrunkGroupFields & { trunks?: CarrierXTrunkFields[] }, options: CallOptions = {}): Promise<TrunkGroup> {
    const url = this.r.url('/trunk_groups');
    const body = carrierXBody(fields, TRUNK_GROUP_WRITABLE_FIELDS);
    if (fields.trunks) {
      url.searchParams.set('with_trunks', 'true');
      body.trunks = fields.trunks.map((t) => carrierXBody(t, CARRIERX_TRUNK_WRITABLE_FIELDS));
    }
    return this.r.call(TrunkGroupSchema, 'the created trunk group', { method: 'POST', url, json: body, signal: options.signal, idempotent: false });
  }

  /** PATCH: only the attributes given change. */
  update(sid: string, fields: TrunkGroupFields, options: CallOptions = {}): Promise<TrunkGroup> {
    return this.r.call(TrunkGroupSchema, 'the updated trunk group', {
      method: 'PATCH',
      url: this.url(sid),
      json: carrierXBody(fields, TRUNK_GROUP_WRITABLE_FIELDS),
      signal: options.signal,
      idempotent: true,
    });
  }

  delete(sid: string, options: CallOptions = {}): Promise<void> {
    return this.r.callNoContent({ method: 'DELETE', url: this.url(sid), signal: options.signal });
  }

  /** Groups with exactly this name (names are not unique on CarrierX). */
  async findByName(name: string, options: ListOptions = {}): Promise<TrunkGroup[]> {
    const found: TrunkGroup[] = [];
    for await (const group of this.list({ ...options, filter: `name eq ${JSON.stringify(name)}` })) {
      if (group.name === name) found.push(group);
    }
    return found;
  }

  private url(sid: string): URL {
    if (!CARRIERX_SID_PATTERN.test(sid)) throw new TypeError(`${sid} is not a valid trunk group SID`);
    return this.r.url(`/trunk_groups/${sid}`);
  }
}
