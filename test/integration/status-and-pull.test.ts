import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { ACCOUNT_PATH, sandboxTwilio } from './sandbox-api';
import { expectNoPrompts, restorePrompts, scriptPrompts } from './scripted-prompts';
import { writeScratchTrunkFile } from './scratch-trunk-files';
import { trunklineExtension } from './trunkline-extension';
import { waitFor } from './wait-for';

// The lens tells the truth without a manual refresh, and Pull changes only what a file manages.

const suffix = `${Date.now().toString(36)}s`;
const created: vscode.Uri[] = [];

const writeTrunkFile = (name: string, text: string): Promise<vscode.TextDocument> => writeScratchTrunkFile(created, `${name}-${suffix}.trunk.yaml`, text);

async function statusLens(uri: vscode.Uri): Promise<string> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses[0]?.command?.title ?? '';
}

async function newTrunk(name: string): Promise<string> {
  const res = await sandboxTwilio<{ sid: string }>('POST', '/v1/Trunks', { FriendlyName: name, DomainName: `${name}.pstn.twilio.com` });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.sid;
}

describe('Document status and Pull', function () {
  this.timeout(30_000);

  before(async () => {
    await trunklineExtension().activate();
    await vscode.commands.executeCommand('trunkline.trySandbox');
  });

  after(async () => {
    await restorePrompts();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  it('Set Recording from the tree: the lens of a file about that trunk stops saying "in sync" at once', async () => {
    const name = `lens-${suffix}`;
    const sid = await newTrunk(name);
    const document = await writeTrunkFile(
      'lens',
      `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${sid}\nspec:\n  friendly_name: ${name}\n  recording: { mode: do-not-record }\n`,
    );
    await waitFor(async () => /in sync/.test(await statusLens(document.uri)), 'the in-sync status');

    // The trunk was made behind the explorer's back (as in the console): Refresh, as a user would,
    // for when an earlier suite loaded the trunks folder already.
    await runCommand('trunkline.refresh');
    const trunkNode = await nodeAt(['sandbox', 'Elastic SIP Trunks', name]);
    const input = await scriptPrompts([{ pick: 'record-from-answer' }, { pick: 'trim-silence' }]);
    const started = Date.now();
    await runCommand('trunkline.setRecording', trunkNode);
    input.assertDone();
    await expectNoPrompts();

    // No Refresh: the change Trunkline made reaches the lens by itself, well before any interval.
    await waitFor(async () => /remote changed|\d+ changes?/.test(await statusLens(document.uri)), 'the lens to show the remote change', 8_000);
    assert.match(await statusLens(document.uri), /remote changed/);
    console.log(`status-and-pull: the lens showed the change ${Date.now() - started} ms after Set Recording started`);
  });

  it('Pull takes only the keys the file has: no phone_numbers for a trunk with a number attached in the console', async () => {
    const name = `pull-${suffix}`;
    const sid = await newTrunk(name);
    const free = await freeNumberSid();
    assert.equal((await sandboxTwilio('POST', `/v1/Trunks/${sid}/PhoneNumbers`, { PhoneNumberSid: free })).status, 201);
    assert.equal((await sandboxTwilio('POST', `/v1/Trunks/${sid}`, { Secure: 'true' })).status, 200);

    const document = await writeTrunkFile('pull', `# Main trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${sid}\nspec:\n  friendly_name: ${name}  # shown in the console\n  secure: false\n`);
    const input = await scriptPrompts([{ confirm: true, message: /take the remote value of 1 key: secure/ }]);
    const outcome = await runCommand<{ status: string; changed: string[] }>('trunkline.pull', document.uri.toString(), 0);
    input.assertDone();
    await expectNoPrompts();
    assert.deepEqual([outcome.status, outcome.changed], ['pulled', ['secure']]);
    assert.equal(
      document.getText(),
      `# Main trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${sid}\nspec:\n  friendly_name: ${name}  # shown in the console\n  secure: true\n`,
    );
    await waitFor(async () => /in sync/.test(await statusLens(document.uri)), 'in sync after the pull');

    const all = await scriptPrompts([{ confirm: true, message: /add \d+ keys: .*phone_numbers/ }]);
    await runCommand('trunkline.pullAllFields', document.uri.toString(), 0);
    all.assertDone();
    await expectNoPrompts();
    assert.match(document.getText(), /phone_numbers:\n {4}- "\+1\d{10}"\n/);
    assert.match(document.getText(), /friendly_name: .* {2}# shown in the console/);
    await document.save();
  });
});

async function freeNumberSid(): Promise<string> {
  const list = await sandboxTwilio<{ incoming_phone_numbers: { sid: string; trunk_sid: string | null }[] }>('GET', `${ACCOUNT_PATH}/IncomingPhoneNumbers.json?PageSize=1000`);
  const free = list.body.incoming_phone_numbers.find((n) => !n.trunk_sid);
  assert.ok(free, 'the sandbox has a number on no trunk');
  return free.sid;
}
