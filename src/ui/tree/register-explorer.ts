import * as vscode from 'vscode';
import type { Services } from '../services';
import { EXPLORER_VIEW_ID } from './explorer-tree-provider';

export function registerExplorer(context: vscode.ExtensionContext, services: Services): vscode.TreeView<unknown> {
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, {
    treeDataProvider: services.explorerProvider,
    showCollapseAll: true,
    canSelectMany: true,
  });
  services.explorerProvider.view = view;
  const updateEmptyState = () => void vscode.commands.executeCommand('setContext', 'trunkline.hasAccounts', services.accounts.list().length > 0);
  updateEmptyState();
  context.subscriptions.push(view, services.accounts.onDidChange(updateEmptyState));
  return view as vscode.TreeView<unknown>;
}
