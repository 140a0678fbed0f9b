import type { RefOf } from '../resources/resource-ref';
import type { ExplorerNode } from './explorer-node';
import { ResourceNode } from './resource-node';

/** An address of an IP access control list or a username of a credential list. */
export class SipAuthEntryNode extends ResourceNode<RefOf<'ipAddress'> | RefOf<'credential'>> {
  async children(): Promise<ExplorerNode[]> {
    return [];
  }
}
