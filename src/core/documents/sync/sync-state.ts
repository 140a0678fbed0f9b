import type { RemoteFingerprint } from './remote-fingerprint';
import { isTrunkKind, type TrunkKind } from '../file/trunk-kinds';

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

/**
 * One journaled create: where the document was (file and position) and what it was (kind,
 * account, name) when the create was sent. Position alone is not an identity: a document added
 * above, a reorder or a renamed file moves the document away from it, and another document may
 * take its place (see adoptJournaledCreates in plan-documents.ts for how an entry finds its
 * document again).
 */
export interface PendingCreateKey {
  uri: string;
  index: number;
  kind: TrunkKind;
  account: string;
  name: string;
}

/**
 * A create about to be sent for a resource without a unique key (a Twilio trunk without
 * domain_name, BYOC trunk, CarrierX trunk group, …): the SIDs of the same-named resources that
 * existed just before. If the push stops before the new sid reaches the file (a crash, a closed
 * editor), the next plan finds the one same-named resource that is not in `before` (and that no
 * other document claims) and gives it to the document the create was for, instead of creating
 * a duplicate.
 */
export interface PendingCreate extends PendingCreateKey {
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
  /** Creates in progress (see PendingCreate), all of them: a plan matches them to its documents by content, not by position. */
  pendingCreates(): MaybePromise<readonly PendingCreate[]>;
  /** Written before the request is sent: it must outlive a crash. */
  setPendingCreate(pending: PendingCreate): MaybePromise<void>;
  deletePendingCreate(key: PendingCreateKey): MaybePromise<void>;
}

/** Each create its own entry: two documents journaled at once (a template's copy, a moved document's old place) never overwrite each other. */
export function pendingCreateKeyId(key: PendingCreateKey): string {
  return `${key.uri}#${key.index}#${key.account}/${key.kind}/${key.name}`;
}

/**
 * A stored entry as a PendingCreate. Entries of earlier versions were keyed `<file>#<index>` and
 * held only kind, account, name and before: their place comes from the key. Undefined when
 * malformed (dropped: at worst a later push warns about a same-named resource).
 */
export function pendingCreateOf(id: string, value: unknown): PendingCreate | undefined {
  const p = value as Partial<PendingCreate> | null;
  if (!p || typeof p !== 'object' || !isTrunkKind(p.kind) || typeof p.account !== 'string' || typeof p.name !== 'string' || !Array.isArray(p.before)) return undefined;
  const legacyPlace = /^(.*)#(\d+)$/.exec(id);
  const uri = typeof p.uri === 'string' ? p.uri : legacyPlace?.[1];
  const index = typeof p.index === 'number' ? p.index : legacyPlace ? Number(legacyPlace[2]) : undefined;
  if (uri === undefined || index === undefined) return undefined;
  return { uri, index, kind: p.kind, account: p.account, name: p.name, before: p.before.filter((s): s is string => typeof s === 'string') };
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

  pendingCreates(): PendingCreate[] {
    return [...this.pending.values()];
  }

  setPendingCreate(pending: PendingCreate): void {
    this.pending.set(pendingCreateKeyId(pending), { ...pending, before: [...pending.before] });
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
