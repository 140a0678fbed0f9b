import type { Account } from '../../core/accounts/account';
import { descriptorOf, treeIdOf } from '../resources/resource-kinds';
import type { ResourceRef } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import type { TreeItemData } from './tree-item-data';

/**
 * A node that shows one provider resource. What it looks like (label, icon, description,
 * tooltip, menus) comes from the resource kind's descriptor; its id from tree-ids.ts.
 */
export abstract class ResourceNode<R extends ResourceRef = ResourceRef> implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly ref: R,
    readonly parent: ExplorerNode,
  ) {
    this.id = treeIdOf(ref);
  }

  get account(): Account {
    return this.ref.account;
  }

  abstract children(): Promise<ExplorerNode[]>;

  /** What the node knows beyond the resource, shown after its description (a trunk's number count). */
  protected detail(): string | undefined {
    return undefined;
  }

  treeItem(): TreeItemData {
    const ref = this.ref;
    const kind = descriptorOf(ref);
    const tooltip = kind.tree.tooltip(ref);
    const console = kind.tree.console && ref.account.provider !== 'sandbox';
    return {
      id: this.id,
      label: kind.label(ref),
      description: kind.tree.description(ref, this.detail()),
      tooltip: markdownFields(tooltip.title, tooltip.fields, ref.kind),
      contextValue: `${kind.tree.contextValue}${console ? '.console' : ''}`,
      icon: { id: kind.tree.icon(ref) },
      collapsible: kind.tree.collapsible,
    };
  }
}

/** The resource a command was started on, when it was started from a resource's node. */
export function refFromNode(node: unknown): ResourceRef | undefined {
  return node instanceof ResourceNode ? (node.ref as ResourceRef) : undefined;
}
