import { collect } from '../page';
import type { ByocTrunk } from './models';
import type { TwilioClient } from './twilio-client';

/**
 * The BYOC trunks that route through a connection policy. Twilio has no reverse lookup, but
 * every BYOC trunk carries its `connection_policy_sid`, so one listing answers it.
 */
export async function byocTrunksUsingPolicy(client: TwilioClient, policySid: string, signal?: AbortSignal): Promise<ByocTrunk[]> {
  return (await collect(client.byocTrunks.list({ pageSize: 1000, signal }))).filter((trunk) => trunk.connection_policy_sid === policySid);
}
