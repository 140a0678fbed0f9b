import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import type { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { refFromNode } from '../../src/ui/tree/resource-node';

/**
 * The explorer nodes a user right-clicks to run the termination commands, found the way the user
 * finds them: account → folder → node, each folder loaded fresh (a refresh, then expand).
 */
export function terminationNodes(explorer: ExplorerTree, account = 'sandbox') {
  const expand = async (node: ExplorerNode | undefined, label: string): Promise<ExplorerNode> => {
    const children = await explorer.childrenOf(node);
    const found = children.find((c) => c.treeItem().label === label);
    if (!found) throw new Error(`no "${label}" in ${children.map((c) => c.treeItem().label).join(', ')}`);
    return found;
  };
  const fresh = async (folder: ExplorerNode): Promise<ExplorerNode[]> => {
    explorer.refresh(folder);
    return explorer.childrenOf(folder);
  };
  const bySid = (nodes: ExplorerNode[], sid: string, what: string): ExplorerNode => {
    const found = nodes.find((n) => sidOfNode(n) === sid);
    if (!found) throw new Error(`no ${what} ${sid} in the explorer`);
    return found;
  };
  const folder = async (label: string) => expand(await expand(undefined, account), label);
  return {
    async ipAccessControlList(sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await folder('IP Access Control Lists')), sid, 'IP access control list');
    },
    async credentialList(sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await folder('Credential Lists')), sid, 'credential list');
    },
    async ipAddress(listSid: string, sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await this.ipAccessControlList(listSid)), sid, 'IP address');
    },
    async credential(listSid: string, sid: string): Promise<ExplorerNode> {
      return bySid(await fresh(await this.credentialList(listSid)), sid, 'credential');
    },
    async trunk(sid: string): Promise<ExplorerNode> {
      const trunks = await fresh(await folder('Elastic SIP Trunks'));
      const found = trunks.find((n) => (n as { trunk?: { sid: string } }).trunk?.sid === sid);
      if (!found) throw new Error(`no trunk ${sid} in the explorer`);
      return found;
    },
    /** A list as shown below a trunk's Termination (unlink works from there). */
    async linkedList(trunkSid: string, listSid: string): Promise<ExplorerNode> {
      const termination = await expand(await this.trunk(trunkSid), 'Termination');
      return bySid(await fresh(termination), listSid, 'linked list');
    },
  };
}

function sidOfNode(node: ExplorerNode): string | undefined {
  const ref = refFromNode(node) as { kind: string; list?: { sid: string }; address?: { sid: string }; credential?: { sid: string } } | undefined;
  if (!ref) return undefined;
  if (ref.kind === 'ipAddress') return ref.address?.sid;
  if (ref.kind === 'credential') return ref.credential?.sid;
  return ref.list?.sid;
}
