import { t } from '../l10n';
import { isManagedEndpoint } from '../resources/kinds/endpoint';
import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';
import { EndpointAddressNode } from './endpoint-address-node';

/** A CarrierX endpoint → its addresses, which arrive with it (an endpoint's `addresses` array). */
export class EndpointNode extends ResourceNode<RefOf<'endpoint'>> {
  get endpoint() {
    return this.ref.endpoint;
  }

  async children(): Promise<ExplorerNode[]> {
    const { endpoint, account, via } = this.ref;
    if (endpoint.addresses.length === 0) return [new EmptyNode(this, t('No addresses: CarrierX has nowhere to send calls'))];
    return endpoint.addresses.map((address, index) => new EndpointAddressNode({ kind: 'endpointAddress', account, endpoint, address, index, via }, this));
  }

  /** The System Gateway and hosted endpoints are shown, never offered for change. */
  override treeItem(): TreeItemData {
    const item = super.treeItem();
    return isManagedEndpoint(this.endpoint) ? item : { ...item, contextValue: 'trunkline:endpoint' };
  }
}
