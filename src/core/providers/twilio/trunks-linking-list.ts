import { collect } from '../page';
import type { Trunk } from './models';
import type { TwilioClient } from './twilio-client';

/**
 * The trunks that link an account's SIP auth list. Twilio has no reverse lookup, so each
 * trunk's links are listed (a handful of requests for a usual account).
 */
export async function trunksLinkingList(client: TwilioClient, kind: 'ipAccessControlList' | 'credentialList', listSid: string, signal?: AbortSignal): Promise<Trunk[]> {
  const links = kind === 'ipAccessControlList' ? client.trunkIpAccessControlLists : client.trunkCredentialLists;
  const trunks = await collect(client.trunks.list({ pageSize: 1000, signal }));
  const linking = await Promise.all(trunks.map(async (trunk) => ((await collect(links.list(trunk.sid, { signal }))).some((l) => l.sid === listSid) ? trunk : undefined)));
  return linking.filter((trunk): trunk is Trunk => trunk !== undefined);
}
