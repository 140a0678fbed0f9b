import { failoverGroups, formatFailover } from '../../core/documents/plan/failover-order';
import { checkFacts } from '../../core/readiness/check-readiness';
import { twilioTrunkRecordFacts } from '../../core/readiness/readiness-facts';
import { t } from '../l10n';
import type { RefOf } from '../resources/resource-ref';
import { escapeMarkdown } from './markdown-fields';
import type { TreeItemData } from './tree-item-data';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { OriginationUrlsNode } from './origination-urls-node';
import { numberCountText, PhoneNumbersNode } from './phone-numbers-node';
import { ResourceNode } from './resource-node';
import { TerminationNode } from './termination-node';

/** An Elastic SIP Trunk: numbers, origination URLs and termination below it, recording in its tooltip. */
export class TrunkNode extends ResourceNode<RefOf<'trunk'>> {
  private folders: [PhoneNumbersNode, OriginationUrlsNode, TerminationNode] | undefined;
  /** Set by a refresh: the account-wide count was taken before the change, so count anew. */
  private recount = false;

  constructor(
    ref: RefOf<'trunk'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
    /** The numbers on this trunk by the account-wide listing (undefined until known). */
    private readonly accountWideCount: () => number | undefined,
  ) {
    super(ref, parent);
  }

  get trunk() {
    return this.ref.trunk;
  }

  get phoneNumbers(): PhoneNumbersNode {
    return this.ensureFolders()[0];
  }

  get originationUrls(): OriginationUrlsNode {
    return this.ensureFolders()[1];
  }

  get termination(): TerminationNode {
    return this.ensureFolders()[2];
  }

  protected override detail(): string | undefined {
    // A row's folders are made when it is expanded (or recounted), not for every row shown:
    // three folder nodes a row were half the memory of a 10,000-trunk tree.
    if (!this.folders && !this.recount) return numberCountText(this.accountWideCount());
    const numbers = this.phoneNumbers;
    if (this.recount && !numbers.isLoaded) {
      // One listing of this trunk's numbers (a load error shows in the folder), then the row again.
      this.recount = false;
      void numbers.children().then(
        () => this.ctx.changed(this),
        () => undefined,
      );
    }
    return numbers.countText();
  }

  async children(): Promise<ExplorerNode[]> {
    return this.ensureFolders();
  }

  /**
   * The row warns when the trunk cannot carry calls, by what the explorer already has (its
   * auth_type and disaster recovery URL; its number count and URLs once known): a warning icon
   * and a line per finding in the tooltip.
   */
  override treeItem(): TreeItemData {
    const item = super.treeItem();
    const findings = this.readiness();
    if (findings.length === 0) return item;
    return { ...item, tooltip: this.withLines(item.tooltip, findings), icon: { id: 'warning', color: 'list.warningForeground' } };
  }

  /** Hovered: the origination URLs are read (once) for the failover order and the rules that need them. */
  async resolveTooltip(): Promise<string | undefined> {
    await this.originationUrls.children().catch(() => undefined);
    const urls = this.originationUrls.allUrls();
    const base = super.treeItem().tooltip;
    const failover = urls ? `${t('Failover')}: ${formatFailover(failoverGroups(urls), { name: escapeMarkdown, disabled: (name) => `~~${name}~~` })}` : undefined;
    return this.withLines(base, this.readiness(), failover);
  }

  private readiness() {
    const [numbers, urls] = this.folders ?? [];
    return checkFacts('TwilioTrunk', twilioTrunkRecordFacts(this.trunk, { originationUrls: urls?.allUrls(), phoneNumbers: numbers ? numbers.knownCount() : this.accountWideCount() }));
  }

  private withLines(tooltip: string | undefined, findings: readonly { message: string }[], failover?: string): string {
    const lines = [...(failover ? [failover] : []), ...findings.map((f) => `⚠ ${escapeMarkdown(t('Not call-ready: {0}', f.message))}`)];
    return lines.length > 0 ? `${tooltip ?? ''}\n\n${lines.join('  \n')}` : (tooltip ?? '');
  }

  /** A refresh reloads its folders (the same nodes, which the view and commands may hold) and recounts. */
  reset(): void {
    for (const folder of this.folders ?? []) folder.reset();
    this.recount = true;
  }

  private ensureFolders(): [PhoneNumbersNode, OriginationUrlsNode, TerminationNode] {
    this.folders ??= [
      new PhoneNumbersNode(this.account, this.trunk, this, this.ctx, this.accountWideCount),
      new OriginationUrlsNode(this.account, this.trunk, this, this.ctx),
      new TerminationNode(this.account, this.trunk, this, this.ctx),
    ];
    return this.folders;
  }
}
