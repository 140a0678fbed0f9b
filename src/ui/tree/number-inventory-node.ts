import type { Account } from '../../core/accounts/account';
import type { Page, PageRequest } from '../../core/providers/page';
import { collect } from '../../core/providers/page';
import type { IncomingPhoneNumber } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { IncomingNumberNode } from './incoming-number-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';
import { trunkDisplayName } from '../../core/providers/twilio/trunk-names';

/** Twilio account → Phone Numbers: every incoming number, with the trunk it is on or "not on a trunk". */
export class NumberInventoryNode extends PagedFolderNode<IncomingPhoneNumber> {
  protected readonly noun = t('phone numbers');
  /** Trunk names by sid, read once per expansion alongside the first page (never one read per number). */
  private trunkNames: Promise<Map<string, string>> | undefined;

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'numberInventory' }), parent, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Phone Numbers'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.numberInventory.twilio',
      icon: { id: 'device-mobile' },
      collapsible: 'collapsed',
    };
  }

  override reset(): void {
    super.reset();
    this.trunkNames = undefined;
  }

  protected async fetchPage(req: PageRequest): Promise<Page<IncomingPhoneNumber & { trunkName?: string | undefined }>> {
    const client = await this.ctx.connections.twilio(this.account);
    const names = (this.trunkNames ??= collect(client.trunks.list({ pageSize: 1000, signal: req.signal })).then(
      (trunks) => new Map(trunks.map((tr) => [tr.sid, trunkDisplayName(tr)])),
    ));
    names.catch(() => (this.trunkNames = undefined));
    const [page, trunkNames] = await Promise.all([client.incomingPhoneNumbers.page(req), names]);
    return { ...page, items: page.items.map((n) => ({ ...n, trunkName: n.trunk_sid ? trunkNames.get(n.trunk_sid) : undefined })) };
  }

  protected childFor(number: IncomingPhoneNumber & { trunkName?: string | undefined }): IncomingNumberNode {
    const { trunkName, ...record } = number;
    return new IncomingNumberNode({ kind: 'incomingNumber', account: this.account, number: record, trunkName }, this);
  }
}
