import type { Services } from './services';
import type { ExplorerNode } from './tree/explorer-node';
import type { TreeItemData } from './tree/tree-item-data';
import type { UserInput } from './user-input';

/**
 * Hooks for the extension's own integration tests, exported only when VS Code runs the
 * extension in test mode: swap the prompts for a scripted double, read the tree as data,
 * see the errors commands showed.
 */
export interface TrunklineTestApi {
  setUserInput(input: UserInput | undefined): void;
  treeChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  treeItem(node: ExplorerNode): TreeItemData;
  readonly commandErrors: { commandId: string; message: string }[];
  sandboxBaseUrl(): Promise<string>;
}

export function createTestApi(services: Services, errors: { commandId: string; message: string }[]): TrunklineTestApi {
  return {
    setUserInput: (input) => services.setUserInput(input),
    treeChildren: (node) => services.explorer.childrenOf(node),
    treeItem: (node) => node.treeItem(),
    commandErrors: errors,
    sandboxBaseUrl: async () => (await services.sandbox.endpoint()).baseUrl,
  };
}
