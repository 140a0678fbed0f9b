import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

export class PhoneNumberNode extends ResourceNode<RefOf<'phoneNumber'>> {
  get number() {
    return this.ref.number;
  }

  get trunk() {
    return this.ref.trunk;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
