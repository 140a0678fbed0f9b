import type { Account } from '../../core/accounts/account';
import type { CarrierXTrunk, TrunkGroup } from '../../core/providers/carrierx/models';
import type {
  ByocTrunk,
  OriginationUrl,
  SipCredential,
  SipCredentialList,
  SipIpAccessControlList,
  SipIpAddress,
  Trunk,
  TrunkAuthList,
  TrunkPhoneNumber,
} from '../../core/providers/twilio/models';

/** A provider resource a command acts on, whether it came from a tree node or a palette pick. */
export type ResourceRef =
  | { kind: 'trunk'; account: Account; trunk: Trunk }
  | { kind: 'byocTrunk'; account: Account; trunk: ByocTrunk }
  | { kind: 'trunkGroup'; account: Account; group: TrunkGroup }
  | { kind: 'carrierxTrunk'; account: Account; group: TrunkGroup; trunk: CarrierXTrunk }
  | { kind: 'originationUrl'; account: Account; trunk: Trunk; url: OriginationUrl }
  | { kind: 'phoneNumber'; account: Account; trunk: Trunk; number: TrunkPhoneNumber }
  // A SIP auth list is shown twice: below its account, and below each trunk that links it
  // (`via`: then `list` is the link's record, which carries the trunk's sid).
  | { kind: 'ipAccessControlList'; account: Account; list: SipIpAccessControlList | TrunkAuthList; via?: Trunk | undefined }
  | { kind: 'ipAddress'; account: Account; list: SipIpAccessControlList | TrunkAuthList; address: SipIpAddress; via?: Trunk | undefined }
  | { kind: 'credentialList'; account: Account; list: SipCredentialList | TrunkAuthList; via?: Trunk | undefined }
  | { kind: 'credential'; account: Account; list: SipCredentialList | TrunkAuthList; credential: SipCredential; via?: Trunk | undefined };

export type ResourceKind = ResourceRef['kind'];

/** The reference of one kind, e.g. `RefOf<'trunk'>`. */
export type RefOf<K extends ResourceKind> = Extract<ResourceRef, { kind: K }>;
