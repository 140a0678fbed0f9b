import { applyPlan, type ApplyProgress, type ApplyResult, type PreconditionResult } from './apply-plan';
import type { DocumentPlan, PlanRefusal } from './document-plan';
import { fetchRemoteStates } from './fetch-remote-states';
import { mapBounded } from './map-bounded';
import { plural } from './message-text';
import { planDocuments, type PlanDocumentsOptions, type PlannedDocument, type SyncDocument } from './plan-documents';
import { remoteFingerprint } from './remote-fingerprint';
import type { SyncClients } from './sync-clients';
import type { SyncStateStore } from './sync-state';

/** Every document's plan (or refusal), in input order: what Push All shows before applying. */
export interface CombinedPlan {
  documents: PlannedDocument[];
  /** Operations over all planned documents. */
  operationCount: number;
}

/** Plans many documents with the bulk fetch (planDocuments). */
export async function planAll(documents: readonly SyncDocument[], clients: SyncClients, options: PlanDocumentsOptions = {}): Promise<CombinedPlan> {
  const planned = await planDocuments(documents, clients, options);
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
  maxCreateAttempts?: number | undefined;
}

/**
 * - `created` / `updated`: every operation applied;
 * - `unchanged`: already in sync;
 * - `failed`: not planned (see the reason), or an operation failed or the push stopped part-way;
 * - `skipped`: nothing sent on purpose: remote changed without overwrite, cancelled or stopped before it began.
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
 * request of that account. Afterwards the changed remotes are read again in bulk and
 * remembered as synced.
 */
export async function applyAll(combined: CombinedPlan, clients: SyncClients, options: ApplyAllOptions = {}): Promise<PushSummary> {
  const results = await mapBounded(combined.documents, options.concurrency ?? DEFAULT_CONCURRENCY, async (planned) => {
    const result = await applyDocument(planned, clients, options);
    options.onDocumentDone?.(result);
    return result;
  });
  await rememberAppliedRemotes(results, clients, options.syncState);
  return summarize(results);
}

/** Plans, then applies, the documents. */
export async function pushAll(documents: readonly SyncDocument[], clients: SyncClients, options: ApplyAllOptions = {}): Promise<{ plan: CombinedPlan; summary: PushSummary }> {
  const plan = await planAll(documents, clients, { syncState: options.syncState, signal: options.signal });
  return { plan, summary: await applyAll(plan, clients, options) };
}

async function applyDocument(planned: PlannedDocument, clients: SyncClients, options: ApplyAllOptions): Promise<DocumentPushResult> {
  if (planned.outcome.status === 'refused') {
    const refusal = planned.outcome.refusal;
    return { uri: refusal.uri, index: refusal.index, title: refusal.title, outcome: 'failed', message: `Not planned: ${refusal.message}`, sid: refusal.sid, refusal };
  }
  const plan = planned.outcome.plan;
  const overwrite = typeof options.overwrite === 'function' ? options.overwrite(plan) : options.overwrite;
  const apply = await applyPlan(plan, clients, {
    signal: options.signal,
    overwrite,
    precondition: options.precondition ? () => options.precondition!(plan) : undefined,
    onCreated: options.onCreated ? (sid) => options.onCreated!(plan, sid) : undefined,
    onProgress: options.onProgress,
    syncState: options.syncState,
    refreshSyncState: false,
    maxCreateAttempts: options.maxCreateAttempts,
  });
  return { uri: plan.uri, index: plan.index, title: plan.title, outcome: outcomeOf(apply), message: apply.message, sid: apply.sid, apply };
}

function outcomeOf(result: ApplyResult): DocumentPushOutcome {
  if (result.status === 'applied') {
    if (result.plan.operations.length === 0) return 'unchanged';
    return result.plan.sid === undefined && result.plan.operations[0]?.type !== 'adopt' ? 'created' : 'updated';
  }
  if (result.status === 'refused') return 'skipped';
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
    const keyOf = (r: (typeof list)[number]) => ({ uri: r.uri, index: r.index, sid: r.sid });
    try {
      const { lookups } = await fetchRemoteStates(account, list.map((r) => ({ ...r.apply.plan.target, sid: r.sid })), clients);
      for (const [k, r] of list.entries()) {
        const lookup = lookups[k];
        if (lookup?.status === 'found') await store.set(keyOf(r), remoteFingerprint(lookup.state));
        else await store.delete(keyOf(r));
      }
    } catch {
      for (const r of list) await store.delete(keyOf(r));
    }
  }
}

function summarize(documents: DocumentPushResult[]): PushSummary {
  const counts: Record<DocumentPushOutcome, number> = { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  for (const d of documents) counts[d.outcome] += 1;
  const parts = (Object.keys(counts) as DocumentPushOutcome[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  const message = parts.length === 0 ? 'Push: no documents.' : `Push of ${plural(documents.length, 'document')}: ${parts.join(', ')}.`;
  return { documents, counts, message };
}
