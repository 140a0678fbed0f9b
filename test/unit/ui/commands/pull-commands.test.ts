import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { documentStatuses } from '../../../../src/core/documents/sync/document-status';
import { parseTrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import { MemorySyncStateStore } from '../../../../src/core/documents/sync/sync-state';
import { applyTextEdits, type TextEdit } from '../../../../src/core/documents/edit/text-edit';
import { pullRemoteValues, type PullTarget } from '../../../../src/ui/documents/pull-remote-values';
import { RecordingWorkbench } from '../../../support/recording-workbench';
import { ScriptedUserInput, type ScriptedAnswer } from '../../../support/scripted-user-input';
import { startSyncHarness, type SyncHarness } from '../../../support/sync-harness';

const URI = 'file:///work/main.trunk.yaml';

/** A trunk file in memory, edited the way the editor edits it (a version per change). */
class MemoryTrunkFile {
  version = 1;
  constructor(public text: string) {}
  target(index = 0): PullTarget {
    const document = parseTrunkFile(this.text).documents.find((d) => d.index === index)!;
    return {
      document,
      text: () => this.text,
      version: () => this.version,
      applyEdits: async (edits: readonly TextEdit[]) => {
        this.text = applyTextEdits(this.text, edits);
        this.version++;
      },
    };
  }
}

let h: SyncHarness;
let syncState: MemorySyncStateStore;
let workbench: RecordingWorkbench;

function services(steps: ScriptedAnswer[]) {
  const input = new ScriptedUserInput(steps);
  return { input, services: { input, workbench, clients: h.clients, syncState } };
}

before(async () => {
  h = await startSyncHarness();
});
after(() => h.close());
beforeEach(() => {
  syncState = new MemorySyncStateStore();
  workbench = new RecordingWorkbench();
});

async function trunkWithConsoleNumber() {
  const trunk = await h.twilio.trunks.create({ friendly_name: 'Console name', domain_name: `pull-${Date.now().toString(36)}.pstn.twilio.com`, secure: true });
  const [pn] = await h.buyNumbers(`+1415555${String(Date.now() % 10_000).padStart(4, '0')}`);
  await h.twilio.trunkPhoneNumbers.attach(trunk.sid, pn!);
  return trunk;
}

describe('Pull and Pull All Fields (command flow)', () => {
  test('Pull changes only the keys the file has, keeps the comments, says what it changed, and the file is then in sync', async () => {
    const trunk = await trunkWithConsoleNumber();
    const file = new MemoryTrunkFile(
      `# Main trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.sid}\nspec:\n  friendly_name: File name  # shown in the console\n  secure: false\n`,
    );
    const { input, services: s } = services([{ confirm: true, message: /take the remote value of 2 keys: friendly_name, secure/, detail: /nothing is added/ }]);
    const outcome = await pullRemoteValues(s, file.target(), 'managed');
    input.assertDone();
    assert.equal(outcome.status, 'pulled');
    assert.equal(file.text, `# Main trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.sid}\nspec:\n  friendly_name: Console name  # shown in the console\n  secure: true\n`);
    assert.doesNotMatch(file.text, /phone_numbers/, 'the number attached in the console stays unmanaged');
    assert.equal(workbench.lastMessage(), 'Pulled 2 keys: friendly_name, secure.');

    const [status] = await documentStatuses([{ uri: URI, document: file.target().document }], h.clients, { syncState });
    assert.equal(status!.label, 'in sync');
    assert.ok(syncState.get({ account: 'sandbox', kind: 'TwilioTrunk', sid: trunk.sid }), 'the remote is remembered as synced');
  });

  test('a document that already matches: no question, "already matches the remote"', async () => {
    const trunk = await trunkWithConsoleNumber();
    const file = new MemoryTrunkFile(`apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.sid}\nspec:\n  friendly_name: Console name\n`);
    const { input, services: s } = services([]);
    const outcome = await pullRemoteValues(s, file.target(), 'managed');
    input.assertDone();
    assert.equal(outcome.status, 'unchanged');
    assert.equal(workbench.lastMessage(), 'This document already matches the remote.');
    assert.equal(file.version, 1, 'the file was not touched');
  });

  test('Pull All Fields adds the rest, phone_numbers included, and says what it added', async () => {
    const trunk = await trunkWithConsoleNumber();
    const file = new MemoryTrunkFile(`apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.sid}\nspec:\n  friendly_name: Console name\n`);
    const { input, services: s } = services([{ confirm: true, message: /^Pull into this document: add \d+ keys: .*phone_numbers/, detail: /phone_numbers lists exactly/ }]);
    const outcome = await pullRemoteValues(s, file.target(), 'all-fields');
    input.assertDone();
    assert.equal(outcome.status, 'pulled');
    assert.match(file.text, /phone_numbers:\n {4}- "\+1415555\d{4}"\n/);
    assert.match(workbench.lastMessage() ?? '', /^Added \d+ keys: domain_name, .*phone_numbers, ip_access_control_lists, credential_lists\.$/);
  });

  test('declining writes nothing and remembers nothing', async () => {
    const trunk = await trunkWithConsoleNumber();
    const file = new MemoryTrunkFile(`apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.sid}\nspec:\n  secure: false\n`);
    const before = file.text;
    const { services: s } = services([{ confirm: false, message: /secure/ }]);
    assert.deepEqual(await pullRemoteValues(s, file.target(), 'managed'), { status: 'cancelled' });
    assert.equal(file.text, before);
    assert.equal(syncState.get({ account: 'sandbox', kind: 'TwilioTrunk', sid: trunk.sid }), undefined);
  });
});
