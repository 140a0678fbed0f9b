import { applyPlan, keysTouched, movedFields, outdatedMessage, type ApplyProgress, type ApplyResult, type PreconditionResult } from './apply-plan';
import type { DocumentPlan, PlanRefusal } from '../plan/document-plan';
import { fetchRemoteStates } from '../plan/fetch-remote-states';
import { mapBounded } from '../plan/map-bounded';
import { errorText, plural } from '../plan/message-text';
import { planDocuments, type PlanDocumentsOptions, type PlannedDocument, type SyncDocument } from '../plan/plan-documents';
import { remoteFingerprint, syncedAfterPush } from '../sync/remote-fingerprint';
import { ResourceClaims } from './resource-claims';
import { movableReference, plannedReferences, referencesMovedSincePlan } from './references-moved';
import type { RemoteTarget } from '../plan/remote-state';
import type { SyncClients } from './sync-clients';
import { syncStateKeyOf, type SyncStateStore } from '../sync/sync-state';
import { documentKeyId, referenceOrder } from '../references/reference-order';

/** Every document's plan (or refusal), in input order: what Push All shows before applying. */
export interface CombinedPlan {
  documents: PlannedDocument[];
  /** Operations over all planned documents. */
  operationCount: number;
}

/**
 * Plans many documents with the bulk fetch (planDocuments), in the order they will be applied:
 * a document after those it names (references/), otherwise in the input order.
 */
export async function planAll(documents: readonly SyncDocument[], clients: SyncClients, options: PlanDocumentsOptions = {}): Promise<CombinedPlan> {
  const planned = inReferenceOrder(await planDocuments(documents, clients, options));
  const operationCount = planned.reduce((n, p) => n + (p.outcome.status === 'planned' ? p.outcome.plan.operations.length : 0), 0);
  return { documents: planned, operationCount };
}

export interface ApplyAllOptions {
  signal?: AbortSignal | undefined;
  syncState?: SyncStateStore | undefined;
  /** Overwrite remote changes made since the last sync: for every document, or those the function accepts. */
  overwrite?: boolean | ((plan: DocumentPlan) => boolean) | undefined;
  /** Documents applied at the same time (default 4); the operations of one document always go in order. */
  concurrency?: number | undefined;
  /** Checked before every operation of the document (see ApplyOptions.precondition). */
  precondition?: ((plan: DocumentPlan) => PreconditionResult | Promise<PreconditionResult>) | undefined;
  /**
   * Called once per document that gets a sid: write it into its file (setDocumentSid). Calls for
   * documents of the same file can overlap: serialize the edits per file.
   */
  onCreated?: ((plan: DocumentPlan, sid: string) => void | Promise<void>) | undefined;
  onProgress?: ((progress: ApplyProgress) => void) | undefined;
  onDocumentDone?: ((result: DocumentPushResult) => void) | undefined;
  /** Sids owned by documents outside this push (the rest of the workspace): never adopted by a lost create's look-up. */
  claimedSids?: Iterable<string> | undefined;
  maxCreateAttempts?: number | undefined;
  /** Secrets the operations need (secretRequestsOf), by SecretRequest.key: in memory only. */
  secrets?: ReadonlyMap<string, string> | undefined;
}

/**
 * - `created` / `updated`: every operation applied;
 * - `unchanged`: already in sync;
 * - `failed`: not planned (see the reason), or an operation failed or the push stopped part-way;
 * - `skipped`: nothing sent on purpose: remote changed without overwrite, changed after the plan
 *   was made (`apply.status` is `outdated`: plan again), cancelled or stopped before it began.
 */
export type DocumentPushOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped';

export interface DocumentPushResult {
  uri: string;
  index: number;
  title: string;
  outcome: DocumentPushOutcome;
  /** The reason or what happened, one or two sentences. */
  message: string;
  sid: string | undefined;
  apply?: ApplyResult | undefined;
  refusal?: PlanRefusal | undefined;
}

