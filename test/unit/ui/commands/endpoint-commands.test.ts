import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Endpoint } from '../../../../src/core/providers/carrierx/models';
import { collect } from '../../../../src/core/providers/page';
import { addEndpointAddress } from '../../../../src/ui/commands/add-endpoint-address';
import { clearEndpointSipPassword } from '../../../../src/ui/commands/clear-endpoint-sip-password';
import { createEndpoint } from '../../../../src/ui/commands/create-endpoint';
import { deleteResource } from '../../../../src/ui/commands/delete-resource';
import { editEndpointAddress } from '../../../../src/ui/commands/edit-endpoint-address';
import { editField } from '../../../../src/ui/commands/edit-field';
import { renameResource } from '../../../../src/ui/commands/rename-resource';
import { setEndpointSipPassword } from '../../../../src/ui/commands/set-endpoint-sip-password';
import { setTrunkEndpoint } from '../../../../src/ui/commands/set-trunk-endpoint';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 2 } });
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

async function carrierx() {
  return h.connections.carrierx(h.accounts.list()[0]!);
}

const nodeOf = (path: (string | RegExp)[]): Promise<ExplorerNode> => h.nodeAt(path);

async function childItems(node: ExplorerNode) {
  return (await h.explorer.childrenOf(node)).map((n) => n.treeItem());
}

/** Everything the tree shows below a node: labels, descriptions, tooltips. */
async function everythingInTree(node: ExplorerNode | undefined): Promise<string> {
  const out: unknown[] = [];
  for (const child of await h.explorer.childrenOf(node)) {
    out.push(child.treeItem());
    out.push(await everythingInTree(child));
  }
  return JSON.stringify(out);
}

/** Everything a user or a log reader could see: notifications, progress titles, prompts, the log. */
function everythingShown(inputs: { asked: unknown[] }[]): string {
  return JSON.stringify([h.workbench.messages, h.workbench.progressTitles, inputs.map((i) => i.asked), h.sink.lines]);
}

async function thirdPartyEndpoint(name: string, addresses: { ip: string; sip_password?: string; sip_username?: string }[] = [{ ip: 'pbx.example.com' }]): Promise<Endpoint> {
  return (await carrierx()).endpoints.create({ name, type: 'third_party', addresses });
}

