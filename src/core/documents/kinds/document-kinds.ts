import { TRUNK_KINDS, type TrunkKind } from '../file/trunk-kinds';
import { carrierXTrunkGroupKind } from './carrierx-trunk-group';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import { twilioByocTrunkKind } from './twilio-byoc-trunk';
import { twilioTrunkKind } from './twilio-trunk';

// The registry of document kinds: what provider-neutral code asks instead of switching on a
// kind. Typed per kind, so `documentKind(target.kind)` gives the descriptor of that kind, and
// the compiler refuses a TRUNK_KINDS entry without one.

export type DocumentKindRegistry = { readonly [K in TrunkKind]: DocumentKindDescriptor<K> };

const DOCUMENT_KINDS: DocumentKindRegistry = {
  TwilioTrunk: twilioTrunkKind,
  TwilioByocTrunk: twilioByocTrunkKind,
  CarrierXTrunkGroup: carrierXTrunkGroupKind,
};

/** The descriptor of a kind. */
export function documentKind<K extends TrunkKind>(kind: K): DocumentKindDescriptor<K> {
  return DOCUMENT_KINDS[kind];
}

/** Every kind's descriptor, in TRUNK_KINDS order. */
export function documentKinds(): DocumentKindDescriptor<TrunkKind>[] {
  return TRUNK_KINDS.map((kind) => documentKind(kind));
}
