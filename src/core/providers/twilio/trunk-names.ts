import type { Trunk } from './models';
import type { TwilioClient } from './twilio-client';

/** How a trunk is named to a user: its friendly name, else its domain, else its sid. */
export function trunkDisplayName(trunk: Pick<Trunk, 'sid' | 'friendly_name' | 'domain_name'>): string {
  return trunk.friendly_name || trunk.domain_name || trunk.sid;
}

/**
 * The names of trunks a command met by sid only (where a colleague moved a number), each read
 * once; a trunk that cannot be read (deleted meanwhile) is named by its sid.
 */
export async function fetchTrunkNames(client: TwilioClient, sids: Iterable<string>, signal?: AbortSignal): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const sid of new Set(sids)) {
    const trunk = await client.trunks.fetch(sid, { signal }).catch(() => undefined);
    names.set(sid, trunk ? trunkDisplayName(trunk) : sid);
  }
  return names;
}
