import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, trunklineExtension } from './trunkline-extension';
import { waitFor } from './wait-for';

describe('Extension activation', () => {
  it('is loaded as a development extension', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.packageJSON.displayName, 'Trunkline');
  });

  it('activates by itself when the workspace holds trunk files', async () => {
    const extension = trunklineExtension();
    await waitFor(() => extension.isActive, 'activation on workspaceContains:**/*.trunk.yaml');
  });

  it('returns its API, with the version from package.json', async () => {
    const extension = trunklineExtension();
    const api = await extension.activate();
    assert.equal(api.version, extension.packageJSON.version);
  });

  it('runs in the extension host the driver started', () => {
    // The code-server driver runs the remote (server-side Node) extension host, as users of
    // Remote-SSH, WSL or Codespaces get; @vscode/test-electron runs the local desktop one.
    const extension = trunklineExtension();
    if (process.env.TRUNKLINE_TEST_HOST === 'electron') {
      assert.equal(vscode.env.remoteName, undefined);
    } else {
      assert.ok(vscode.env.remoteName, 'expected the remote extension host of code-server');
      assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
    }
  });
});
