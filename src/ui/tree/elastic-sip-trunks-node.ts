import { errorLine } from '../../core/http/provider-error';
import type { Account } from '../../core/accounts/account';
import { TwilioNumberIndex } from '../../core/documents/plan/twilio-number-index';
import type { Page, PageRequest } from '../../core/providers/page';
import type { TwilioClient } from '../../core/providers/twilio/twilio-client';
import type { Trunk } from '../../core/providers/twilio/models';
import { t } from '../l10n';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { PagedFolderNode } from './paged-folder-node';
import { folderTreeId } from './tree-ids';
import type { TreeItemData } from './tree-item-data';
import { TrunkNode } from './trunk-node';

export class ElasticSipTrunksNode extends PagedFolderNode<Trunk> {
  protected readonly noun = t('trunks');
  /** Numbers per trunk from one account-wide listing, so counts show before anything is expanded. */
  private numberCounts: Promise<Map<string, number> | undefined> | undefined;
  private knownCounts: Map<string, number> | undefined;

  constructor(
    readonly account: Account,
    parent: ExplorerNode,
    ctx: ExplorerContext,
  ) {
    super(folderTreeId({ accountId: account.id, folder: 'trunks' }), parent, ctx);
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
    const client = await this.ctx.connections.twilio(this.account);
    // The count listing runs beside the first page, so the rows render with their counts at
    // once: a later change event on a trunk or this folder would make VS Code drop and reload
    // the rows below it, racing the reloads of expanded folders ("No tree item with id …").
    const [page, counts] = await Promise.all([client.trunks.page(req), this.countNumbers(client)]);
    this.knownCounts = counts;
    return page;
  }

  /** How many numbers are on a trunk (from the account-wide listing); undefined if that listing failed. */
  numberCount(trunkSid: string): number | undefined {
    return this.knownCounts ? (this.knownCounts.get(trunkSid) ?? 0) : undefined;
  }

  override reset(): void {
    super.reset();
    this.numberCounts = undefined;
    this.knownCounts = undefined;
  }

  private countNumbers(client: TwilioClient): Promise<Map<string, number> | undefined> {
    this.numberCounts ??= new TwilioNumberIndex(client).countsByTrunk().catch((e: unknown) => {
      // Counts are a convenience: the folders still list the numbers when expanded.
      this.ctx.log.debug(`number counts for ${this.account.name}: ${errorLine(e)}`);
      return undefined;
    });
    return this.numberCounts;
  }

  protected childFor(trunk: Trunk): TrunkNode {
    return new TrunkNode({ kind: 'trunk', account: this.account, trunk }, this, this.ctx, () => this.numberCount(trunk.sid));
  }
}
