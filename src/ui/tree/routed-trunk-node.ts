import { errorLine } from '../../core/http/provider-error';
import type { ReadinessFinding as Finding } from '../../core/readiness/check-readiness';
import { t } from '../l10n';
import type { ResourceRef } from '../resources/resource-ref';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { withReadiness } from './readiness-tooltip';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';

/**
 * A trunk whose one child is where it sends calls (a BYOC trunk's connection policy, a CarrierX
 * trunk's endpoint), read once when expanded or hovered. Its row names that route and warns when
 * the trunk cannot carry calls, from what the explorer has loaded: no request for the row.
 */
export abstract class RoutedTrunkNode<R extends ResourceRef> extends ResourceNode<R> {
  private route: Promise<ExplorerNode[]> | undefined;

  constructor(
    ref: R,
    parent: ExplorerNode,
    protected readonly ctx: ExplorerContext,
  ) {
    super(ref, parent);
  }

  /** The route's node (or a hint when there is none); may fetch it. */
  protected abstract loadRoute(): Promise<ExplorerNode[]>;
  /** Forgets the route loaded (the row is refreshed). */
  protected abstract forgetRoute(): void;
  /** The call-readiness findings about this trunk, from what is loaded. */
  protected abstract readiness(): readonly Finding[];
  /** The tooltip, naming the route, with the findings. */
  protected abstract tooltip(findings: readonly Finding[]): string;
  /** What failed to load, for the log: "Failed to load the endpoint of "{0}": {1}". */
  protected abstract failedMessage(message: string): string;
  /** Hovered: reads what the tooltip needs beyond the route itself (a policy's targets). */
  protected async resolveRoute(): Promise<void> {
    await this.children();
  }

  children(): Promise<ExplorerNode[]> {
    this.route ??= this.loadRoute().catch((e: unknown) => {
      this.route = undefined;
      const message = errorLine(e);
      this.ctx.log.error(this.failedMessage(message));
      return [new EmptyNode(this, t('Failed to load: {0}', message))];
    });
    return this.route;
  }

  reset(): void {
    this.route = undefined;
    this.forgetRoute();
  }

  override treeItem(): TreeItemData {
    const item = super.treeItem();
    const findings = this.readiness();
    return withReadiness(item, findings, this.tooltip(findings));
  }

  /** Hovered: the route is read (once; one the account listed is not fetched again). */
  async resolveTooltip(): Promise<string | undefined> {
    const before = this.readiness().length;
    await this.resolveRoute();
    const findings = this.readiness();
    // What the hover learnt changes the row too (a policy with no enabled target).
    if (findings.length !== before) this.ctx.changed(this);
    return this.tooltip(findings);
  }
}
