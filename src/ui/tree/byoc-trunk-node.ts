import type { ByocTrunk } from '../../core/providers/twilio/models';
import type { ByocTrunksNode } from './byoc-trunks-node';
import { LeafNode } from './explorer-node';
import { markdownFields } from './markdown-fields';
import type { TreeItemData } from './tree-item-data';

export class ByocTrunkNode extends LeafNode {
  readonly id: string;

  constructor(
    public trunk: ByocTrunk,
    readonly parent: ByocTrunksNode,
  ) {
    super();
    this.id = `${parent.id}/${trunk.sid}`;
  }

  get account() {
    return this.parent.accountNode.account;
  }

  treeItem(): TreeItemData {
    const b = this.trunk;
    return {
      id: this.id,
      label: b.friendly_name || b.sid,
      description: b.voice_url ?? undefined,
      tooltip: markdownFields(b.friendly_name || b.sid, [
        ['sid', b.sid],
        ['voice_url', b.voice_url],
        ['voice_method', b.voice_method],
        ['voice_fallback_url', b.voice_fallback_url],
        ['voice_fallback_method', b.voice_fallback_method],
        ['status_callback_url', b.status_callback_url],
        ['status_callback_method', b.status_callback_method],
        ['cnam_lookup_enabled', b.cnam_lookup_enabled],
        ['connection_policy_sid', b.connection_policy_sid],
        ['from_domain_sid', b.from_domain_sid],
        ['date_created', b.date_created],
        ['date_updated', b.date_updated],
      ]),
      contextValue: `trunkline:byocTrunk.twilio.editable.deletable.exportable${this.account.provider === 'sandbox' ? '' : '.console'}`,
      icon: { id: 'plug' },
      collapsible: 'none',
    };
  }
}
