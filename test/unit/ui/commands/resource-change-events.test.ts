import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import { attachNumbers } from '../../../../src/ui/commands/attach-numbers';
import { createOriginationUrl } from '../../../../src/ui/commands/create-origination-url';
import { deleteResource } from '../../../../src/ui/commands/delete-resource';
import { detachNumbers } from '../../../../src/ui/commands/detach-numbers';
import { editField } from '../../../../src/ui/commands/edit-field';
import { renameResource } from '../../../../src/ui/commands/rename-resource';
import { setRecording } from '../../../../src/ui/commands/set-recording';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

// Every change a command makes at the provider is announced with the identity a trunk file
// uses ({ account, kind, sid }), so the status of every document about it is re-checked at once.

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 2, numbers: 6, byocTrunks: 1, trunkGroups: 1 } });
});
after(async () => {
  await h?.close();
  await emulator.close();
});
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
});

async function nodeOf(path: string[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of path) {
    const children = await h.explorer.childrenOf(node);
    node = children.find((c) => c.treeItem().label === label);
    assert.ok(node, `no ${label} in ${children.map((c) => c.treeItem().label).join(', ')}`);
  }
  return node!;
}

async function firstTrunk() {
  const client = await h.connections.twilio(h.accounts.list()[0]!);
  const [trunk] = (await client.trunks.page()).items;
  return { client, trunk: trunk!, node: await nodeOf(['sandbox', 'Elastic SIP Trunks', trunk!.friendly_name!]) };
}

describe('commands announce the resources they change', () => {
  test('Set Recording, Edit Field and Rename: the trunk', async () => {
    const { trunk, node } = await firstTrunk();
    const change = { account: 'sandbox', kind: 'TwilioTrunk', sid: trunk.sid };
    h.answers([{ pick: 'record-from-answer' }, { pick: 'trim-silence' }]);
    await setRecording.run(h.context(), node);
    assert.deepEqual(h.resourcesChanged, [change]);
    h.answers([{ pick: 'secure' }, { pick: String(!trunk.secure) }]);
    await editField.run(h.context(), node);
    h.answers([{ input: 'Renamed' }]);
    await renameResource.run(h.context(), node);
    assert.deepEqual(h.resourcesChanged, [change, change, change]);
  });

  test('an origination URL added, and numbers attached (moved) and detached: their trunks', async () => {
    const { client, trunk, node } = await firstTrunk();
    h.answers([{ input: 'sip:pbx.example.com' }, { input: 'pbx' }, { input: '10' }, { input: '10' }]);
    await createOriginationUrl.run(h.context(), node);
    assert.deepEqual(h.resourcesChanged.at(-1), { account: 'sandbox', kind: 'TwilioTrunk', sid: trunk.sid });

    const taken = (await collect(client.incomingPhoneNumbers.list())).find((n) => n.trunk_sid && n.trunk_sid !== trunk.sid)!;
    h.resourcesChanged.length = 0;
    h.answers([{ pickMany: [taken.phone_number] }, { confirm: true, message: /Move 1 number/ }]);
    await attachNumbers.run(h.context(), node);
    assert.deepEqual(
      h.resourcesChanged.map((c) => c.sid).sort(),
      [trunk.sid, taken.trunk_sid!].sort(),
      'the trunk the number left changed too',
    );
    h.resourcesChanged.length = 0;
    h.answers([{ pickMany: [taken.phone_number] }, { confirm: true }]);
    await detachNumbers.run(h.context(), node);
    assert.deepEqual(h.resourcesChanged, [{ account: 'sandbox', kind: 'TwilioTrunk', sid: trunk.sid }]);
  });

  test('a delete, even one that fails at the provider; a cancelled command announces nothing', async () => {
    const group = await nodeOf(['sandbox', 'Trunk Groups']);
    const [groupNode] = await h.explorer.childrenOf(group);
    const sid = (groupNode as unknown as { group: { trunk_group_sid: string } }).group.trunk_group_sid;
    h.answers([{ confirm: false }]);
    await deleteResource.run(h.context(), groupNode);
    assert.deepEqual(h.resourcesChanged, []);
    emulator.faults.add({ kind: 'server-error', status: 500, method: 'DELETE', path: `/core/v2/trunk_groups/${sid}`, times: 10 });
    h.answers([{ confirm: true }]);
    await assert.rejects(deleteResource.run(h.context(), groupNode));
    assert.deepEqual(h.resourcesChanged, [{ account: 'sandbox', kind: 'CarrierXTrunkGroup', sid }], 'a failed write may have been applied: re-check');
  });
});
