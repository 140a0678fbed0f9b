import type * as vscode from 'vscode';
import type { RemoteFingerprint } from '../../core/documents/remote-fingerprint';
import {
  pendingCreateKeyId,
  syncStateKeyId,
  type PendingCreate,
  type PendingCreateKey,
  type SyncStateKey,
  type SyncStateStore,
} from '../../core/documents/sync-state';

const KEY = 'trunkline.syncState';
const PENDING_KEY = 'trunkline.pendingCreates';

/** The last-synced remote version of each document, and creates in progress, kept in the workspace's state. */
export class WorkspaceSyncState implements SyncStateStore {
  constructor(private readonly memento: vscode.Memento) {}

  get(key: SyncStateKey): RemoteFingerprint | undefined {
    return this.read<RemoteFingerprint>(KEY)[syncStateKeyId(key)];
  }

  set(key: SyncStateKey, fingerprint: RemoteFingerprint): Promise<void> {
    return this.write(KEY, syncStateKeyId(key), fingerprint);
  }

  delete(key: SyncStateKey): Promise<void> {
    return this.write(KEY, syncStateKeyId(key), undefined);
  }

  getPendingCreate(key: PendingCreateKey): PendingCreate | undefined {
    return this.read<PendingCreate>(PENDING_KEY)[pendingCreateKeyId(key)];
  }

  setPendingCreate(key: PendingCreateKey, pending: PendingCreate): Promise<void> {
    return this.write(PENDING_KEY, pendingCreateKeyId(key), pending);
  }

  deletePendingCreate(key: PendingCreateKey): Promise<void> {
    return this.write(PENDING_KEY, pendingCreateKeyId(key), undefined);
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
