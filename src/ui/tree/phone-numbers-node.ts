import type { Page, PageRequest } from '../../core/providers/page';
import type { Account } from '../../core/accounts/account';
import type { Trunk, TrunkPhoneNumber } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { PhoneNumberNode } from './phone-number-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';

export class PhoneNumbersNode extends PagedFolderNode<TrunkPhoneNumber> {
  protected readonly noun = t('phone numbers');

  constructor(
    readonly account: Account,
    readonly trunk: Trunk,
    parent: ExplorerNode,
    ctx: ExplorerContext,
    /** The count from the account-wide listing, known before this folder is expanded. */
    private readonly accountWideCount: () => number | undefined,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'phoneNumbers', trunkSid: trunk.sid }), parent, ctx);
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
    return this.loadedCount > 0 || this.isLoaded ? this.loadedCount : this.accountWideCount();
  }

  /** "1 number", "3 numbers", "50+ numbers"; undefined when there are none or the count is not known yet. */
  countText(): string | undefined {
    return numberCountText(this.knownCount(), this.hasMore);
  }

  protected async fetchPage(req: PageRequest): Promise<Page<TrunkPhoneNumber>> {
    const client = await this.ctx.connections.twilio(this.account);
    return client.trunkPhoneNumbers.page(this.trunk.sid, req);
  }

  protected childFor(number: TrunkPhoneNumber): PhoneNumberNode {
    return new PhoneNumberNode({ kind: 'phoneNumber', account: this.account, trunk: this.trunk, number }, this);
  }
}

/** "1 number", "3 numbers", "50+ numbers" (more to load); undefined for none or not known. */
export function numberCountText(count: number | undefined, more = false): string | undefined {
  if (!count) return undefined;
  if (more) return t('{0}+ numbers', count);
  return count === 1 ? t('1 number') : t('{0} numbers', count);
}
