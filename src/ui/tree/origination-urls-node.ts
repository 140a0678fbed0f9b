import type { Page, PageRequest } from '../../core/providers/page';
import type { Account } from '../../core/accounts/account';
import type { OriginationUrl, Trunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { OriginationUrlNode } from './origination-url-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

export class OriginationUrlsNode extends PagedFolderNode<OriginationUrl> {
  protected readonly noun = t('origination URLs');
  private urls: OriginationUrl[] = [];

  constructor(
    readonly account: Account,
    readonly trunk: Trunk,
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'originationUrls', trunkSid: trunk.sid }), parent, ctx);
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
    const client = await this.ctx.connections.twilio(this.account);
    return client.originationUrls.page(this.trunk.sid, req);
  }

  /** The URLs loaded so far, when that is all of them (the trunk's failover order and readiness need the whole set). */
  allUrls(): readonly OriginationUrl[] | undefined {
    return this.isLoaded && !this.hasMore ? this.urls : undefined;
  }

  override reset(): void {
    super.reset();
    this.urls = [];
  }

  protected childFor(url: OriginationUrl): OriginationUrlNode {
    this.urls.push(url);
    return new OriginationUrlNode({ kind: 'originationUrl', account: this.account, trunk: this.trunk, url }, this);
  }

}
