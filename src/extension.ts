import * as vscode from 'vscode';
import { DOCUMENT_COMMANDS } from './ui/commands/all-document-commands';
import { EXPLORER_COMMANDS } from './ui/commands/all-commands';
import { registerCommands, type CommandErrorSink } from './ui/register-commands';
import { domainClaimLookup } from './ui/documents/domain-claim-lookup';
import { editorTrunkFileServices } from './ui/documents/editor-trunk-file-services';
import { registerTrunkFiles } from './ui/documents/register-trunk-files';
import { setTranslator } from './ui/l10n';
import { createServices, type Services } from './ui/services';
import { createTestApi, type TrunklineTestApi } from './ui/test-api';
import { registerExplorer } from './ui/tree/register-explorer';
import { VsCodeEditorDocuments } from './ui/vscode-editor-documents';
import { VsCodeWorkspaceFiles } from './ui/vscode-workspace-files';
import { registerWalkthrough } from './ui/walkthrough/register-walkthrough';

export interface TrunklineApi {
  readonly version: string;
  /** Present only when VS Code runs the extension's tests. */
  readonly testing?: TrunklineTestApi;
}

let services: Services | undefined;

export function activate(context: vscode.ExtensionContext): TrunklineApi {
  setTranslator(vscode.l10n.t);
  services = createServices(context);
  const s = services;
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  // Errors are kept for the test API only: outside tests the list would grow for the whole session.
  const commandErrors: { commandId: string; message: string }[] = [];
  const sink: CommandErrorSink = {
    showLog: () => s.channel.show(true),
    ...(testing ? { onError: (commandId: string, message: string) => void commandErrors.push({ commandId, message }) } : {}),
  };
  registerExplorer(context, s);
  registerWalkthrough(context, s);
  const features = registerTrunkFiles(context, s);
  const documents = new VsCodeEditorDocuments(features.virtualDocuments);
  const files = editorTrunkFileServices(features, documents);
  const workspaceFiles = new VsCodeWorkspaceFiles();
  context.subscriptions.push(
    ...registerCommands(EXPLORER_COMMANDS, () => ({ ...s.commandContext(), domainClaimedInWorkspace: domainClaimLookup(features) }), s.log, sink),
    ...registerCommands(DOCUMENT_COMMANDS, () => ({ ...s.commandContext(), files, documents, workspaceFiles, domainClaimedInWorkspace: domainClaimLookup(features) }), s.log, sink),
  );
  const version = String(context.extension.packageJSON.version);
  return testing ? { version, testing: createTestApi(s, commandErrors) } : { version };
}

export async function deactivate(): Promise<void> {
  await services?.dispose();
  services = undefined;
}
