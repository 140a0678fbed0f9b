import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import { assignNumbers } from '../../../../src/ui/commands/assign-numbers';
import { findNumber } from '../../../../src/ui/commands/find-number';
import { unassignNumbers } from '../../../../src/ui/commands/unassign-numbers';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { matchNumbers, type CatalogNumber } from '../../../../src/ui/tree/number-catalog';
import type { PagedFolderNode } from '../../../../src/ui/tree/paged-folder-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, trunkGroups: 3 } });
  clients = clientsFor(emulator);
});
after(async () => {
  await clients.close();
  await emulator.close();
});
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
});

async function nodeAt(path: (string | RegExp)[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of path) {
    const children = await h.explorer.childrenOf(node);
    node = children.find((c) => (typeof label === 'string' ? c.treeItem().label === label : label.test(c.treeItem().label)));
    assert.ok(node, `no ${String(label)} among ${children.map((c) => c.treeItem().label).join(', ')}`);
  }
  return node!;
}

const addCarrierX = () => h.accounts.add({ name: 'cx', provider: 'carrierx', baseUrl: emulator.baseUrl }, { carrierxToken: emulator.credentials.carrierXToken });
const addTwilio = () =>
  h.accounts.add(
    { name: 'acme', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl },
    { authToken: emulator.credentials.authToken },
  );

describe('Find Number', () => {
  test('matches digits anywhere in the number, whatever the punctuation typed; no digits, no matches; at most the limit', () => {
    const numbers = ['+14155550100', '+14155550199', '+12125550100'].map((e164) => ({ e164, digits: e164.slice(1) }) as CatalogNumber);
    assert.deepEqual(matchNumbers(numbers, '(415) 555-01').map((n) => n.e164), ['+14155550100', '+14155550199']);
    assert.deepEqual(matchNumbers(numbers, '0100').map((n) => n.e164), ['+14155550100', '+12125550100']);
    assert.deepEqual(matchNumbers(numbers, '+1 212').map((n) => n.e164), ['+12125550100']);
    assert.deepEqual(matchNumbers(numbers, 'pbx'), []);
    assert.equal(matchNumbers(numbers, '5', 2).length, 2);
  });

  test('searches a Twilio and a CarrierX account together and reveals the chosen DID below its account', async () => {
    const did = (await collect(clients.carrierx.dids.list({ pageSize: 100 }))).find((d) => d.trunk_group_sid === null)!;
    const twilioNumber = (await collect(clients.twilio.incomingPhoneNumbers.list()))[0]!;
    await addTwilio();
    await addCarrierX();
    const typed = `${did.phonenumber.slice(4, 7)} ${did.phonenumber.slice(7)}`;
    const input = h.answers([{ search: typed, pick: `+${did.phonenumber}` }]);
    const result = (await findNumber.run(h.context())) as { revealed: string; account: string };
    assert.equal(result.account, 'cx');
    const offered = input.asked[0]!.offered!;
    assert.ok(offered.some((o) => o.label === `+${did.phonenumber}` && o.description === 'cx · unassigned'));
    assert.equal(h.revealed.at(-1)!.id, result.revealed);
    assert.equal(h.revealed.at(-1)!.treeItem().label, `+${did.phonenumber}`);
    // The other account's numbers are searched too, in the same prompt.
    h.answers([{ search: twilioNumber.phone_number.slice(-7), pick: twilioNumber.phone_number }]);
    assert.equal(((await findNumber.run(h.context())) as { account: string }).account, 'acme');
  });

  test('a number many pages down is revealed without loading the pages before it; the numbers are read once until a refresh', async () => {
    h.setPageSize(2);
    await addTwilio();
    const numbers = await collect(clients.twilio.incomingPhoneNumbers.list());
    const last = numbers.at(-1)!;
    emulator.stats.reset();
    h.answers([{ search: last.phone_number.slice(2), pick: last.phone_number }]);
    await findNumber.run(h.context());
    assert.equal(h.revealed.at(-1)!.treeItem().label, last.phone_number);
    const folder = (await nodeAt(['acme', 'Phone Numbers'])) as PagedFolderNode<unknown>;
    assert.equal(folder.loadedCount, 2, 'one page loaded, the number shown ahead of it');
    assert.equal((await h.explorer.childrenOf(folder))[0]!.treeItem().label, last.phone_number);
    const listings = () => emulator.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json');
    const afterFirst = listings();
    h.answers([{ search: numbers[0]!.phone_number.slice(2), pick: numbers[0]!.phone_number }]);
    await findNumber.run(h.context());
    assert.equal(listings(), afterFirst, 'the second search asked the provider nothing new');
    h.explorer.refresh(undefined);
    h.answers([{ search: numbers[0]!.phone_number.slice(2), pick: numbers[0]!.phone_number }]);
    await findNumber.run(h.context());
    assert.ok(listings() > afterFirst, 'after a refresh the numbers are read again');
  });

  test('with no account, it says what to do instead of asking', async () => {
    h.answers([]);
    await findNumber.run(h.context());
    assert.match(h.workbench.messages.at(-1)?.text ?? '', /Add an account/);
  });
});

