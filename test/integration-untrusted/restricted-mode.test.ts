import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { trunklineTesting } from '../integration/trunkline-testing';
import { waitFor } from '../integration/wait-for';

// A workspace nobody has trusted yet (Workspace Trust on, the folder untrusted): trunk files are
// still validated, completed and explained, accounts can be browsed; nothing the workspace's
// files say is pushed, pulled or exported, and nothing is deleted.

const suffix = Date.now().toString(36);
const created: vscode.Uri[] = [];

const TRUNK_FILE = [
  'apiVersion: trunkline/v1',
  'kind: TwilioTrunk',
  'account: sandbox',
  'spec:',
  '  friendly_name: Untrusted',
  `  domain_name: untrusted-${suffix}.pstn.twilio.com`,
  '  secure: maybe',
  '  baseUrl: https://attacker.example.com',
  '',
].join('\n');

/** Provider requests the sandbox emulator has answered so far (its own counters). */
async function sandboxRequests(): Promise<number> {
  const base = await (await trunklineTesting()).sandboxBaseUrl();
  const stats = (await (await fetch(`${base}/__emulator/stats`)).json()) as { total: number };
  return stats.total;
}

describe('Restricted Mode', function () {
  this.timeout(30_000);
  let document: vscode.TextDocument;

  before(async () => {
    await trunklineTesting();
    await vscode.commands.executeCommand('trunkline.trySandbox');
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `untrusted-${suffix}.trunk.yaml`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TRUNK_FILE));
    created.push(uri);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('runs in a workspace that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still validates trunk files: problems appear at their keys, a host in the file among them', async () => {
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).length >= 2, 'diagnostics on the untrusted trunk file');
    const messages = vscode.languages.getDiagnostics(document.uri).map((d) => `${d.range.start.line}: ${d.message}`);
    assert.ok(messages.some((m) => m.startsWith('6: ') && /secure/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('7: ') && /baseUrl/.test(m)), messages.join('\n'));
  });

  it('still completes and explains keys', async () => {
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(4, 2));
    assert.ok(completions.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'transfer_mode'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 4));
    assert.ok(hovers.length > 0, 'a hover on domain_name');
  });

  it('still browses accounts', async () => {
    const testing = await trunklineTesting();
    const [sandbox] = await testing.treeChildren();
    assert.ok(sandbox, 'the sandbox account is listed');
    const folders = await testing.treeChildren(sandbox);
    const trunks = await testing.treeChildren(folders[0]);
    assert.ok(trunks.length > 0, 'the sandbox trunks are listed');
  });

  for (const [command, args] of [
    ['trunkline.push', () => [document.uri.toString(), 0]],
    ['trunkline.pull', () => [document.uri.toString(), 0]],
    ['trunkline.pullAllFields', () => [document.uri.toString(), 0]],
    ['trunkline.pushAll', () => []],
    ['trunkline.export', () => []],
    ['trunkline.delete', () => []],
  ] as const) {
    it(`refuses ${command} with the Restricted Mode explanation, sending nothing`, async () => {
      const testing = await trunklineTesting();
      const before = await sandboxRequests();
      const errors = testing.commandErrors.length;
      const result = await vscode.commands.executeCommand(command, ...args());
      assert.equal(result, undefined);
      const shown = testing.commandErrors.slice(errors);
      assert.deepEqual(shown.map((e) => e.commandId), [command]);
      assert.match(shown[0]!.message, /unavailable in Restricted Mode: trust this workspace first \(Manage Workspace Trust\)\. Browsing and validation still work\./);
      assert.equal(await sandboxRequests(), before, 'no request reached the provider');
    });
  }
});
