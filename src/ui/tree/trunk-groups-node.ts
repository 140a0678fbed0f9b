import type { TrunkGroup } from '../../core/providers/carrierx/models';
import type { Page, PageRequest } from '../../core/providers/page';
import { t } from '../l10n';
import type { AccountNode } from './account-node';
import type { ExplorerContext } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import type { TreeItemData } from './tree-item-data';
import { TrunkGroupNode } from './trunk-group-node';

export class TrunkGroupsNode extends PagedFolderNode<TrunkGroup> {
  protected readonly noun = t('trunk groups');

  constructor(
    readonly accountNode: AccountNode,
    ctx: ExplorerContext,
  ) {
    super(`${accountNode.id}/trunk-groups`, accountNode, ctx);
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
    const client = await this.ctx.connections.carrierx(this.accountNode.account);
    // Groups come with their trunks: one request fills two levels of the tree.
    return client.trunkGroups.page({ ...req, withTrunks: true });
  }

  protected childFor(group: TrunkGroup): TrunkGroupNode {
    return new TrunkGroupNode(group, this);
  }
}
