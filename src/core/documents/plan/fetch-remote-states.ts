import { collect } from '../../providers/page';
import type { Trunk } from '../../providers/twilio/models';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import { mapBounded } from './map-bounded';
import { fetchRemoteState, type FetchOptions, type RemoteLookup, type RemoteState, type RemoteTarget } from './remote-state';
import type { SyncClients } from '../apply/sync-clients';
import { TwilioNumberIndex } from './twilio-number-index';

// Many documents of one account: list each kind of resource once instead of fetching each.
// For Twilio trunks: the trunks (1,000 a page) carry their recording; the account's incoming
// numbers (one listing, shared with phone number resolution) say which trunk each number is
// on; only origination URLs need a request per trunk, and only for documents that manage them.

/** Below this many documents of a kind, fetching each is cheaper than listing everything. */
export const BULK_THRESHOLD = 5;
const PAGE_SIZE = 1000;
const PER_TRUNK_CONCURRENCY = 8;

export interface BulkFetchOptions extends FetchOptions {
  /** The account's number index for this run; one is made when absent. */
  numbers?: TwilioNumberIndex | undefined;
}

export interface BulkFetchResult {
  /** One per target, in the targets' order. */
  lookups: RemoteLookup[];
  /** Friendly names of the account's trunks, when they were listed (move previews name them). */
  trunkNames: Map<string, string | null>;
}

/** Remote state of documents that all name the same account. */
export async function fetchRemoteStates(account: string, targets: readonly RemoteTarget[], clients: SyncClients, options: BulkFetchOptions = {}): Promise<BulkFetchResult> {
  const lookups = new Array<RemoteLookup>(targets.length);
  const trunkNames = new Map<string, string | null>();
  const indexesOf = (kind: RemoteTarget['kind']) => targets.flatMap((t, i) => (t.kind === kind ? [i] : []));
  const twilioTrunks = indexesOf('TwilioTrunk');
  const byoc = indexesOf('TwilioByocTrunk');
  const groups = indexesOf('CarrierXTrunkGroup');

  const single = async (indexes: number[]) => {
    await mapBounded(indexes, PER_TRUNK_CONCURRENCY, async (i) => {
      lookups[i] = await fetchRemoteState(targets[i] as RemoteTarget, clients, options);
    });
  };
  // Looking up a new Twilio trunk by domain, or a new BYOC trunk by name, lists them all
  // anyway: then one listing serves every document of that kind.
  const listsAnyway = (indexes: number[]) => indexes.some((i) => targets[i]!.sid === undefined);
  await Promise.all([
    twilioTrunks.length >= BULK_THRESHOLD || listsAnyway(twilioTrunks)
      ? bulkTwilioTrunks(account, targets, twilioTrunks, clients, options, lookups, trunkNames)
      : single(twilioTrunks),
    byoc.length >= BULK_THRESHOLD || listsAnyway(byoc) ? bulkByocTrunks(account, targets, byoc, clients, options, lookups) : single(byoc),
    groups.length >= BULK_THRESHOLD ? bulkTrunkGroups(account, targets, groups, clients, options, lookups) : single(groups),
  ]);
  return { lookups, trunkNames };
}

async function bulkTwilioTrunks(
  account: string,
  targets: readonly RemoteTarget[],
  indexes: number[],
  clients: SyncClients,
  options: BulkFetchOptions,
  lookups: RemoteLookup[],
  trunkNames: Map<string, string | null>,
): Promise<void> {
  const { signal } = options;
  const client = await clients.twilio(account);
  const numbers = options.numbers ?? new TwilioNumberIndex(client);
  const [trunks] = await Promise.all([collect(client.trunks.list({ pageSize: PAGE_SIZE, signal })), numbers.load(signal)]);
  const bySid = new Map<string, Trunk>();
  const byDomain = new Map<string, Trunk>();
  for (const trunk of trunks) {
    bySid.set(trunk.sid, trunk);
    trunkNames.set(trunk.sid, trunk.friendly_name);
    if (trunk.domain_name) byDomain.set(trunk.domain_name.toLowerCase(), trunk);
  }
  await mapBounded(indexes, PER_TRUNK_CONCURRENCY, async (i) => {
    const target = targets[i] as Extract<RemoteTarget, { kind: 'TwilioTrunk' }>;
    if (target.sid !== undefined) {
      const trunk = bySid.get(target.sid);
      lookups[i] = trunk ? { status: 'found', state: await trunkState(client, trunk, target, numbers, signal) } : { status: 'missing', sid: target.sid };
      return;
    }
    const owner = target.spec.domain_name ? byDomain.get(target.spec.domain_name.toLowerCase()) : undefined;
    lookups[i] = { status: 'new', adopt: owner ? await trunkState(client, owner, target, numbers, signal) : undefined, sameName: [] };
  });
}

