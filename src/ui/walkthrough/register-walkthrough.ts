import * as vscode from 'vscode';
import type { Services } from '../services';
import { openWalkthroughOnce } from './open-walkthrough-once';
import { stepDoneBy, WALKTHROUGH_CONTEXT, WALKTHROUGH_ID } from './walkthrough-context';

/** How long after activation a command the user ran counts as their being busy (VS Code runs it right after activate). */
const SETTLE_MS = 1500;

export interface WalkthroughSteps {
  /** Told of every command that ran to its end, to check off the step it completed. */
  commandDone(commandId: string, result: unknown): void;
}

/** `commandStarted` says whether a Trunkline command has run since activation. */
export function registerWalkthrough(context: vscode.ExtensionContext, services: Services, commandStarted: () => boolean): WalkthroughSteps {
  const setContext = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);
  const updateAccounts = () => {
    const accounts = services.accounts.list();
    setContext(WALKTHROUGH_CONTEXT.sandboxConnected, accounts.some((a) => a.provider === 'sandbox'));
    setContext(WALKTHROUGH_CONTEXT.providerAccountConnected, accounts.some((a) => a.provider !== 'sandbox'));
  };
  updateAccounts();
  context.subscriptions.push(services.accounts.onDidChange(updateAccounts));

  // "Write your first trunk file": a trunk file created (New Trunk File writes one) or typed in,
  // however the user did it. The listeners go once the step is done (VS Code remembers it).
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.trunk.{yaml,yml}', false, true, true);
  const done = () => {
    setContext(WALKTHROUGH_CONTEXT.trunkFileWritten, true);
    created.dispose();
    edits.dispose();
    watcher.dispose();
  };
  const created = watcher.onDidCreate(done);
  const edits = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.languageId === 'trunk-yaml' && e.contentChanges.length > 0) done();
  });
  context.subscriptions.push(watcher, created, edits);
  const steps: WalkthroughSteps = {
    commandDone: (commandId, result) => {
      const key = stepDoneBy(commandId, result);
      if (key) setContext(key, true);
    },
  };

  // Opened once for a new user, never in tests (their windows must stay as the test left them).
  if (context.extensionMode === vscode.ExtensionMode.Test) return steps;
  // The user's own say: VS Code's walkthroughs-on-install setting (not visible to a remote
  // extension host, where it reads as its default) and a startup editor set to none.
  const workbench = vscode.workspace.getConfiguration('workbench');
  const openOnInstall = workbench.get<boolean>('welcomePage.walkthroughs.openOnInstall') !== false && workbench.get<string>('startupEditor') !== 'none';
  // A moment after activation, and only if the user is not already running a command (the
  // walkthrough would take the focus from their prompt).
  const timer = setTimeout(() => {
    void openWalkthroughOnce(context.globalState, { accountCount: services.accounts.list().length, openOnInstall, busy: commandStarted }, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ).catch((error: unknown) => services.log.warn(`The getting-started walkthrough could not be opened: ${String(error)}`));
  }, SETTLE_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return steps;
}
