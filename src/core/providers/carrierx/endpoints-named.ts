import { collect } from '../page';
import type { CarrierXClient } from './carrierx-client';
import type { Endpoint } from './models';

/**
 * The account's endpoints of one name, read afresh (CarrierX filters by name). Trunk files name
 * endpoints, so create and rename refuse a name one already has before they write.
 */
export async function endpointsNamed(client: CarrierXClient, name: string, signal?: AbortSignal): Promise<Endpoint[]> {
  return collect(client.endpoints.list({ pageSize: 100, filter: `name eq ${JSON.stringify(name)}`, signal }));
}
