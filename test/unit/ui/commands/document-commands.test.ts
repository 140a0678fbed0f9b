import assert from 'node:assert/strict';
import { collect } from '../../../../src/core/providers/page';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { diffDocument } from '../../../../src/ui/commands/diff-document';
import { exportToFiles } from '../../../../src/ui/commands/export-to-files';
import { newTrunkFile } from '../../../../src/ui/commands/new-trunk-file';
import { pullDocument } from '../../../../src/ui/commands/pull-document';
import { refreshDocumentStatus } from '../../../../src/ui/commands/refresh-document-status';
import { showDocumentStatus } from '../../../../src/ui/commands/show-document-status';
import { documentCommandHarness, type DocumentCommandHarness } from '../../../support/document-command-harness';
import { startSyncHarness, type SyncHarness } from '../../../support/sync-harness';

// Diff, Export, New Trunk File, Pull and the status commands as a user runs them: scripted
// prompts, files in a memory editor and workspace, the real clients against the emulator.

let sync: SyncHarness;
let h: DocumentCommandHarness;

before(async () => {
  sync = await startSyncHarness();
});
after(() => sync.close());
beforeEach(async () => {
  await sync.emu.reset();
  h = documentCommandHarness(sync);
});
afterEach(() => h.close());

/** A trunk at the provider and a file about it whose friendly_name differs. */
async function trunkAndFile(fileName: string, remoteName: string, localName: string) {
  const trunk = await sync.twilio.trunks.create({ friendly_name: remoteName, domain_name: `${fileName.split('.')[0]}.pstn.twilio.com`, secure: true });
  const uri = h.workspace.writeDisk(fileName, `# about the trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.sid}\nspec:\n  friendly_name: ${localName}\n  secure: true\n`);
  return { trunk, uri };
}

