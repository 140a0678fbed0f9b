import { collect } from '../page';
import type { ConnectionPolicy } from './models';
import type { TwilioClient } from './twilio-client';

/**
 * The account's connection policies of one name, read afresh (one listing: Twilio has no name
 * filter). Twilio allows two of a name, but a pick list or a trunk file naming the policy cannot
 * tell them apart, so create and rename check this before they write.
 */
export async function connectionPoliciesNamed(client: TwilioClient, name: string, signal?: AbortSignal): Promise<ConnectionPolicy[]> {
  return (await collect(client.connectionPolicies.list({ pageSize: 1000, signal }))).filter((p) => p.friendly_name === name);
}
