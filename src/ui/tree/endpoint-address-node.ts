import { isManagedEndpoint } from '../resources/kinds/endpoint';
import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';

/** One address of an endpoint: the host or IP, with port, transport and direction beside it. */
export class EndpointAddressNode extends ResourceNode<RefOf<'endpointAddress'>> {
  async children(): Promise<ExplorerNode[]> {
    return [];
  }

  override treeItem(): TreeItemData {
    const item = super.treeItem();
    return isManagedEndpoint(this.ref.endpoint) ? item : { ...item, contextValue: 'trunkline:endpointAddress' };
  }
}
