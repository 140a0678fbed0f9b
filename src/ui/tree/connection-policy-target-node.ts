import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';

/** A target of a connection policy; `.disabled` offers the inline Enable, its absence Disable. */
export class ConnectionPolicyTargetNode extends ResourceNode<RefOf<'connectionPolicyTarget'>> {
  async children(): Promise<ExplorerNode[]> {
    return [];
  }

  override treeItem(): TreeItemData {
    const item = super.treeItem();
    return { ...item, contextValue: `${item.contextValue}${this.ref.target.enabled === false ? '.disabled' : ''}` };
  }
}
