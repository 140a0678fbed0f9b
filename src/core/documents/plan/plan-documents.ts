import { computePlan, locatePlanError, refusal, remoteTargetOf, uniqueKeyValue } from './compute-plan';
import type { PlanOutcome } from './document-plan';
import { fetchRemoteStates } from './fetch-remote-states';
import { mapBounded } from './map-bounded';
import { errorText, plural } from './message-text';
import type { TrunkDocument } from '../file/parse-trunk-file';
import type { PlanError } from './plan-error';
import { documentKind } from '../kinds/document-kinds';
import { fetchRemoteState } from './fetch-remote-state';
import type { RemoteLookup, RemoteTarget } from './remote-state';
import type { SyncClients } from '../apply/sync-clients';
import { syncStateKeyOf, type PendingCreateKey, type SyncStateStore } from '../sync/sync-state';
import { CarrierXDidIndex } from './carrierx-did-index';
import { TwilioNumberIndex } from './twilio-number-index';
import { AccountReferences } from '../references/account-references';
import type { ReferenceListings } from '../references/reference-listings';
import type { ReferableDocument } from '../references/document-reference';
import { documentKeyId, referenceOrder } from '../references/reference-order';
import { referableDocument, specReferences } from '../references/spec-references';

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
  /**
   * Sids owned by documents not in this call (the rest of the workspace). A document without sid
   * never adopts a resource that a document owns (these, or those of the documents planned here).
   */
  claimedSids?: Iterable<string> | undefined;
  /**
   * The workspace's documents, among which the names of references are resolved besides the
   * account's resources (the documents planned always count). Default: only those planned.
   */
  workspaceDocuments?: readonly SyncDocument[] | undefined;
  /** Keeps the account's resources listed for references, for the live diagnostics (which never list). */
  listings?: ReferenceListings | undefined;
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
  const claimed = new Set([...(options.claimedSids ?? []), ...documents.flatMap((d) => (d.document.sid !== undefined ? [d.document.sid] : []))]);
  const referables = referableDocuments([...documents, ...(options.workspaceDocuments ?? [])]);
  const resolvers = new Map<string, AccountReferences>();
  await mapBounded([...byAccount], ACCOUNT_CONCURRENCY, async ([account, indexes]) => {
    try {
      await planAccount(account, indexes, documents, targets as RemoteTarget[], clients, options, claimed, outcomes, referables, resolvers);
    } catch (error) {
      for (const i of indexes) {
        const { uri, document } = documents[i]!;
        outcomes[i] = refusal(uri, document, 'unavailable', `Could not read account ${account}: ${errorText(error)}.`, { cause: error });
      }
    }
  });
  rejectSharedClaims(documents, targets, outcomes);
  linkReferencedDocuments(documents, targets, outcomes, resolvers);
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
  claimed: ReadonlySet<string>,
  outcomes: PlanOutcome[],
  referables: readonly ReferableDocument[],
  resolvers: Map<string, AccountReferences>,
): Promise<void> {
  const { signal } = options;
  const lookupNew = options.lookupNew ?? true;
  const numbers = indexes.some((i) => documentKind(targets[i]!.kind).plan.usesNumberIndex) ? new TwilioNumberIndex(await clients.twilio(account)) : undefined;
  const fetched = indexes.filter((i) => targets[i]!.sid !== undefined || lookupNew);
  const dids = indexes.some((i) => documentKind(targets[i]!.kind).plan.usesDidIndex) ? new CarrierXDidIndex(await clients.carrierx(account)) : undefined;
  // The account's resources of each kind that a document names by name: one listing each, alongside the fetch.
  const named = indexes.flatMap((i) => specReferences(targets[i]!.kind, targets[i]!.spec as Record<string, unknown>).filter((r) => !documentKind(r.reference.kind).identity.sidPattern.test(r.value)).map((r) => r.reference.kind));
  const [{ lookups, trunkNames }, references] = await Promise.all([
    fetchRemoteStates(account, fetched.map((i) => targets[i]!), clients, { signal, numbers, dids }),
    AccountReferences.load(account, named, referables, clients, signal),
  ]);
  resolvers.set(account, references);
  for (const [kind, resources] of references.listed()) options.listings?.set(account, kind, resources);
  const lookupOf = new Map<number, RemoteLookup>(fetched.map((i, k) => [i, lookups[k]!]));
  for (const i of indexes) {
    const { uri, document } = documents[i]!;
    const sid = targets[i]!.sid;
    try {
      const lastSynced = sid !== undefined && options.syncState ? await options.syncState.get(syncStateKeyOf(targets[i]!, sid)) : undefined;
      const lookup = await adoptJournaledCreate(targets[i]!, lookupOf.get(i), { uri, index: document.index }, clients, options, claimed);
      const owned = lookup?.status === 'new' && lookup.adopt && claimed.has(lookup.adopt.sid) ? lookup.adopt.sid : undefined;
      outcomes[i] = owned ? adoptionRefused(uri, document, targets[i]!, owned) : await computePlan(document, lookup, { uri, numbers, dids, trunkNames, lastSynced, references, signal });
    } catch (error) {
      outcomes[i] = refusal(uri, document, 'unavailable', `Could not plan this document: ${errorText(error)}.`, { cause: error });
    }
  }
}

