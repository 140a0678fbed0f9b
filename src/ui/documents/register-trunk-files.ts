import { errorLine } from '../../core/http/provider-error';
import * as vscode from 'vscode';
import { systemClock } from '../../core/http/clock';
import type { Services } from '../services';
import { DocumentStatusCache } from './document-status-cache';
import { editorSyncClients } from './editor-sync-clients';
import { REMOTE_SCHEME, VirtualDocuments } from './remote-document-provider';
import { StatusRefreshScheduler } from './status-refresh-scheduler';
import { TrunkCodeLensProvider } from './trunk-code-lens-provider';
import { TrunkCompletionProvider } from './trunk-completion-provider';
import { TrunkFileCache } from './trunk-file-cache';
import { TrunkFileDiagnostics } from './trunk-file-diagnostics';
import { isTrunkFile, TRUNK_FILE_SELECTOR } from './trunk-file-selector';
import { TrunkHoverProvider } from './trunk-hover-provider';
import { TrunkReferenceProvider } from './trunk-reference-provider';
import { TrunkQuickFixes } from './trunk-quick-fixes';
import { WorkspaceSyncState } from './workspace-sync-state';
import type { SyncClients } from '../../core/documents/apply/sync-clients';
import { documentKind } from '../../core/documents/kinds/document-kinds';
import { ReferenceListings } from '../../core/documents/references/reference-listings';
import type { SyncStateStore } from '../../core/documents/sync/sync-state';

/** The editor features of trunk files, as the extension wires them to the document commands. */
export interface TrunkFileFeatures {
  readonly cache: TrunkFileCache;
  readonly diagnostics: TrunkFileDiagnostics;
  readonly statuses: DocumentStatusCache;
  readonly syncState: SyncStateStore;
  readonly clients: SyncClients;
  readonly virtualDocuments: VirtualDocuments;
}

/** Diagnostics, completion, hover, quick fixes, code lenses and the remote documents of Diff. */
export function registerTrunkFiles(context: vscode.ExtensionContext, services: Services): TrunkFileFeatures {
  const cache = new TrunkFileCache(services.accounts);
  const clients = editorSyncClients(services.accounts, services.connections);
  const syncState = new WorkspaceSyncState(context.workspaceState);
  const listings = new ReferenceListings();
  const statuses = new DocumentStatusCache(cache, clients, syncState, services.log, listings);
  const diagnostics = new TrunkFileDiagnostics(cache, services.accounts, services.log, statuses, listings);
  const virtualDocuments = new VirtualDocuments();
  context.subscriptions.push(
    diagnostics,
    statuses,
    vscode.languages.registerCompletionItemProvider(TRUNK_FILE_SELECTOR, new TrunkCompletionProvider(services.accounts, services.connections), ':', ' ', '-', '+'),
    vscode.languages.registerHoverProvider(TRUNK_FILE_SELECTOR, new TrunkHoverProvider(cache, diagnostics)),
    ...registerReferences(cache, clients, listings, services),
    vscode.languages.registerCodeActionsProvider(TRUNK_FILE_SELECTOR, new TrunkQuickFixes(diagnostics), { providedCodeActionKinds: TrunkQuickFixes.kinds }),
    vscode.languages.registerCodeLensProvider(TRUNK_FILE_SELECTOR, new TrunkCodeLensProvider(cache, statuses, diagnostics)),
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, virtualDocuments),
    vscode.workspace.onDidSaveTextDocument((d) => isTrunkFile(d) && void statuses.refresh(d)),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.forget(d.uri)),
    services.accounts.onDidChange(() => statuses.invalidateAll()),
    ...registerStatusRefresh(statuses, services),
  );
  return { cache, diagnostics, statuses, syncState, clients, virtualDocuments };
}

/** Names of other documents' resources in reference fields: completion, hover, Go to Definition. */
function registerReferences(cache: TrunkFileCache, clients: SyncClients, listings: ReferenceListings, services: Services): vscode.Disposable[] {
  const references = new TrunkReferenceProvider(cache, clients, listings);
  return [
    // Trunkline made, renamed or deleted a list, a policy or an endpoint: the last listing is stale, list it again.
    services.resourceChanges.onDidChange((change) => {
      const referable = documentKind(change.kind).referable;
      if (!referable || listings.get(change.account, change.kind) === undefined) return;
      listings.forget(change.account, change.kind);
      referable.list(change.account, clients, undefined).then(
        (resources) => listings.set(change.account, change.kind, resources),
        () => undefined,
      );
    }),
    vscode.languages.registerCompletionItemProvider(TRUNK_FILE_SELECTOR, references, ' ', '-', '['),
    vscode.languages.registerHoverProvider(TRUNK_FILE_SELECTOR, references),
    vscode.languages.registerDefinitionProvider(TRUNK_FILE_SELECTOR, references),
  ];
}

/** Statuses follow the remote: at once after Trunkline changes a resource, on focus, at an interval. */
function registerStatusRefresh(statuses: DocumentStatusCache, services: Services): vscode.Disposable[] {
  const open = () => vscode.workspace.textDocuments.filter((d) => isTrunkFile(d) && !d.isClosed);
  const visible = () => [...new Set(vscode.window.visibleTextEditors.map((e) => e.document).filter((d) => isTrunkFile(d)))];
  const scheduler = new StatusRefreshScheduler<vscode.TextDocument>({
    clock: systemClock,
    visibleFiles: visible,
    refresh: (d) => statuses.refresh(d),
    intervalSeconds: () => vscode.workspace.getConfiguration('trunkline').get<number>('status.refreshInterval'),
    focused: () => vscode.window.state.focused,
    onPass: () => statuses.keepOnly(new Set(visible().map((d) => d.uri.toString()))),
    onError: (d, e) => services.log.warn(`Could not re-check the status of ${d.uri.fsPath}: ${errorLine(e)}`),
  });
  scheduler.schedule();
  return [
    { dispose: () => scheduler.dispose() },
    services.resourceChanges.onDidChange((change) => void statuses.resourceChanged(change, open())),
    vscode.window.onDidChangeWindowState((state) => void scheduler.focusChanged(state.focused)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('trunkline.status.refreshInterval') && scheduler.schedule()),
  ];
}
