import type { Account } from '../../core/accounts/account';
import type { Page, PageRequest } from '../../core/providers/page';
import type { ByocTrunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import { ByocTrunkNode } from './byoc-trunk-node';
import type { ConnectionPoliciesNode } from './connection-policies-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

export class ByocTrunksNode extends PagedFolderNode<ByocTrunk> {
  protected readonly noun = t('BYOC trunks');

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    private readonly policies: ConnectionPoliciesNode,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'byocTrunks' }), parent, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('BYOC Trunks'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.byocTrunks.creatable',
      icon: { id: 'plug' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<ByocTrunk>> {
    const client = await this.ctx.connections.twilio(this.account);
    return client.byocTrunks.page(req);
  }

  protected childFor(trunk: ByocTrunk): ByocTrunkNode {
    return new ByocTrunkNode({ kind: 'byocTrunk', account: this.account, trunk }, this, this.ctx, this.policies);
  }
}
