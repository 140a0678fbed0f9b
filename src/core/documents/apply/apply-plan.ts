import { isProviderError } from '../../http/provider-error';
import type { DocumentPlan } from '../plan/document-plan';
import { executeOperation } from './execute-operation';
import { errorText, plural } from '../plan/message-text';
import { specKeysSetByAll } from '../kinds/operation-meaning';
import type { PlanOperation } from '../plan/plan-operations';
import { UncertainCreateError } from './reconcile-create';
import { compareFingerprints, remoteFingerprint, syncedAfterPush, type RemoteFingerprint } from '../sync/remote-fingerprint';
import { ResourceClaims } from './resource-claims';
import { REFERENCE_MOVED, referencesMovedSincePlan } from './references-moved';
import { fetchRemoteState } from '../plan/fetch-remote-state';
import type { SyncClients } from './sync-clients';
import { syncStateKeyOf, type PendingCreateKey, type SyncStateStore } from '../sync/sync-state';

/** true: go on; false or a reason: stop before the next operation. */
export type PreconditionResult = boolean | string;

export interface ApplyOptions {
  signal?: AbortSignal | undefined;
  /** Apply even though the remote changed since the last sync (plan.remoteChanged). */
  overwrite?: boolean | undefined;
  /**
   * Checked before every operation. The editor stops when the document changed since the plan
   * was made (its own sid write-back from `onCreated` excepted), the CLI when the file on disk did.
   */
  precondition?: (() => PreconditionResult | Promise<PreconditionResult>) | undefined;
  onProgress?: ((progress: ApplyProgress) => void) | undefined;
  /**
   * Called exactly once when the document's resource gets its sid: after the create (or the
   * look-up that found it after an unknown outcome), or when the plan adopts an existing trunk.
   * Write it into the file (setDocumentSid) before resolving; a rejection stops the apply.
   */
  onCreated?: ((sid: string) => void | Promise<void>) | undefined;
  /** Where the synced remote version is remembered; after applying, the remote is read again into it. */
  syncState?: SyncStateStore | undefined;
  /** Re-read the remote after applying to remember it (default: when syncState is given). push-all does it in bulk instead. */
  refreshSyncState?: boolean | undefined;
  /**
   * Read the remote again before the first write and stop (`outdated`, nothing sent) when it is
   * not what the plan was made from: someone changed it while the plan was on screen. Default
   * true; push-all checks all its documents in bulk instead.
   */
  verifyRemote?: boolean | undefined;
  /**
   * Sids that documents own (the workspace's; see ResourceClaims): a lost create's look-up never
   * adopts one of them. push-all shares one across its documents.
   */
  claims?: ResourceClaims | undefined;
  maxCreateAttempts?: number | undefined;
  /** Secrets the plan's operations need (secretRequestsOf), by SecretRequest.key: in memory only, never stored. */
  secrets?: ReadonlyMap<string, string> | undefined;
}

export interface ApplyProgress {
  plan: DocumentPlan;
  operation: PlanOperation;
  /** 0-based position in plan.operations. */
  index: number;
  total: number;
  stage: 'started' | 'done';
}

/**
 * - `applied`: every operation was applied (or there were none);
 * - `failed`: an operation failed, the ones after it were not sent;
 * - `stopped`: the precondition said stop;
 * - `cancelled`: the AbortSignal fired;
 * - `refused`: nothing sent, the remote changed since the last sync and `overwrite` was not given;
 * - `outdated`: nothing sent, the remote changed after the plan was made (plan again, ask again).
 */
export type ApplyStatus = 'applied' | 'failed' | 'stopped' | 'cancelled' | 'refused' | 'outdated';

export interface ApplyResult {
  plan: DocumentPlan;
  status: ApplyStatus;
  applied: PlanOperation[];
  notApplied: PlanOperation[];
  /** The operation that failed, or the one the apply stopped or was cancelled before. */
  failedAt?: PlanOperation | undefined;
  error?: unknown;
  /** The resource's sid after applying (a new one when created). */
  sid: string | undefined;
  /** The sid was reported through onCreated during this apply. */
  sidAssigned: boolean;
  /** Creates whose answer was lost and whose result a look-up found (worth a log line). */
  reconciled: PlanOperation[];
  /**
   * The remote may have changed: an operation was applied, or the one that failed or was
   * cancelled may have been carried out all the same (no answer, a 5xx). Its synced version is
   * then read again, so that Push's own change does not come back as someone else's.
   */
  remoteTouched: boolean;
  /** One or two sentences for a notification or the CLI. */
  message: string;
  /** For `outdated`: the spec keys that moved at the provider since the plan (empty when only its update time did). */
  movedFields?: string[] | undefined;
}

