import * as vscode from 'vscode';
import { bindCommand, registerLazyCommands, type CommandOutcomes, type LoadedCommand } from './ui/register-commands';
import { domainClaimLookup } from './ui/documents/domain-claim-lookup';
import { editorTrunkFileServices } from './ui/documents/editor-trunk-file-services';
import type { TrunkFileFeatures } from './ui/documents/register-trunk-files';
import type { TrunkFileServices } from './ui/documents/trunk-file-services';
import { isTrunkFile, TRUNK_FILE_GLOB } from './ui/documents/trunk-file-selector';
import { setTranslator, t } from './ui/l10n';
import { createServices, type Services } from './ui/services';
import { createTestApi, type TrunklineTestApi } from './ui/test-api';
import { registerExplorer } from './ui/tree/register-explorer';
import { VsCodeEditorDocuments } from './ui/vscode-editor-documents';
import { VsCodeWorkspaceFiles } from './ui/vscode-workspace-files';
import { registerWalkthrough } from './ui/walkthrough/register-walkthrough';

// The composition root, kept small: esbuild makes every `import()` below a bundle of its own
// (scripts/extension-bundles.js), loaded on first use. Activation registers every contribution
// and loads nothing else; the trunk-file engine (yaml, the validator, diagnostics, completion)
// loads when the workspace has a trunk file, a command's code when it first runs, and the
// provider clients with the first request (AccountConnections).

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
  registerExplorer(context, s);
  let commandStarted = false;
  const walkthrough = registerWalkthrough(context, s, () => commandStarted);
  const sink: CommandOutcomes = {
    showLog: () => s.channel.show(true),
    onDone: walkthrough.commandDone,
    ...(testing ? { onError: (commandId: string, message: string) => void commandErrors.push({ commandId, message }) } : {}),
  };
  const trunkFiles = trunkFilesOnDemand(context, s);
  const load = (id: string) => {
    commandStarted = true;
    return loadCommand(id, s, trunkFiles);
  };
  context.subscriptions.push(...registerLazyCommands(contributedCommands(context), load, s.log, sink));
  const version = String(context.extension.packageJSON.version);
  return testing ? { version, testing: createTestApi(s, commandErrors) } : { version };
}

export async function deactivate(): Promise<void> {
  await services?.dispose();
  services = undefined;
}

/** The trunk-file engine as the commands use it: the editor features and the commands' view of them. */
interface TrunkFiles {
  readonly features: TrunkFileFeatures;
  readonly documents: VsCodeEditorDocuments;
  readonly files: TrunkFileServices;
}

interface TrunkFilesOnDemand {
  /** The trunk-file engine, loading it if it is not yet. */
  load(): Promise<TrunkFiles>;
  /** The trunk-file engine if the workspace needed it so far (a trunk file exists or is open). */
  ifStarted(): Promise<TrunkFiles | undefined>;
}

/**
 * Loads the trunk-file engine as soon as the workspace has a trunk file (open, on disk, or
 * created later), so diagnostics, the Problems view and completion behave as if it had been
 * loaded at activation; a workspace without trunk files never loads it.
 */
function trunkFilesOnDemand(context: vscode.ExtensionContext, s: Services): TrunkFilesOnDemand {
  let loading: Promise<TrunkFiles> | undefined;
  const triggers: vscode.Disposable[] = [];
  const load = () => {
    if (!loading) {
      for (const d of triggers.splice(0)) d.dispose();
      loading = import('./ui/documents/register-trunk-files').then((m) => {
        const features = m.registerTrunkFiles(context, s);
        const documents = new VsCodeEditorDocuments(features.virtualDocuments);
        return { features, documents, files: editorTrunkFileServices(features, documents) };
      });
      loading.catch((e: unknown) => s.log.error(`Could not load the trunk-file features: ${e instanceof Error ? e.message : String(e)}`));
    }
    return loading;
  };
  if (vscode.workspace.textDocuments.some((d) => isTrunkFile(d))) {
    void load();
  } else {
    const watcher = vscode.workspace.createFileSystemWatcher(TRUNK_FILE_GLOB, false, true, true);
    triggers.push(
      vscode.workspace.onDidOpenTextDocument((d) => isTrunkFile(d) && void load()),
      watcher,
      watcher.onDidCreate(() => void load()),
    );
    context.subscriptions.push({ dispose: () => triggers.splice(0).forEach((d) => d.dispose()) });
    void Promise.resolve(vscode.workspace.findFiles(TRUNK_FILE_GLOB, '**/node_modules/**', 1)).then(
      (found) => found.length > 0 && void load(),
      () => undefined,
    );
  }
  return { load, ifStarted: async () => (loading ? await loading : undefined) };
}

/** The command ids package.json contributes (a unit test checks they are exactly the commands' ids). */
function contributedCommands(context: vscode.ExtensionContext): string[] {
  const contributes = context.extension.packageJSON.contributes as { commands?: { command: string }[] } | undefined;
  return (contributes?.commands ?? []).map((c) => c.command);
}

async function loadCommand(id: string, s: Services, trunkFiles: TrunkFilesOnDemand): Promise<LoadedCommand> {
  const { EXPLORER_COMMANDS } = await import('./ui/commands/all-commands');
  const explorerCommand = EXPLORER_COMMANDS.find((c) => c.id === id);
  if (explorerCommand) {
    const engine = await trunkFiles.ifStarted();
    return bindCommand(explorerCommand, () => ({ ...s.commandContext(), domainClaimedInWorkspace: engine && domainClaimLookup(engine.features) }));
  }
  const { DOCUMENT_COMMANDS } = await import('./ui/commands/all-document-commands');
  const documentCommand = DOCUMENT_COMMANDS.find((c) => c.id === id);
  if (!documentCommand) throw new Error(t('Trunkline has no command {0}.', id));
  const { features, documents, files } = await trunkFiles.load();
  const workspaceFiles = new VsCodeWorkspaceFiles();
  return bindCommand(documentCommand, () => ({ ...s.commandContext(), files, documents, workspaceFiles, domainClaimedInWorkspace: domainClaimLookup(features) }));
}
