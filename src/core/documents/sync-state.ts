import type { RemoteFingerprint } from './remote-fingerprint';
import type { TrunkKind } from './trunk-kinds';

/** Which document a remembered fingerprint belongs to. A new sid means a new resource: no history. */
export interface SyncStateKey {
  uri: string;
  /** The document's index in its file (TrunkDocument.index). */
  index: number;
  sid: string;
}

type MaybePromise<T> = T | Promise<T>;

/** Which document a create in progress belongs to (it has no sid yet). */
export interface PendingCreateKey {
  uri: string;
  index: number;
}

/**
 * A create about to be sent for a resource without a unique key (BYOC trunk, CarrierX trunk
 * group): the SIDs of the same-named resources that existed just before. If the push stops
 * before the new sid reaches the file (a crash, a closed editor), the next plan finds the one
 * same-named resource that is not in `before` and adopts it instead of creating a duplicate.
 */
export interface PendingCreate {
  kind: TrunkKind;
  account: string;
  name: string;
  before: string[];
}

/**
 * Remembers, per document, the remote version it was last synced with (pushed or pulled), so
 * that Push can tell "the remote changed since" from "the file changed since". The editor backs
 * it with workspace state, the CLI with a small JSON file or nothing (then no drift is detected).
 */
export interface SyncStateStore {
  get(key: SyncStateKey): MaybePromise<RemoteFingerprint | undefined>;
  set(key: SyncStateKey, fingerprint: RemoteFingerprint): MaybePromise<void>;
  delete(key: SyncStateKey): MaybePromise<void>;
  /** Creates in progress (see PendingCreate). Written before the request is sent: it must outlive a crash. */
  getPendingCreate(key: PendingCreateKey): MaybePromise<PendingCreate | undefined>;
  setPendingCreate(key: PendingCreateKey, pending: PendingCreate): MaybePromise<void>;
  deletePendingCreate(key: PendingCreateKey): MaybePromise<void>;
}

export function pendingCreateKeyId(key: PendingCreateKey): string {
  return `${key.uri}#${key.index}`;
}

/** A stable string for a key: what a key-value backend (workspace state, JSON file) stores under. */
export function syncStateKeyId(key: SyncStateKey): string {
  return `${key.uri}#${key.index}#${key.sid}`;
}

/** An in-memory store; `toJSON()`, `pendingToJSON()` and the constructor let the CLI keep it in a file. */
export class MemorySyncStateStore implements SyncStateStore {
  private readonly entries: Map<string, RemoteFingerprint>;
  private readonly pending: Map<string, PendingCreate>;

  constructor(entries: Readonly<Record<string, RemoteFingerprint>> = {}, pending: Readonly<Record<string, PendingCreate>> = {}) {
    this.entries = new Map(Object.entries(entries));
    this.pending = new Map(Object.entries(pending));
  }

  getPendingCreate(key: PendingCreateKey): PendingCreate | undefined {
    return this.pending.get(pendingCreateKeyId(key));
  }

  setPendingCreate(key: PendingCreateKey, pending: PendingCreate): void {
    this.pending.set(pendingCreateKeyId(key), pending);
  }

  deletePendingCreate(key: PendingCreateKey): void {
    this.pending.delete(pendingCreateKeyId(key));
  }

  pendingToJSON(): Record<string, PendingCreate> {
    return Object.fromEntries(this.pending);
  }

  get(key: SyncStateKey): RemoteFingerprint | undefined {
    return this.entries.get(syncStateKeyId(key));
  }

  set(key: SyncStateKey, fingerprint: RemoteFingerprint): void {
    this.entries.set(syncStateKeyId(key), fingerprint);
  }

  delete(key: SyncStateKey): void {
    this.entries.delete(syncStateKeyId(key));
  }

  toJSON(): Record<string, RemoteFingerprint> {
    return Object.fromEntries(this.entries);
  }
}