/**
 * A document without sid whose last push journaled a create (sync state PendingCreate) and then
 * stopped before the sid reached the file: the one same-named resource that did not exist before
 * that create, and that no document owns, is its resource, adopted instead of created again. Two
 * or more such resources are left to the user (the plan warns about same-named ones), as is a
 * journal of another kind.
 */
async function adoptJournaledCreate(
  target: RemoteTarget,
  lookup: RemoteLookup | undefined,
  key: PendingCreateKey,
  clients: SyncClients,
  options: PlanDocumentsOptions,
  claimed: ReadonlySet<string>,
): Promise<RemoteLookup | undefined> {
  if (!options.syncState || target.sid !== undefined || lookup?.status !== 'new' || lookup.adopt) return lookup;
  const pending = await options.syncState.getPendingCreate(key);
  if (!pending || pending.kind !== target.kind || pending.account !== target.account) return lookup;
  // A kind whose new documents are found by unique key has no look-up by name in the bulk fetch: list them now (rare: only after an interrupted push).
  const sameNamed = documentKind(target.kind).fetch.sameNamed;
  const sameName = sameNamed && lookup.sameName.length === 0 ? await sameNamed(target.account, pending.name, clients, options.signal) : lookup.sameName;
  const made = sameName.filter((r) => r.name === pending.name && !pending.before.includes(r.sid) && !claimed.has(r.sid));
  if (made.length !== 1) return lookup;
  const state = await fetchRemoteState({ ...target, sid: made[0]!.sid }, clients, { signal: options.signal });
  return state.status === 'found' ? { status: 'new', adopt: state.state, sameName: lookup.sameName.filter((r) => r.sid !== made[0]!.sid) } : lookup;
}

/** The resource a new document would adopt (the trunk owning its domain) is another document's. */
function adoptionRefused(uri: string, document: TrunkDocument, target: RemoteTarget, sid: string): PlanOutcome {
  const kind = documentKind(target.kind);
  const key = kind.identity.uniqueKey;
  const value = uniqueKeyValue(target);
  const error = locatePlanError(document, {
    message: `${key && value ? `${key.label} ${value} belongs to ${kind.noun} ${sid}` : `The resource this document would take over (${sid})`}, which another trunk document manages; one resource, one document. Give this document another domain, or delete it and edit the other one.`,
    path: key && value ? ['spec', key.field] : ['spec'],
  });
  return refusal(uri, document, 'plan-errors', error.message, { errors: [error] });
}

/**
 * Two documents that name the same resource (sid), or of one account that list the same phone
 * number or trunk domain, would undo each other on every push: neither is planned until one
 * lets go. (The editor and the CLI report these as diagnostics first; this is the last guard
 * for documents planned together.)
 */
function rejectSharedClaims(documents: readonly SyncDocument[], targets: readonly (RemoteTarget | undefined)[], outcomes: PlanOutcome[]): void {
  const claims = new Map<string, { i: number; error: PlanError }[]>();
  const claim = (key: string, i: number, error: PlanError) => {
    const list = claims.get(key);
    if (list) list.push({ i, error });
    else claims.set(key, [{ i, error }]);
  };
  for (const [i, { document }] of documents.entries()) {
    if (document.kind !== undefined && document.sid !== undefined) claim(`sid\u0000${document.sid}`, i, { message: document.sid, path: ['sid'] });
    const target = targets[i];
    if (!target) continue;
    const spec = target.spec as Readonly<Record<string, unknown>>;
    const key = (value: string, ignoreCase: boolean) => `${target.account}\u0000${ignoreCase ? value.toLowerCase() : value}`;
    // Lists first, then single values: the order the refusal lists its problems in.
    const claims = documentKind(target.kind).claims;
    for (const c of claims.filter((c) => c.list)) {
      const values = spec[c.field];
      if (Array.isArray(values)) values.forEach((n: string, k) => claim(key(n, c.ignoreCase), i, { message: n, path: ['spec', c.field, k] }));
    }
    for (const c of claims.filter((c) => !c.list)) {
      const value = spec[c.field];
      if (typeof value === 'string' && value) claim(key(value, c.ignoreCase), i, { message: value, path: ['spec', c.field] });
    }
  }
  const errors = new Map<number, PlanError[]>();
  for (const list of claims.values()) {
    if (new Set(list.map((c) => c.i)).size < 2) continue;
    for (const { i, error } of list) {
      if (outcomes[i]?.status !== 'planned') continue;
      const others = list.filter((c) => c.i !== i).map((c) => `${documents[c.i]!.uri} (document ${documents[c.i]!.document.index + 1})`);
      const rule = error.path[0] === 'sid' ? 'one resource, one document' : 'one trunk file per number and domain';
      const message = `${error.message} is also claimed by ${others.join(', ')}; ${rule}. Remove it from one of them.`;
      errors.set(i, [...(errors.get(i) ?? []), locatePlanError(documents[i]!.document, { ...error, message })]);
    }
  }
  for (const [i, list] of errors) {
    const { uri, document } = documents[i]!;
    const more = list.length > 1 ? ` (and ${plural(list.length - 1, 'more problem')})` : '';
    outcomes[i] = refusal(uri, document, 'plan-errors', `${list[0]!.message}${more}`, { errors: list });
  }
}