describe('assign, move and unassign from the inventory', () => {
  test('a CarrierX DID is assigned to a group from its node: no confirmation for an unassigned number; the group lists it', async () => {
    const did = (await collect(clients.carrierx.dids.list({ pageSize: 100 }))).find((d) => d.trunk_group_sid === null)!;
    const group = (await collect(clients.carrierx.trunkGroups.list()))[0]!;
    await addCarrierX();
    const node = await nodeAt(['cx', 'Phone Numbers', `+${did.phonenumber}`]);
    const input = h.answers([{ pick: group.name! }]);
    await assignNumbers.run(h.context(), node);
    input.assertDone();
    assert.equal((await clients.carrierx.dids.fetch(did.did_sid)).trunk_group_sid, group.trunk_group_sid);
    assert.deepEqual(h.resourcesChanged, [{ account: 'cx', kind: 'CarrierXTrunkGroup', sid: group.trunk_group_sid }]);
    const shown = await nodeAt(['cx', 'Phone Numbers', `+${did.phonenumber}`]);
    assert.equal(shown.treeItem().description, `on "${group.name}"`);
    await nodeAt(['cx', 'Trunk Groups', group.name!, 'Phone Numbers', `+${did.phonenumber}`]);
  });

  test('moving Twilio numbers from the inventory (multi-select) asks first, naming where each comes from; No changes nothing', async () => {
    const trunks = await collect(clients.twilio.trunks.list());
    const numbers = await collect(clients.twilio.incomingPhoneNumbers.list());
    const target = trunks[0]!;
    const onOther = numbers.filter((n) => n.trunk_sid && n.trunk_sid !== target.sid).slice(0, 1);
    const free = numbers.filter((n) => !n.trunk_sid).slice(0, 1);
    assert.equal(onOther.length + free.length, 2, 'the seed has a number on another trunk and one on none');
    await addTwilio();
    const nodes = await Promise.all([...onOther, ...free].map((n) => nodeAt(['acme', 'Phone Numbers', n.phone_number])));
    const from = trunks.find((tr) => tr.sid === onOther[0]!.trunk_sid)!;
    h.answers([{ pick: target.friendly_name! }, { confirm: false, message: /Move 1 number\(s\) to/, detail: new RegExp(`\\${onOther[0]!.phone_number} from "${from.friendly_name}"`) }]);
    await assignNumbers.run(h.context(), nodes[0], nodes);
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(free[0]!.sid)).trunk_sid, null, 'declined: nothing sent');
    h.answers([{ pick: target.friendly_name! }, { confirm: true }]);
    await assignNumbers.run(h.context(), nodes[0], nodes);
    for (const n of [...onOther, ...free]) assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(n.sid)).trunk_sid, target.sid);
    assert.deepEqual(new Set(h.resourcesChanged.map((c) => c.sid)), new Set([from.sid, target.sid]));
    assert.match(h.workbench.messages.at(-1)?.text ?? '', /Assigned 2 number\(s\)/);
  });

  test('from the palette: the sandbox asks which numbers, then lists them with where they are', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const dids = await collect(clients.carrierx.dids.list({ pageSize: 100 }));
    const assigned = dids.filter((d) => d.trunk_group_sid).slice(0, 2);
    const input = h.answers([{ pick: 'CarrierX phone numbers' }, { pickMany: assigned.map((d) => `+${d.phonenumber}`) }, { confirm: true, message: /Unassign 2 numbers/ }]);
    await unassignNumbers.run(h.context());
    assert.ok(input.asked[1]!.offered!.every((o) => /^on "/.test(o.description ?? '')), 'only numbers on a group are offered');
    for (const d of assigned) assert.equal((await clients.carrierx.dids.fetch(d.did_sid)).trunk_group_sid, null);
  });

  test('a group\'s own Phone Numbers folder assigns to that group, offering the numbers not on it', async () => {
    const group = (await collect(clients.carrierx.trunkGroups.list()))[1]!;
    const free = (await collect(clients.carrierx.dids.list({ pageSize: 100 }))).find((d) => d.trunk_group_sid !== group.trunk_group_sid)!;
    await addCarrierX();
    const folder = await nodeAt(['cx', 'Trunk Groups', group.name!, 'Phone Numbers']);
    const steps = free.trunk_group_sid ? [{ pickMany: [`+${free.phonenumber}`] }, { confirm: true }] : [{ pickMany: [`+${free.phonenumber}`] }];
    const input = h.answers(steps);
    await assignNumbers.run(h.context(), folder);
    input.assertDone();
    assert.match(input.asked[0]!.title, new RegExp(group.name!));
    assert.equal((await clients.carrierx.dids.fetch(free.did_sid)).trunk_group_sid, group.trunk_group_sid);
    assert.ok((await h.explorer.childrenOf(folder)).some((n) => n.treeItem().label === `+${free.phonenumber}`), 'the folder shows it after the change');
  });

  test('unassigning a number that is on nothing says so and sends nothing', async () => {
    const free = (await collect(clients.twilio.incomingPhoneNumbers.list())).find((n) => !n.trunk_sid)!;
    await addTwilio();
    const node = await nodeAt(['acme', 'Phone Numbers', free.phone_number]);
    emulator.stats.reset();
    h.answers([]);
    await unassignNumbers.run(h.context(), node);
    assert.match(h.workbench.messages.at(-1)?.text ?? '', /on no trunk: nothing to unassign/);
    assert.equal(emulator.stats.snapshot().total, 0);
  });
});
