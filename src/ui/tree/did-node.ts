import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

/** A CarrierX number (DID), below the account's Phone Numbers or its trunk group's. */
export class DidNode extends ResourceNode<RefOf<'did'>> {
  get did() {
    return this.ref.did;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
