import type { SyncClients } from '../apply/sync-clients';
import type { KindBulkFetchOptions } from '../kinds/document-kind-descriptor';
import { documentKinds } from '../kinds/document-kinds';
import { fetchRemoteState } from './fetch-remote-state';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from './map-bounded';
import type { RemoteLookup, RemoteTarget } from './remote-state';

// Many documents of one account: list each kind of resource once instead of fetching each
// (each kind's fetch.bulk says how).

/** Below this many documents of a kind, fetching each is cheaper than listing everything. */
export const BULK_THRESHOLD = 5;

export type BulkFetchOptions = KindBulkFetchOptions;

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
  await Promise.all(
    documentKinds().map(async (kind) => {
      const indexes = targets.flatMap((t, i) => (t.kind === kind.kind ? [i] : []));
      // When looking up a new document lists them all anyway, one listing serves every document of that kind.
      const listsAnyway = kind.fetch.listsForNew && indexes.some((i) => targets[i]!.sid === undefined);
      if (indexes.length >= BULK_THRESHOLD || listsAnyway) {
        const found = await kind.fetch.bulk(account, indexes.map((i) => targets[i]!), clients, options, trunkNames);
        indexes.forEach((i, k) => (lookups[i] = found[k]!));
        return;
      }
      await mapBounded(indexes, PER_RESOURCE_CONCURRENCY, async (i) => {
        lookups[i] = await fetchRemoteState(targets[i]!, clients, options);
      });
    }),
  );
  return { lookups, trunkNames };
}
