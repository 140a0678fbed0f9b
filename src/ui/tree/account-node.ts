import { describeAccount, type Account } from '../../core/accounts/account';
import { t } from '../l10n';
import { ByocTrunksNode } from './byoc-trunks-node';
import { ConnectionPoliciesNode } from './connection-policies-node';
import { DidsNode } from './dids-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { ElasticSipTrunksNode } from './elastic-sip-trunks-node';
import { EndpointsNode } from './endpoints-node';
import { markdownFields } from './markdown-fields';
import { NumberInventoryNode } from './number-inventory-node';
import { SipAuthListsNode } from './sip-auth-lists-node';
import { accountTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';
import { TrunkGroupsNode } from './trunk-groups-node';

/** A connected account: its folders depend on the provider (the sandbox has all of them). */
export class AccountNode implements ExplorerNode {
  readonly parent = undefined;
  readonly id: string;
  private folders: ExplorerNode[] | undefined;

  constructor(
    readonly account: Account,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = accountTreeId(account.id);
  }

  treeItem(): TreeItemData {
    const a = this.account;
    const provider = a.provider;
    return {
      id: this.id,
      label: a.name,
      description: describeAccount(a),
      tooltip: markdownFields(a.name, [
        [t('Provider'), describeAccount(a)],
        ['account_sid', a.accountSid],
        [t('API key'), a.apiKeySid],
        [t('Base URL'), a.baseUrl],
      ]),
      contextValue: `trunkline:account.${provider}${provider === 'sandbox' ? '' : '.renamable'}.removable${provider === 'sandbox' ? '' : '.credentials'}`,
      icon: { id: provider === 'sandbox' ? 'beaker' : provider === 'carrierx' ? 'globe' : 'cloud' },
      collapsible: 'collapsed',
    };
  }

  async children(): Promise<ExplorerNode[]> {
    this.folders ??= this.buildFolders();
    return this.folders;
  }

  reset(): void {
    this.folders = undefined;
  }

  private buildFolders(): ExplorerNode[] {
    const folders: ExplorerNode[] = [];
    if (this.account.provider !== 'carrierx') {
      // BYOC trunk rows name their policy from the policies this account has loaded.
      const policies = new ConnectionPoliciesNode(this.account, this, this.ctx);
      folders.push(
        new ElasticSipTrunksNode(this.account, this, this.ctx),
        new ByocTrunksNode(this.account, this, this.ctx, policies),
        policies,
        new NumberInventoryNode(this.account, this, this.ctx),
        new SipAuthListsNode(this.account, 'ipAccessControlList', this, this.ctx),
        new SipAuthListsNode(this.account, 'credentialList', this, this.ctx),
      );
    }
    if (this.account.provider !== 'twilio') {
      // Trunk group and trunk rows name endpoints (and count their addresses) from the endpoints this account has loaded.
      const endpoints = new EndpointsNode(this.account, this, this.ctx);
      folders.push(new TrunkGroupsNode(this.account, this, this.ctx, endpoints), endpoints, new DidsNode(this.account, this, this.ctx));
    }
    return folders;
  }
}