describe('CarrierX endpoint commands', () => {
  test('the tree: account → Endpoints (counted) → addresses with port/transport/direction; the System Gateway read-only; a trunk shows its endpoint or "No endpoint"', async () => {
    const client = await carrierx();
    const all = await collect(client.endpoints.list());
    const folder = await nodeOf(['sandbox', 'Endpoints']);
    const endpoints = await childItems(folder);
    assert.equal(endpoints.length, all.length);
    assert.equal(folder.treeItem().description, String(all.length), 'the folder counts its endpoints once loaded');
    const gateway = endpoints.find((e) => e.label === 'System Gateway')!;
    assert.equal(gateway.contextValue, 'trunkline:endpoint', 'no edit, delete or address menus on CarrierX\'s own endpoint');
    const seeded = all.find((e) => e.type === 'third_party' && e.addresses.length > 0)!;
    const node = await nodeOf(['sandbox', 'Endpoints', seeded.name!]);
    const addresses = await childItems(node);
    assert.deepEqual(
      addresses.map((a) => [a.label, a.description]),
      seeded.addresses.map((a) => [a.ip, `${a.port} · ${a.transport} · ${a.direction}`]),
    );

    const groups = await collect(client.trunkGroups.list({ withTrunks: true }));
    const withEndpoint = groups.flatMap((g) => (g.trunks ?? []).map((tr) => ({ g, tr }))).find(({ tr }) => tr.endpoint_sid !== null)!;
    const used = all.find((e) => e.endpoint_sid === withEndpoint.tr.endpoint_sid)!;
    const under = await nodeOf(['sandbox', 'Trunk Groups', withEndpoint.g.name!, withEndpoint.tr.name!]);
    const [endpointItem] = await childItems(under);
    assert.equal(endpointItem?.label, used.name);
    assert.deepEqual((await childItems(await nodeOf(['sandbox', 'Trunk Groups', withEndpoint.g.name!, withEndpoint.tr.name!, used.name!]))).map((a) => a.label), used.addresses.map((a) => a.ip));
    const without = groups.flatMap((g) => (g.trunks ?? []).map((tr) => ({ g, tr }))).find(({ tr }) => tr.endpoint_sid === null)!;
    assert.match(String((await childItems(await nodeOf(['sandbox', 'Trunk Groups', without.g.name!, without.tr.name!])))[0]?.label), /^No endpoint/);
  });

  test('a seeded endpoint password, returned by the API in clear, shows only as "set" in the tree', async () => {
    const client = await carrierx();
    const withPassword = (await collect(client.endpoints.list())).find((e) => e.out_sip_password);
    assert.ok(withPassword, 'the sandbox seeds an endpoint with SIP credentials');
    const node = await nodeOf(['sandbox', 'Endpoints', withPassword.name!]);
    const tooltip = String(node.treeItem().tooltip);
    assert.match(tooltip, /`out_sip_password`: set/);
    const shown = await everythingInTree(await nodeOf(['sandbox']));
    assert.ok(!shown.includes(withPassword.out_sip_password!), 'the password is nowhere in the tree');
  });

  test('Create Endpoint from the palette: name (unique), host and port checked as typed, transport, direction, with Back; the endpoint has the address', async () => {
    await thirdPartyEndpoint('Taken');
    const input = h.answers([
      { input: 'Taken', rejectedWith: /already has an endpoint named "Taken"/ },
      { input: 'HQ SBC' },
      { input: 'sip:sbc.example.com', rejectedWith: /only the host/ },
      { input: 'sbc.example.com:5080', rejectedWith: /port in the next step/ },
      { input: '300.1.2.3', rejectedWith: /not an IPv4 or IPv6 address or a host name/ },
      { input: 'wrong.example.com' },
      { back: 'input' },
      { input: 'sbc.example.com' },
      { input: '0', rejectedWith: /from 1 to 65535/ },
      { input: '70000', rejectedWith: /from 1 to 65535/ },
      { input: '5061' },
      { pick: 'tls' },
      { pick: 'inbound' },
    ]);
    const endpoint = (await createEndpoint.run(h.context())) as Endpoint;
    input.assertDone();
    const remote = await (await carrierx()).endpoints.fetch(endpoint.endpoint_sid);
    assert.equal(remote.type, 'third_party');
    assert.equal(remote.name, 'HQ SBC');
    assert.deepEqual(remote.addresses.map((a) => [a.ip, a.port, a.transport, a.direction]), [['sbc.example.com', 5061, 'tls', 'inbound']]);
    assert.ok(input.asked.filter((a) => a.step).every((a) => a.step?.endsWith('/5')), 'five steps counted');
    assert.ok(h.revealed.some((n) => n.treeItem().label === 'HQ SBC'), 'the new endpoint is shown in the tree');
    assert.deepEqual((await collect((await carrierx()).endpoints.list({ filter: 'name eq "HQ SBC"' }))).length, 1, 'no duplicate');
  });

  test('add, edit and remove an address; the other addresses and their passwords are kept; rename the endpoint', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Branch', [{ ip: '198.51.100.7', sip_username: 'branch', sip_password: 'kept-secret-1' }]);
    let input = h.answers([{ input: '2001:db8::10' }, { input: '5060' }, { pick: 'udp' }, { pick: 'any' }]);
    await addEndpointAddress.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Branch']));
    input.assertDone();
    let remote = await client.endpoints.fetch(endpoint.endpoint_sid);
    assert.deepEqual(remote.addresses.map((a) => a.ip), ['198.51.100.7', '2001:db8::10']);
    assert.equal(remote.addresses[0]?.sip_password, 'kept-secret-1', 'adding keeps the other address\'s password');

    // Edit from the palette: the current values are offered; the address keeps its credentials.
    input = h.answers([{ pick: 'Branch' }, { pick: '198.51.100.7' }, { input: '198.51.100.8' }, { input: '5080' }, { pick: 'tcp' }, { pick: 'any' }]);
    await editEndpointAddress.run(h.context());
    input.assertDone();
    assert.equal(input.asked.find((a) => a.kind === 'input')?.value, '198.51.100.7', 'the host box opens with the current host');
    remote = await client.endpoints.fetch(endpoint.endpoint_sid);
    assert.deepEqual(remote.addresses.map((a) => [a.ip, a.port, a.transport, a.sip_username, a.sip_password]), [
      ['198.51.100.8', 5080, 'tcp', 'branch', 'kept-secret-1'],
      ['2001:db8::10', 5060, 'udp', null, null],
    ]);

    const v6 = await nodeOf(['sandbox', 'Endpoints', 'Branch', '2001:db8::10']);
    input = h.answers([{ confirm: true, message: /Delete the endpoint address "2001:db8::10"/ }]);
    await deleteResource.run(h.context(), v6);
    input.assertDone();
    assert.deepEqual((await client.endpoints.fetch(endpoint.endpoint_sid)).addresses.map((a) => a.ip), ['198.51.100.8']);

    h.answers([{ input: 'Branch (Lyon)' }]);
    await renameResource.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Branch']));
    assert.equal((await client.endpoints.fetch(endpoint.endpoint_sid)).name, 'Branch (Lyon)');
  });

  test('an address changed elsewhere since it was shown is not overwritten', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Moving', [{ ip: '203.0.113.5' }]);
    const node = await nodeOf(['sandbox', 'Endpoints', 'Moving', '203.0.113.5']);
    await client.endpoints.update(endpoint.endpoint_sid, { addresses: [{ ip: '203.0.113.99' }] });
    h.answers([{ input: '203.0.113.6' }, { input: '5060' }, { pick: 'udp' }, { pick: 'any' }]);
    await assert.rejects(editEndpointAddress.run(h.context(), node), /no longer on "Moving".*Refresh/);
    assert.deepEqual((await client.endpoints.fetch(endpoint.endpoint_sid)).addresses.map((a) => a.ip), ['203.0.113.99']);
  });

  test('Set SIP Password… on an endpoint and on an address: the canary reaches CarrierX and appears in no message, prompt, log line or tree item; Clear removes it', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Secure PBX', [{ ip: '192.0.2.44' }]);
    const canary = 'Canary-endpoint-7Zq';
    const inputs = [];
    let input = h.answers([{ input: 'trunkline-out' }, { pick: /Type a password/ }, { input: 'has space', rejectedWith: /no spaces/ }, { input: canary }]);
    inputs.push(input);
    await setEndpointSipPassword.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Secure PBX']));
    input.assertDone();
    assert.equal(input.asked.find((a) => a.kind === 'input' && a.password)?.password, true, 'typed in a masked box');
    let remote = await client.endpoints.fetch(endpoint.endpoint_sid);
    assert.equal(remote.out_sip_username, 'trunkline-out');
    assert.equal(remote.out_sip_password, canary);

    const addressCanary = 'Canary-address-9Wx';
    input = h.answers([{ pick: 'Secure PBX' }, { pick: '192.0.2.44' }, { input: 'per-address' }, { pick: /Type a password/ }, { input: addressCanary }]);
    inputs.push(input);
    await setEndpointSipPassword.run(h.context());
    input.assertDone();
    remote = await client.endpoints.fetch(endpoint.endpoint_sid);
    assert.deepEqual([remote.addresses[0]?.sip_username, remote.addresses[0]?.sip_password], ['per-address', addressCanary]);
    assert.equal(remote.out_sip_password, canary, 'the endpoint\'s own password is kept');

    const tree = await everythingInTree(await nodeOf(['sandbox']));
    assert.match(String((await nodeOf(['sandbox', 'Endpoints', 'Secure PBX'])).treeItem().tooltip), /`out_sip_password`: set/);
    assert.match(String((await nodeOf(['sandbox', 'Endpoints', 'Secure PBX', '192.0.2.44'])).treeItem().tooltip), / · `sip_password`: set/);
    for (const secret of [canary, addressCanary]) {
      assert.ok(!everythingShown(inputs).includes(secret), 'the password is in no message, prompt or log line');
      assert.ok(!tree.includes(secret), 'the password is in no tree label, description or tooltip');
    }
    assert.equal(h.workbench.clipboard, '', 'a typed password is not copied');

    input = h.answers([{ confirm: true, message: /Clear the SIP username and password of "192.0.2.44"/ }]);
    await clearEndpointSipPassword.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Secure PBX', '192.0.2.44']));
    input.assertDone();
    remote = await client.endpoints.fetch(endpoint.endpoint_sid);
    assert.deepEqual([remote.addresses[0]?.sip_username, remote.addresses[0]?.sip_password, remote.out_sip_password], [null, null, canary]);
    assert.match(String((await nodeOf(['sandbox', 'Endpoints', 'Secure PBX', '192.0.2.44'])).treeItem().tooltip), / · `sip_password`: not set/);
  });

  test('Set SIP Password… with Generate: copied to the clipboard once, with a notice, and nowhere else', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Gen PBX');
    const input = h.answers([{ input: 'gen-user' }, { pick: /Generate a strong password/ }]);
    await setEndpointSipPassword.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Gen PBX']));
    input.assertDone();
    const generated = h.workbench.clipboard;
    assert.ok(generated.length >= 20);
    assert.equal((await client.endpoints.fetch(endpoint.endpoint_sid)).out_sip_password, generated);
    assert.match(h.workbench.lastMessage() ?? '', /on the clipboard: set it on your SIP equipment/);
    assert.ok(!everythingShown([input]).includes(generated));
  });

  test('Set Endpoint… on a CarrierX trunk: None and every endpoint but the System Gateway, the current one marked; the trunk then shows it', async () => {
    const client = await carrierx();
    const target = await thirdPartyEndpoint('New target', [{ ip: 'edge.example.org' }]);
    const groups = await collect(client.trunkGroups.list({ withTrunks: true }));
    const { g, tr } = groups.flatMap((gr) => (gr.trunks ?? []).map((t) => ({ g: gr, tr: t }))).find(({ tr: t }) => t.endpoint_sid !== null)!;
    const trunkNode = await nodeOf(['sandbox', 'Trunk Groups', g.name!, tr.name!]);
    let input = h.answers([{ pick: 'New target' }]);
    await setTrunkEndpoint.run(h.context(), trunkNode);
    input.assertDone();
    const offered = input.asked[0]!.offered!;
    assert.equal(offered[0]?.label, 'None');
    assert.ok(!offered.some((o) => o.label === 'System Gateway'), 'CarrierX\'s own endpoint is not offered');
    assert.ok(offered.some((o) => o.picked && /current/.test(o.description ?? '')), 'the current endpoint is marked');
    assert.equal((await client.trunks.fetch(g.trunk_group_sid, tr.trunk_sid)).endpoint_sid, target.endpoint_sid);
    assert.ok(h.resourcesChanged.some((c) => c.kind === 'CarrierXTrunkGroup' && c.sid === g.trunk_group_sid), 'the group\'s files re-check');
    assert.deepEqual((await childItems(await nodeOf(['sandbox', 'Trunk Groups', g.name!, tr.name!]))).map((i) => i.label), ['New target']);

    input = h.answers([{ pick: g.name! }, { pick: tr.name! }, { pick: 'None' }]);
    await setTrunkEndpoint.run(h.context());
    input.assertDone();
    assert.equal((await client.trunks.fetch(g.trunk_group_sid, tr.trunk_sid)).endpoint_sid, null);
    assert.match(String((await childItems(await nodeOf(['sandbox', 'Trunk Groups', g.name!, tr.name!])))[0]?.label), /^No endpoint/);
  });

  test('an endpoint renamed, or given a capacity, in one place reloads the other place that shows it (the account’s Endpoints, the trunks that use it)', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Before');
    const { g, tr } = (await collect(client.trunkGroups.list({ withTrunks: true }))).flatMap((gr) => (gr.trunks ?? []).map((t) => ({ g: gr, tr: t })))[0]!;
    await client.trunks.update(g.trunk_group_sid, tr.trunk_sid, { endpoint_sid: endpoint.endpoint_sid });
    assert.deepEqual((await childItems(await nodeOf(['sandbox', 'Trunk Groups', g.name!, tr.name!]))).map((i) => i.label), ['Before'], 'shown below the trunk');
    const trunkGroups = await nodeOf(['sandbox', 'Trunk Groups']);
    h.changed.length = 0;
    h.answers([{ input: 'After' }]);
    await renameResource.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Before']));
    assert.ok(h.changed.some((n) => n?.id === trunkGroups.id), 'the view is told to reload the trunk groups, where the trunk shows its endpoint');
    assert.deepEqual((await childItems(await nodeOf(['sandbox', 'Trunk Groups', g.name!, tr.name!]))).map((i) => i.label), ['After']);
    h.answers([{ pick: 'capacity' }, { input: '-1', rejectedWith: /at least 0/ }, { input: '25' }]);
    const endpointsFolder = await nodeOf(['sandbox', 'Endpoints']);
    h.changed.length = 0;
    await editField.run(h.context(), await nodeOf(['sandbox', 'Trunk Groups', g.name!, tr.name!, 'After']));
    assert.ok(h.changed.some((n) => n?.id === endpointsFolder.id), 'changed below a trunk: the account\'s Endpoints reload too');
    assert.equal((await client.endpoints.fetch(endpoint.endpoint_sid)).capacity, 25);
    assert.match(String((await nodeOf(['sandbox', 'Endpoints', 'After'])).treeItem().tooltip), /`capacity`: 25/);
  });

  test('deleting an endpoint that trunks use names them; after confirmation they are left with no endpoint, then it is deleted', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Shared');
    const groups = await collect(client.trunkGroups.list({ withTrunks: true }));
    const users = groups.flatMap((g) => (g.trunks ?? []).map((tr) => ({ g, tr }))).slice(0, 2);
    for (const { g, tr } of users) await client.trunks.update(g.trunk_group_sid, tr.trunk_sid, { endpoint_sid: endpoint.endpoint_sid });
    const node = await nodeOf(['sandbox', 'Endpoints', 'Shared']);

    let input = h.answers([{ confirm: false }]);
    await deleteResource.run(h.context(), node);
    const detail = input.asked[0]?.detail ?? '';
    for (const { tr } of users) assert.ok(detail.includes(`"${tr.name}"`), `${detail} names ${tr.name}`);
    assert.ok(await client.endpoints.fetch(endpoint.endpoint_sid), 'declined: nothing changed');

    input = h.answers([{ confirm: true, detail: /left with no endpoint first/ }]);
    await deleteResource.run(h.context(), node);
    input.assertDone();
    await assert.rejects(client.endpoints.fetch(endpoint.endpoint_sid), /Cannot find|404/i);
    for (const { g, tr } of users) {
      assert.equal((await client.trunks.fetch(g.trunk_group_sid, tr.trunk_sid)).endpoint_sid, null);
      assert.ok(h.resourcesChanged.some((c) => c.kind === 'CarrierXTrunkGroup' && c.sid === g.trunk_group_sid));
    }
  });

  test('a delete that fails after the trunks were left with no endpoint says so, names them, and announces their groups', async () => {
    const client = await carrierx();
    const endpoint = await thirdPartyEndpoint('Doomed');
    const groups = await collect(client.trunkGroups.list({ withTrunks: true }));
    const { g, tr } = groups.flatMap((gr) => (gr.trunks ?? []).map((t) => ({ g: gr, tr: t })))[0]!;
    await client.trunks.update(g.trunk_group_sid, tr.trunk_sid, { endpoint_sid: endpoint.endpoint_sid });
    emulator.faults.add({ kind: 'server-error', status: 500, method: 'DELETE', path: `/core/v2/endpoints/${endpoint.endpoint_sid}`, times: 10 });
    h.answers([{ confirm: true }]);
    await assert.rejects(deleteResource.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Doomed'])), (e: Error) => {
      assert.match(e.message, /were left with no endpoint, but deleting "Doomed" failed/);
      assert.ok(e.message.includes(`"${tr.name}"`), e.message);
      return true;
    });
    assert.equal((await client.trunks.fetch(g.trunk_group_sid, tr.trunk_sid)).endpoint_sid, null);
    assert.ok(h.resourcesChanged.some((c) => c.kind === 'CarrierXTrunkGroup' && c.sid === g.trunk_group_sid), 'the group whose trunk changed is re-checked');
  });

  test('removing the last address warns that trunks then have nowhere to send calls', async () => {
    await thirdPartyEndpoint('Single', [{ ip: '192.0.2.9' }]);
    const input = h.answers([{ confirm: false, detail: /last address of "Single": trunks that use it then have nowhere to send calls/ }]);
    await deleteResource.run(h.context(), await nodeOf(['sandbox', 'Endpoints', 'Single', '192.0.2.9']));
    input.assertDone();
  });

  test('the System Gateway and its addresses are refused before any prompt, with what to do', async () => {
    const gateway = await nodeOf(['sandbox', 'Endpoints', 'System Gateway']);
    h.answers([]);
    await assert.rejects(addEndpointAddress.run(h.context(), gateway), /System Gateway: it cannot be changed\. Allow its addresses in your firewall/);
    await assert.rejects(setEndpointSipPassword.run(h.context(), gateway), /cannot be changed/);
    const [address] = await h.explorer.childrenOf(gateway);
    await assert.rejects(editEndpointAddress.run(h.context(), address), /cannot be changed/);
  });
});
