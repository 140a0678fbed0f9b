import type { RefOf } from '../resources/resource-ref';
import { t } from '../l10n';
import { CarrierXTrunkNode } from './carrierx-trunk-node';
import type { ExplorerContext, ExplorerNode } from './explorer-node';
import { EmptyNode } from './paged-folder-node';
import { ResourceNode } from './resource-node';

/** A CarrierX trunk group; its trunks arrive with it (listed `with_trunks=true`). */
export class TrunkGroupNode extends ResourceNode<RefOf<'trunkGroup'>> {
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
    if (trunks.length === 0) return [new EmptyNode(this, t('No trunks'))];
    return trunks.map((trunk) => new CarrierXTrunkNode({ kind: 'carrierxTrunk', account: this.account, group: this.group, trunk }, this, this.ctx));
  }
}
