import { computePlan, locatePlanError, refusal, remoteTargetOf } from './compute-plan';
import type { PlanOutcome } from './document-plan';
import { fetchRemoteStates } from './fetch-remote-states';
import { mapBounded } from './map-bounded';
import { errorText, plural } from './message-text';
import type { TrunkDocument } from './parse-trunk-file';
import type { PlanError } from './plan-error';
import { fetchRemoteState, type RemoteLookup, type RemoteTarget } from './remote-state';
import type { SyncClients } from './sync-clients';
import type { PendingCreateKey, SyncStateStore } from './sync-state';
import { TwilioNumberIndex } from './twilio-number-index';

/** A document and the file it is in. */
export interface SyncDocument {
  uri: string;
  document: TrunkDocument;
}

export interface PlanDocumentsOptions {
  syncState?: SyncStateStore | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Look up documents without sid (an existing trunk owning the domain name is adopted, same-named
   * BYOC trunks and groups are warned about). Default true; the status of such documents does not need it.
   */
  lookupNew?: boolean | undefined;
}

export interface PlannedDocument extends SyncDocument {
  outcome: PlanOutcome;
}

const ACCOUNT_CONCURRENCY = 4;

/**
 * Plans many documents with few requests: grouped per account, each account's resources are
 * listed once (fetchRemoteStates) and its incoming numbers listed at most once, shared by all
 * its documents. Results are in input order. Never throws for provider failures: a document
 * whose account could not be read is refused as `unavailable`.
 */
export async function planDocuments(documents: readonly SyncDocument[], clients: SyncClients, options: PlanDocumentsOptions = {}): Promise<PlannedDocument[]> {
  const outcomes = new Array<PlanOutcome>(documents.length);
  const byAccount = new Map<string, number[]>();
  const targets = documents.map((d) => remoteTargetOf(d.document));
  for (const [i, target] of targets.entries()) {
    if (!target) {
      outcomes[i] = await computePlan(documents[i]!.document, undefined, { uri: documents[i]!.uri });
      continue;
    }
    const list = byAccount.get(target.account);
    if (list) list.push(i);
    else byAccount.set(target.account, [i]);
  }
  await mapBounded([...byAccount], ACCOUNT_CONCURRENCY, async ([account, indexes]) => {
    try {
      await planAccount(account, indexes, documents, targets as RemoteTarget[], clients, options, outcomes);
    } catch (error) {
      for (const i of indexes) {
        const { uri, document } = documents[i]!;
        outcomes[i] = refusal(uri, document, 'unavailable', `Could not read account ${account}: ${errorText(error)}.`, { cause: error });
      }
    }
  });
  rejectSharedClaims(documents, targets, outcomes);
  return documents.map((d, i) => ({ ...d, outcome: outcomes[i]! }));
}

/** Plans one document (Push, Diff or status of a single document). */
export async function planDocument(uri: string, document: TrunkDocument, clients: SyncClients, options: PlanDocumentsOptions = {}): Promise<PlanOutcome> {
  const [planned] = await planDocuments([{ uri, document }], clients, options);
  return planned!.outcome;
}

async function planAccount(
  account: string,
  indexes: number[],
  documents: readonly SyncDocument[],
  targets: readonly RemoteTarget[],
  clients: SyncClients,
  options: PlanDocumentsOptions,
  outcomes: PlanOutcome[],
): Promise<void> {
  const { signal } = options;
  const lookupNew = options.lookupNew ?? true;
  const numbers = indexes.some((i) => targets[i]!.kind === 'TwilioTrunk') ? new TwilioNumberIndex(await clients.twilio(account)) : undefined;
  const fetched = indexes.filter((i) => targets[i]!.sid !== undefined || lookupNew);
  const { lookups, trunkNames } = await fetchRemoteStates(account, fetched.map((i) => targets[i]!), clients, { signal, numbers });
  const lookupOf = new Map<number, RemoteLookup>(fetched.map((i, k) => [i, lookups[k]!]));
  for (const i of indexes) {
    const { uri, document } = documents[i]!;
    const sid = targets[i]!.sid;
    try {
      const lastSynced = sid !== undefined && options.syncState ? await options.syncState.get({ uri, index: document.index, sid }) : undefined;
      const lookup = await adoptJournaledCreate(targets[i]!, lookupOf.get(i), { uri, index: document.index }, clients, options);
      outcomes[i] = await computePlan(document, lookup, { uri, numbers, trunkNames, lastSynced, signal });
    } catch (error) {
      outcomes[i] = refusal(uri, document, 'unavailable', `Could not plan this document: ${errorText(error)}.`, { cause: error });
    }
  }
}

