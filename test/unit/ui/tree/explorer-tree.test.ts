import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import { assignNumbers } from '../../../../src/ui/commands/assign-numbers';
import { loadMore } from '../../../../src/ui/commands/load-more';
import { setRecording } from '../../../../src/ui/commands/set-recording';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { clientsFor } from '../../../support/test-clients';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 5, numbers: 20, byocTrunks: 2, trunkGroups: 2 } });
});
after(() => emulator.close());
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
});

const labels = (nodes: ExplorerNode[]) => nodes.map((n) => n.treeItem().label);

async function child(h: CommandHarness, node: ExplorerNode | undefined, label: string | RegExp): Promise<ExplorerNode> {
  const children = await h.explorer.childrenOf(node);
  const found = children.find((n) => (typeof label === 'string' ? n.treeItem().label === label : label.test(n.treeItem().label)));
  assert.ok(found, `no child ${String(label)} among ${labels(children).join(', ')}`);
  return found;
}

describe('explorer tree', () => {
  test('no accounts: no roots (the welcome view shows)', async () => {
    assert.deepEqual(await h.explorer.childrenOf(undefined), []);
  });

  test('the sandbox shows Twilio and CarrierX folders; a Twilio account only Twilio ones', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    await h.accounts.add({ name: 'acme', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: emulator.credentials.authToken });
    assert.deepEqual(labels(await h.explorer.childrenOf(await child(h, undefined, 'sandbox'))), ['Elastic SIP Trunks', 'BYOC Trunks', 'Connection Policies', 'Phone Numbers', 'IP Access Control Lists', 'Credential Lists', 'Trunk Groups', 'Endpoints', 'Phone Numbers (CarrierX)']);
    assert.deepEqual(labels(await h.explorer.childrenOf(await child(h, undefined, 'acme'))), ['Elastic SIP Trunks', 'BYOC Trunks', 'Connection Policies', 'Phone Numbers', 'IP Access Control Lists', 'Credential Lists']);
  });

  test('SIP auth lists: addresses with their CIDR and usernames below the account, and a trunk\'s Termination shows its domain, secure and linked lists', async () => {
    const { twilio, close } = clientsFor(emulator);
    try {
      const acl = await twilio.ipAccessControlLists.create('HQ PBX');
      await twilio.ipAddresses.create(acl.sid, { friendly_name: 'office', ip_address: '203.0.113.0', cidr_prefix_length: 24 });
      const cl = await twilio.credentialLists.create('Branch phones');
      await twilio.credentials.create(cl.sid, { username: 'branch-7', password: 'Canary-Pass-1234' });
      const trunk = (await twilio.trunks.page({ pageSize: 1 })).items[0]!;
      await twilio.trunkIpAccessControlLists.add(trunk.sid, acl.sid);
      await twilio.trunkCredentialLists.add(trunk.sid, cl.sid);

      await h.accounts.add({ name: 'acme', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: emulator.credentials.authToken });
      const account = await child(h, undefined, 'acme');
      const hq = await child(h, await child(h, account, 'IP Access Control Lists'), 'HQ PBX');
      const address = await child(h, hq, '203.0.113.0/24');
      assert.equal(address.treeItem().description, 'office');
      assert.match(String(address.treeItem().tooltip), /CIDR prefix length · `cidr_prefix_length`: 24/);
      assert.match(String(address.treeItem().tooltip), /`ip_access_control_list_sid`/);
      await child(h, await child(h, await child(h, account, 'Credential Lists'), 'Branch phones'), 'branch-7');

      const trunkNode = await child(h, await child(h, account, 'Elastic SIP Trunks'), trunk.friendly_name ?? trunk.sid);
      const termination = await child(h, trunkNode, 'Termination');
      assert.equal(termination.treeItem().description, `${trunk.domain_name} · ${trunk.secure ? 'secure' : 'not secure'}`);
      assert.match(String(termination.treeItem().tooltip), /`auth_type`/);
      const linked = await h.explorer.childrenOf(termination);
      assert.deepEqual(labels(linked).sort(), ['Branch phones', 'HQ PBX']);
      assert.ok(linked.every((n) => n.treeItem().contextValue.endsWith('.linked')), 'linked lists offer Unlink');
      assert.deepEqual(labels(await h.explorer.childrenOf(linked.find((n) => n.treeItem().label === 'HQ PBX')!)), ['203.0.113.0/24']);
      assert.deepEqual(labels(await h.explorer.childrenOf(linked.find((n) => n.treeItem().label === 'Branch phones')!)), ['branch-7']);
      assert.ok(!h.sink.lines.join('\n').includes('Canary-Pass-1234'));
    } finally {
      await close();
    }
  });

  test('trunks page with a Load more node until every trunk is shown', async () => {
    h.setPageSize(2);
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'Elastic SIP Trunks');
    let children = await h.explorer.childrenOf(folder);
    assert.equal(children.length, 3);
    for (let i = 0; i < 5 && children.at(-1)!.treeItem().contextValue === 'trunkline:loadMore'; i++) {
      const more = children.at(-1)!;
      assert.equal(more.treeItem().command?.id, 'trunkline.loadMore');
      await (more as unknown as { parent: { loadMore(): Promise<void> } }).parent.loadMore();
      children = await h.explorer.childrenOf(folder);
    }
    assert.equal(children.length, 5, 'all five trunks, no Load more left');
    assert.ok(h.changed.includes(folder), 'the folder re-renders after each page');
    assert.equal(folder.treeItem().description, '5');
  });

  test('a trunk shows its domain, recording in the tooltip, and its number count once loaded', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'Elastic SIP Trunks');
    const trunkNodes = await h.explorer.childrenOf(folder);
    const withNumbers = [];
    for (const trunk of trunkNodes) {
      const [numbers] = await h.explorer.childrenOf(trunk);
      const list = await h.explorer.childrenOf(numbers);
      if (list[0]?.treeItem().contextValue.startsWith('trunkline:phoneNumber')) withNumbers.push({ trunk, list });
    }
    assert.ok(withNumbers.length > 0, 'the seed attaches numbers to some trunks');
    const { trunk, list } = withNumbers[0]!;
    const item = trunk.treeItem();
    assert.match(item.description ?? '', list.length === 1 ? /\.pstn\.twilio\.com · 1 number$/ : /\.pstn\.twilio\.com · \d+ numbers$/, 'one number, not "1 numbers"');
    assert.match(item.tooltip ?? '', /recording/);
    assert.match(item.contextValue, /^trunkline:trunk\.twilio\.editable\.deletable/);
    assert.match(list[0]!.treeItem().label, /^\+\d{10,15}$/);
    assert.match(list[0]!.treeItem().contextValue, /detachable/);
  });

  test('trunks show their number counts without being expanded, from one account-wide listing', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'Elastic SIP Trunks');
    const trunkNodes = await h.explorer.childrenOf(folder);
    assert.equal(emulator.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json'), 1, 'one listing for every trunk');
    assert.equal(emulator.stats.count('GET', '/v1/Trunks/{TrunkSid}/PhoneNumbers'), 0, 'no trunk was listed on its own');
    const numbers = [...emulator.store.twilio.numbers.all.values()];
    for (const trunk of trunkNodes) {
      const sid = (trunk as unknown as { trunk: { sid: string } }).trunk.sid;
      const count = numbers.filter((n) => n.trunk_sid === sid).length;
      const expected = count === 0 ? undefined : count === 1 ? '1 number' : `${count} numbers`;
      assert.equal(trunk.treeItem().description?.split(' · ')[1], expected, 'counted without expanding');
      const [numbersFolder] = await h.explorer.childrenOf(trunk);
      assert.equal(numbersFolder!.treeItem().description, count ? String(count) : undefined, '"Phone Numbers N" before it is expanded');
    }
  });

  test('loading a trunk\'s numbers re-renders nothing above them (VS Code would drop the expanded folders beside them)', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'Elastic SIP Trunks');
    const [trunk] = await h.explorer.childrenOf(folder);
    const [numbers, urls] = await h.explorer.childrenOf(trunk);
    h.changed.length = 0;
    await Promise.all([h.explorer.childrenOf(numbers), h.explorer.childrenOf(urls)]);
    assert.deepEqual(h.changed, [], 'no change event for the trunk, the folder or the tree');
  });

  test('CarrierX groups carry their trunks; descriptions show capacity rules', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const groups = await h.explorer.childrenOf(await child(h, await child(h, undefined, 'sandbox'), 'Trunk Groups'));
    assert.equal(groups.length, 2);
    const trunks = await h.explorer.childrenOf(groups[0]!);
    assert.ok(trunks.length >= 1);
    assert.match(trunks[0]!.treeItem().description ?? '', /in .+ \/ out .+/);
    assert.match(groups[0]!.treeItem().description ?? '', /\d+ trunks/);
  });

  test('Connection Policies counts the policies and lists each one\'s targets in failover order; a BYOC trunk shows the same policy and targets below it', async () => {
    const { twilio, close } = clientsFor(emulator);
    let policies, trunks;
    try {
      policies = await twilio.connectionPolicies.page({ pageSize: 100 });
      trunks = await twilio.byocTrunks.page({ pageSize: 100 });
    } finally {
      await close();
    }
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'Connection Policies');
    assert.equal(folder.treeItem().description, undefined, 'no count before it is loaded');
    const rows = await h.explorer.childrenOf(folder);
    assert.deepEqual(labels(rows), policies.items.map((p) => p.friendly_name));
    assert.equal(folder.treeItem().description, String(policies.items.length));

    const trunk = trunks.items.find((tr) => tr.connection_policy_sid)!;
    const policy = policies.items.find((p) => p.sid === trunk.connection_policy_sid)!;
    const inFolder = await h.explorer.childrenOf(rows.find((r) => r.treeItem().label === policy.friendly_name)!);
    const [below] = await h.explorer.childrenOf(await child(h, await child(h, await child(h, undefined, 'sandbox'), 'BYOC Trunks'), trunk.friendly_name!));
    assert.equal(below!.treeItem().label, policy.friendly_name);
    const underTrunk = await h.explorer.childrenOf(below!);
    assert.deepEqual(labels(underTrunk), labels(inFolder));
    assert.ok(underTrunk.every((n) => n.id.startsWith(`${below!.id}/`)), 'ids below the trunk, so both places can be open at once');
    // Lowest priority first: the seed's disaster-recovery target (priority 20) is last when there is one.
    const priorities = underTrunk.map((n) => Number(/priority (\d+)/.exec(n.treeItem().description ?? '')?.[1]));
    assert.deepEqual(priorities, [...priorities].sort((a, b) => a - b));
  });

  test('a failing account shows an error node with the provider message; others keep working; retry recovers', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const broken = await h.accounts.add(
      { name: 'broken', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl },
      { authToken: 'wrongwrongwrongwrongwrongwrong00' },
    );
    const brokenFolder = await child(h, await child(h, undefined, 'broken'), 'Elastic SIP Trunks');
    const [error] = await h.explorer.childrenOf(brokenFolder);
    assert.equal(error!.treeItem().label, 'Failed to load — click to retry');
    assert.match(error!.treeItem().description ?? '', /20003/);
    assert.equal(error!.treeItem().command?.id, 'trunkline.retryLoad');
    assert.ok(!JSON.stringify(h.sink.lines).includes('wrongwrongwrongwrongwrongwrong00'), 'the bad token is not logged');

    const sandboxTrunks = await h.explorer.childrenOf(await child(h, await child(h, undefined, 'sandbox'), 'Elastic SIP Trunks'));
    assert.equal(sandboxTrunks.length, 5, 'the other account is unaffected');

    await h.accounts.updateSecrets(broken.id, { authToken: emulator.credentials.authToken });
    const fixedFolder = await child(h, await child(h, undefined, 'broken'), 'Elastic SIP Trunks');
    assert.equal((await h.explorer.childrenOf(fixedFolder)).length, 5, 'new credentials: a fresh node loads');
  });

  test('clicking the error node after a transient outage loads the page', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    emulator.faults.add({ kind: 'server-error', status: 503, method: 'GET', path: '/v1/ByocTrunks', times: 5 });
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'BYOC Trunks');
    const [error] = await h.explorer.childrenOf(folder);
    assert.equal(error!.treeItem().contextValue, 'trunkline:error', 'five 503s in a row exhaust the retries');
    await (error as unknown as { parent: { retry(): Promise<void> } }).parent.retry();
    const children = await h.explorer.childrenOf(folder);
    assert.deepEqual(children.map((c) => c.treeItem().contextValue.split('.')[0]), ['trunkline:byocTrunk', 'trunkline:byocTrunk']);
  });

  test('removing an account drops everything loaded under it', async () => {
    const account = await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const folder = await child(h, await child(h, undefined, 'sandbox'), 'Elastic SIP Trunks');
    await h.explorer.childrenOf(folder);
    assert.ok(h.explorer.find(folder.id));
    await h.accounts.remove(account.id);
    assert.equal(h.explorer.find(folder.id), undefined);
    assert.deepEqual(await h.explorer.childrenOf(undefined), []);
    assert.ok(h.changed.includes(undefined), 'the whole view re-renders');
  });

  // The view keeps the nodes it drew: after Refresh it may still ask one from before (CI saw
  // it in the real VS Code), and a command's refresh by id must reach the rows read after it.
  test('the view asks an account node from before Refresh: an Assign after it still shows in the DID\'s row', async () => {
    const { carrierx, close } = clientsFor(emulator);
    try {
      const free = (await collect(carrierx.dids.list({ pageSize: 100 }))).find((d) => d.trunk_group_sid === null)!;
      const group = (await collect(carrierx.trunkGroups.list()))[0]!;
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const path = ['sandbox', 'Phone Numbers (CarrierX)', `+${free.phonenumber}`];
      const drawn = await h.nodeAt(['sandbox']);
      h.explorer.refresh(undefined);
      const row = await h.nodeAt(path);
      assert.equal(row.treeItem().description, 'unassigned');
      const before = await h.explorer.childrenOf(drawn);
      await h.explorer.childrenOf(before.find((n) => n.treeItem().label === 'Phone Numbers (CarrierX)')!);
      h.answers([{ pick: group.name! }]);
      await assignNumbers.run(h.context(), row);
      assert.equal((await carrierx.dids.fetch(free.did_sid)).trunk_group_sid, group.trunk_group_sid);
      assert.equal((await h.nodeAt(path)).treeItem().description, `on "${group.name}"`);
    } finally {
      await close();
    }
  });

  test('the view asks a trunks folder from before Refresh: Set Recording still shows in the trunk\'s tooltip', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const drawnFolder = await h.nodeAt(['sandbox', 'Elastic SIP Trunks']);
    const [first] = await h.explorer.childrenOf(drawnFolder);
    const name = first!.treeItem().label;
    const drawnAccount = await h.nodeAt(['sandbox']);
    h.explorer.refresh(undefined);
    const trunk = await h.nodeAt(['sandbox', 'Elastic SIP Trunks', name]);
    await h.explorer.childrenOf(drawnAccount);
    await h.explorer.childrenOf(drawnFolder);
    h.answers([{ pick: 'record-from-answer-dual' }, { pick: 'trim-silence' }]);
    await setRecording.run(h.context(), trunk);
    assert.match((await h.nodeAt(['sandbox', 'Elastic SIP Trunks', name])).treeItem().tooltip ?? '', /record-from-answer-dual, trim-silence/);
  });

  test('"Load more…" clicked on a row drawn before Refresh pages the folder shown now', async () => {
    h.setPageSize(2);
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const drawn = await h.explorer.childrenOf(await h.nodeAt(['sandbox', 'Elastic SIP Trunks']));
    h.explorer.refresh(undefined);
    const folder = await h.nodeAt(['sandbox', 'Elastic SIP Trunks']);
    assert.equal((await h.explorer.childrenOf(folder)).length, 3, 'two trunks and Load more');
    await loadMore.run(h.context(), drawn.at(-1));
    assert.equal((await h.explorer.childrenOf(folder)).length, 5, 'four trunks and Load more');
  });

  test('refreshing an id that nothing shown has is logged as one line, not ignored', async () => {
    const account = await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    await h.explorer.childrenOf(await child(h, undefined, 'sandbox'));
    const missing = `account/${account.id}/trunks/TK00000000000000000000000000000000/numbers`;
    h.sink.lines.length = 0;
    assert.equal(h.explorer.refreshById(missing), false);
    assert.equal(h.sink.lines.length, 1);
    assert.match(h.sink.lines[0]!, new RegExp(`^info .*${missing}`));
    h.sink.lines.length = 0;
    assert.equal(h.explorer.refreshById(`account/${account.id}/trunks`), true, 'a folder that is shown refreshes');
    assert.deepEqual(h.sink.lines, [], 'and logs nothing');
  });
});
