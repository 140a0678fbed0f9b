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
      description: this.countDescription(),
      contextValue: 'trunkline:folder.phoneNumbers.attachable',
      icon: { id: 'device-mobile' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<TrunkPhoneNumber>> {
    const client = await this.ctx.connections.twilio(this.trunkNode.account);
    return client.trunkPhoneNumbers.page(this.trunkNode.trunk.sid, req);
  }

  /** The trunk shows the number count once it is known. */
  protected override afterLoad(): void {
    this.ctx.changed(this.trunkNode);
  }

  protected childFor(number: TrunkPhoneNumber): PhoneNumberNode {
    return new PhoneNumberNode(number, this);
  }
}
