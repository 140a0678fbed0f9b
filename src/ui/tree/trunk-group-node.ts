import type { RefOf } from '../resources/resource-ref';
import { t } from '../l10n';
import { CarrierXTrunkNode } from './carrierx-trunk-node';
import { DidsNode } from './dids-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';

/** A CarrierX trunk group: its trunks (they arrive with it, listed `with_trunks=true`), then its Phone Numbers. */
export class TrunkGroupNode extends ResourceNode<RefOf<'trunkGroup'>> {
  private numbers: DidsNode | undefined;

  constructor(
    ref: RefOf<'trunkGroup'>,
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
  ) {
    super(ref, parent);
  }

  get group() {
    return this.ref.group;
  }

  async children(): Promise<ExplorerNode[]> {
    const trunks = this.group.trunks ?? [];
    this.numbers ??= new DidsNode(this.account, this, this.ctx, this.group);
    const trunkNodes = trunks.map((trunk) => new CarrierXTrunkNode({ kind: 'carrierxTrunk', account: this.account, group: this.group, trunk }, this, this.ctx));
    return [...(trunkNodes.length === 0 ? [new EmptyNode(this, t('No trunks'))] : trunkNodes), this.numbers];
  }

  reset(): void {
    this.numbers = undefined;
  }
}
