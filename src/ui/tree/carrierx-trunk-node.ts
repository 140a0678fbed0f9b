import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

export class CarrierXTrunkNode extends ResourceNode<RefOf<'carrierxTrunk'>> {
  get trunk() {
    return this.ref.trunk;
  }

  get group() {
    return this.ref.group;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
