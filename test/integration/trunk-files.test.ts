import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { SANDBOX_CREDENTIALS } from '../../src/emulator/sandbox-credentials';
import { ScriptedUserInput } from '../support/scripted-user-input';
import { runCommand, runCommandExpectingError } from './run-command';
import { writeScratchTrunkFile } from './scratch-trunk-files';
import { trunklineExtension } from './trunkline-extension';
import { waitFor } from './wait-for';

// Trunk files as a user works with them: diagnostics while typing, lenses, Push, Diff, drift, Pull.

const suffix = Date.now().toString(36);
const workspace = () => vscode.workspace.workspaceFolders![0]!.uri;
const created: vscode.Uri[] = [];

const writeTrunkFile = (name: string, text: string): Promise<vscode.TextDocument> => writeScratchTrunkFile(created, `${name}-${suffix}.trunk.yaml`, text);

async function diagnosticsOf(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  await waitFor(() => vscode.languages.getDiagnostics(uri).length >= count, `${count} diagnostics on ${uri.path}`);
  return vscode.languages.getDiagnostics(uri);
}

async function sandboxGet(path: string): Promise<Record<string, unknown>> {
  const api = trunklineExtension().exports;
  const base = await api.testing!.sandboxBaseUrl();
  const auth = Buffer.from(`${SANDBOX_CREDENTIALS.accountSid}:${SANDBOX_CREDENTIALS.authToken}`).toString('base64');
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Basic ${auth}` } });
  return (await res.json()) as Record<string, unknown>;
}

async function sandboxPost(path: string, form: Record<string, string>): Promise<void> {
  const api = trunklineExtension().exports;
  const base = await api.testing!.sandboxBaseUrl();
  const auth = Buffer.from(`${SANDBOX_CREDENTIALS.accountSid}:${SANDBOX_CREDENTIALS.authToken}`).toString('base64');
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  assert.equal(res.status, 200, `POST ${path}`);
}

function script(steps: ConstructorParameters<typeof ScriptedUserInput>[0]): ScriptedUserInput {
  const input = new ScriptedUserInput(steps);
  trunklineExtension().exports.testing!.setUserInput(input);
  return input;
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

describe('Trunk files', function () {
  this.timeout(30_000);

  before(async () => {
    await trunklineExtension().activate();
    await vscode.commands.executeCommand('trunkline.trySandbox');
  });

  after(async () => {
    trunklineExtension().exports.testing!.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  it('opens *.trunk.yaml as Trunk YAML', async () => {
    const document = await writeTrunkFile('language', 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: x\n');
    assert.equal(document.languageId, 'trunk-yaml');
  });

  it('puts each problem at the exact range of the offending key or value', async () => {
    const document = await writeTrunkFile(
      'broken',
      [
        'apiVersion: trunkline/v1',
        'kind: TwilioTrunk',
        'account: sandbox',
        'spec:',
        '  friendly_name: Broken',
        '  domain_name: broken.example.com',
        '  transfer_mode: SIP-ONLY',
        '  secur: true',
        '  phone_numbers: ["415-555-0100"]',
        '',
      ].join('\n'),
    );
    const diagnostics = await diagnosticsOf(document.uri, 4);
    const at = (line: number) => diagnostics.filter((d) => d.range.start.line === line);
    assert.equal(at(5)[0]?.range.start.character, 15, 'domain_name value');
    assert.match(at(5)[0]!.message, /pstn\.twilio\.com/);
    assert.equal(at(6)[0]?.range.start.character, 17, 'transfer_mode value');
    assert.equal(at(7)[0]?.range.start.character, 2, 'the unknown key itself');
    assert.match(at(7)[0]!.message, /secure/, 'did you mean');
    assert.equal(at(8)[0]?.range.start.character, 18, 'the bad number inside the list');
    assert.ok(diagnostics.every((d) => d.source === 'trunkline'));
  });

  it('offers quick fixes: enum casing and the suggested key', async () => {
    // Its own file, so the test runs alone (--grep) as in the whole suite.
    const { uri } = await writeTrunkFile(
      'quick-fixes',
      ['apiVersion: trunkline/v1', 'kind: TwilioTrunk', 'account: sandbox', 'spec:', '  friendly_name: Fixable', '  domain_name: fixable.pstn.twilio.com', '  transfer_mode: SIP-ONLY', '  secur: true', ''].join('\n'),
    );
    // Diagnostics are republished when another trunk file changes (the workspace index): ask
    // for the fixes of the problem as it is published now, until its fixes are there.
    let actions: vscode.CodeAction[] = [];
    await waitFor(async () => {
      const enumProblem = vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === 6);
      actions = enumProblem ? ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, enumProblem.range)) ?? []) : [];
      return actions.some((a) => /sip-only/.test(a.title));
    }, 'a quick fix for the enum problem');
    const fix = actions.find((a) => /sip-only/.test(a.title));
    assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.lineAt(6).text, /transfer_mode: sip-only/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === 6), 'the enum problem to go away');
  });

  it('completes keys from the schema and hovers with the field documentation', async () => {
    const document = await writeTrunkFile('complete', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: C\n  \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(5, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('transfer_mode') && labels.includes('secure') && !labels.includes('friendly_name'), labels.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(4, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /64/);
  });

  it('shows Push and Diff lenses with a "not created" status for a new document', async () => {
    const document = await writeTrunkFile(
      'new',
      `# Our main trunk\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox # the local emulator\nspec:\n  friendly_name: IT ${suffix}\n  domain_name: it-${suffix}.pstn.twilio.com\n  secure: true\n`,
    );
    await waitFor(async () => (await lensTitles(document.uri)).some((t) => /not created/.test(t)), 'the status lens');
    const titles = await lensTitles(document.uri);
    assert.ok(titles.includes('Push') && titles.includes('Diff'), titles.join(' | '));
    assert.ok(!titles.includes('Pull'), 'no Pull before the resource exists');
  });

  it('Push shows the plan, creates the trunk and writes its sid back keeping the comments', async () => {
    const uri = created.find((u) => u.path.includes('/new-'))!;
    const input = script([{ confirm: true, message: /Push Twilio trunk/, detail: /Create Twilio trunk it-.*pstn\.twilio\.com/ }]);
    const result = (await vscode.commands.executeCommand('trunkline.push', uri.toString(), 0)) as { status: string; sid: string };
    input.assertDone();
    assert.equal(result.status, 'applied');
    assert.match(result.sid, /^TK[0-9a-f]{32}$/);
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    assert.match(text, new RegExp(`account: sandbox # the local emulator\\r?\\nsid: ${result.sid}`));
    assert.match(text, /^# Our main trunk/);
    assert.equal(document.isDirty, false, 'the file was saved with its sid');
    const remote = await sandboxGet(`/v1/Trunks/${result.sid}`);
    assert.equal(remote.domain_name, `it-${suffix}.pstn.twilio.com`);
    assert.equal(remote.secure, true);
    await waitFor(async () => (await lensTitles(uri)).some((t) => /in sync/.test(t)), 'the in-sync status');
  });

  it('Diff opens the remote state beside the file', async () => {
    const uri = created.find((u) => u.path.includes('/new-'))!;
    await vscode.commands.executeCommand('trunkline.diff', uri.toString(), 0);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff editor');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab!.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'trunkline-remote');
    assert.equal(input.modified.toString(), uri.toString());
    const remote = await vscode.workspace.openTextDocument(input.original);
    assert.match(remote.getText(), /domain_name: it-.*\.pstn\.twilio\.com/);
    // In sync right after the push: the remote side is written in the file's own form (its
    // comments, order, quoting), so the diff has nothing to highlight.
    const local = await vscode.workspace.openTextDocument(uri);
    assert.equal(remote.getText(), local.getText(), 'no difference but real ones');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab!.label, `IT ${suffix} (remote) ↔ ${uri.path.split('/').pop()}`, "the tab is titled by the trunk's name");
  });

  it('refuses to push over a remote change, then Pull takes it', async () => {
    const uri = created.find((u) => u.path.includes('/new-'))!;
    const document = await vscode.workspace.openTextDocument(uri);
    const sid = /sid: (TK\w+)/.exec(document.getText())![1]!;
    await sandboxPost(`/v1/Trunks/${sid}`, { FriendlyName: `Changed remotely ${suffix}` });
    const edit = new vscode.WorkspaceEdit();
    const line = document.getText().split('\n').findIndex((l) => l.includes('secure: true'));
    edit.replace(uri, document.lineAt(line).range, '  secure: false');
    await vscode.workspace.applyEdit(edit);
    await document.save();

    const input = script([{ ask: undefined, message: /changed at the provider since it was last pushed or pulled \(friendly_name\)/ }]);
    const result = (await vscode.commands.executeCommand('trunkline.push', uri.toString(), 0)) as { status: string };
    input.assertDone();
    assert.equal(result.status, 'cancelled');
    assert.equal((await sandboxGet(`/v1/Trunks/${sid}`)).secure, true, 'nothing was sent');

    script([{ confirm: true, message: /take the remote value of 2 keys: friendly_name, secure/ }]);
    const pull = (await vscode.commands.executeCommand('trunkline.pull', uri.toString(), 0)) as { status: string };
    assert.equal(pull.status, 'pulled');
    const pulled = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(pulled, new RegExp(`friendly_name: Changed remotely ${suffix}`));
    assert.match(pulled, /secure: true/);
    assert.match(pulled, /^# Our main trunk/, 'comments survive a pull');
    assert.doesNotMatch(pulled, /phone_numbers|origination_urls|transfer_mode|recording/, 'Pull adds no key the file did not manage');
  });

  it('Export writes a trunk file for an existing trunk that validates and is in sync', async () => {
    const testing = trunklineExtension().exports.testing!;
    const [sandbox] = (await testing.treeChildren()).filter((n) => testing.treeItem(n).label === 'sandbox');
    const [trunksFolder] = await testing.treeChildren(sandbox);
    const [trunk] = await testing.treeChildren(trunksFolder);
    const folder = `it-export-${suffix}`;
    created.push(vscode.Uri.joinPath(workspace(), folder));
    const input = script([{ input: folder }]);
    const written = (await vscode.commands.executeCommand('trunkline.export', trunk)) as string[];
    input.assertDone();
    assert.equal(written.length, 1);
    const uri = vscode.Uri.parse(written[0]!);
    assert.ok(uri.path.includes(`/${folder}/`) && uri.path.endsWith('.trunk.yaml'));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /^# Exported by Trunkline from account "sandbox"\.\napiVersion: trunkline\/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: TK/);
    await vscode.window.showTextDocument(document);
    await waitFor(async () => (await lensTitles(uri)).some((t) => /in sync/.test(t)), 'the exported document to be in sync');
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
  });

  it('New Trunk File names the trunk and its domain after the file', async () => {
    const fileName = `east-${suffix}.trunk.yaml`;
    const input = script([{ pick: 'Twilio Elastic SIP Trunk' }, { input: fileName }]);
    const uri = vscode.Uri.parse((await vscode.commands.executeCommand('trunkline.newTrunkFile')) as string);
    input.assertDone();
    created.push(uri);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, new RegExp(`friendly_name: "?East ${suffix}"?\\n`));
    assert.match(text, new RegExp(`domain_name: east-${suffix}\\.pstn\\.twilio\\.com\\n`));
  });

  it('a colleague\'s change made while the Push plan is on screen: nothing sent, the new plan is shown and asked again', async () => {
    const uri = created.find((u) => u.path.includes('/new-'))!;
    const document = await vscode.workspace.openTextDocument(uri);
    const sid = /sid: (TK\w+)/.exec(document.getText())![1]!;
    await waitFor(async () => (await lensTitles(uri)).some((t) => /in sync/.test(t)), 'the in-sync status');
    const edit = new vscode.WorkspaceEdit();
    const line = document.getText().split('\n').findIndex((l) => /^\s+friendly_name:/.test(l));
    edit.replace(uri, document.lineAt(line).range, `  friendly_name: Reviewed ${suffix}`);
    await vscode.workspace.applyEdit(edit);
    await document.save();

    const input = script([
      { confirm: true, message: /^Push Twilio trunk/, meanwhile: () => sandboxPost(`/v1/Trunks/${sid}`, { TransferMode: 'enable-all' }) },
      // planned again: the colleague's change is now a remote change the file would overwrite
      { ask: undefined, message: /changed at the provider while you were reviewing the plan; nothing was sent\..*changed at the provider since it was last pushed or pulled \(transfer_mode\)/ },
    ]);
    const result = await runCommand<{ status: string }>('trunkline.push', uri.toString(), 0);
    input.assertDone();
    assert.equal(result.status, 'cancelled');
    const remote = await sandboxGet(`/v1/Trunks/${sid}`);
    assert.equal(remote.transfer_mode, 'enable-all', "the colleague's change stands");
    assert.notEqual(remote.friendly_name, `Reviewed ${suffix}`, 'the confirmed plan was not sent over it');
  });

  it('a trunk file copied as a template: the shared sid is an error in both files and Push refuses', async () => {
    const original = created.find((u) => u.path.includes('/new-'))!;
    const text = (await vscode.workspace.openTextDocument(original)).getText();
    const copy = await writeTrunkFile('copy', text.replace(/friendly_name: .*/, 'friendly_name: A copy'));
    const [inCopy] = (await diagnosticsOf(copy.uri, 1)).filter((d) => d.code === 'duplicate-sid');
    assert.ok(inCopy, 'the copy has the error');
    assert.equal(copy.getText(inCopy.range), /sid: (TK\w+)/.exec(text)![1]);
    await waitFor(() => vscode.languages.getDiagnostics(original).some((d) => d.code === 'duplicate-sid'), 'the error in the original');
    script([]);
    const shown = await runCommandExpectingError('trunkline.push', copy.uri.toString(), 0);
    assert.match(shown, /one resource, one document/);
    await vscode.workspace.fs.delete(copy.uri);
    await waitFor(() => !vscode.languages.getDiagnostics(original).some((d) => d.code === 'duplicate-sid'), 'the error gone with the copy');
  });
});