/** Lets the notification's `.then` (a button the user clicked) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Diff (command flow)', () => {
  test("opens the remote, written in the file's own form, beside the file, titled by the trunk's name", async () => {
    const { uri } = await trunkAndFile('main.trunk.yaml', 'Remote name', 'Local name');
    const result = (await diffDocument.run(h.context(), uri, 0)) as { left: string; right: string; title: string };
    assert.equal(result.title, 'Local name (remote) ↔ main.trunk.yaml');
    assert.deepEqual(h.workspace.diffs, [result]);
    assert.equal(result.right, uri, 'the right side is the file itself (editable)');
    assert.equal(h.workspace.readOnly.get(result.left), h.workspace.textOf(uri)!.replace('friendly_name: Local name', 'friendly_name: Remote name'), 'only the real difference, comments kept');
  });

  test('a document not created yet: the left side says so', async () => {
    const uri = h.workspace.writeDisk('new.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Brand new\n  domain_name: brand-new.pstn.twilio.com\n');
    const result = (await diffDocument.run(h.context(), uri, 0)) as { left: string; title: string };
    assert.equal(result.title, 'Brand new (remote) ↔ new.trunk.yaml');
    assert.equal(h.workspace.readOnly.get(result.left), '# Not created yet: Push creates it.\n');
  });
});

describe('Export (command flow)', () => {
  test('writes a file per trunk into the folder asked for, never over an existing file, and says what it left out', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const twice = await sync.twilio.trunks.create({ friendly_name: 'Twice', domain_name: 'twice.pstn.twilio.com' });
    const url = { friendly_name: 'pbx', sip_url: 'sip:pbx.example.com', priority: 10, weight: 10, enabled: true };
    await sync.twilio.originationUrls.create(twice.sid, url);
    await sync.twilio.originationUrls.create(twice.sid, { ...url, sip_url: 'sip:PBX.example.com' });
    const plain = await sync.twilio.trunks.create({ friendly_name: 'Plain', domain_name: 'plain.pstn.twilio.com' });
    const mine = h.workspace.writeDisk('trunks/plain.trunk.yaml', '# my own file\n');
    const [account] = await h.explorer.childrenOf(undefined);

    const input = h.answers([{ input: 'trunks', title: /Export to Trunk Files/ }]);
    const written = (await exportToFiles.run(h.context(), account)) as string[];
    input.assertDone();
    // The Sandbox's termination lists too (three of each), which trunks name.
    assert.deepEqual(
      written.filter((w) => !/\/(acl|credentials)-/.test(w)).sort(),
      ['file:///work/trunks/plain-2.trunk.yaml', 'file:///work/trunks/twice.trunk.yaml'],
    );
    assert.equal(written.length, 8);
    assert.equal(h.workspace.disk.get(mine), '# my own file\n', 'an existing file is never overwritten');
    assert.match(h.workspace.disk.get('file:///work/trunks/plain-2.trunk.yaml')!, new RegExp(`^# Exported by Trunkline from account "sandbox"\\.\\napiVersion: trunkline/v1\\nkind: TwilioTrunk\\naccount: sandbox\\nsid: ${plain.sid}\\n`));
    assert.doesNotMatch(h.workspace.disk.get('file:///work/trunks/twice.trunk.yaml')!, /origination_urls/);
    const shown = h.workbench.messages.at(-1)!;
    assert.equal(shown.level, 'warn');
    assert.match(shown.text, /^Exported 8 trunk file\(s\) to trunks, leaving out what a trunk file cannot represent: twice\.trunk\.yaml: origination_urls left out: the trunk has sip:PBX\.example\.com and sip:pbx\.example\.com/);
    assert.ok(h.syncState.get({ account: 'sandbox', kind: 'TwilioTrunk', sid: twice.sid }), 'an exported file starts in sync');
  });

  test('one trunk: its file is written and shown', async () => {
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    await sync.twilio.trunks.create({ friendly_name: 'Only', domain_name: 'only.pstn.twilio.com' });
    // Without the Sandbox's termination lists, the trunk is the account's only resource.
    for (const list of await collect(sync.twilio.credentialLists.list())) await sync.twilio.credentialLists.delete(list.sid);
    for (const list of await collect(sync.twilio.ipAccessControlLists.list())) await sync.twilio.ipAccessControlLists.delete(list.sid);
    const [account] = await h.explorer.childrenOf(undefined);
    h.answers([{ input: 'out/trunks' }]);
    const written = (await exportToFiles.run(h.context(), account)) as string[];
    assert.deepEqual(written, ['file:///work/out/trunks/only.trunk.yaml']);
    assert.deepEqual(h.workspace.shown, written);
    assert.equal(h.workbench.lastMessage(), 'Exported 1 trunk file(s) to out/trunks.');
  });
});

describe('New Trunk File (command flow)', () => {
  test('names the trunk and its domain after the file name, writes it and shows it', async () => {
    const input = h.answers([{ pick: 'Twilio Elastic SIP Trunk' }, { input: 'x.yaml', rejectedWith: /End the name in \.trunk\.yaml/ }, { input: 'acme-east.trunk.yaml' }]);
    const uri = (await newTrunkFile.run(h.context())) as string;
    input.assertDone();
    assert.equal(uri, 'file:///work/acme-east.trunk.yaml');
    assert.equal(
      h.workspace.disk.get(uri),
      'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Acme east\n  domain_name: acme-east.pstn.twilio.com\n  secure: true\n  transfer_mode: disable-all\n',
    );
    assert.deepEqual(h.workspace.shown, [uri]);
  });

  test('a name that exists is refused and the file kept', async () => {
    const existing = h.workspace.writeDisk('main.trunk.yaml', '# mine\n');
    h.answers([{ pick: 'CarrierX Trunk Group' }, { input: 'main.trunk.yaml' }]);
    await assert.rejects(newTrunkFile.run(h.context()), /main\.trunk\.yaml already exists; choose another name\./);
    assert.equal(h.workspace.disk.get(existing), '# mine\n');
  });

  test('no folder open: an untitled document with the default names', async () => {
    await h.close();
    h = documentCommandHarness(sync, { root: undefined });
    h.answers([{ pick: 'Twilio BYOC Trunk' }]);
    const uri = (await newTrunkFile.run(h.context())) as string;
    assert.match(uri, /^untitled:/);
    assert.match(h.workspace.textOf(uri)!, /^apiVersion: trunkline\/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: My carrier\n/);
  });
});

describe('Pull (command flow)', () => {
  test('asks first, writes the remote values into the editor (not saved), says what changed and re-checks the status', async () => {
    const { uri, trunk } = await trunkAndFile('main.trunk.yaml', 'Console name', 'File name');
    const input = h.answers([{ confirm: true, message: /^Pull into this document: take the remote value of 1 key: friendly_name\?$/ }]);
    const outcome = (await pullDocument.run(h.context(), uri, 0)) as { status: string; changed: string[] };
    input.assertDone();
    assert.equal(outcome.status, 'pulled');
    assert.deepEqual(outcome.changed, ['friendly_name']);
    assert.match(h.workspace.textOf(uri)!, /^# about the trunk\n.*friendly_name: Console name\n/s);
    assert.equal(h.workspace.openDocuments.get(uri)!.isDirty, true, 'Pull edits; the user saves');
    assert.equal(h.workbench.lastMessage(), 'Pulled 1 key: friendly_name.');
    assert.ok(h.syncState.get({ account: 'sandbox', kind: 'TwilioTrunk', sid: trunk.sid }));
    assert.deepEqual(h.files.refreshed, [uri]);
  });

  test('declined: the file is not touched', async () => {
    const { uri } = await trunkAndFile('main.trunk.yaml', 'Console name', 'File name');
    const before = h.workspace.textOf(uri);
    h.answers([{ confirm: false }]);
    assert.deepEqual(await pullDocument.run(h.context(), uri, 0), { status: 'cancelled' });
    assert.equal(h.workspace.textOf(uri), before);
    assert.equal(h.workspace.openDocuments.get(uri)!.version, 1);
  });
});

describe('document status commands', () => {
  test('Show Status: says what the status means and offers the next step, which runs the command for that document', async () => {
    const uri = h.workspace.writeDisk('new.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Brand new\n  domain_name: brand-new.pstn.twilio.com\n');
    h.workbench.clickNext = 'Diff';
    assert.equal(await showDocumentStatus.run(h.context(), uri, 0), 'not-created');
    await settle();
    assert.deepEqual(h.workbench.messages.at(-1)!.actions, ['Push', 'Diff']);
    assert.deepEqual(h.workbench.commands, [{ id: 'trunkline.diff', args: [uri, 0] }]);
  });

  test('the active editor: the document under the cursor', async () => {
    const { uri } = await trunkAndFile('main.trunk.yaml', 'Remote name', 'Local name');
    h.workspace.active = { document: await h.workspace.open(uri), cursor: 5 };
    assert.equal(await showDocumentStatus.run(h.context()), 'changes');
    h.workspace.active = undefined;
    await assert.rejects(showDocumentStatus.run(h.context()), /Open a trunk file \(\*\.trunk\.yaml\) and put the cursor in the document to use\./);
  });

  test('Refresh Status: re-checks every open trunk file', async () => {
    const a = h.workspace.writeDisk('a.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec: {}\n');
    const b = h.workspace.writeDisk('b.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec: {}\n');
    h.workspace.writeDisk('closed.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec: {}\n');
    await h.workspace.open(a);
    await h.workspace.open(b);
    assert.equal(await refreshDocumentStatus.run(h.context()), 2);
    assert.deepEqual(h.files.refreshed.sort(), [a, b]);
  });
});
