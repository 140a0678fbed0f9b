import type { Page, PageRequest } from '../../core/providers/page';
import type { Trunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { AccountNode } from './account-node';
import type { ExplorerContext } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import type { TreeItemData } from './tree-item-data';
import { TrunkNode } from './trunk-node';

export class ElasticSipTrunksNode extends PagedFolderNode<Trunk> {
  protected readonly noun = t('trunks');

  constructor(
    readonly accountNode: AccountNode,
    ctx: ExplorerContext,
  ) {
    super(`${accountNode.id}/trunks`, accountNode, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Elastic SIP Trunks'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.trunks.creatable',
      icon: { id: 'server-environment' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<Trunk>> {
    const client = await this.ctx.connections.twilio(this.accountNode.account);
    return client.trunks.page(req);
  }

  protected childFor(trunk: Trunk): TrunkNode {
    return new TrunkNode(trunk, this, this.ctx);
  }
}
