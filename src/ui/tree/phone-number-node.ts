import type { TrunkPhoneNumber } from '../../core/providers/twilio/models';
import { LeafNode } from './explorer-node';
import { markdownFields, named } from './markdown-fields';
import type { PhoneNumbersNode } from './phone-numbers-node';
import type { TreeItemData } from './tree-item-data';

export class PhoneNumberNode extends LeafNode {
  readonly id: string;

  constructor(
    readonly number: TrunkPhoneNumber,
    readonly parent: PhoneNumbersNode,
  ) {
    super();
    this.id = `${parent.id}/${number.sid}`;
  }

  treeItem(): TreeItemData {
    const n = this.number;
    const sandbox = this.parent.trunkNode.account.provider === 'sandbox';
    const trunk = this.parent.trunkNode.trunk;
    return {
      id: this.id,
      label: n.phone_number ?? n.sid,
      description: n.friendly_name && n.friendly_name !== n.phone_number ? n.friendly_name : undefined,
      tooltip: markdownFields(n.phone_number ?? n.sid, [
        ['sid', n.sid],
        ['friendly_name', n.friendly_name],
        ['trunk_sid', named(n.trunk_sid, n.trunk_sid === trunk.sid ? trunk.friendly_name : undefined)],
        ['capabilities', n.capabilities],
        ['voice_url', n.voice_url],
        ['voice_method', n.voice_method],
        ['voice_application_sid', n.voice_application_sid],
        ['status_callback', n.status_callback],
        ['address_requirements', n.address_requirements],
        ['date_updated', n.date_updated],
      ], 'phoneNumber'),
      contextValue: `trunkline:phoneNumber.twilio.detachable${sandbox ? '' : '.console'}`,
      icon: { id: 'call-incoming' },
      collapsible: 'none',
    };
  }
}
