import { noContent, ok } from '../http/reply';
import { pathGroup, withTrunks, type CarrierXContext, type CarrierXRoute } from './carrierx-context';
import { carrierXList } from './carrierx-list';
import type { TrunkGroupRecord } from './carrierx-records';
import { readTrunkGroupAttributes } from './carrierx-validation';
import { renderTrunkGroup } from './carrierx-views';

const LIST = '/core/v2/trunk_groups';
const ITEM = `${LIST}/{trunk_group_sid}`;

function render(group: TrunkGroupRecord, ctx: CarrierXContext): Record<string, unknown> {
  return renderTrunkGroup(group, withTrunks(ctx) ? ctx.state.trunksOf(group.trunk_group_sid).values() : undefined);
}

/** Trunk groups: POST answers 200 (not 201), PATCH is partial, PUT replaces. */
export const trunkGroupRoutes: readonly CarrierXRoute[] = [
  {
    method: 'GET',
    template: LIST,
    handler: (ctx) => {
      // Filters may reach into trunks (`trunks.name eq "x"`), so the filtered view always has them.
      const view = (g: TrunkGroupRecord) => renderTrunkGroup(g, ctx.state.trunksOf(g.trunk_group_sid).values());
      const present = withTrunks(ctx) ? undefined : ({ trunks: _, ...group }: Record<string, unknown>) => group;
      return ok(carrierXList(ctx, ctx.state.groups.values(), view, present));
    },
  },
  {
    method: 'POST',
    template: LIST,
    handler: (ctx) => {
      const { group, trunks } = readTrunkGroupAttributes(ctx.body, withTrunks(ctx));
      return ok(render(ctx.state.createGroup(group, trunks), ctx));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    handler: (ctx) => ok(render(pathGroup(ctx), ctx)),
  },
  {
    method: 'PATCH',
    template: ITEM,
    handler: (ctx) => {
      const group = pathGroup(ctx);
      ctx.state.patchGroup(group, readTrunkGroupAttributes(ctx.body, false).group);
      return ok(render(group, ctx));
    },
  },
  {
    method: 'PUT',
    template: ITEM,
    handler: (ctx) => {
      const group = pathGroup(ctx);
      ctx.state.replaceGroup(group, readTrunkGroupAttributes(ctx.body, false).group);
      return ok(render(group, ctx));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    handler: (ctx) => {
      ctx.state.deleteGroup(pathGroup(ctx).trunk_group_sid);
      return noContent();
    },
  },
];
