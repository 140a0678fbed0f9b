import { noContent, ok } from '../http/reply';
import type { CarrierXContext, CarrierXRoute } from './carrierx-context';
import { itemNotFound } from './carrierx-errors';
import { carrierXList } from './carrierx-list';
import type { EndpointRecord } from './carrierx-records';
import { readEndpointAttributes } from './carrierx-validation';
import { renderEndpoint } from './carrierx-views';

const LIST = '/core/v2/endpoints';
const ITEM = `${LIST}/{endpoint_sid}`;

function pathEndpoint(ctx: CarrierXContext): EndpointRecord {
  const sid = ctx.params.endpoint_sid ?? '';
  const endpoint = ctx.state.endpoints.get(sid);
  if (!endpoint) throw itemNotFound('endpoint_sid', sid);
  return endpoint;
}

/** Endpoints: where trunks send calls. POST answers 200, as CarrierX's docs show. */
export const endpointRoutes: readonly CarrierXRoute[] = [
  {
    method: 'GET',
    template: LIST,
    handler: (ctx) => ok(carrierXList(ctx, ctx.state.endpoints.values(), renderEndpoint)),
  },
  {
    method: 'POST',
    template: LIST,
    handler: (ctx) => {
      const fields = readEndpointAttributes(ctx.body);
      // readEndpointAttributes refuses a create without a valid type.
      return ok(renderEndpoint(ctx.state.createEndpoint({ ...fields, type: fields.type as string })));
    },
  },
  {
    method: 'GET',
    template: ITEM,
    handler: (ctx) => ok(renderEndpoint(pathEndpoint(ctx))),
  },
  {
    method: 'PATCH',
    template: ITEM,
    handler: (ctx) => {
      const endpoint = pathEndpoint(ctx);
      ctx.state.patchEndpoint(endpoint, readEndpointAttributes(ctx.body, endpoint.type));
      return ok(renderEndpoint(endpoint));
    },
  },
  {
    method: 'PUT',
    template: ITEM,
    handler: (ctx) => {
      const endpoint = pathEndpoint(ctx);
      ctx.state.replaceEndpoint(endpoint, readEndpointAttributes(ctx.body, endpoint.type));
      return ok(renderEndpoint(endpoint));
    },
  },
  {
    method: 'DELETE',
    template: ITEM,
    handler: (ctx) => {
      ctx.state.deleteEndpoint(pathEndpoint(ctx));
      return noContent();
    },
  },
];
