import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import { pushAll } from '../../../../src/ui/commands/push-all';
import { pushDocument } from '../../../../src/ui/commands/push-document';
import { documentCommandHarness, type DocumentCommandHarness } from '../../../support/document-command-harness';
import { startSyncHarness, type SyncHarness } from '../../../support/sync-harness';

// Push and Push All as a user runs them: scripted prompts, trunk files in a memory editor, the
// real clients against the emulator.

let sync: SyncHarness;
let h: DocumentCommandHarness;
let n = 0;

before(async () => {
  sync = await startSyncHarness();
});
after(() => sync.close());
beforeEach(async () => {
  await sync.emu.reset();
  h = documentCommandHarness(sync);
});
afterEach(() => h.close());

function newTrunkText(name: string): string {
  return `# ${name}, the main trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox # the emulator\nspec:\n  friendly_name: ${name}\n  domain_name: ${name.toLowerCase()}-${++n}.pstn.twilio.com\n  secure: true\n`;
}

async function remoteTrunks() {
  return collect(sync.twilio.trunks.list());
}

/** A trunk that exists and a file about it that Push has synced (so remote changes show as such). */
async function pushedTrunk(name: string): Promise<{ uri: string; sid: string }> {
  const uri = h.workspace.writeDisk(`${name.toLowerCase()}.trunk.yaml`, newTrunkText(name));
  h.answers([{ confirm: true }]);
  const result = (await pushDocument.run(h.context(), uri, 0)) as { status: string; sid: string };
  assert.equal(result.status, 'applied');
  return { uri, sid: result.sid };
}

/** Replaces the first `from` of an open document with `to`, as typing does. */
async function typeInto(uri: string, from: string, to: string): Promise<void> {
  const text = h.workspace.textOf(uri)!;
  const start = text.indexOf(from);
  assert.ok(start >= 0, `${from} in ${text}`);
  await h.workspace.type(uri, [{ start, end: start + from.length, newText: to }]);
}

describe('Push (command flow)', () => {
  test('confirmed: creates the trunk, writes its sid back under the comments and saves the file', async () => {
    const uri = h.workspace.writeDisk('main.trunk.yaml', newTrunkText('Main'));
    const input = h.answers([{ confirm: true, message: /^Push Twilio trunk "Main": 1 change\(s\)\?$/, detail: /Create Twilio trunk main-\d+\.pstn\.twilio\.com/ }]);
    const result = (await pushDocument.run(h.context(), uri, 0)) as { status: string; sid: string };
    input.assertDone();
    assert.equal(result.status, 'applied');
    assert.match(result.sid, /^TK[0-9a-f]{32}$/);
    const disk = h.workspace.disk.get(uri)!;
    assert.match(disk, new RegExp(`^# Main, the main trunk\\n.*account: sandbox # the emulator\\nsid: ${result.sid}\\nspec:`, 's'), 'the sid is saved, the comments kept');
    assert.equal(h.workspace.openDocuments.get(uri)!.isDirty, false);
    assert.deepEqual((await remoteTrunks()).map((t) => t.sid), [result.sid]);
    assert.deepEqual(h.resourcesChanged, [{ account: 'sandbox', kind: 'TwilioTrunk', sid: result.sid }]);
    assert.match(h.workbench.lastMessage()!, /^Twilio trunk "Main": /);
  });

  test('in sync: nothing asked, nothing sent, "in sync" said', async () => {
    const { uri } = await pushedTrunk('Synced');
    h.workbench.messages.length = 0;
    const input = h.answers([]);
    assert.deepEqual(await pushDocument.run(h.context(), uri, 0), { status: 'in-sync' });
    input.assertDone();
    assert.equal(h.workbench.lastMessage(), 'Twilio trunk "Synced" is in sync: nothing to push.');
  });

  test('cancelled at the confirmation: nothing is sent and the file is not touched', async () => {
    const uri = h.workspace.writeDisk('main.trunk.yaml', newTrunkText('Main'));
    const before = h.workspace.disk.get(uri);
    const input = h.answers([{ confirm: false, message: /^Push Twilio trunk "Main"/ }]);
    assert.deepEqual(await pushDocument.run(h.context(), uri, 0), { status: 'cancelled' });
    input.assertDone();
    assert.deepEqual(await remoteTrunks(), []);
    assert.equal(h.workspace.textOf(uri), before);
    assert.equal(h.workspace.openDocuments.get(uri)!.version, 1);
  });

  test('the file edited while the plan is on screen: the push is refused, nothing is sent and the edit is kept', async () => {
    const uri = h.workspace.writeDisk('main.trunk.yaml', newTrunkText('Main'));
    const input = h.answers([{ confirm: true, message: /^Push Twilio trunk "Main"/, meanwhile: () => typeInto(uri, 'secure: true', 'secure: false') }]);
    const result = (await pushDocument.run(h.context(), uri, 0)) as { status: string };
    input.assertDone();
    assert.equal(result.status, 'stopped');
    assert.deepEqual(await remoteTrunks(), [], 'the plan made from the old text was not sent');
    assert.match(h.workspace.textOf(uri)!, /secure: false\n/, 'the edit is kept');
    assert.doesNotMatch(h.workspace.textOf(uri)!, /sid:/);
    assert.equal(h.workbench.messages.at(-1)!.level, 'warn');
    assert.match(h.workbench.lastMessage()!, /the file changed after the plan was made\. Push again to finish\.$/);
  });

  test('the remote moved while the plan was on screen: nothing sent, the new plan is shown and asked again', async () => {
    const { uri, sid } = await pushedTrunk('Reviewed');
    await typeInto(uri, 'friendly_name: Reviewed', 'friendly_name: Reviewed twice');
    const input = h.answers([
      { confirm: true, message: /^Push Twilio trunk "Reviewed twice"/, meanwhile: async () => void (await sync.twilio.trunks.update(sid, { transfer_mode: 'enable-all' })) },
      {
        ask: 'Overwrite',
        message: /changed at the provider while you were reviewing the plan; nothing was sent\..*changed at the provider since it was last pushed or pulled \(transfer_mode\)/,
        then: async () => assert.equal((await sync.twilio.trunks.fetch(sid)).friendly_name, 'Reviewed', 'nothing was sent on the first confirmation'),
      },
      { confirm: true, message: /changed at the provider while you were reviewing the plan.*Push Twilio trunk "Reviewed twice"/, detail: /transfer_mode/ },
    ]);
    const result = (await pushDocument.run(h.context(), uri, 0)) as { status: string };
    input.assertDone();
    assert.equal(result.status, 'applied');
    const remote = await sync.twilio.trunks.fetch(sid);
    assert.equal(remote.friendly_name, 'Reviewed twice');
    assert.equal(remote.transfer_mode, 'enable-all', "the colleague's change to a key the file does not manage stands");
  });
});