/** Applies one document's plan, operation by operation, in order. Never throws for provider failures: see the result. */
export async function applyPlan(plan: DocumentPlan, clients: SyncClients, options: ApplyOptions = {}): Promise<ApplyResult> {
  const total = plan.operations.length;
  const applied: PlanOperation[] = [];
  const reconciled: PlanOperation[] = [];
  let sid = plan.sid;
  let sidAssigned = false;
  // A create journaled in the sync state (see PendingCreate) is forgotten once its sid is in
  // the file, or once it clearly did not happen; otherwise it stays for the next plan.
  // The entries the plan matched to this document (plan.journaled) go too: the resource they
  // stand for is this document's now, or never came to be.
  const journal = options.syncState;
  let journalKey: PendingCreateKey | undefined;
  const journalCreate = journal
    ? async (name: string, before: ReadonlySet<string>) => {
        const key: PendingCreateKey = { uri: plan.uri, index: plan.index, kind: plan.kind, account: plan.account, name };
        await journal.setPendingCreate({ ...key, before: [...before] });
        journalKey = key;
      }
    : undefined;
  const forgetJournal = async () => {
    for (const key of [...(journalKey ? [journalKey] : []), ...(plan.journaled ?? [])]) await journal?.deletePendingCreate(key);
  };
  const claims = options.claims ?? new ResourceClaims();
  const finish = async (status: ApplyStatus, message: string, failedAt?: PlanOperation, error?: unknown, movedFields?: string[]): Promise<ApplyResult> => {
    const remoteTouched = applied.length > 0 || (error !== undefined && mayHaveApplied(error));
    if (status !== 'refused' && status !== 'outdated') await rememberSync(plan, sid, applied, remoteTouched, clients, options);
    return { plan, status, applied, notApplied: plan.operations.slice(applied.length), failedAt, error, sid, sidAssigned, reconciled, remoteTouched, message, movedFields };
  };
  const progressText = () => `${applied.length} of ${plural(total, 'operation')} applied`;

  if (plan.remoteChanged && !options.overwrite) {
    const fields = plan.remoteChanged.fields.length > 0 ? ` (${plan.remoteChanged.fields.join(', ')})` : '';
    return finish('refused', `The remote ${plan.title} changed since it was last pushed or pulled${fields}. Review the remote changes, then Pull them or push again choosing to overwrite them.`);
  }
  if (total === 0) return finish('applied', 'Already in sync: nothing to apply.');
  if (options.verifyRemote !== false) {
    let moved: string[] | undefined;
    try {
      moved = (await remoteMovedSincePlan(plan, clients, options.signal)) ?? (await referencesMovedSincePlan([plan], clients, options.signal)).get(plan);
    } catch (error) {
      if (isProviderError(error) && error.kind === 'cancelled') return finish('cancelled', `Cancelled before ${plan.operations[0]!.description}: nothing was sent.`, plan.operations[0], error);
      return finish('failed', `Nothing was sent: reading the remote ${plan.title} again before the first change failed (${errorText(error)}). Push again.`, plan.operations[0], error);
    }
    if (moved) return finish('outdated', outdatedMessage(plan, moved), plan.operations[0], undefined, moved);
  }

  for (const [index, operation] of plan.operations.entries()) {
    if (options.signal?.aborted) return finish('cancelled', `${progressText()}; cancelled before ${operation.description}. Push again to finish.`, operation);
    const go = options.precondition ? await options.precondition() : true;
    if (go !== true) {
      const reason = typeof go === 'string' ? go : 'the document changed since the plan was made';
      return finish('stopped', `${progressText()}; stopped before ${operation.description}: ${reason}. Push again to finish.`, operation);
    }
    options.onProgress?.({ plan, operation, index, total, stage: 'started' });
    let effect;
    try {
      effect = await executeOperation(operation, plan, sid, clients, { signal: options.signal, maxCreateAttempts: options.maxCreateAttempts, journalCreate, claims, secrets: options.secrets });
    } catch (error) {
      // A create the provider clearly refused made nothing: its journal entry goes. (An entry
      // whose create may have happened stays for the next plan to resolve.)
      if (journalKey && !sidAssigned && !mayHaveApplied(error)) await journal!.deletePendingCreate(journalKey);
      if (isProviderError(error) && error.kind === 'cancelled') {
        return finish('cancelled', `${progressText()}; cancelled during ${operation.description}. Push again to finish.`, operation, error);
      }
      return finish('failed', `${progressText()}; failed at ${operation.description}: ${errorText(error)}. Push again to finish.`, operation, error);
    }
    applied.push(operation);
    if (effect.reconciled) reconciled.push(operation);
    if (effect.sid !== undefined && effect.sid !== sid) {
      sid = effect.sid;
      claims.setDocumentSid({ uri: plan.uri, index: plan.index }, sid);
      try {
        await options.onCreated?.(sid);
        sidAssigned = true;
        // created or adopted: the sid is in the file now, the journal has done its work
        await forgetJournal();
      } catch (error) {
        const next = plan.operations[index + 1];
        return finish(
          'failed',
          `${progressText()}; the ${plan.title} exists as ${sid} but writing its sid into the file failed (${errorText(error)}). Add "sid: ${sid}" to the document, then push again to finish.`,
          next,
          error,
        );
      }
    }
    options.onProgress?.({ plan, operation, index, total, stage: 'done' });
  }
  return finish('applied', `${plural(total, 'operation')} applied.`);
}

