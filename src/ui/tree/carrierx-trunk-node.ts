import type { CarrierXTrunk } from '../../core/providers/carrierx/models';
import { t } from '../l10n';
import { LeafNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import type { TreeItemData } from './tree-item-data';
import type { TrunkGroupNode } from './trunk-group-node';

export class CarrierXTrunkNode extends LeafNode {
  readonly id: string;

  constructor(
    public trunk: CarrierXTrunk,
    readonly parent: TrunkGroupNode,
  ) {
    super();
    this.id = `${parent.id}/${trunk.trunk_sid}`;
  }

  treeItem(): TreeItemData {
    const tr = this.trunk;
    return {
      id: this.id,
      label: tr.name || tr.trunk_sid,
      description: `${tr.call_type ?? ''} · ${t('in {0} / out {1}', capacity(tr.in_capacity), capacity(tr.out_capacity))} · ${t('priority {0}, weight {1}', tr.priority ?? 0, tr.weight ?? 0)}`,
      tooltip: markdownFields(tr.name || tr.trunk_sid, [
        ['trunk_sid', tr.trunk_sid],
        ['call_type', tr.call_type],
        ['codec', tr.codec ?? t('from legA')],
        ['allow_forward', tr.allow_forward],
        ['allow_transfer', tr.allow_transfer],
        ['asn_mode', tr.asn_mode],
        ['in_capacity', tr.in_capacity],
        ['out_capacity', tr.out_capacity],
        ['in_identity_mode', tr.in_identity_mode],
        ['in_identity_format', tr.in_identity_format],
        ['out_identity_mode', tr.out_identity_mode],
        ['in_rfc_4694_mode', tr.in_rfc_4694_mode],
        ['out_rfc_4694_mode', tr.out_rfc_4694_mode],
        ['out_sip_ringing_max_ttl', tr.out_sip_ringing_max_ttl],
        ['endpoint_sid', tr.endpoint_sid],
        ['location_sid', tr.location_sid],
        ['relay_sip_headers', tr.relay_sip_headers],
        ['acls', tr.acls.length > 0 ? t('{0} ACLs', tr.acls.length) : undefined],
      ]),
      contextValue: 'trunkline:carrierxTrunk.carrierx.editable.deletable',
      icon: { id: tr.in_capacity === -1 && tr.out_capacity === -1 ? 'circle-slash' : 'server' },
      collapsible: 'none',
    };
  }
}

/** -1 disables, 0 is unlimited (seed 004). */
function capacity(value: number | null): string {
  if (value === -1) return t('off');
  if (value === 0 || value === null) return '∞';
  return String(value);
}
