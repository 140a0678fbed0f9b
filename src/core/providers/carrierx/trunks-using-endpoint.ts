import { collect } from '../page';
import type { CarrierXClient } from './carrierx-client';
import type { CarrierXTrunk, TrunkGroup } from './models';

export interface TrunkUsingEndpoint {
  group: TrunkGroup;
  trunk: CarrierXTrunk;
}

/**
 * The trunks whose `endpoint_sid` is this endpoint. CarrierX has no reverse lookup; the groups
 * are listed with their trunks (one request per 1000 groups).
 */
export async function trunksUsingEndpoint(client: CarrierXClient, endpointSid: string, signal?: AbortSignal): Promise<TrunkUsingEndpoint[]> {
  const groups = await collect(client.trunkGroups.list({ pageSize: 1000, withTrunks: true, signal }));
  return groups.flatMap((group) => (group.trunks ?? []).filter((trunk) => trunk.endpoint_sid === endpointSid).map((trunk) => ({ group, trunk })));
}
