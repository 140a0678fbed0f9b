import { CARRIERX_SID_PATTERN } from '../../core/providers/carrierx/models';
import { ok } from '../http/reply';
import type { CarrierXContext, CarrierXRoute } from './carrierx-context';
import { badQuery, itemNotFound } from './carrierx-errors';
import { carrierXList } from './carrierx-list';
import type { DidRecord } from './carrierx-records';
import { readDidAttributes } from './carrierx-validation';
import { renderDid } from './carrierx-views';

const LIST = '/core/v2/phonenumber/dids';
const ITEM = `${LIST}/{did_sid}`;

function pathDid(ctx: CarrierXContext): DidRecord {
  const sid = ctx.params.did_sid ?? '';
  const did = ctx.state.dids.get(sid);
  if (!did) throw itemNotFound('did_sid', sid);
  return did;
}

/** `trunk_group_sid=<sid>`: only that group's DIDs; an unknown group gives an empty list (facts X5). */
function selected(ctx: CarrierXContext): readonly DidRecord[] {
  const group = ctx.query.get('trunk_group_sid');
  if (group === null) return ctx.state.dids.values();
  if (!CARRIERX_SID_PATTERN.test(group)) throw badQuery('trunk_group_sid', 'must be a UUID');
  return ctx.state.dids.values().filter((d) => d.trunk_group_sid === group);
}

/** The partner's rented numbers. Renting and releasing are not emulated: the numbers are seeded (facts X7). */
export const didRoutes: readonly CarrierXRoute[] = [
  {
    method: 'GET',
    template: LIST,
    handler: (ctx) => ok(carrierXList(ctx, selected(ctx), renderDid)),
  },
  {
    method: 'GET',
    template: ITEM,
    handler: (ctx) => ok(renderDid(pathDid(ctx))),
  },
  {
    method: 'PATCH',
    template: ITEM,
    handler: (ctx) => {
      const did = pathDid(ctx);
      ctx.state.patchDid(did, readDidAttributes(ctx.body));
      return ok(renderDid(did));
    },
  },
  {
    method: 'PUT',
    template: ITEM,
    handler: (ctx) => {
      const did = pathDid(ctx);
      ctx.state.replaceDid(did, readDidAttributes(ctx.body));
      return ok(renderDid(did));
    },
  },
];
