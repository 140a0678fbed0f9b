import { TRUNK_KINDS, type TrunkKind } from '../file/trunk-kinds';
import { carrierXTrunkGroupKind } from './carrierx-trunk-group';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import { twilioByocTrunkKind } from './twilio-byoc-trunk';
import { twilioTrunkKind } from './twilio-trunk';
import { twilioIpAccessControlListKind } from './twilio-ip-access-control-list';
import { twilioCredentialListKind } from './twilio-credential-list';

// The registry of document kinds: what provider-neutral code asks instead of switching on a
// kind. Typed per kind, so `documentKind(target.kind)` gives the descriptor of that kind, and
// the compiler refuses a TRUNK_KINDS entry without one.

export type DocumentKindRegistry = { readonly [K in TrunkKind]: DocumentKindDescriptor<K> };

const DOCUMENT_KINDS: DocumentKindRegistry = {
  TwilioTrunk: twilioTrunkKind,
  TwilioByocTrunk: twilioByocTrunkKind,
  CarrierXTrunkGroup: carrierXTrunkGroupKind,
  TwilioIpAccessControlList: twilioIpAccessControlListKind,
  TwilioCredentialList: twilioCredentialListKind,
};

/** The descriptor of a kind. */
export function documentKind<K extends TrunkKind>(kind: K): DocumentKindDescriptor<K> {
  const descriptor = DOCUMENT_KINDS[kind] as DocumentKindDescriptor<K> | undefined;
  // Only a kind schema without its descriptor (TRUNK_KINDS comes from schemas/): say where it goes.
  if (!descriptor) throw new Error(`Document kind ${kind} has a schema but no descriptor: add src/core/documents/kinds/<kind>.ts and its line in document-kinds.ts.`);
  return descriptor;
}

/** Every kind's descriptor, in TRUNK_KINDS order. */
export function documentKinds(): DocumentKindDescriptor<TrunkKind>[] {
  return TRUNK_KINDS.map((kind) => documentKind(kind));
}