export interface PushSummary {
  documents: DocumentPushResult[];
  counts: Record<DocumentPushOutcome, number>;
  /** e.g. `Push: 2 created, 5 updated, 4 unchanged, 1 failed.` */
  message: string;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Applies a combined plan: documents in parallel (bounded), each document's operations in
 * order. Request pacing is the transport's: it waits out a provider's Retry-After for every
 * request of that account. Before the first write, every document's remote is read again in
 * bulk: one that moved since the plan is not applied (`skipped`, `apply.status` `outdated`) so
 * that the caller can plan it again and ask again. Afterwards the changed remotes are read
 * again in bulk and remembered as synced (only the keys the push set take their new value).
 */
export async function applyAll(combined: CombinedPlan, clients: SyncClients, options: ApplyAllOptions = {}): Promise<PushSummary> {
  const claims = new ResourceClaims([...(options.claimedSids ?? []), ...combined.documents.flatMap((d) => (d.document.sid !== undefined ? [d.document.sid] : []))]);
  const moved = await remoteMovedSincePlans(combined, clients, options.signal);
  // A document starts after the documents it names have been applied: in reference order, a
  // document waits only for documents started before it, so the bounded pool never deadlocks.
  const ordered = inReferenceOrder(combined.documents);
  const done = new Map<string, Promise<DocumentPushResult>>();
  const settle = new Map<string, (result: DocumentPushResult) => void>();
  for (const planned of ordered) {
    const id = documentKeyId({ uri: planned.uri, index: planned.document.index });
    done.set(id, new Promise((resolve) => settle.set(id, resolve)));
  }
  const byPlanned = new Map<PlannedDocument, DocumentPushResult>();
  await mapBounded(ordered, options.concurrency ?? DEFAULT_CONCURRENCY, async (planned) => {
    const needed = planned.outcome.status === 'planned' ? (planned.outcome.plan.dependsOn ?? []) : [];
    const before = await Promise.all(needed.flatMap((key) => done.get(documentKeyId(key)) ?? []));
    const missing = before.find((r) => r.sid === undefined && !claims.documentSid(r));
    const result = missing && planned.outcome.status === 'planned' ? dependencyNotCreated(planned.outcome.plan, missing) : await applyDocument(planned, clients, options, claims, moved.get(planned));
    byPlanned.set(planned, result);
    settle.get(documentKeyId({ uri: planned.uri, index: planned.document.index }))!(result);
    options.onDocumentDone?.(result);
    return result;
  });
  const results = combined.documents.map((planned) => byPlanned.get(planned)!);
  await rememberAppliedRemotes(results, clients, options.syncState);
  return summarizePushResults(results);
}

/**
 * The documents about to be written whose remote is no longer the one planned against, read
 * per account with the bulk fetch: the moved keys, or an Error when the account could not be read.
 */
async function remoteMovedSincePlans(combined: CombinedPlan, clients: SyncClients, signal: AbortSignal | undefined): Promise<Map<PlannedDocument, string[] | Error>> {
  const moved = new Map<PlannedDocument, string[] | Error>();
  const byAccount = new Map<string, { planned: PlannedDocument; plan: DocumentPlan; target: RemoteTarget }[]>();
  for (const planned of combined.documents) {
    if (planned.outcome.status !== 'planned') continue;
    const plan = planned.outcome.plan;
    const first = plan.operations[0];
    const sid = plan.sid ?? (first?.type === 'adopt' ? first.sid : undefined);
    if (sid === undefined || !plan.remoteFingerprint || plan.operations.length === 0) continue;
    const list = byAccount.get(plan.account) ?? [];
    list.push({ planned, plan, target: { ...plan.target, sid } });
    byAccount.set(plan.account, list);
  }
  await mapBounded([...byAccount], 4, async ([account, list]) => {
    try {
      const { lookups } = await fetchRemoteStates(account, list.map((l) => l.target), clients, { signal });
      for (const [k, { planned, plan }] of list.entries()) {
        const lookup = lookups[k];
        const fields = lookup?.status === 'found' ? movedFields(plan.remoteFingerprint!, remoteFingerprint(lookup.state)) : ['(deleted)'];
        if (fields) moved.set(planned, fields);
      }
    } catch (error) {
      for (const { planned } of list) moved.set(planned, error instanceof Error ? error : new Error(String(error)));
    }
  });
  // Names that resolve otherwise now (references-moved.ts): creates too, since they link.
  const toWrite = combined.documents.flatMap((planned) => (planned.outcome.status === 'planned' && planned.outcome.plan.operations.length > 0 && !moved.has(planned) ? [[planned.outcome.plan, planned] as const] : []));
  try {
    const references = await referencesMovedSincePlan(toWrite.map(([plan]) => plan), clients, signal);
    for (const [plan, planned] of toWrite) {
      const problems = references.get(plan);
      if (problems) moved.set(planned, problems);
    }
  } catch (error) {
    for (const [plan, planned] of toWrite) if (plannedReferences(plan).some(movableReference)) moved.set(planned, error instanceof Error ? error : new Error(String(error)));
  }
  return moved;
}

/** Plans, then applies, the documents. */
export async function pushAll(documents: readonly SyncDocument[], clients: SyncClients, options: ApplyAllOptions = {}): Promise<{ plan: CombinedPlan; summary: PushSummary }> {
  const plan = await planAll(documents, clients, { syncState: options.syncState, signal: options.signal });
  return { plan, summary: await applyAll(plan, clients, options) };
}

async function applyDocument(planned: PlannedDocument, clients: SyncClients, options: ApplyAllOptions, claims: ResourceClaims, moved: string[] | Error | undefined): Promise<DocumentPushResult> {
  if (planned.outcome.status === 'refused') {
    const refusal = planned.outcome.refusal;
    return { uri: refusal.uri, index: refusal.index, title: refusal.title, outcome: 'failed', message: `Not planned: ${refusal.message}`, sid: refusal.sid, refusal };
  }
  const plan = planned.outcome.plan;
  const overwrite = typeof options.overwrite === 'function' ? options.overwrite(plan) : options.overwrite;
  if (moved instanceof Error) {
    const message = `Nothing was sent: reading the remote ${plan.title} again before the first change failed (${errorText(moved)}). Push again.`;
    return { uri: plan.uri, index: plan.index, title: plan.title, outcome: 'failed', message, sid: plan.sid };
  }
  if (moved && !(plan.remoteChanged && !overwrite)) {
    const apply: ApplyResult = {
      plan,
      status: 'outdated',
      applied: [],
      notApplied: plan.operations,
      failedAt: plan.operations[0],
      sid: plan.sid,
      sidAssigned: false,
      reconciled: [],
      remoteTouched: false,
      message: outdatedMessage(plan, moved),
      movedFields: moved,
    };
    return { uri: plan.uri, index: plan.index, title: plan.title, outcome: 'skipped', message: apply.message, sid: plan.sid, apply };
  }
  const apply = await applyPlan(plan, clients, {
    signal: options.signal,
    overwrite,
    precondition: options.precondition ? () => options.precondition!(plan) : undefined,
    onCreated: options.onCreated ? (sid) => options.onCreated!(plan, sid) : undefined,
    onProgress: options.onProgress,
    syncState: options.syncState,
    refreshSyncState: false,
    verifyRemote: false,
    claims,
    maxCreateAttempts: options.maxCreateAttempts,
    secrets: options.secrets,
  });
  return { uri: plan.uri, index: plan.index, title: plan.title, outcome: outcomeOf(apply), message: apply.message, sid: apply.sid, apply };
}

/** Planned documents in the order they apply: a document after the documents of the push it names. */
function inReferenceOrder(documents: readonly PlannedDocument[]): PlannedDocument[] {
  const { ordered, cycles } = referenceOrder(
    documents,
    (d) => ({ uri: d.uri, index: d.document.index }),
    (d) => (d.outcome.status === 'planned' ? (d.outcome.plan.dependsOn ?? []) : []),
  );
  // planDocuments refuses documents on a cycle (they have no dependsOn then); any left go last.
  return [...ordered, ...cycles.map((c) => c.item)];
}

/** A document that names one of this push which did not get created: nothing is sent to it. */
function dependencyNotCreated(plan: DocumentPlan, dependency: DocumentPushResult): DocumentPushResult {
  const message = `Nothing was sent: it names ${dependency.title} (${dependency.uri}), which this push did not create (${dependency.outcome}: ${dependency.message}). Fix that document, then push again.`;
  return { uri: plan.uri, index: plan.index, title: plan.title, outcome: 'skipped', message, sid: plan.sid };
}

function outcomeOf(result: ApplyResult): DocumentPushOutcome {
  if (result.status === 'applied') {
    if (result.plan.operations.length === 0) return 'unchanged';
    return result.plan.sid === undefined && result.plan.operations[0]?.type !== 'adopt' ? 'created' : 'updated';
  }
  if (result.status === 'refused' || result.status === 'outdated') return 'skipped';
  if ((result.status === 'cancelled' || result.status === 'stopped') && result.applied.length === 0) return 'skipped';
  return 'failed';
}

/** Our own changes are not "remote changes" next time: read the changed remotes again, per account in bulk. */
async function rememberAppliedRemotes(results: readonly DocumentPushResult[], clients: SyncClients, store: SyncStateStore | undefined): Promise<void> {
  if (!store) return;
  const changed = results.filter((r): r is DocumentPushResult & { apply: ApplyResult; sid: string } => !!r.apply && r.apply.remoteTouched && r.sid !== undefined);
  const byAccount = new Map<string, typeof changed>();
  for (const r of changed) byAccount.set(r.apply.plan.account, [...(byAccount.get(r.apply.plan.account) ?? []), r]);
  for (const [account, list] of byAccount) {
    const keyOf = (r: (typeof list)[number]) => syncStateKeyOf(r.apply.plan, r.sid);
    try {
      const { lookups } = await fetchRemoteStates(account, list.map((r) => ({ ...r.apply.plan.target, sid: r.sid })), clients);
      for (const [k, r] of list.entries()) {
        const lookup = lookups[k];
        if (lookup?.status === 'found') await store.set(keyOf(r), syncedAfterPush(r.apply.plan.remoteFingerprint, remoteFingerprint(lookup.state), keysTouched(r.apply.plan, r.apply.applied)));
        else await store.delete(keyOf(r));
      }
    } catch {
      for (const r of list) await store.delete(keyOf(r));
    }
  }
}

/** Counts and the one-line message of a push's results. */
export function summarizePushResults(documents: DocumentPushResult[]): PushSummary {
  const counts: Record<DocumentPushOutcome, number> = { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  for (const d of documents) counts[d.outcome] += 1;
  const parts = (Object.keys(counts) as DocumentPushOutcome[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  const message = parts.length === 0 ? 'Push: no documents.' : `Push of ${plural(documents.length, 'document')}: ${parts.join(', ')}.`;
  return { documents, counts, message };
}
