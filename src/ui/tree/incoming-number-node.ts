import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

/** A number of the Twilio account's inventory. */
export class IncomingNumberNode extends ResourceNode<RefOf<'incomingNumber'>> {
  get number() {
    return this.ref.number;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
