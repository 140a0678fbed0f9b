import type { Account } from '../../core/accounts/account';
import type { CarrierXTrunk, TrunkGroup } from '../../core/providers/carrierx/models';
import type { ByocTrunk, Trunk, TrunkPhoneNumber } from '../../core/providers/twilio/models';

/**
 * The references of the resource kinds that declare their own, in their file in kinds/:
 *
 *   declare module '../resource-ref' {
 *     interface ResourceRefByKind { myKind: { trunk: Trunk; thing: Thing } }
 *   }
 *
 * adds `{ kind: 'myKind'; account: Account; trunk: Trunk; thing: Thing }` to ResourceRef (and
 * the compiler then asks for its descriptor in resource-kinds.ts).
 */
export interface ResourceRefByKind {}

type DeclaredRef = { [K in keyof ResourceRefByKind]: { kind: K; account: Account } & ResourceRefByKind[K] }[keyof ResourceRefByKind];

/** A provider resource a command acts on, whether it came from a tree node or a palette pick. */
export type ResourceRef =
  | { kind: 'trunk'; account: Account; trunk: Trunk }
  | { kind: 'byocTrunk'; account: Account; trunk: ByocTrunk }
  | { kind: 'trunkGroup'; account: Account; group: TrunkGroup }
  | { kind: 'carrierxTrunk'; account: Account; group: TrunkGroup; trunk: CarrierXTrunk }
  | { kind: 'phoneNumber'; account: Account; trunk: Trunk; number: TrunkPhoneNumber }
  | DeclaredRef;

export type ResourceKind = ResourceRef['kind'];

/** The reference of one kind, e.g. `RefOf<'trunk'>`. */
export type RefOf<K extends ResourceKind> = Extract<ResourceRef, { kind: K }>;
