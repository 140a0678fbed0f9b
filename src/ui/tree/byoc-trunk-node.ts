import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

export class ByocTrunkNode extends ResourceNode<RefOf<'byocTrunk'>> {
  get trunk() {
    return this.ref.trunk;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
