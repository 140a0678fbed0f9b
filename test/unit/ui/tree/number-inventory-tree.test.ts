import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, trunkGroups: 3 } });
});
after(() => emulator.close());
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
});

const labels = (nodes: ExplorerNode[]) => nodes.map((n) => n.treeItem().label);

async function nodeAt(path: (string | RegExp)[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of path) {
    const children = await h.explorer.childrenOf(node);
    node = children.find((c) => (typeof label === 'string' ? c.treeItem().label === label : label.test(c.treeItem().label)));
    assert.ok(node, `no ${String(label)} among ${labels(children).join(', ')}`);
  }
  return node!;
}

describe('number inventory in the explorer', () => {
  test('Twilio account → Phone Numbers lists every number with its trunk, "not on a trunk", and its type', async () => {
    const { twilio, close } = clientsFor(emulator);
    try {
      const numbers = await collect(twilio.incomingPhoneNumbers.list());
      const trunks = new Map((await collect(twilio.trunks.list())).map((tr) => [tr.sid, tr.friendly_name]));
      assert.ok(numbers.some((n) => n.trunk_sid) && numbers.some((n) => !n.trunk_sid), 'the seed has both');
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const folder = await nodeAt(['sandbox', 'Phone Numbers']);
      const shown = await h.explorer.childrenOf(folder);
      assert.deepEqual(labels(shown), numbers.map((n) => n.phone_number));
      for (const [i, n] of numbers.entries()) {
        const item = shown[i]!.treeItem();
        const where = n.trunk_sid ? `on "${trunks.get(n.trunk_sid)}"` : 'not on a trunk';
        assert.equal(item.description, `${where} · ${n.type}`);
        assert.match(item.contextValue, /^trunkline:incomingNumber\.twilio\.assignable/);
      }
      assert.equal(folder.treeItem().description, String(numbers.length));
    } finally {
      await close();
    }
  });

  test('the inventory pages with Load more, and its description counts what is loaded', async () => {
    h.setPageSize(5);
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await nodeAt(['sandbox', 'Phone Numbers']);
    let shown = await h.explorer.childrenOf(folder);
    assert.equal(shown.length, 6);
    assert.equal(shown.at(-1)!.treeItem().label, 'Load more…');
    assert.equal(folder.treeItem().description, '5+');
    await (folder as unknown as { loadMore(): Promise<void> }).loadMore();
    await (folder as unknown as { loadMore(): Promise<void> }).loadMore();
    shown = await h.explorer.childrenOf(folder);
    assert.equal(shown.length, 12, 'every number, no Load more left');
    assert.equal(folder.treeItem().description, '12');
  });

  test('CarrierX account → Phone Numbers shows each DID in E.164 with its group or "unassigned"; a group lists its own', async () => {
    const { carrierx, close } = clientsFor(emulator);
    try {
      const dids = await collect(carrierx.dids.list({ pageSize: 100 }));
      const groups = await collect(carrierx.trunkGroups.list());
      await h.accounts.add({ name: 'cx', provider: 'carrierx', baseUrl: emulator.baseUrl }, { carrierxToken: emulator.credentials.carrierXToken });
      assert.deepEqual(labels(await h.explorer.childrenOf(await nodeAt(['cx']))), ['Trunk Groups', 'Endpoints', 'Phone Numbers']);
      const shown = await h.explorer.childrenOf(await nodeAt(['cx', 'Phone Numbers']));
      assert.deepEqual(labels(shown), dids.map((d) => `+${d.phonenumber}`));
      for (const [i, d] of dids.entries()) {
        const group = groups.find((g) => g.trunk_group_sid === d.trunk_group_sid);
        assert.equal(shown[i]!.treeItem().description, group ? `on "${group.name}"` : 'unassigned');
      }
      const group = groups.find((g) => dids.some((d) => d.trunk_group_sid === g.trunk_group_sid))!;
      const groupChildren = await h.explorer.childrenOf(await nodeAt(['cx', 'Trunk Groups', group.name!]));
      const groupNumbers = groupChildren.at(-1)!;
      assert.equal(groupNumbers.treeItem().label, 'Phone Numbers');
      const own = dids.filter((d) => d.trunk_group_sid === group.trunk_group_sid).map((d) => `+${d.phonenumber}`);
      assert.deepEqual(labels(await h.explorer.childrenOf(groupNumbers)), own);
      assert.equal(groupNumbers.treeItem().description, String(own.length));
      const ids = new Set([...shown, ...(await h.explorer.childrenOf(groupNumbers))].map((n) => n.id));
      assert.equal(ids.size, shown.length + own.length, 'a DID below its group has an id of its own');
    } finally {
      await close();
    }
  });

  test('a group with no DIDs says so; a failing DID listing shows the retry node', async () => {
    const { carrierx, close } = clientsFor(emulator);
    try {
      await carrierx.trunkGroups.create({ name: 'Empty group' });
    } finally {
      await close();
    }
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const group = await nodeAt(['sandbox', 'Trunk Groups', 'Empty group']);
    assert.deepEqual(labels(await h.explorer.childrenOf(await nodeAt(['sandbox', 'Trunk Groups', 'Empty group', 'Phone Numbers']))), ['No phone numbers']);
    assert.ok(group);
    emulator.faults.add({ kind: 'server-error', status: 503, method: 'GET', path: '/core/v2/phonenumber/dids', times: 10 });
    const [error] = await h.explorer.childrenOf(await nodeAt(['sandbox', 'Phone Numbers (CarrierX)']));
    assert.equal(error!.treeItem().label, 'Failed to load — click to retry');
  });

  test('a refresh while a page is on its way: the folder shows what the provider has after the change, not the page asked before it', async () => {
    const { carrierx, close } = clientsFor(emulator);
    try {
      const free = (await collect(carrierx.dids.list({ pageSize: 100 }))).find((d) => d.trunk_group_sid === null)!;
      const group = (await collect(carrierx.trunkGroups.list()))[0]!;
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const folder = await nodeAt(['sandbox', 'Phone Numbers (CarrierX)']);
      // The listing is answered from the state before the assignment, and the answer held back
      // until after the refresh (an Assign's own write, then its refresh, while the view loads).
      emulator.faults.add({ kind: 'hold-response', method: 'GET', path: '/core/v2/phonenumber/dids', times: 1, holdMs: 400 });
      const early = h.explorer.childrenOf(folder);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await carrierx.dids.assign(free.did_sid, group.trunk_group_sid);
      h.explorer.refresh(folder);
      const description = async (nodes: Promise<ExplorerNode[]>) => (await nodes).find((n) => n.treeItem().label === `+${free.phonenumber}`)?.treeItem().description;
      assert.equal(await description(h.explorer.childrenOf(folder)), `on "${group.name}"`);
      assert.equal(await description(early), `on "${group.name}"`, 'whoever asked before the refresh gets the new page too');
      assert.equal((await h.explorer.childrenOf(folder)).filter((n) => n.treeItem().label === `+${free.phonenumber}`).length, 1, 'listed once');
    } finally {
      await close();
    }
  });
});
