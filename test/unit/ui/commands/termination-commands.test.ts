import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import type { SipCredentialList, SipIpAccessControlList } from '../../../../src/core/providers/twilio/models';
import { sipPasswordProblems } from '../../../../src/core/providers/twilio/sip-auth-rules';
import { addCredential } from '../../../../src/ui/commands/add-credential';
import { addIpAddress } from '../../../../src/ui/commands/add-ip-address';
import { createCredentialList } from '../../../../src/ui/commands/create-credential-list';
import { createIpAccessControlList } from '../../../../src/ui/commands/create-ip-access-control-list';
import { deleteResource } from '../../../../src/ui/commands/delete-resource';
import { linkAuthLists } from '../../../../src/ui/commands/link-auth-lists';
import { renameResource } from '../../../../src/ui/commands/rename-resource';
import { setCredentialPassword } from '../../../../src/ui/commands/set-credential-password';
import { unlinkAuthList } from '../../../../src/ui/commands/unlink-auth-list';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 2, numbers: 2, byocTrunks: 0, trunkGroups: 0 } });
});
after(() => emulator.close());
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
});

async function twilio() {
  return h.connections.twilio(h.accounts.list()[0]!);
}

const nodeOf = (path: (string | RegExp)[]): Promise<ExplorerNode> => h.nodeAt(path);

/** Everything a user or a log reader could see: notifications, progress titles, prompts, the log. */
function everythingShown(input: { asked: unknown[] }): string {
  return JSON.stringify([h.workbench.messages, h.workbench.progressTitles, input.asked, h.sink.lines]);
}