/** The documents of referable kinds (each once), as candidates for the names references give. */
function referableDocuments(documents: readonly SyncDocument[]): ReferableDocument[] {
  const found = new Map<string, ReferableDocument>();
  for (const { uri, document } of documents) {
    const spec = (document.spec ?? undefined) as Readonly<Record<string, unknown>> | undefined;
    const referable = referableDocument({ uri, index: document.index }, document.kind, document.account, document.sid, spec);
    if (referable) found.set(documentKeyId(referable), referable);
  }
  return [...found.values()];
}

/**
 * Each plan learns the documents of this call it names (DocumentPlan.dependsOn: applied before
 * it). A reference to a document not created yet and not planned here cannot be pushed (its
 * sid does not exist); documents that name each other in a cycle cannot be ordered: both are
 * refused, saying so at the reference.
 */
function linkReferencedDocuments(documents: readonly SyncDocument[], targets: readonly (RemoteTarget | undefined)[], outcomes: PlanOutcome[], resolvers: ReadonlyMap<string, AccountReferences>): void {
  const here = new Map(documents.map((d, i) => [documentKeyId({ uri: d.uri, index: d.document.index }), i]));
  const errors = new Map<number, PlanError[]>();
  const edges = new Map<number, { key: { uri: string; index: number }; path: PlanError['path'] }[]>();
  for (const [i, outcome] of outcomes.entries()) {
    const target = targets[i];
    const resolver = target ? resolvers.get(target.account) : undefined;
    if (outcome.status !== 'planned' || !target || !resolver) continue;
    const list: { key: { uri: string; index: number }; path: PlanError['path'] }[] = [];
    for (const entry of specReferences(target.kind, target.spec as Record<string, unknown>)) {
      const resolution = resolver.resolve(entry.reference.kind, entry.value);
      if (resolution.status !== 'resolved' || !resolution.reference.document) continue;
      const { document, sid } = resolution.reference;
      if (here.has(documentKeyId(document))) list.push({ key: document, path: entry.path });
      else if (sid === undefined) {
        errors.set(i, [
          ...(errors.get(i) ?? []),
          {
            message: `${JSON.stringify(entry.value)} is ${document.uri} (document ${document.index + 1}), which is not created yet and not part of this push. Push it first, or push both together (Push All, or both files with trunkline apply).`,
            path: entry.path,
          },
        ]);
      }
    }
    outcome.plan.dependsOn = list.map((e) => e.key);
    edges.set(i, list);
  }
  const planned = [...edges.keys()];
  const { cycles } = referenceOrder(planned, (i) => ({ uri: documents[i]!.uri, index: documents[i]!.document.index }), (i) => edges.get(i)!.map((e) => e.key));
  for (const { item: i, cycle } of cycles) {
    const text = cycle.map((k) => `${k.uri} (document ${k.index + 1})`).join(' → ');
    const on = edges.get(i)!.find((e) => cycle.some((k) => documentKeyId(k) === documentKeyId(e.key))) ?? edges.get(i)![0];
    errors.set(i, [...(errors.get(i) ?? []), { message: `These documents name each other in a cycle, so neither can be pushed before the other: ${text}. Remove one of these references.`, path: on?.path ?? ['spec'] }]);
  }
  for (const [i, list] of errors) {
    const { uri, document } = documents[i]!;
    const located = list.map((e) => locatePlanError(document, e));
    const more = located.length > 1 ? ` (and ${plural(located.length - 1, 'more problem')})` : '';
    outcomes[i] = refusal(uri, document, 'plan-errors', `${located[0]!.message}${more}`, { errors: located });
  }
}
