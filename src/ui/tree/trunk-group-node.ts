import type { Endpoint } from '../../core/providers/carrierx/models';
import { checkFacts } from '../../core/readiness/check-readiness';
import type { RefOf } from '../resources/resource-ref';
import { t } from '../l10n';
import { addressCounts, CarrierXTrunkNode, carrierXTrunkFacts } from './carrierx-trunk-node';
import { DidsNode } from './dids-node';
import type { EndpointsNode } from './endpoints-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { withReadiness, withReadinessLines } from './readiness-tooltip';
import { ResourceNode } from './resource-node';
import type { TreeItemData } from './tree-item-data';

/** A CarrierX trunk group: its trunks (they arrive with it, listed `with_trunks=true`), then its Phone Numbers. */
export class TrunkGroupNode extends ResourceNode<RefOf<'trunkGroup'>> {
  private numbers: DidsNode | undefined;
  private trunkNodes: CarrierXTrunkNode[] | undefined;

  constructor(
    ref: RefOf<'trunkGroup'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
    /** The account's Endpoints: an endpoint loaded there is named (and its addresses counted) without a request. */
    private readonly endpoints?: EndpointsNode,
  ) {
    super(ref, parent);
  }

  get group() {
    return this.ref.group;
  }

  async children(): Promise<ExplorerNode[]> {
    const numbers = this.ensureNumbers();
    const trunkNodes = this.ensureTrunks();
    return [...(trunkNodes.length === 0 ? [new EmptyNode(this, t('No trunks'))] : trunkNodes), numbers];
  }

  reset(): void {
    this.numbers = undefined;
    this.trunkNodes = undefined;
  }

  /**
   * The row warns when the group cannot carry calls, from what the explorer has: its trunks
   * (listed with it), the endpoints loaded (below its trunks or in the account's Endpoints) and
   * its Phone Numbers once listed. No request.
   */
  override treeItem(): TreeItemData {
    const item = super.treeItem();
    const findings = this.readiness();
    return withReadiness(item, findings, withReadinessLines(item.tooltip, findings));
  }

  /** Hovered: its first page of numbers and its trunks' endpoints are read (once each) for the rules that need them. */
  async resolveTooltip(): Promise<string | undefined> {
    const before = this.readiness().length;
    await Promise.all([this.ensureNumbers().children(), ...this.ensureTrunks().map((n) => n.children())]).catch(() => undefined);
    const findings = this.readiness();
    if (findings.length !== before) this.ctx.changed(this);
    return withReadinessLines(super.treeItem().tooltip, findings);
  }

  private readiness() {
    const trunks = this.group.trunks ?? [];
    const endpoints = trunks.map((trunk) => (trunk.endpoint_sid ? this.endpointOf(trunk.endpoint_sid) : undefined));
    const numbers = this.numbers;
    const phoneNumbers = numbers?.isLoaded && !numbers.hasMore ? numbers.loadedCount : numbers && numbers.loadedCount > 0 ? numbers.loadedCount : undefined;
    return checkFacts('CarrierXTrunkGroup', { trunks: trunks.map(carrierXTrunkFacts), endpointAddresses: addressCounts(endpoints), phoneNumbers });
  }

  private endpointOf(sid: string): Endpoint | undefined {
    return this.trunkNodes?.find((n) => n.loadedEndpoint?.endpoint_sid === sid)?.loadedEndpoint ?? this.endpoints?.loadedEndpoint(sid)?.endpoint;
  }

  private ensureNumbers(): DidsNode {
    this.numbers ??= new DidsNode(this.account, this, this.ctx, this.group);
    return this.numbers;
  }

  private ensureTrunks(): CarrierXTrunkNode[] {
    this.trunkNodes ??= (this.group.trunks ?? []).map((trunk) => new CarrierXTrunkNode({ kind: 'carrierxTrunk', account: this.account, group: this.group, trunk }, this, this.ctx, this.endpoints));
    return this.trunkNodes;
  }
}
