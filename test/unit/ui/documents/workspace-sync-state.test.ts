import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import type { RemoteFingerprint } from '../../../../src/core/documents/sync/remote-fingerprint';
import { WorkspaceSyncState } from '../../../../src/ui/documents/workspace-sync-state';

/** workspaceState as VS Code keeps it: JSON values by key. */
class MapMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
}

const SID = 'TK0123456789abcdef0123456789abcdef';
const OLD: RemoteFingerprint = { dateUpdated: '2026-01-01T00:00:00Z', fields: { friendly_name: 'aaaa' } };
const NEW: RemoteFingerprint = { dateUpdated: '2026-02-01T00:00:00Z', fields: { friendly_name: 'bbbb' } };

describe('the editor\'s sync state', () => {
  it('finds a resource by identity wherever its document is, and reads 0.1.0\'s per-file entries until the resource is synced again', async () => {
    const memento = new MapMemento();
    await memento.update('trunkline.syncState', { [`file:///work/acme.trunk.yaml#2#${SID}`]: OLD, 'file:///work/other.trunk.yaml#0#TKffffffffffffffffffffffffffffffff': OLD });
    const state = new WorkspaceSyncState(memento);
    const key = { account: 'acme', kind: 'TwilioTrunk' as const, sid: SID };
    assert.deepEqual(state.get(key), OLD, 'the old entry answers for the resource');

    await state.set(key, NEW);
    assert.deepEqual(state.get(key), NEW);
    assert.deepEqual(Object.keys(memento.get<Record<string, unknown>>('trunkline.syncState.v2')!), [`acme/TwilioTrunk/${SID}`]);
    assert.deepEqual(Object.keys(memento.get<Record<string, unknown>>('trunkline.syncState')!), ['file:///work/other.trunk.yaml#0#TKffffffffffffffffffffffffffffffff'], 'the migrated entry is gone, the others stay');

    await state.delete(key);
    assert.equal(state.get(key), undefined);
  });
});