/** The sid the plan's first write goes to: its resource's, or the one it adopts; undefined when it creates. */
function existingSid(plan: DocumentPlan): string | undefined {
  const first = plan.operations[0];
  return plan.sid ?? (first?.type === 'adopt' ? first.sid : undefined);
}

/**
 * Reads the resource again and compares it with the version the plan was made from. Returns
 * the moved keys (empty: only its update time moved) or undefined when it is as planned. A plan
 * that creates has nothing to compare (the create's own look-ups guard against duplicates).
 */
export async function remoteMovedSincePlan(plan: DocumentPlan, clients: SyncClients, signal?: AbortSignal): Promise<string[] | undefined> {
  const sid = existingSid(plan);
  if (sid === undefined || !plan.remoteFingerprint) return undefined;
  const lookup = await fetchRemoteState({ ...plan.target, sid }, clients, { signal });
  if (lookup.status !== 'found') return ['(deleted)'];
  return movedFields(plan.remoteFingerprint, remoteFingerprint(lookup.state));
}

/** The keys that differ between the planned and the current version; undefined when none and the update time is the same. */
export function movedFields(planned: RemoteFingerprint, current: RemoteFingerprint): string[] | undefined {
  const comparison = compareFingerprints(planned, current);
  return comparison.changed ? comparison.fields : undefined;
}

export function outdatedMessage(plan: DocumentPlan, moved: readonly string[]): string {
  if (moved.some((m) => m.startsWith(REFERENCE_MOVED))) {
    return `What ${plan.title} names changed after the plan was made (${moved.join('; ')}); nothing was sent. Review the new plan, then push again.`;
  }
  const what = moved[0] === '(deleted)' ? ' (it was deleted)' : moved.length > 0 ? ` (${moved.join(', ')})` : '';
  return `The remote ${plan.title} changed after the plan was made${what}; nothing was sent. Review the new plan, then push again.`;
}

/**
 * Remembers the remote as synced: as planned when nothing was sent, else as read again now,
 * with only the keys this push set taking their new value (syncedAfterPush: someone else's
 * change made meanwhile stays a remote change). Forgets it when it cannot be read.
 */
async function rememberSync(plan: DocumentPlan, sid: string | undefined, applied: readonly PlanOperation[], remoteTouched: boolean, clients: SyncClients, options: ApplyOptions): Promise<void> {
  const store = options.syncState;
  if (!store || sid === undefined) return;
  const key = syncStateKeyOf(plan, sid);
  if (!remoteTouched) {
    if (plan.operations.length === 0 && plan.remoteFingerprint && sid === plan.sid) await store.set(key, plan.remoteFingerprint);
    return;
  }
  if (options.refreshSyncState === false) return;
  try {
    const lookup = await fetchRemoteState({ ...plan.target, sid }, clients);
    if (lookup.status === 'found') await store.set(key, syncedAfterPush(plan.remoteFingerprint, remoteFingerprint(lookup.state), keysTouched(plan, applied)));
    else await store.delete(key);
  } catch {
    await store.delete(key);
  }
}

/**
 * The keys a push may have set: those of the operations applied, and of the one that failed
 * with an unknown outcome (it may have happened); 'all' when it created the resource.
 */
export function keysTouched(plan: DocumentPlan, applied: readonly PlanOperation[]): ReadonlySet<string> | 'all' {
  if (plan.remoteFingerprint === undefined) return 'all';
  return specKeysSetByAll(plan.operations.slice(0, Math.min(applied.length + 1, plan.operations.length)));
}

/**
 * Whether a failed operation may still have changed the remote: anything but a clear refusal
 * (a 4xx answer) or a failure before the request left (configuration, no resource yet).
 */
function mayHaveApplied(error: unknown): boolean {
  if (error instanceof UncertainCreateError) return true;
  if (!isProviderError(error) || error.kind === 'config') return false;
  return !(error.kind === 'http' && error.status !== undefined && error.status < 500);
}
