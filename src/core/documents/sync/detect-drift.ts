import { documentTitle } from '../plan/compute-plan';
import { documentStatuses, type DocumentStatus } from './document-status';
import type { DocumentPlan } from '../plan/document-plan';
import type { SyncDocument } from '../plan/plan-documents';
import { operationMeaning, specKeysSetBy } from '../kinds/operation-meaning';
import type { FieldChange } from '../plan/plan-operations';
import type { SyncClients } from '../apply/sync-clients';
import type { SyncStateStore } from './sync-state';
import type { TrunkKind } from '../file/trunk-kinds';

// Drift: what changed at the provider, outside the trunk files, since the last sync (push,
// pull, export, or a status that found file and remote equal). It is read from the document
// statuses the editor shows, which compare the remote with the fingerprint the sync state
// remembered; the plan's operations, read backwards, say what the provider has now.

/**
 * - `drifted`: changed at the provider since the last sync;
 * - `deleted`: the resource no longer exists at the provider;
 * - `untracked`: differs from the provider and no sync record says which side changed;
 * - `pending`: the file changed since the last sync and was not applied; `not-created`: no sid yet;
 * - `in-sync`; and not checked: `invalid`, `blocked` (cannot be planned), `unavailable` (account unreadable).
 */
export type DriftState = 'drifted' | 'deleted' | 'untracked' | 'pending' | 'not-created' | 'in-sync' | 'invalid' | 'blocked' | 'unavailable';

/** One difference, as the provider has it now against the file. */
export interface DriftChange {
  /** e.g. `Origination URL sip:pbx-b.example.com removed`. */
  description: string;
  /** Field values: `file` is what the file says, `provider` what the provider has; undefined: no value. */
  changes: { field: string; file: unknown; provider: unknown }[];
}

export interface DocumentDrift {
  uri: string;
  index: number;
  kind: TrunkKind | undefined;
  account: string | undefined;
  sid: string | undefined;
  title: string;
  state: DriftState;
  /** One sentence. */
  message: string;
  /** For `drifted`: the spec keys that changed at the provider (empty when only its update time moved). */
  fields: string[];
  /** For `drifted` and `untracked`: the differences. */
  changes: DriftChange[];
}

export interface DriftReport {
  documents: DocumentDrift[];
  /** Documents `drifted`, `deleted` or `untracked`. */
  driftCount: number;
}

export const DRIFT_STATES: readonly DriftState[] = ['drifted', 'deleted', 'untracked'];

export interface DetectDriftOptions {
  syncState?: SyncStateStore | undefined;
  signal?: AbortSignal | undefined;
}

/** Reads every document's remote (in bulk, as the status lenses do) and says what drifted. */
export async function detectDrift(documents: readonly SyncDocument[], clients: SyncClients, options: DetectDriftOptions = {}): Promise<DriftReport> {
  const recorder = options.syncState ? new RecordedLookups(options.syncState) : undefined;
  const statuses = await documentStatuses(documents, clients, { syncState: recorder, signal: options.signal });
  const drifts = statuses.map((status, i) => documentDrift(documents[i]!, status, recorder));
  return { documents: drifts, driftCount: drifts.filter((d) => DRIFT_STATES.includes(d.state)).length };
}

