import type * as vscode from 'vscode';
import type { RemoteFingerprint } from '../../core/documents/remote-fingerprint';
import { syncStateKeyId, type SyncStateKey, type SyncStateStore } from '../../core/documents/sync-state';

const KEY = 'trunkline.syncState';

/** The last-synced remote version of each document, kept in the workspace's state. */
export class WorkspaceSyncState implements SyncStateStore {
  constructor(private readonly memento: vscode.Memento) {}

  get(key: SyncStateKey): RemoteFingerprint | undefined {
    return this.all()[syncStateKeyId(key)];
  }

  async set(key: SyncStateKey, fingerprint: RemoteFingerprint): Promise<void> {
    await this.memento.update(KEY, { ...this.all(), [syncStateKeyId(key)]: fingerprint });
  }

  async delete(key: SyncStateKey): Promise<void> {
    const next = { ...this.all() };
    delete next[syncStateKeyId(key)];
    await this.memento.update(KEY, next);
  }

  private all(): Record<string, RemoteFingerprint> {
    return this.memento.get<Record<string, RemoteFingerprint>>(KEY) ?? {};
  }
}
