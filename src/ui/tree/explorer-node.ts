import type { AccountConnections } from '../../core/accounts/account-connections';
import type { Logger } from '../../core/http/redacting-logger';
import type { TreeItemData } from './tree-item-data';

/** What every node needs from outside: clients, settings, and a way to say "I changed". */
export interface ExplorerContext {
  readonly connections: AccountConnections;
  readonly log: Logger;
  /** Items per page when listing (setting `trunkline.pageSize`). */
  pageSize(): number;
  /** Asks the view to re-render this node (undefined = the whole tree). */
  changed(node: ExplorerNode | undefined): void;
  /** Shows the node in the view, expanding its parents, and selects it. */
  reveal?(node: ExplorerNode): Promise<void>;
}

/** A node of the Trunkline explorer: small, with its item and its children. */
export interface ExplorerNode {
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  treeItem(): TreeItemData;
  children(): Promise<ExplorerNode[]>;
  /** Forgets loaded children so that the next expansion loads them again. */
  reset?(): void;
  /** The tooltip as hovered, when it needs more than the row has (it may read the provider). */
  resolveTooltip?(): Promise<string | undefined>;
}

/** A node with no children. */
export abstract class LeafNode implements ExplorerNode {
  abstract readonly id: string;
  abstract readonly parent: ExplorerNode | undefined;
  abstract treeItem(): TreeItemData;
  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
