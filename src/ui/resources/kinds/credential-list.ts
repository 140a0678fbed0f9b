import type { SipCredentialList, Trunk, TrunkAuthList } from '../../../core/providers/twilio/models';
import { CREDENTIAL_LIST_NAME_MAX } from '../../../core/providers/twilio/sip-auth-rules';
import { t } from '../../l10n';
import { pickCredentialList } from '../../pickers/pick-sip-auth-list';
import { sipAuthListKind } from './sip-auth-list-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /** Below a trunk's Termination (`via`), `list` is the link's record, which carries the trunk's sid. */
    credentialList: { list: SipCredentialList | TrunkAuthList; via?: Trunk | undefined };
  }
}

/** An account's credential list (CL…): the usernames and passwords Twilio accepts calls with on the trunks that link it. */
export const credentialListKind = sipAuthListKind({
  kind: 'credentialList',
  displayName: () => t('credential list'),
  folder: 'credentialLists',
  maxLength: CREDENTIAL_LIST_NAME_MAX,
  icon: 'key',
  pick: pickCredentialList,
  lists: (client) => client.credentialLists,
  links: (client) => client.trunkCredentialLists,
});
