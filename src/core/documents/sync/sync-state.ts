import type { RemoteFingerprint } from './remote-fingerprint';
import type { TrunkKind } from '../file/trunk-kinds';

/**
 * Which resource a remembered fingerprint belongs to: its identity, never a file or a document's
 * position, so that adding a document above, reordering, renaming or moving a file keeps the
 * drift warning (a document is about its resource, wherever it is written down).
 */
export interface SyncStateKey {
  account: string;
  kind: TrunkKind;
  sid: string;
}

type MaybePromise<T> = T | Promise<T>;

/** Which document a create in progress belongs to (it has no sid yet). */
export interface PendingCreateKey {
  uri: string;
  index: number;
}

/**
 * A create about to be sent for a resource without a unique key (a Twilio trunk without
 * domain_name, BYOC trunk, CarrierX trunk group): the SIDs of the same-named resources that
 * existed just before. If the push stops before the new sid reaches the file (a crash, a closed
 * editor), the next plan finds the one same-named resource that is not in `before` (and that no
 * other document claims) and adopts it instead of creating a duplicate.
 */
export interface PendingCreate {
  kind: TrunkKind;
  account: string;
  name: string;
  before: string[];
}

/**
 * Remembers, per resource, the remote version it was last synced with (pushed or pulled), so
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
  return `${key.account}/${key.kind}/${key.sid}`;
}

/**
 * Fingerprints stored by earlier versions under `<file>#<document index>#<sid>`, re-keyed by sid
 * alone (SIDs are unique; the account and kind were not stored). They answer `get` until the
 * resource is next synced, when its entry moves to the identity key.
 */
export function legacyEntriesBySid(entries: Readonly<Record<string, RemoteFingerprint>>): Map<string, RemoteFingerprint> {
  const bySid = new Map<string, RemoteFingerprint>();
  for (const [id, fingerprint] of Object.entries(entries)) {
    const sid = /#\d+#([^#]+)$/.exec(id)?.[1] ?? (/^[A-Za-z0-9_-]+$/.test(id) ? id : undefined);
    if (sid) bySid.set(sid, fingerprint);
  }
  return bySid;
}

/** An in-memory store; `toJSON()`, `legacyToJSON()`, `pendingToJSON()` and the constructor let the CLI keep it in a file. */
export class MemorySyncStateStore implements SyncStateStore {
  private readonly entries: Map<string, RemoteFingerprint>;
  private readonly legacy: Map<string, RemoteFingerprint>;
  private readonly pending: Map<string, PendingCreate>;

  constructor(
    entries: Readonly<Record<string, RemoteFingerprint>> = {},
    pending: Readonly<Record<string, PendingCreate>> = {},
    legacy: ReadonlyMap<string, RemoteFingerprint> = new Map(),
  ) {
    this.entries = new Map(Object.entries(entries));
    this.pending = new Map(Object.entries(pending));
    this.legacy = new Map(legacy);
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
    return this.entries.get(syncStateKeyId(key)) ?? this.legacy.get(key.sid);
  }

  set(key: SyncStateKey, fingerprint: RemoteFingerprint): void {
    this.entries.set(syncStateKeyId(key), fingerprint);
    this.legacy.delete(key.sid);
  }

  delete(key: SyncStateKey): void {
    this.entries.delete(syncStateKeyId(key));
    this.legacy.delete(key.sid);
  }

  toJSON(): Record<string, RemoteFingerprint> {
    return Object.fromEntries(this.entries);
  }

  /** Entries of an older state not yet moved to their identity key, by sid. */
  legacyToJSON(): Record<string, RemoteFingerprint> {
    return Object.fromEntries(this.legacy);
  }
}

/** The key of a document's resource once it has a sid. */
export function syncStateKeyOf(owner: { account: string; kind: TrunkKind }, sid: string): SyncStateKey {
  return { account: owner.account, kind: owner.kind, sid };
}
