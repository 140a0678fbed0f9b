import type { Account } from '../../core/accounts/account';
import { collect, type Page } from '../../core/providers/page';
import type { Trunk, TrunkAuthList } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import { PagedFolderNode } from './paged-folder-node';
import { SipAuthListNode } from './sip-auth-list-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

type Link = { kind: 'ipAccessControlList' | 'credentialList'; list: TrunkAuthList };

/**
 * Trunk → Termination: the trunk's termination domain and `secure` on the row, and the IP
 * access control lists and credential lists it links below (each expands to its entries).
 * A trunk links a few lists, so both come in one load.
 */
export class TerminationNode extends PagedFolderNode<Link> {
  protected readonly noun = t('linked lists');

  constructor(
    readonly account: Account,
    readonly trunk: Trunk,
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'termination', trunkSid: trunk.sid }), parent, ctx);
  }

  treeItem(): TreeItemData {
    const tr = this.trunk;
    return {
      id: this.id,
      label: t('Termination'),
      description: `${tr.domain_name ?? t('no domain')} · ${tr.secure ? t('secure') : t('not secure')}`,
      tooltip: markdownFields(t('Termination'), [
        ['domain_name', tr.domain_name],
        ['secure', tr.secure],
        ['auth_type', tr.auth_type],
        ['auth_type_set', tr.auth_type_set],
      ]),
      contextValue: 'trunkline:folder.termination.linkable',
      icon: { id: 'lock' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(): Promise<Page<Link>> {
    const client = await this.ctx.connections.twilio(this.account);
    const [acls, credentialLists] = await Promise.all([
      collect(client.trunkIpAccessControlLists.list(this.trunk.sid, { pageSize: 1000 })),
      collect(client.trunkCredentialLists.list(this.trunk.sid, { pageSize: 1000 })),
    ]);
    return {
      items: [...acls.map((list): Link => ({ kind: 'ipAccessControlList', list })), ...credentialLists.map((list): Link => ({ kind: 'credentialList', list }))],
      nextCursor: undefined,
    };
  }

  protected childFor(link: Link): SipAuthListNode {
    return new SipAuthListNode({ kind: link.kind, account: this.account, list: link.list, via: this.trunk }, this, this.ctx);
  }
}
