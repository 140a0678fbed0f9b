import type { Account } from '../../core/accounts/account';
import type { TrunkGroup } from '../../core/providers/carrierx/models';
import type { Page, PageRequest } from '../../core/providers/page';
import { t } from '../l10n';
import type { EndpointsNode } from './endpoints-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';
import { TrunkGroupNode } from './trunk-group-node';

export class TrunkGroupsNode extends PagedFolderNode<TrunkGroup> {
  protected readonly noun = t('trunk groups');

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    private readonly endpoints: EndpointsNode,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'trunkGroups' }), parent, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Trunk Groups'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.trunkGroups.creatable',
      icon: { id: 'layers' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<TrunkGroup>> {
    const client = await this.ctx.connections.carrierx(this.account);
    // Groups come with their trunks: one request fills two levels of the tree.
    return client.trunkGroups.page({ ...req, withTrunks: true });
  }

  protected childFor(group: TrunkGroup): TrunkGroupNode {
    return new TrunkGroupNode({ kind: 'trunkGroup', account: this.account, group }, this, this.ctx, this.endpoints);
  }
}
