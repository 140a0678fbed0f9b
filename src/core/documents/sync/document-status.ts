import { documentTitle } from '../plan/compute-plan';
import type { DocumentPlan, PlanOutcome } from '../plan/document-plan';
import { plural } from '../plan/message-text';
import type { PlanError } from '../plan/plan-error';
import { planDocuments, type SyncDocument } from '../plan/plan-documents';
import type { ReferenceListings } from '../references/reference-listings';
import type { SyncClients } from '../apply/sync-clients';
import { syncStateKeyOf, type SyncStateStore } from './sync-state';

/**
 * The status shown above a document (code lens) and in the CLI, with its label:
 * `invalid`, `not created`, `in sync`, `N changes`, `remote changed` (since the last push or
 * pull), `remote missing` (deleted outside Trunkline), `cannot push` (e.g. a number the account
 * does not own), `status unknown` (the account could not be read).
 */
export type DocumentStatus = { uri: string; index: number; label: string; message: string } & (
  | { state: 'invalid' }
  | { state: 'not-created' }
  | { state: 'in-sync'; plan: DocumentPlan }
  | { state: 'changes'; count: number; plan: DocumentPlan }
  | { state: 'remote-changed'; fields: string[]; plan: DocumentPlan }
  | { state: 'remote-missing' }
  | { state: 'blocked'; errors: PlanError[] }
  | { state: 'unavailable'; cause: unknown }
);

/** The status a plan outcome means. */
export function statusOf(outcome: PlanOutcome): DocumentStatus {
  if (outcome.status === 'refused') {
    const r = outcome.refusal;
    const base = { uri: r.uri, index: r.index, message: r.message };
    switch (r.reason) {
      case 'invalid':
        return { ...base, state: 'invalid', label: 'invalid' };
      case 'remote-missing':
        return { ...base, state: 'remote-missing', label: 'remote missing' };
      case 'plan-errors':
        return { ...base, state: 'blocked', label: 'cannot push', errors: r.errors };
      case 'unavailable':
        return { ...base, state: 'unavailable', label: 'status unknown', cause: r.cause };
    }
  }
  const plan = outcome.plan;
  const base = { uri: plan.uri, index: plan.index };
  if (plan.sid === undefined && plan.operations[0]?.type !== 'adopt') {
    return { ...base, state: 'not-created', label: 'not created', message: `${plan.title} has not been created yet: Push creates it.` };
  }
  const count = plan.operations.length;
  if (count === 0) return { ...base, state: 'in-sync', label: 'in sync', message: `${plan.title} matches the remote.`, plan };
  if (plan.remoteChanged) {
    const fields = plan.remoteChanged.fields;
    const what = fields.length > 0 ? ` (${fields.join(', ')})` : '';
    return { ...base, state: 'remote-changed', label: 'remote changed', fields, message: `The remote changed since the last push or pull${what}. Diff to review it; Pull to take it, or Push to overwrite it.`, plan };
  }
  const label = plural(count, 'change');
  return { ...base, state: 'changes', label, count, message: `Push would apply ${label} to ${plan.title}.`, plan };
}

export interface StatusOptions {
  syncState?: SyncStateStore | undefined;
  signal?: AbortSignal | undefined;
  /** Keeps the account's resources the plans list for references (PlanDocumentsOptions.listings). */
  listings?: ReferenceListings | undefined;
}

/**
 * Statuses of many documents with few requests (planDocuments' bulk fetch). A valid document
 * without sid is `not created`, without any request (its plan problems show when pushing). A document found in sync has its remote version
 * remembered as synced: file and remote agree, which is what a sync establishes.
 */
export async function documentStatuses(documents: readonly SyncDocument[], clients: SyncClients, options: StatusOptions = {}): Promise<DocumentStatus[]> {
  const isNew = (d: SyncDocument) => d.document.valid && d.document.sid === undefined;
  const planned = await planDocuments(documents.filter((d) => !isNew(d)), clients, { ...options, lookupNew: false });
  let next = 0;
  const statuses = documents.map((d): DocumentStatus => {
    if (!isNew(d)) return statusOf(planned[next++]!.outcome);
    const title = documentTitle(d.document.kind, d.document.spec, undefined);
    return { uri: d.uri, index: d.document.index, state: 'not-created', label: 'not created', message: `${title} has not been created yet: Push creates it.` };
  });
  if (options.syncState) {
    for (const status of statuses) {
      if (status.state === 'in-sync' && status.plan.sid && status.plan.remoteFingerprint) {
        await options.syncState.set(syncStateKeyOf(status.plan, status.plan.sid), status.plan.remoteFingerprint);
      }
    }
  }
  return statuses;
}

/** The status of one document. */
export async function documentStatus(document: SyncDocument, clients: SyncClients, options: StatusOptions = {}): Promise<DocumentStatus> {
  const [status] = await documentStatuses([document], clients, options);
  return status!;
}