describe('Push of a trunk that names termination lists not created yet (command flow)', () => {
  const PASSWORD = 'Typed-Canary-Passw0rd-88';
  const trunkText = "apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Edge\n  domain_name: edge-refs.pstn.twilio.com\n  ip_access_control_lists: [Edge office]\n  credential_lists: [Edge users]\n";
  const listsText =
    "apiVersion: trunkline/v1\nkind: TwilioIpAccessControlList\naccount: sandbox\nspec:\n  friendly_name: Edge office\n  ip_addresses:\n    - { friendly_name: pbx, ip_address: 192.0.2.44 }\n---\napiVersion: trunkline/v1\nkind: TwilioCredentialList\naccount: sandbox\nspec:\n  friendly_name: Edge users\n  credentials:\n    - username: edge-pbx\n";

  test('one plan creates the lists first, asks the password, then links both; sids written into both files', async () => {
    const trunkUri = h.workspace.writeDisk('edge.trunk.yaml', trunkText);
    const listsUri = h.workspace.writeDisk('lists.trunk.yaml', listsText);
    const input = h.answers([
      {
        confirm: true,
        message: /^Push Twilio trunk "Edge" and 2 document\(s\) it names that are not created yet: 7 change\(s\)\?$/,
        detail: /Create IP access control list "Edge office"[\s\S]*Create credential list "Edge users"[\s\S]*Link IP access control list "Edge office", created by this push[\s\S]*Link credential list "Edge users", created by this push/,
      },
      { pick: 'Type a password…' },
      { input: PASSWORD },
    ]);
    const result = (await pushDocument.run(h.context(), trunkUri, 0)) as { status: string };
    input.assertDone();
    assert.equal(result.status, 'applied');
    const sid = /^sid: (TK[0-9a-f]{32})$/m.exec(h.workspace.disk.get(trunkUri)!)?.[1];
    assert.ok(sid, h.workspace.disk.get(trunkUri));
    assert.deepEqual([...((await sync.twilio.trunks.fetch(sid).then((t) => t.auth_type_set)) ?? [])].sort(), ['CREDENTIAL_LIST', 'IP_ACL']);
    assert.equal(h.workspace.disk.get(listsUri)!.match(/^sid: (AL|CL)[0-9a-f]{32}$/gm)?.length, 2);
    for (const text of h.workspace.disk.values()) assert.ok(!text.includes(PASSWORD));
  });

  test('a list file with a password key: Push refuses before planning, saying passwords never go in files', async () => {
    const uri = h.workspace.writeDisk('bad.trunk.yaml', "apiVersion: trunkline/v1\nkind: TwilioCredentialList\naccount: sandbox\nspec:\n  friendly_name: Leaky\n  credentials:\n    - { username: a, password: Secret-123456 }\n");
    h.answers([]);
    await assert.rejects(pushDocument.run(h.context(), uri, 0), /password: passwords never go in trunk files/);
    assert.deepEqual(await sync.twilio.credentialLists.findByFriendlyName('Leaky'), []);
  });
});

