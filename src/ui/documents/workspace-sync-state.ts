import type * as vscode from 'vscode';
import type { RemoteFingerprint } from '../../core/documents/sync/remote-fingerprint';
import {
  legacyEntriesBySid,
  pendingCreateKeyId,
  pendingCreateOf,
  syncStateKeyId,
  type PendingCreate,
  type PendingCreateKey,
  type SyncStateKey,
  type SyncStateStore,
} from '../../core/documents/sync/sync-state';

/** Fingerprints by resource identity (`account/kind/sid`). */
const KEY = 'trunkline.syncState.v2';
/** 0.1.0 kept them by `<file uri>#<document index>#<sid>`: read by sid until each resource is synced again. */
const LEGACY_KEY = 'trunkline.syncState';
const PENDING_KEY = 'trunkline.pendingCreates';

/** The last-synced remote version of each resource, and creates in progress, kept in the workspace's state. */
export class WorkspaceSyncState implements SyncStateStore {
  private legacy: Map<string, RemoteFingerprint> | undefined;

  constructor(private readonly memento: vscode.Memento) {}

  get(key: SyncStateKey): RemoteFingerprint | undefined {
    return this.read<RemoteFingerprint>(KEY)[syncStateKeyId(key)] ?? this.legacyEntries().get(key.sid);
  }

  async set(key: SyncStateKey, fingerprint: RemoteFingerprint): Promise<void> {
    await this.write(KEY, syncStateKeyId(key), fingerprint);
    await this.forgetLegacy(key.sid);
  }

  async delete(key: SyncStateKey): Promise<void> {
    await this.write(KEY, syncStateKeyId(key), undefined);
    await this.forgetLegacy(key.sid);
  }

  pendingCreates(): PendingCreate[] {
    return Object.entries(this.read<unknown>(PENDING_KEY)).flatMap(([id, value]) => pendingCreateOf(id, value) ?? []);
  }

  setPendingCreate(pending: PendingCreate): Promise<void> {
    return this.write(PENDING_KEY, pendingCreateKeyId(pending), pending);
  }

  /** Also the entry an earlier version kept for the same place (`<uri>#<index>`). */
  async deletePendingCreate(key: PendingCreateKey): Promise<void> {
    await this.write(PENDING_KEY, pendingCreateKeyId(key), undefined);
    if (`${key.uri}#${key.index}` in this.read<unknown>(PENDING_KEY)) {
      const legacy = pendingCreateOf(`${key.uri}#${key.index}`, this.read<unknown>(PENDING_KEY)[`${key.uri}#${key.index}`]);
      if (legacy && legacy.kind === key.kind && legacy.account === key.account && legacy.name === key.name) await this.write(PENDING_KEY, `${key.uri}#${key.index}`, undefined);
    }
  }

  private legacyEntries(): Map<string, RemoteFingerprint> {
    this.legacy ??= legacyEntriesBySid(this.read<RemoteFingerprint>(LEGACY_KEY));
    return this.legacy;
  }

  private async forgetLegacy(sid: string): Promise<void> {
    const legacy = this.legacyEntries();
    if (!legacy.delete(sid)) return;
    const remaining = Object.fromEntries(Object.entries(this.read<RemoteFingerprint>(LEGACY_KEY)).filter(([id]) => !id.endsWith(`#${sid}`)));
    await this.memento.update(LEGACY_KEY, Object.keys(remaining).length > 0 ? remaining : undefined);
  }

  private read<T>(key: string): Record<string, T> {
    return this.memento.get<Record<string, T>>(key) ?? {};
  }

  private async write<T>(key: string, id: string, value: T | undefined): Promise<void> {
    const next = { ...this.read<T>(key) };
    if (value === undefined) delete next[id];
    else next[id] = value;
    await this.memento.update(key, next);
  }
}
