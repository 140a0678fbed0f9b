import type { Account } from '../../core/accounts/account';
import type { Did, TrunkGroup } from '../../core/providers/carrierx/models';
import { collect, type Page, type PageRequest } from '../../core/providers/page';
import { t } from '../l10n';
import { DidNode } from './did-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

type ListedDid = Did & { groupName?: string | undefined };

/**
 * CarrierX account → Phone Numbers (every DID with its trunk group, or "unassigned"), or a
 * trunk group → Phone Numbers (the DIDs assigned to it, listed with `trunk_group_sid`).
 */
export class DidsNode extends PagedFolderNode<ListedDid> {
  protected readonly noun = t('phone numbers');
  /** Group names by sid, read once per expansion alongside the first page. */
  private groupNames: Promise<Map<string, string>> | undefined;

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    /** Set below a trunk group: only its numbers. */
    readonly group?: TrunkGroup | undefined,
  ) {
    super(
      folderTreeId(group ? { accountId: account.id, folder: 'groupDids', trunkGroupSid: group.trunk_group_sid } : { accountId: account.id, folder: 'dids' }),
      parent,
      ctx,
    );
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      // The sandbox has a Twilio inventory too: its CarrierX one says whose it is.
      label: !this.group && this.account.provider === 'sandbox' ? t('Phone Numbers (CarrierX)') : t('Phone Numbers'),
      description: this.countDescription(),
      contextValue: this.group ? 'trunkline:folder.groupDids.carrierx' : 'trunkline:folder.dids.carrierx',
      icon: { id: 'device-mobile' },
      collapsible: 'collapsed',
    };
  }

  override reset(): void {
    super.reset();
    this.groupNames = undefined;
  }

  protected async fetchPage(req: PageRequest): Promise<Page<ListedDid>> {
    const client = await this.ctx.connections.carrierx(this.account);
    if (this.group) return client.dids.page({ ...req, trunkGroupSid: this.group.trunk_group_sid });
    const names = (this.groupNames ??= collect(client.trunkGroups.list({ pageSize: 1000, signal: req.signal })).then(
      (groups) => new Map(groups.map((g) => [g.trunk_group_sid, g.name || g.trunk_group_sid])),
    ));
    names.catch(() => (this.groupNames = undefined));
    const [page, groupNames] = await Promise.all([client.dids.page(req), names]);
    return { ...page, items: page.items.map((d) => ({ ...d, groupName: d.trunk_group_sid ? groupNames.get(d.trunk_group_sid) : undefined })) };
  }

  protected childFor(listed: ListedDid): DidNode {
    const { groupName, ...did } = listed;
    const group = this.group;
    return new DidNode(
      group ? { kind: 'did', account: this.account, did, groupName: group.name || group.trunk_group_sid, inGroup: true } : { kind: 'did', account: this.account, did, groupName },
      this,
    );
  }
}
