import { isProviderError } from '../../http/provider-error';
import { collect } from '../../providers/page';
import type { ByocTrunk, IncomingPhoneNumber, TrunkPhoneNumber } from '../../providers/twilio/models';
import type { RemoteCarrierXTrunkGroup, RemoteTwilioTrunk } from '../render/render-document';
import type { SyncClients } from '../apply/sync-clients';
import type { TrunkKind } from '../file/trunk-kinds';
import type { TrunkSpecByKind } from '../file/trunk-specs';

// The remote side of a document, in the renderer's shapes (renderSpec/renderDocument take
// `state.remote` as it is), plus what planning needs beyond them: the PN SIDs of attached
// numbers, and whether origination URLs were fetched at all.

/** A number on the trunk: its PN SID is what detaching takes. */
export type AttachedNumber = Pick<TrunkPhoneNumber | IncomingPhoneNumber, 'sid' | 'phone_number'>;

export interface TwilioTrunkRemote extends RemoteTwilioTrunk {
  phoneNumbers: readonly AttachedNumber[];
}

export type RemoteState =
  | {
      kind: 'TwilioTrunk';
      sid: string;
      remote: TwilioTrunkRemote;
      /**
       * False when a bulk fetch skipped the origination URLs because the document does not
       * manage them: `remote.originationUrls` is then empty and must not be shown as the truth.
       */
      originationUrlsFetched: boolean;
    }
  | { kind: 'TwilioByocTrunk'; sid: string; remote: ByocTrunk }
  | { kind: 'CarrierXTrunkGroup'; sid: string; remote: RemoteCarrierXTrunkGroup };

/** A resource with the same name as a document without sid: maybe created by an interrupted push. */
export interface SameNamedResource {
  sid: string;
  name: string;
}

/**
 * What the provider has for a document:
 * - `found`: the resource its sid names;
 * - `missing`: it has a sid but the resource is gone (deleted outside Trunkline);
 * - `new`: no sid. `adopt` is a Twilio trunk of the account that already owns the document's
 *   domain_name (domain names are unique, so it can only be this document's trunk, e.g.
 *   created by a push that crashed before writing the sid back); `sameName` lists BYOC trunks
 *   or trunk groups with the document's name, which cannot be told apart, only warned about.
 */
export type RemoteLookup =
  | { status: 'found'; state: RemoteState }
  | { status: 'missing'; sid: string }
  | { status: 'new'; adopt?: RemoteState | undefined; sameName: SameNamedResource[] };

/** What fetching needs to know about a document. */
export type RemoteTarget = { account: string; sid: string | undefined } & {
  [K in TrunkKind]: { kind: K; spec: TrunkSpecByKind[K] };
}[TrunkKind];

export interface FetchOptions {
  signal?: AbortSignal | undefined;
}

const PAGE_SIZE = 1000;

/** Fetches everything about one resource by its SID (for Diff, Pull, status of one document). */
export async function fetchRemoteState(target: RemoteTarget, clients: SyncClients, options: FetchOptions = {}): Promise<RemoteLookup> {
  if (target.sid === undefined) return lookupNew(target, clients, options);
  try {
    return { status: 'found', state: await fetchBySid(target.kind, target.account, target.sid, clients, options) };
  } catch (error) {
    if (isProviderError(error) && error.isNotFound) return { status: 'missing', sid: target.sid };
    throw error;
  }
}

async function fetchBySid(kind: TrunkKind, account: string, sid: string, clients: SyncClients, options: FetchOptions): Promise<RemoteState> {
  const { signal } = options;
  if (kind === 'TwilioTrunk') {
    const client = await clients.twilio(account);
    const trunk = await client.trunks.fetch(sid, { signal });
    const [originationUrls, phoneNumbers, recording] = await Promise.all([
      collect(client.originationUrls.list(sid, { pageSize: PAGE_SIZE, signal })),
      collect(client.trunkPhoneNumbers.list(sid, { pageSize: PAGE_SIZE, signal })),
      trunk.recording ? Promise.resolve(trunk.recording) : client.recording.fetch(sid, { signal }),
    ]);
    return { kind, sid, remote: { trunk, recording, originationUrls, phoneNumbers }, originationUrlsFetched: true };
  }
  if (kind === 'TwilioByocTrunk') {
    const client = await clients.twilio(account);
    return { kind, sid, remote: await client.byocTrunks.fetch(sid, { signal }) };
  }
  const client = await clients.carrierx(account);
  const trunkGroup = await client.trunkGroups.fetch(sid, { withTrunks: true, signal });
  return { kind, sid, remote: { trunkGroup, trunks: trunkGroup.trunks ?? [] } };
}

/** For a document without sid: an existing trunk with its domain name, or same-named resources. */
async function lookupNew(target: RemoteTarget, clients: SyncClients, options: FetchOptions): Promise<RemoteLookup> {
  const { signal } = options;
  if (target.kind === 'TwilioTrunk') {
    const domain = target.spec.domain_name;
    if (!domain) return { status: 'new', sameName: [] };
    const client = await clients.twilio(target.account);
    const trunk = await client.trunks.findByDomainName(domain, { signal });
    if (!trunk) return { status: 'new', sameName: [] };
    return { status: 'new', adopt: await fetchBySid('TwilioTrunk', target.account, trunk.sid, clients, options), sameName: [] };
  }
  if (target.kind === 'TwilioByocTrunk') {
    const name = target.spec.friendly_name;
    if (!name) return { status: 'new', sameName: [] };
    const client = await clients.twilio(target.account);
    const all = await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal }));
    return { status: 'new', sameName: all.filter((t) => t.friendly_name === name).map((t) => ({ sid: t.sid, name })) };
  }
  const name = target.spec.name;
  if (!name) return { status: 'new', sameName: [] };
  const client = await clients.carrierx(target.account);
  const groups = await client.trunkGroups.findByName(name, { pageSize: PAGE_SIZE, signal });
  return { status: 'new', sameName: groups.map((g) => ({ sid: g.trunk_group_sid, name })) };
}
