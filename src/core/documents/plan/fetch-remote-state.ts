import { isProviderError } from '../../http/provider-error';
import type { SyncClients } from '../apply/sync-clients';
import type { TrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';
import type { FetchOptions, RemoteLookup, RemoteTargetOf } from './remote-state';

/** Fetches everything about one resource by its SID (for Diff, Pull, status of one document). */
export async function fetchRemoteState<K extends TrunkKind>(target: RemoteTargetOf<K>, clients: SyncClients, options: FetchOptions = {}): Promise<RemoteLookup> {
  const kind = documentKind<TrunkKind>(target.kind);
  if (target.sid === undefined) return kind.fetch.lookupNew(target, clients, options);
  try {
    return { status: 'found', state: await kind.fetch.bySid(target.account, target.sid, clients, options) };
  } catch (error) {
    if (isProviderError(error) && error.isNotFound) return { status: 'missing', sid: target.sid };
    throw error;
  }
}