/**
 * A document without sid whose last push journaled a create (sync state PendingCreate) and then
 * stopped before the sid reached the file: the one same-named resource that did not exist before
 * that create is its resource, adopted instead of created again. Two or more such resources
 * are left to the user (the plan warns about same-named ones), as is a journal of another kind.
 */
async function adoptJournaledCreate(
  target: RemoteTarget,
  lookup: RemoteLookup | undefined,
  key: PendingCreateKey,
  clients: SyncClients,
  options: PlanDocumentsOptions,
): Promise<RemoteLookup | undefined> {
  if (!options.syncState || target.sid !== undefined || lookup?.status !== 'new' || lookup.adopt) return lookup;
  const pending = await options.syncState.getPendingCreate(key);
  if (!pending || pending.kind !== target.kind || pending.account !== target.account) return lookup;
  const made = lookup.sameName.filter((r) => r.name === pending.name && !pending.before.includes(r.sid));
  if (made.length !== 1) return lookup;
  const state = await fetchRemoteState({ ...target, sid: made[0]!.sid }, clients, { signal: options.signal });
  return state.status === 'found' ? { status: 'new', adopt: state.state, sameName: lookup.sameName.filter((r) => r.sid !== made[0]!.sid) } : lookup;
}

/**
 * Two documents of one account that list the same phone number or trunk domain would undo
 * each other on every push: neither is planned until one lets go.
 */
function rejectSharedClaims(documents: readonly SyncDocument[], targets: readonly (RemoteTarget | undefined)[], outcomes: PlanOutcome[]): void {
  const claims = new Map<string, { i: number; error: PlanError }[]>();
  const claim = (key: string, i: number, error: PlanError) => {
    const list = claims.get(key);
    if (list) list.push({ i, error });
    else claims.set(key, [{ i, error }]);
  };
  for (const [i, target] of targets.entries()) {
    if (target?.kind !== 'TwilioTrunk' || outcomes[i]?.status !== 'planned') continue;
    target.spec.phone_numbers?.forEach((n, k) => claim(`${target.account}\u0000${n}`, i, { message: n, path: ['spec', 'phone_numbers', k] }));
    if (target.spec.domain_name) claim(`${target.account}\u0000${target.spec.domain_name.toLowerCase()}`, i, { message: target.spec.domain_name, path: ['spec', 'domain_name'] });
  }
  const errors = new Map<number, PlanError[]>();
  for (const list of claims.values()) {
    if (new Set(list.map((c) => c.i)).size < 2) continue;
    for (const { i, error } of list) {
      const others = list.filter((c) => c.i !== i).map((c) => `${documents[c.i]!.uri} (document ${documents[c.i]!.document.index + 1})`);
      const message = `${error.message} is also claimed by ${others.join(', ')}; one trunk file per number and domain. Remove it from one of them.`;
      errors.set(i, [...(errors.get(i) ?? []), locatePlanError(documents[i]!.document, { ...error, message })]);
    }
  }
  for (const [i, list] of errors) {
    const { uri, document } = documents[i]!;
    const more = list.length > 1 ? ` (and ${plural(list.length - 1, 'more problem')})` : '';
    outcomes[i] = refusal(uri, document, 'plan-errors', `${list[0]!.message}${more}`, { errors: list });
  }
}
