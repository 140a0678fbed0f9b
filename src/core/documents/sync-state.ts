import type { RemoteFingerprint } from './remote-fingerprint';

/** Which document a remembered fingerprint belongs to. A new sid means a new resource: no history. */
export interface SyncStateKey {
  uri: string;
  /** The document's index in its file (TrunkDocument.index). */
  index: number;
  sid: string;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Remembers, per document, the remote version it was last synced with (pushed or pulled), so
 * that Push can tell "the remote changed since" from "the file changed since". The editor backs
 * it with workspace state, the CLI with a small JSON file or nothing (then no drift is detected).
 */
export interface SyncStateStore {
  get(key: SyncStateKey): MaybePromise<RemoteFingerprint | undefined>;
  set(key: SyncStateKey, fingerprint: RemoteFingerprint): MaybePromise<void>;
  delete(key: SyncStateKey): MaybePromise<void>;
}

/** A stable string for a key: what a key-value backend (workspace state, JSON file) stores under. */
export function syncStateKeyId(key: SyncStateKey): string {
  return `${key.uri}#${key.index}#${key.sid}`;
}

/** An in-memory store; `toJSON()` and the constructor let the CLI keep it in a file. */
export class MemorySyncStateStore implements SyncStateStore {
  private readonly entries: Map<string, RemoteFingerprint>;

  constructor(entries: Readonly<Record<string, RemoteFingerprint>> = {}) {
    this.entries = new Map(Object.entries(entries));
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
