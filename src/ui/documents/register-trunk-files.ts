import * as vscode from 'vscode';
import type { Services } from '../services';
import { DocumentStatusCache } from './document-status-cache';
import { editorSyncClients } from './editor-sync-clients';
import { REMOTE_SCHEME, VirtualDocuments } from './remote-document-provider';
import { TrunkCodeLensProvider } from './trunk-code-lens-provider';
import { TrunkCompletionProvider } from './trunk-completion-provider';
import { TrunkFileCache } from './trunk-file-cache';
import { TrunkFileDiagnostics } from './trunk-file-diagnostics';
import { isTrunkFile, TRUNK_FILE_SELECTOR } from './trunk-file-selector';
import type { TrunkFileServices } from './trunk-file-services';
import { TrunkHoverProvider } from './trunk-hover-provider';
import { TrunkQuickFixes } from './trunk-quick-fixes';
import { WorkspaceSyncState } from './workspace-sync-state';

/** Diagnostics, completion, hover, quick fixes, code lenses and the remote documents of Diff. */
export function registerTrunkFiles(context: vscode.ExtensionContext, services: Services): TrunkFileServices {
  const cache = new TrunkFileCache(services.accounts);
  const diagnostics = new TrunkFileDiagnostics(cache, services.accounts, services.log);
  const clients = editorSyncClients(services.accounts, services.connections);
  const syncState = new WorkspaceSyncState(context.workspaceState);
  const statuses = new DocumentStatusCache(cache, clients, syncState, services.log);
  const virtualDocuments = new VirtualDocuments();
  context.subscriptions.push(
    diagnostics,
    statuses,
    vscode.languages.registerCompletionItemProvider(TRUNK_FILE_SELECTOR, new TrunkCompletionProvider(services.accounts, services.connections), ':', ' ', '-', '+'),
    vscode.languages.registerHoverProvider(TRUNK_FILE_SELECTOR, new TrunkHoverProvider()),
    vscode.languages.registerCodeActionsProvider(TRUNK_FILE_SELECTOR, new TrunkQuickFixes(diagnostics), { providedCodeActionKinds: TrunkQuickFixes.kinds }),
    vscode.languages.registerCodeLensProvider(TRUNK_FILE_SELECTOR, new TrunkCodeLensProvider(cache, statuses)),
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, virtualDocuments),
    vscode.workspace.onDidSaveTextDocument((d) => isTrunkFile(d) && void statuses.refresh(d)),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.forget(d.uri)),
    services.accounts.onDidChange(() => statuses.invalidateAll()),
  );
  return { cache, diagnostics, statuses, syncState, clients, virtualDocuments };
}
