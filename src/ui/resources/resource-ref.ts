import type { Account } from '../../core/accounts/account';
import type { CarrierXTrunk, TrunkGroup } from '../../core/providers/carrierx/models';
import type { ByocTrunk, OriginationUrl, Trunk, TrunkPhoneNumber } from '../../core/providers/twilio/models';

/** A provider resource a command acts on, whether it came from a tree node or a palette pick. */
export type ResourceRef =
  | { kind: 'trunk'; account: Account; trunk: Trunk }
  | { kind: 'byocTrunk'; account: Account; trunk: ByocTrunk }
  | { kind: 'trunkGroup'; account: Account; group: TrunkGroup }
  | { kind: 'carrierxTrunk'; account: Account; group: TrunkGroup; trunk: CarrierXTrunk }
  | { kind: 'originationUrl'; account: Account; trunk: Trunk; url: OriginationUrl }
  | { kind: 'phoneNumber'; account: Account; trunk: Trunk; number: TrunkPhoneNumber };

export type ResourceKind = ResourceRef['kind'];

/** The reference of one kind, e.g. `RefOf<'trunk'>`. */
export type RefOf<K extends ResourceKind> = Extract<ResourceRef, { kind: K }>;
