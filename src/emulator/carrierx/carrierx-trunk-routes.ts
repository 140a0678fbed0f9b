import { noContent, ok } from '../http/reply';
import { pathGroup, pathTrunk, type CarrierXRoute } from './carrierx-context';
import { carrierXList } from './carrierx-list';
import { readTrunkAttributes } from './carrierx-validation';
import { renderCarrierXTrunk } from './carrierx-views';

const LIST = '/core/v2/trunk_groups/{trunk_group_sid}/trunks';
const ITEM = `${LIST}/{trunk_sid}`;

/** Trunks inside a trunk group. "No fields are required": an empty object creates a trunk with defaults. */
export const carrierXTrunkRoutes: readonly CarrierXRoute[] = [
  {
    method: 'GET',
    template: LIST,
    handler: (ctx) => ok(carrierXList(ctx, ctx.state.trunksOf(pathGroup(ctx).trunk_group_sid).values(), renderCarrierXTrunk)),
  },
  {
    method: 'POST',
    template: LIST,
    handler: (ctx) => {
      const group = pathGroup(ctx);
      return ok(renderCarrierXTrunk(ctx.state.createTrunk(group.trunk_group_sid, readTrunkAttributes(ctx.body))));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    handler: (ctx) => ok(renderCarrierXTrunk(pathTrunk(ctx))),
  },
  {
    method: 'PATCH',
    template: ITEM,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx);
      ctx.state.patchTrunk(trunk, readTrunkAttributes(ctx.body));
      return ok(renderCarrierXTrunk(trunk));
    },
  },
  {
    method: 'PUT',
    template: ITEM,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx);
      ctx.state.replaceTrunk(trunk, readTrunkAttributes(ctx.body));
      return ok(renderCarrierXTrunk(trunk));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    handler: (ctx) => {
      const trunk = pathTrunk(ctx);
      ctx.state.deleteTrunk(trunk.trunk_group_sid, trunk.trunk_sid);
      return noContent();
    },
  },
];
