import type { TrunkGroup } from '../../core/providers/carrierx/models';
import { t } from '../l10n';
import { CarrierXTrunkNode } from './carrierx-trunk-node';
import type { ExplorerNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import { EmptyNode } from './paged-folder-node';
import type { TreeItemData } from './tree-item-data';
import type { TrunkGroupsNode } from './trunk-groups-node';

/** A CarrierX trunk group; its trunks arrive with it (listed `with_trunks=true`). */
export class TrunkGroupNode implements ExplorerNode {
  readonly id: string;

  constructor(
    public group: TrunkGroup,
    readonly parent: TrunkGroupsNode,
  ) {
    this.id = `${parent.id}/${group.trunk_group_sid}`;
  }

  get account() {
    return this.parent.accountNode.account;
  }

  treeItem(): TreeItemData {
    const g = this.group;
    const trunks = g.trunks?.length ?? 0;
    return {
      id: this.id,
      label: g.name || g.trunk_group_sid,
      description: `${g.routing_type ?? ''} · ${(trunks === 1 ? t('1 trunk') : t('{0} trunks', trunks))}`,
      tooltip: markdownFields(g.name || g.trunk_group_sid, [
        ['trunk_group_sid', g.trunk_group_sid],
        ['routing_type', g.routing_type],
        ['hard_failure_codes', g.hard_failure_codes],
        ['hard_failure_threshold', g.hard_failure_threshold],
        ['hard_failure_interval', g.hard_failure_interval],
        ['hard_failure_cooldown', g.hard_failure_cooldown],
        ['hard_failure_last_resort', g.hard_failure_last_resort],
        ['soft_failure_codes', g.soft_failure_codes],
        ['sip_options_threshold', g.sip_options_threshold],
        ['acls', g.acls.length > 0 ? t('{0} ACLs', g.acls.length) : undefined],
        ['partner_sid', g.partner_sid],
      ]),
      contextValue: 'trunkline:trunkGroup.carrierx.editable.deletable.exportable.creatable',
      icon: { id: 'layers' },
      collapsible: 'collapsed',
    };
  }

  async children(): Promise<ExplorerNode[]> {
    const trunks = this.group.trunks ?? [];
    if (trunks.length === 0) return [new EmptyNode(this, t('No trunks'))];
    return trunks.map((trunk) => new CarrierXTrunkNode(trunk, this));
  }
}
