import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileSyncStateStore } from '../../../src/cli/file-sync-state';

// The journal of creates in progress outlives the run that wrote it (that is its point): the
// next run may be started from another folder, and may be a newer Trunkline than the one that
// wrote it.

function tempState(body?: object): { file: string; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-journal-'));
  const file = path.join(root, '.trunkline', 'state.json');
  if (body) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(body));
  }
  return { file, root };
}

describe('the CLI journal of creates in progress', () => {
  it('an entry written by an earlier version (keyed by file and index) is read with its place, and deleted by the create it stands for', () => {
    const { file, root } = tempState({
      version: 2,
      resources: {},
      pendingCreates: { 'trunks/edge.trunk.yaml#1': { kind: 'TwilioByocTrunk', account: 'prod', name: 'Edge', before: ['BY1'] } },
    });
    const store = FileSyncStateStore.open(file, root, root, () => assert.fail('readable'));
    const [entry] = store.pendingCreates();
    assert.deepEqual(entry, { uri: 'trunks/edge.trunk.yaml', index: 1, kind: 'TwilioByocTrunk', account: 'prod', name: 'Edge', before: ['BY1'] });
    store.deletePendingCreate(entry!);
    store.save();
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pendingCreates, undefined);
  });

  it('entries are written at once, relative to the root, and named as each run names its files', () => {
    const { file, root } = tempState();
    const sub = path.join(root, 'trunks');
    fs.mkdirSync(sub);
    const fromRoot = FileSyncStateStore.open(file, root, root, () => undefined);
    fromRoot.setPendingCreate({ uri: 'trunks/edge.trunk.yaml', index: 0, kind: 'CarrierXTrunkGroup', account: 'cx', name: 'Edge', before: [] });
    fromRoot.setPendingCreate({ uri: 'trunks/copy.trunk.yaml', index: 0, kind: 'CarrierXTrunkGroup', account: 'cx', name: 'Edge', before: [] });
    // no save(): a kill right after the create was sent must find both
    const fromSub = FileSyncStateStore.open(file, root, sub, () => undefined);
    assert.deepEqual(fromSub.pendingCreates().map((p) => p.uri).sort(), ['copy.trunk.yaml', 'edge.trunk.yaml'], 'two same-named creates of two files are two entries');
  });
});
