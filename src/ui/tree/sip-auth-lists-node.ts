import type { Account } from '../../core/accounts/account';
import type { Page, PageRequest } from '../../core/providers/page';
import type { SipCredentialList, SipIpAccessControlList } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { SipAuthListNode } from './sip-auth-list-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

/** Account → IP Access Control Lists, or Account → Credential Lists. */
export class SipAuthListsNode extends PagedFolderNode<SipIpAccessControlList | SipCredentialList> {
  protected readonly noun: string;

  constructor(
    readonly account: Account,
    readonly kind: 'ipAccessControlList' | 'credentialList',
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: kind === 'ipAccessControlList' ? 'ipAccessControlLists' : 'credentialLists' }), parent, ctx);
    this.noun = kind === 'ipAccessControlList' ? t('IP access control lists') : t('credential lists');
  }

  treeItem(): TreeItemData {
    const acl = this.kind === 'ipAccessControlList';
    return {
      id: this.id,
      label: acl ? t('IP Access Control Lists') : t('Credential Lists'),
      description: this.countDescription(),
      contextValue: `trunkline:folder.${acl ? 'ipAccessControlLists' : 'credentialLists'}.creatable`,
      icon: { id: acl ? 'shield' : 'key' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<SipIpAccessControlList | SipCredentialList>> {
    const client = await this.ctx.connections.twilio(this.account);
    return this.kind === 'ipAccessControlList' ? client.ipAccessControlLists.page(req) : client.credentialLists.page(req);
  }

  protected childFor(list: SipIpAccessControlList | SipCredentialList): SipAuthListNode {
    return new SipAuthListNode({ kind: this.kind, account: this.account, list }, this, this.ctx);
  }
}
