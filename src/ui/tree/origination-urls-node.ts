import type { Page, PageRequest } from '../../core/providers/page';
import type { OriginationUrl } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext } from './explorer-node';
import { OriginationUrlNode } from './origination-url-node';
import { PagedFolderNode } from './paged-folder-node';
import type { TreeItemData } from './tree-item-data';
import type { TrunkNode } from './trunk-node';

export class OriginationUrlsNode extends PagedFolderNode<OriginationUrl> {
  protected readonly noun = t('origination URLs');

  constructor(
    readonly trunkNode: TrunkNode,
    ctx: ExplorerContext,
  ) {
    super(`${trunkNode.id}/origination-urls`, trunkNode, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Origination URLs'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.originationUrls.creatable',
      icon: { id: 'arrow-swap' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<OriginationUrl>> {
    const client = await this.ctx.connections.twilio(this.trunkNode.account);
    return client.originationUrls.page(this.trunkNode.trunk.sid, req);
  }

  protected childFor(url: OriginationUrl): OriginationUrlNode {
    return new OriginationUrlNode(url, this);
  }
}
