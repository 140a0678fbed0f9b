import type { SipIpAccessControlList, Trunk, TrunkAuthList } from '../../../core/providers/twilio/models';
import { IP_ACCESS_CONTROL_LIST_NAME_MAX } from '../../../core/providers/twilio/sip-auth-rules';
import { t } from '../../l10n';
import { pickIpAccessControlList } from '../../pickers/pick-sip-auth-list';
import { sipAuthListKind } from './sip-auth-list-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /** Below a trunk's Termination (`via`), `list` is the link's record, which carries the trunk's sid. */
    ipAccessControlList: { list: SipIpAccessControlList | TrunkAuthList; via?: Trunk | undefined };
  }
}

/** An account's IP access control list (AL…): the addresses Twilio accepts calls from on the trunks that link it. */
export const ipAccessControlListKind = sipAuthListKind({
  kind: 'ipAccessControlList',
  displayName: () => t('IP access control list'),
  folder: 'ipAccessControlLists',
  maxLength: IP_ACCESS_CONTROL_LIST_NAME_MAX,
  icon: 'shield',
  pick: pickIpAccessControlList,
  lists: (client) => client.ipAccessControlLists,
  links: (client) => client.trunkIpAccessControlLists,
});