describe('Push All (command flow)', () => {
  test('valid and invalid files: one confirmation for the valid ones, sids written back, the invalid file untouched', async () => {
    const a = h.workspace.writeDisk('trunks/a.trunk.yaml', newTrunkText('Alpha'));
    const b = h.workspace.writeDisk('trunks/b.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Broken\n  secure: maybe\n');
    const c = h.workspace.writeDisk('trunks/c.trunk.yaml', newTrunkText('Gamma'));
    const input = h.answers([
      { confirm: true, message: /^Push All: 2 to create or change \(2 operations\), 0 in sync, 1 not planned \(1 files have problems\)\.$/, detail: /Create Twilio trunk alpha-.*Create Twilio trunk gamma-/s },
    ]);
    const result = (await pushAll.run(h.context())) as { counts: { created: number; failed: number } };
    input.assertDone();
    assert.equal(result.counts.created, 2);
    assert.equal(result.counts.failed, 1, 'the invalid document counts as not pushed');
    const trunks = await remoteTrunks();
    assert.deepEqual(trunks.map((t) => t.friendly_name).sort(), ['Alpha', 'Gamma']);
    for (const [uri, name] of [[a, 'Alpha'], [c, 'Gamma']] as const) {
      const sid = trunks.find((t) => t.friendly_name === name)!.sid;
      assert.match(h.workspace.disk.get(uri)!, new RegExp(`account: sandbox # the emulator\\nsid: ${sid}\\n`), `${name}'s sid saved into its file`);
    }
    assert.doesNotMatch(h.workspace.textOf(b)!, /sid:/);
    assert.equal(h.workbench.messages.at(-1)!.level, 'warn');
    assert.match(h.workbench.lastMessage()!, /2 created, 1 failed/);
    assert.ok(h.sink.lines.some((l) => /failed: .*Not planned/.test(l)), 'the log says why the invalid one was not pushed');
  });

  test('two new documents in one file: both sids are written back into their own documents, the file saved once done', async () => {
    const uri = h.workspace.writeDisk('pair.trunk.yaml', `${newTrunkText('Left')}---\n${newTrunkText('Right')}`);
    h.answers([{ confirm: true, message: /^Push All: 2 to create or change/ }]);
    const result = (await pushAll.run(h.context())) as { counts: { created: number } };
    assert.equal(result.counts.created, 2);
    const trunks = await remoteTrunks();
    const [left, right] = h.workspace.disk.get(uri)!.split('---\n');
    assert.match(left!, new RegExp(`sid: ${trunks.find((t) => t.friendly_name === 'Left')!.sid}\n`));
    assert.match(right!, new RegExp(`sid: ${trunks.find((t) => t.friendly_name === 'Right')!.sid}\n`));
    assert.equal(h.workspace.openDocuments.get(uri)!.isDirty, false);
  });

  test('a document that fails at the provider: the others are applied, the failure is reported with "Show log"', async () => {
    const { uri: failing, sid } = await pushedTrunk('Failing');
    await typeInto(failing, 'friendly_name: Failing', 'friendly_name: Failing again');
    await h.workspace.save((await h.workspace.open(failing)));
    h.workspace.writeDisk('fine.trunk.yaml', newTrunkText('Fine'));
    sync.emu.faults.add({ kind: 'server-error', status: 503, method: 'POST', path: `/v1/Trunks/${sid}`, times: 20 });
    const input = h.answers([{ confirm: true, message: /^Push All: 2 to create or change/ }]);
    const result = (await pushAll.run(h.context())) as { counts: { created: number; updated: number; failed: number } };
    input.assertDone();
    assert.equal(result.counts.created, 1);
    assert.equal(result.counts.failed, 1);
    assert.deepEqual((await remoteTrunks()).map((t) => t.friendly_name).sort(), ['Failing', 'Fine']);
    const shown = h.workbench.messages.at(-1)!;
    assert.equal(shown.level, 'warn');
    assert.match(shown.text, /1 created.*1 failed/);
    assert.deepEqual(shown.actions, ['Show log']);
    assert.ok(h.sink.lines.some((l) => /failed: Twilio trunk "Failing again"/.test(l)), 'the failure is in the log');
  });
});
