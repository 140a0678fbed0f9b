import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

export class OriginationUrlNode extends ResourceNode<RefOf<'originationUrl'>> {
  get url() {
    return this.ref.url;
  }

  get trunk() {
    return this.ref.trunk;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
