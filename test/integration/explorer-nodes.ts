import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import type { TreeItemData } from '../../src/ui/tree/tree-item-data';
import { trunklineTesting } from './trunkline-testing';

// The Trunks view read as a user reads it: row labels, from the roots down. Nodes found here
// are the objects the view shows, so a test hands them to commands as a context menu does.

export type { ExplorerNode };

export async function childrenOf(node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await trunklineTesting()).treeChildren(node);
}

export async function itemOf(node: ExplorerNode): Promise<TreeItemData> {
  return (await trunklineTesting()).treeItem(node);
}

/** The labels of a node's children (the roots when `node` is undefined), in view order. */
export async function childLabels(node?: ExplorerNode): Promise<string[]> {
  const children = await childrenOf(node);
  return Promise.all(children.map(async (child) => (await itemOf(child)).label));
}

/** The child row with this label; fails listing the rows there are. */
export async function child(node: ExplorerNode | undefined, label: string | RegExp): Promise<ExplorerNode> {
  const children = await childrenOf(node);
  for (const c of children) {
    const text = (await itemOf(c)).label;
    if (typeof label === 'string' ? text === label : label.test(text)) return c;
  }
  throw new Error(`No row ${String(label)} under ${node ? node.id : 'the roots'}; rows: ${(await childLabels(node)).join(', ') || '(none)'}`);
}

/** Expands row by row from the roots, e.g. `['sandbox', 'Elastic SIP Trunks', 'Acme main']`. */
export async function nodeAt(path: readonly (string | RegExp)[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of path) node = await child(node, label);
  if (!node) throw new Error('nodeAt needs at least one label');
  return node;
}
