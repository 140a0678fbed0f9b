import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { trunklineExtension } from './trunkline-extension';

describe('Contributions', () => {
  it('reveals the Trunkline view container from the activity bar command', async () => {
    // VS Code registers workbench.view.extension.<container id> only for a contributed container;
    // an unknown id rejects with "command not found".
    await vscode.commands.executeCommand('workbench.view.extension.trunkline');
  });

  it('registers Trunkline: Show Log and runs it', async () => {
    await trunklineExtension().activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('trunkline.showLog'), 'trunkline.showLog is not registered');
    await vscode.commands.executeCommand('trunkline.showLog');
  });

  it('registers every command package.json declares', async () => {
    // A declared but unregistered command shows in the palette and fails with "command not found".
    const extension = trunklineExtension();
    await extension.activate();
    const declared = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !registered.has(id)), []);
  });
});

describe('Test workspace', () => {
  it('opens the fixture folder with its trunk files', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(path.basename(folders[0]!.uri.path), 'workspace');
    const trunkFiles = await vscode.workspace.findFiles('**/*.trunk.yaml');
    assert.ok(trunkFiles.length >= 2, `expected the sample trunk files, found ${trunkFiles.length}`);
  });

  it('opens a trunk file in an editor', async () => {
    const [file] = await vscode.workspace.findFiles('**/*.trunk.yaml', undefined, 1);
    assert.ok(file);
    const editor = await vscode.window.showTextDocument(file);
    assert.match(editor.document.getText(), /^apiVersion: trunkline\/v1$/m);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
