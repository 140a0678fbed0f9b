import type { Reply } from '../http/reply';
import type { RouteDefinition } from '../http/router';
import { itemNotFound } from './carrierx-errors';
import type { CarrierXTrunkRecord, TrunkGroupRecord } from './carrierx-records';
import type { CarrierXState } from './carrierx-state';

/** What a CarrierX route handler gets. */
export interface CarrierXContext {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The JSON object sent with POST/PUT/PATCH; `{}` otherwise. */
  body: Record<string, unknown>;
  path: string;
  baseUrl: string;
  state: CarrierXState;
  random: () => number;
}

export type CarrierXHandler = (ctx: CarrierXContext) => Reply;
export type CarrierXRoute = RouteDefinition<CarrierXHandler>;

export function withTrunks(ctx: CarrierXContext): boolean {
  return ctx.query.get('with_trunks') === 'true';
}

export function pathGroup(ctx: CarrierXContext): TrunkGroupRecord {
  const sid = ctx.params.trunk_group_sid ?? '';
  const group = ctx.state.groups.get(sid);
  if (!group) throw itemNotFound('trunk_group_sid', sid);
  return group;
}

export function pathTrunk(ctx: CarrierXContext): CarrierXTrunkRecord {
  const group = pathGroup(ctx);
  const sid = ctx.params.trunk_sid ?? '';
  const trunk = ctx.state.trunksOf(group.trunk_group_sid).get(sid);
  if (!trunk) throw itemNotFound('trunk_sid', sid);
  return trunk;
}
