import { TwilioNumberIndex } from '../../core/documents/twilio-number-index';
import type { Page, PageRequest } from '../../core/providers/page';
import type { Trunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { AccountNode } from './account-node';
import type { ExplorerContext } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import type { TreeItemData } from './tree-item-data';
import { TrunkNode } from './trunk-node';

export class ElasticSipTrunksNode extends PagedFolderNode<Trunk> {
  protected readonly noun = t('trunks');
  /** Numbers per trunk from one account-wide listing, so counts show before anything is expanded. */
  private numberCounts: Map<string, number> | undefined;
  private countingNumbers: Promise<void> | undefined;
  private countGeneration = 0;

  constructor(
    readonly accountNode: AccountNode,
    ctx: ExplorerContext,
  ) {
    super(`${accountNode.id}/trunks`, accountNode, ctx);
  }

  treeItem(): TreeItemData {
    return {
      id: this.id,
      label: t('Elastic SIP Trunks'),
      description: this.countDescription(),
      contextValue: 'trunkline:folder.trunks.creatable',
      icon: { id: 'server-environment' },
      collapsible: 'collapsed',
    };
  }

  protected async fetchPage(req: PageRequest): Promise<Page<Trunk>> {
    const client = await this.ctx.connections.twilio(this.accountNode.account);
    return client.trunks.page(req);
  }

  /**
   * How many numbers are on a trunk, from the account's number listing (1,000 a page, one
   * listing for every trunk); undefined until that listing arrives, which re-renders the trunks.
   */
  numberCount(trunkSid: string): number | undefined {
    if (this.numberCounts) return this.numberCounts.get(trunkSid) ?? 0;
    this.countingNumbers ??= this.countNumbers();
    return undefined;
  }

  /** The counts are a snapshot: attach, detach and refresh forget them. */
  forgetNumberCounts(): void {
    this.numberCounts = undefined;
    this.countingNumbers = undefined;
    this.countGeneration++;
  }

  override reset(): void {
    super.reset();
    this.forgetNumberCounts();
  }

  private async countNumbers(): Promise<void> {
    const generation = this.countGeneration;
    try {
      const index = new TwilioNumberIndex(await this.ctx.connections.twilio(this.accountNode.account));
      const counts = await index.countsByTrunk();
      if (generation !== this.countGeneration) return; // refreshed meanwhile
      this.numberCounts = counts;
      this.ctx.changed(this);
    } catch (e) {
      // Counts are a convenience: the folders still list the numbers when expanded.
      this.ctx.log.debug(`number counts for ${this.accountNode.account.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  protected childFor(trunk: Trunk): TrunkNode {
    return new TrunkNode(trunk, this, this.ctx);
  }
}