async function trunkState(
  client: TwilioClient,
  trunk: Trunk,
  target: Extract<RemoteTarget, { kind: 'TwilioTrunk' }>,
  numbers: TwilioNumberIndex,
  signal: AbortSignal | undefined,
): Promise<RemoteState> {
  const managesUrls = target.spec.origination_urls !== undefined;
  const [originationUrls, recording, phoneNumbers] = await Promise.all([
    managesUrls ? collect(client.originationUrls.list(trunk.sid, { pageSize: PAGE_SIZE, signal })) : Promise.resolve([]),
    trunk.recording || target.spec.recording === undefined ? Promise.resolve(trunk.recording) : client.recording.fetch(trunk.sid, { signal }),
    numbers.onTrunk(trunk.sid, signal),
  ]);
  return { kind: 'TwilioTrunk', sid: trunk.sid, remote: { trunk, recording, originationUrls, phoneNumbers }, originationUrlsFetched: managesUrls };
}

async function bulkByocTrunks(
  account: string,
  targets: readonly RemoteTarget[],
  indexes: number[],
  clients: SyncClients,
  options: FetchOptions,
  lookups: RemoteLookup[],
): Promise<void> {
  const client = await clients.twilio(account);
  const all = await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal: options.signal }));
  lookUpAmong(all, targets, indexes, lookups, {
    sid: (t) => t.sid,
    name: (t) => t.friendly_name,
    wantedName: (target) => (target.kind === 'TwilioByocTrunk' ? target.spec.friendly_name : undefined),
    state: (t) => ({ kind: 'TwilioByocTrunk', sid: t.sid, remote: t }),
  });
}

async function bulkTrunkGroups(
  account: string,
  targets: readonly RemoteTarget[],
  indexes: number[],
  clients: SyncClients,
  options: FetchOptions,
  lookups: RemoteLookup[],
): Promise<void> {
  const client = await clients.carrierx(account);
  const all = await collect(client.trunkGroups.list({ withTrunks: true, pageSize: PAGE_SIZE, signal: options.signal }));
  lookUpAmong(all, targets, indexes, lookups, {
    sid: (g) => g.trunk_group_sid,
    name: (g) => g.name,
    wantedName: (target) => (target.kind === 'CarrierXTrunkGroup' ? target.spec.name : undefined),
    state: (g) => ({ kind: 'CarrierXTrunkGroup', sid: g.trunk_group_sid, remote: { trunkGroup: g, trunks: g.trunks ?? [] } }),
  });
}

/**
 * Resolves documents against a full listing of resources that have no unique key but their SID:
 * by SID when the document has one (found or missing), else the same-named ones, to warn about.
 */
function lookUpAmong<T>(
  all: readonly T[],
  targets: readonly RemoteTarget[],
  indexes: readonly number[],
  lookups: RemoteLookup[],
  resource: {
    sid(item: T): string;
    name(item: T): string | null;
    /** The name a document without SID gives its resource. */
    wantedName(target: RemoteTarget): string | null | undefined;
    state(item: T): RemoteState;
  },
): void {
  const bySid = new Map(all.map((item) => [resource.sid(item), item]));
  for (const i of indexes) {
    const target = targets[i]!;
    if (target.sid === undefined) {
      const name = resource.wantedName(target);
      lookups[i] = { status: 'new', sameName: name ? all.filter((item) => resource.name(item) === name).map((item) => ({ sid: resource.sid(item), name })) : [] };
      continue;
    }
    const item = bySid.get(target.sid);
    lookups[i] = item ? { status: 'found', state: resource.state(item) } : { status: 'missing', sid: target.sid };
  }
}
