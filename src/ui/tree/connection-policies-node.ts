import type { Account } from '../../core/accounts/account';
import type { Page, PageRequest } from '../../core/providers/page';
import type { ConnectionPolicy } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { ConnectionPolicyNode } from './connection-policy-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

/** Account → Connection Policies: where the account's BYOC trunks send their calls. */
export class ConnectionPoliciesNode extends PagedFolderNode<ConnectionPolicy> {
  protected readonly noun = t('connection policies');

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'connectionPolicies' }), parent, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Connection Policies'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.connectionPolicies.creatable',
      icon: { id: 'references' },
      collapsible: 'collapsed',
    };
  }

  /** The policy with this sid among the pages loaded so far, if any. */
  loadedPolicy(sid: string): ConnectionPolicyNode | undefined {
    return this.loadedNodes.find((n): n is ConnectionPolicyNode => n instanceof ConnectionPolicyNode && n.ref.policy.sid === sid);
  }

  protected async fetchPage(req: PageRequest): Promise<Page<ConnectionPolicy>> {
    const client = await this.ctx.connections.twilio(this.account);
    return client.connectionPolicies.page(req);
  }

  protected childFor(policy: ConnectionPolicy): ConnectionPolicyNode {
    return new ConnectionPolicyNode({ kind: 'connectionPolicy', account: this.account, policy }, this, this.ctx);
  }
}
