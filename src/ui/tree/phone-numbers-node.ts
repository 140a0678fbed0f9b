import type { Page, PageRequest } from '../../core/providers/page';
import type { TrunkPhoneNumber } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { PhoneNumberNode } from './phone-number-node';
import type { TreeItemData } from './tree-item-data';
import type { TrunkNode } from './trunk-node';

export class PhoneNumbersNode extends PagedFolderNode<TrunkPhoneNumber> {
  protected readonly noun = t('phone numbers');

  constructor(
    readonly trunkNode: TrunkNode,
    ctx: ExplorerContext,
  ) {
    super(`${trunkNode.id}/numbers`, trunkNode, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Phone Numbers'),
      description: this.countDescription() ?? (this.knownCount() || undefined)?.toString(),
      contextValue: 'trunkline:folder.phoneNumbers.attachable',
      icon: { id: 'device-mobile' },
      collapsible: 'collapsed',
    };
  }

  /**
   * The numbers on the trunk: those listed here once expanded, else the account-wide count
   * (known before anything is expanded); undefined while neither is known.
   */
  knownCount(): number | undefined {
    return this.loadedCount > 0 || this.isLoaded ? this.loadedCount : this.trunkNode.parent.numberCount(this.trunkNode.trunk.sid);
  }

  /** "1 number", "3 numbers", "50+ numbers"; undefined when there are none or the count is not known yet. */
  countText(): string | undefined {
    const count = this.knownCount();
    if (!count) return undefined;
    if (this.hasMore) return t('{0}+ numbers', count);
    return count === 1 ? t('1 number') : t('{0} numbers', count);
  }

  protected async fetchPage(req: PageRequest): Promise<Page<TrunkPhoneNumber>> {
    const client = await this.ctx.connections.twilio(this.trunkNode.account);
    return client.trunkPhoneNumbers.page(this.trunkNode.trunk.sid, req);
  }

  protected childFor(number: TrunkPhoneNumber): PhoneNumberNode {
    return new PhoneNumberNode(number, this);
  }
}
