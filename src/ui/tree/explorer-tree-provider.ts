import * as vscode from 'vscode';
import type { ExplorerNode } from './explorer-node';
import type { ExplorerTree } from './explorer-tree';
import type { TreeItemData } from './tree-item-data';

export const EXPLORER_VIEW_ID = 'trunkline.explorer';
const REFRESH_SETTLE_MS = 400;

/** Adapts the ExplorerTree to VS Code's tree view. */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  /** The view showing this provider, once registered (reveal needs it). */
  view: vscode.TreeView<ExplorerNode> | undefined;

  constructor(private readonly tree: () => ExplorerTree) {}

  async reveal(node: ExplorerNode): Promise<void> {
    // VS Code batches change events for ~200 ms before the view reloads; a reveal sent before a
    // pending reload (the folder a create just refreshed) is undone by it, so let it land first.
    const settle = this.lastFired + REFRESH_SETTLE_MS - Date.now();
    if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
    // Parents first, expanded, so the view has loaded the rows the node is among.
    if (node.parent) await this.view?.reveal(node.parent, { select: false, focus: false, expand: true });
    await this.view?.reveal(node, { select: true, focus: false, expand: false });
  }

  private lastFired = 0;

  fire(node: ExplorerNode | undefined): void {
    this.lastFired = Date.now();
    this.emitter.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node.treeItem());
  }

  /** A tooltip that needs a read (a trunk's failover order) is made when hovered, not for every row. */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    const tooltip = await node.resolveTooltip?.();
    if (tooltip) item.tooltip = new vscode.MarkdownString(tooltip);
    return item;
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const load = this.tree().childrenOf(node);
    // Shows the view's progress bar while a page loads.
    void vscode.window.withProgress({ location: { viewId: EXPLORER_VIEW_ID } }, () => load.catch(() => undefined));
    return load;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function toTreeItem(data: TreeItemData): vscode.TreeItem {
  const collapsible =
    data.collapsible === 'expanded'
      ? vscode.TreeItemCollapsibleState.Expanded
      : data.collapsible === 'collapsed'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(data.label, collapsible);
  item.id = data.id;
  item.description = data.description;
  item.contextValue = data.contextValue;
  if (data.tooltip) item.tooltip = new vscode.MarkdownString(data.tooltip);
  if (data.icon) item.iconPath = new vscode.ThemeIcon(data.icon.id, data.icon.color ? new vscode.ThemeColor(data.icon.color) : undefined);
  if (data.command) item.command = { command: data.command.id, title: data.command.title, arguments: data.command.arguments };
  return item;
}