function documentDrift({ document }: SyncDocument, status: DocumentStatus, recorder: RecordedLookups | undefined): DocumentDrift {
  const base = {
    uri: status.uri,
    index: status.index,
    kind: document.kind,
    account: document.account,
    sid: document.sid,
    title: documentTitle(document.kind, document.spec, document.sid),
    fields: [] as string[],
    changes: [] as DriftChange[],
  };
  switch (status.state) {
    case 'in-sync':
      return { ...base, state: 'in-sync', message: 'The provider matches the file.' };
    case 'not-created':
      return { ...base, state: 'not-created', message: 'Not created yet: apply creates it.' };
    case 'invalid':
      return { ...base, state: 'invalid', message: `Not checked: ${status.message}` };
    case 'blocked':
      return { ...base, state: 'blocked', message: `Not checked: ${status.message}` };
    case 'unavailable':
      return { ...base, state: 'unavailable', message: `Not checked: ${status.message}` };
    case 'remote-missing':
      return { ...base, state: 'deleted', message: 'Deleted at the provider: it no longer exists in the account.' };
    case 'remote-changed': {
      const fields = status.fields;
      const changes = driftChanges(status.plan, fields.length > 0 ? new Set(fields) : undefined);
      if (changes.length > 0) {
        const what = fields.length > 0 ? ` (${fields.join(', ')})` : '';
        return { ...base, state: 'drifted', fields, changes, message: `Changed at the provider since the last sync${what}.` };
      }
      // What changed there is not in the file; what differs is the file's own change.
      return { ...base, state: 'pending', message: 'Changed in the file since the last sync; not applied yet.' };
    }
    case 'changes': {
      if (status.plan.sid !== undefined && recorder?.hadRecord(status.plan.sid)) {
        return { ...base, state: 'pending', message: 'Changed in the file since the last sync; not applied yet.' };
      }
      return {
        ...base,
        state: 'untracked',
        changes: driftChanges(status.plan, undefined),
        message: 'Differs from the provider, and no sync state records the last sync to tell which side changed (keep the sync state between runs).',
      };
    }
  }
}

/** The plan's operations read backwards: what the provider has that the file does not, limited to `fields` when given. */
function driftChanges(plan: DocumentPlan, fields: ReadonlySet<string> | undefined): DriftChange[] {
  const result: DriftChange[] = [];
  const inFields = (key: string) => !fields || fields.has(key);
  const values = (changes: readonly FieldChange[]) => changes.map((c) => ({ field: c.field, file: c.to, provider: c.from ?? undefined }));
  for (const op of plan.operations) {
    const meaning = operationMeaning(op);
    // Creates say nothing (the file has what the provider lacks), nor does a move's first half.
    const description = meaning.drift(op);
    if (description === undefined) continue;
    if (meaning.sets === 'fields') {
      // Field updates: each field is its own spec key.
      const kept = op.changes.filter((c) => inFields(c.field));
      if (kept.length > 0) result.push({ description: `Changed: ${kept.map((c) => c.field).join(', ')}`, changes: values(kept) });
      continue;
    }
    const keys = specKeysSetBy(op);
    if (keys !== 'all' && !keys.some(inFields)) continue;
    // A URL or trunk the provider no longer has: its name says enough, its fields are the file's.
    result.push({ description, changes: meaning.driftWithoutChanges ? [] : values(op.changes) });
  }
  return result;
}

/**
 * The sync state as the statuses read it, noting which resources it had a record for: a
 * document that differs with a record changed in its file; without one, nobody can tell.
 * Whatever shape the store's key has, it names the resource's sid.
 */
class RecordedLookups implements SyncStateStore {
  private readonly recorded = new Set<string>();

  constructor(private readonly store: SyncStateStore) {}

  hadRecord(sid: string): boolean {
    return this.recorded.has(sid);
  }

  async get(key: Parameters<SyncStateStore['get']>[0]): Promise<Awaited<ReturnType<SyncStateStore['get']>>> {
    const fingerprint = await this.store.get(key);
    if (fingerprint) this.recorded.add(key.sid);
    return fingerprint;
  }

  set(...args: Parameters<SyncStateStore['set']>): ReturnType<SyncStateStore['set']> {
    return this.store.set(...args);
  }

  delete(...args: Parameters<SyncStateStore['delete']>): ReturnType<SyncStateStore['delete']> {
    return this.store.delete(...args);
  }

  pendingCreates(): ReturnType<SyncStateStore['pendingCreates']> {
    return this.store.pendingCreates();
  }

  setPendingCreate(...args: Parameters<SyncStateStore['setPendingCreate']>): ReturnType<SyncStateStore['setPendingCreate']> {
    return this.store.setPendingCreate(...args);
  }

  deletePendingCreate(...args: Parameters<SyncStateStore['deletePendingCreate']>): ReturnType<SyncStateStore['deletePendingCreate']> {
    return this.store.deletePendingCreate(...args);
  }
}
