import { errorLine } from '../../core/http/provider-error';
import { collect } from '../../core/providers/page';
import { IP_ADDRESSES_PER_LIST } from '../../core/providers/twilio/sip-auth-rules';
import { t } from '../l10n';
import type { RefOf } from '../resources/resource-ref';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';
import { SipAuthEntryNode } from './sip-auth-entry-node';
import type { TreeItemData } from './tree-item-data';

/**
 * An IP access control list (→ its addresses) or a credential list (→ its usernames), below its
 * account or below a trunk's Termination. Lists are small (Twilio allows 100 addresses), so its
 * entries come in one request rather than page by page.
 */
export class SipAuthListNode extends ResourceNode<RefOf<'ipAccessControlList'> | RefOf<'credentialList'>> {
  private entries: Promise<ExplorerNode[]> | undefined;

  constructor(
    ref: RefOf<'ipAccessControlList'> | RefOf<'credentialList'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
  ) {
    super(ref, parent);
  }

  children(): Promise<ExplorerNode[]> {
    this.entries ??= this.load().catch((e: unknown) => {
      this.entries = undefined;
      const message = errorLine(e);
      this.ctx.log.error(t('Failed to load the entries of "{0}": {1}', this.ref.list.friendly_name || this.ref.list.sid, message));
      return [new EmptyNode(this, t('Failed to load: {0}', message))];
    });
    return this.entries;
  }

  reset(): void {
    this.entries = undefined;
  }

  /** Below a trunk, `.linked` offers Unlink (the descriptor's contextValue is the same for both places). */
  override treeItem(): TreeItemData {
    const item = super.treeItem();
    return this.ref.via ? { ...item, contextValue: `${item.contextValue}.linked` } : item;
  }

  private async load(): Promise<ExplorerNode[]> {
    const ref = this.ref;
    const client = await this.ctx.connections.twilio(ref.account);
    const options = { pageSize: IP_ADDRESSES_PER_LIST * 10 };
    const nodes =
      ref.kind === 'ipAccessControlList'
        ? (await collect(client.ipAddresses.list(ref.list.sid, options))).map(
            (address) => new SipAuthEntryNode({ kind: 'ipAddress', account: ref.account, list: ref.list, address, via: ref.via }, this),
          )
        : (await collect(client.credentials.list(ref.list.sid, options))).map(
            (credential) => new SipAuthEntryNode({ kind: 'credential', account: ref.account, list: ref.list, credential, via: ref.via }, this),
          );
    return nodes.length > 0 ? nodes : [new EmptyNode(this, ref.kind === 'ipAccessControlList' ? t('No IP addresses') : t('No credentials'))];
  }
}
