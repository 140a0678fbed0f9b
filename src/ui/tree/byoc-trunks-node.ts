import type { Page, PageRequest } from '../../core/providers/page';
import type { ByocTrunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { AccountNode } from './account-node';
import { ByocTrunkNode } from './byoc-trunk-node';
import type { ExplorerContext } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import type { TreeItemData } from './tree-item-data';

export class ByocTrunksNode extends PagedFolderNode<ByocTrunk> {
  protected readonly noun = t('BYOC trunks');

  constructor(
    readonly accountNode: AccountNode,
    ctx: ExplorerContext,
  ) {
    super(`${accountNode.id}/byoc-trunks`, accountNode, ctx);
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
    const client = await this.ctx.connections.twilio(this.accountNode.account);
    return client.byocTrunks.page(req);
  }

  protected childFor(trunk: ByocTrunk): ByocTrunkNode {
    return new ByocTrunkNode(trunk, this);
  }
}