describe('termination commands', () => {
  test('create an IP access control list from the palette, add a CIDR block checked as it is typed, rename it', async () => {
    let input = h.answers([{ input: 'HQ PBX' }]);
    const list = (await createIpAccessControlList.run(h.context())) as SipIpAccessControlList;
    input.assertDone();
    input = h.answers([{ input: 'HQ PBX', rejectedWith: /already has a list named "HQ PBX"/ }, { cancel: 'input' }]);
    await assert.rejects(createIpAccessControlList.run(h.context()), /Cancelled/);
    assert.equal((await (await twilio()).ipAccessControlLists.findByFriendlyName('HQ PBX')).length, 1, 'no duplicate list');

    input = h.answers([
      { pick: 'HQ PBX' },
      { input: 'pbx.example.com', rejectedWith: /IPv4 address/ },
      { input: '203.0.113.0/33', rejectedWith: /from 1 to 32/ },
      { input: '2001:db8::1', rejectedWith: /IPv4 address/ },
      { input: '203.0.113.0/24' },
      { input: 'office' },
    ]);
    await addIpAddress.run(h.context());
    input.assertDone();
    const addresses = await collect((await twilio()).ipAddresses.list(list.sid));
    assert.deepEqual(addresses.map((a) => [a.friendly_name, a.ip_address, a.cidr_prefix_length]), [['office', '203.0.113.0', 24]]);
    const hq = await nodeOf(['sandbox', 'IP Access Control Lists', 'HQ PBX']);
    assert.deepEqual((await h.explorer.childrenOf(hq)).map((n) => n.treeItem().label), ['203.0.113.0/24']);

    h.answers([{ input: 'HQ PBX (Paris)' }]);
    await renameResource.run(h.context(), hq);
    assert.equal((await (await twilio()).ipAccessControlLists.fetch(list.sid)).friendly_name, 'HQ PBX (Paris)');
  });

  test('add a credential: the password is checked against Twilio\'s rules as it is typed and appears nowhere but the request', async () => {
    h.answers([{ input: 'Branch phones' }]);
    const list = (await createCredentialList.run(h.context())) as SipCredentialList;
    const canary = 'Canary7Secret-xyzzy';
    const input = h.answers([
      { input: 'branch-7' },
      { pick: /Type a password/ },
      { input: 'short1A', rejectedWith: /at least 12 characters/ },
      { input: 'alllowercase-12', rejectedWith: /an upper-case letter/ },
      { input: 'NoDigitsHere-abc', rejectedWith: /a digit/ },
      { input: canary },
    ]);
    await addCredential.run(h.context(), await nodeOf(['sandbox', 'Credential Lists', 'Branch phones']));
    input.assertDone();
    const [credential] = await collect((await twilio()).credentials.list(list.sid));
    assert.equal(credential?.username, 'branch-7');
    const passwordBox = input.asked.find((a) => /Password for "branch-7"/.test(a.title) && a.kind === 'input');
    assert.equal(passwordBox?.password, true, 'the password is typed in a masked box');
    assert.equal(h.workbench.clipboard, '', 'a typed password is not copied');
    assert.ok(!everythingShown(input).includes(canary), 'the password is in no message, prompt or log line');
    assert.ok(!JSON.stringify(credential).includes(canary));

    // A second credential of the same username is refused before any password is asked.
    const again = h.answers([{ pick: 'Branch phones' }, { input: 'branch-7', rejectedWith: /already in this list/ }, { cancel: 'input' }]);
    await assert.rejects(addCredential.run(h.context()), /Cancelled/);
    again.assertDone();
  });

  test('Set Credential Password… with Generate: a strong password, copied to the clipboard once, with a notice; never in a message', async () => {
    const client = await twilio();
    const list = await client.credentialLists.create('Desk phones');
    await client.credentials.create(list.sid, { username: 'desk-1', password: 'Initial-Pass-123' });
    const input = h.answers([{ pick: 'Desk phones' }, { pick: 'desk-1' }, { pick: /Generate a strong password/ }]);
    await setCredentialPassword.run(h.context());
    input.assertDone();
    const generated = h.workbench.clipboard;
    assert.ok(generated.length >= 20, 'a long password');
    assert.deepEqual(sipPasswordProblems(generated), [], 'it meets Twilio\'s rules');
    assert.match(h.workbench.lastMessage() ?? '', /on the clipboard: paste it into your PBX/);
    assert.ok(!everythingShown(input).includes(generated), 'the password is in no message, prompt or log line');
    // Twilio took it: the emulator accepts the generated password as the credential's (it stores a hash).
    h.answers([{ pick: 'Desk phones' }, { pick: 'desk-1' }, { pick: /Generate/ }]);
    await setCredentialPassword.run(h.context());
    assert.notEqual(h.workbench.clipboard, generated, 'each Generate is a new password');
  });

  test('link both kinds to a trunk in one multi-select; they show under its Termination; unlink from the node', async () => {
    const client = await twilio();
    const acl = await client.ipAccessControlLists.create('Edge SBC');
    const cl = await client.credentialLists.create('Softphones');
    const trunk = (await client.trunks.page({ pageSize: 1 })).items[0]!;
    const input = h.answers([{ pick: trunk.friendly_name ?? trunk.sid }, { pickMany: ['Edge SBC', 'Softphones'] }]);
    await linkAuthLists.run(h.context());
    input.assertDone();
    const remote = await client.trunks.fetch(trunk.sid);
    assert.ok(remote.auth_type_set?.includes('IP_ACL') && remote.auth_type_set?.includes('CREDENTIAL_LIST'), `auth_type ${remote.auth_type}`);
    const termination = await nodeOf(['sandbox', 'Elastic SIP Trunks', trunk.friendly_name ?? trunk.sid, 'Termination']);
    const linked = (await h.explorer.childrenOf(termination)).map((n) => n.treeItem().label);
    assert.ok(linked.includes('Edge SBC') && linked.includes('Softphones'), linked.join(', '));

    const edge = (await h.explorer.childrenOf(termination)).find((n) => n.treeItem().label === 'Edge SBC')!;
    h.answers([{ confirm: true, message: /Unlink "Edge SBC" from/ }]);
    await unlinkAuthList.run(h.context(), edge);
    assert.ok(!(await collect(client.trunkIpAccessControlLists.list(trunk.sid))).some((l) => l.sid === acl.sid));
    assert.ok((await client.ipAccessControlLists.fetch(acl.sid)).sid, 'the list stays in the account');
    assert.ok((await collect(client.trunkCredentialLists.list(trunk.sid))).some((l) => l.sid === cl.sid));
  });

  test('after Link and Unlink the trunk shown in the explorer says its new auth_type (the row is not the old listing)', async () => {
    const client = await twilio();
    await client.ipAccessControlLists.create('Edge SBC');
    const trunk = (await client.trunks.page({ pageSize: 1 })).items[0]!;
    const label = trunk.friendly_name ?? trunk.sid;
    const authTypeShown = async () => {
      const termination = await nodeOf(['sandbox', 'Elastic SIP Trunks', label, 'Termination']);
      return String(termination.treeItem().tooltip).replaceAll('\\_', '_');
    };
    assert.doesNotMatch(await authTypeShown(), /IP_ACL/, 'nothing linked yet');
    h.answers([{ pick: label }, { pickMany: ['Edge SBC'] }]);
    await linkAuthLists.run(h.context());
    assert.match(await authTypeShown(), /IP_ACL/);

    const edge = (await h.explorer.childrenOf(await nodeOf(['sandbox', 'Elastic SIP Trunks', label, 'Termination']))).find((n) => n.treeItem().label === 'Edge SBC')!;
    h.answers([{ confirm: true, message: /Unlink "Edge SBC" from/ }]);
    await unlinkAuthList.run(h.context(), edge);
    assert.doesNotMatch(await authTypeShown(), /IP_ACL/);
  });

  test('deleting a list that trunks use names them, and after confirmation unlinks them, then deletes', async () => {
    const client = await twilio();
    const acl = await client.ipAccessControlLists.create('Shared ACL');
    const trunks = (await client.trunks.page({ pageSize: 2 })).items;
    for (const tr of trunks) await client.trunkIpAccessControlLists.add(tr.sid, acl.sid);
    const node = await nodeOf(['sandbox', 'IP Access Control Lists', 'Shared ACL']);

    let input = h.answers([{ confirm: false }]);
    await deleteResource.run(h.context(), node);
    const detail = (input.asked[0] as { detail?: string }).detail ?? '';
    for (const tr of trunks) assert.ok(detail.includes(`"${tr.friendly_name ?? tr.sid}"`), `${detail} names ${tr.friendly_name}`);
    assert.ok(await client.ipAccessControlLists.fetch(acl.sid), 'declined: nothing changed');
    assert.equal((await collect(client.trunkIpAccessControlLists.list(trunks[0]!.sid))).length > 0, true);

    input = h.answers([{ confirm: true, detail: /unlinked from it first/ }]);
    await deleteResource.run(h.context(), node);
    input.assertDone();
    await assert.rejects(client.ipAccessControlLists.fetch(acl.sid), /not found|20404/i);
    for (const tr of trunks) assert.ok(!(await collect(client.trunkIpAccessControlLists.list(tr.sid))).some((l) => l.sid === acl.sid));
  });
});
