import type { CarrierXTrunk, Did, TrunkGroup } from '../../providers/carrierx/models';
import type {
  ByocTrunk,
  ConnectionPolicy,
  ConnectionPolicyTarget,
  IncomingPhoneNumber,
  OriginationUrl,
  Recording,
  SipCredential,
  SipCredentialList,
  SipIpAccessControlList,
  SipIpAddress,
  Trunk,
  TrunkAuthList,
  TrunkPhoneNumber,
} from '../../providers/twilio/models';
import type { TrunkKind } from '../file/trunk-kinds';
import type { DocumentKindTypes } from '../kinds/document-kind-types';
import type { TrunkSpecByKind } from '../file/trunk-specs';

// The remote side of a document, in the renderer's shapes (renderSpec/renderDocument take
// `state.remote` as it is), plus what planning needs beyond them: the PN SIDs of attached
// numbers, and whether origination URLs were fetched at all. Types only: the kind descriptors
// (kinds/) and the generic code that asks them both use these, so this file imports neither.

export interface RemoteTwilioTrunk {
  trunk: Trunk;
  /** The Recording sub-resource; defaults to the trunk's own `recording`. */
  recording?: Recording | null;
  originationUrls: readonly OriginationUrl[];
  /** E.164 strings or the attached number resources. */
  phoneNumbers: readonly (string | Pick<TrunkPhoneNumber, 'phone_number'>)[];
  /** The linked lists; undefined when not fetched (a document that does not manage them). */
  ipAccessControlLists?: readonly TrunkAuthList[] | undefined;
  credentialLists?: readonly TrunkAuthList[] | undefined;
}

export interface RemoteIpAccessControlList {
  list: SipIpAccessControlList;
  ipAddresses: readonly SipIpAddress[];
}

export interface RemoteCredentialList {
  list: SipCredentialList;
  credentials: readonly SipCredential[];
}

export interface RemoteCarrierXTrunkGroup {
  trunkGroup: TrunkGroup;
  /** Defaults to `trunkGroup.trunks`; when neither is given, `trunks` is left out (not managed). */
  trunks?: readonly CarrierXTrunk[];
  /** The DIDs assigned to the group; when not given, `phone_numbers` is left out (not managed). */
  dids?: readonly Pick<Did, 'did_sid' | 'phonenumber'>[];
}

export interface RemoteConnectionPolicy {
  policy: ConnectionPolicy;
  targets: readonly ConnectionPolicyTarget[];
}

/** What the renderer takes for each kind (renderSpec, renderDocument), as its kind file declares it. */
export type RemoteByKind = { [K in TrunkKind]: DocumentKindTypes[K]['remote'] };

/** A number on the trunk: its PN SID is what detaching takes. */
export type AttachedNumber = Pick<TrunkPhoneNumber | IncomingPhoneNumber, 'sid' | 'phone_number'>;

export interface TwilioTrunkRemote extends RemoteTwilioTrunk {
  phoneNumbers: readonly AttachedNumber[];
}

/** What a fetch of a Twilio trunk gives beyond its kind and sid. */
export interface TwilioTrunkFetched {
  remote: TwilioTrunkRemote;
  /**
   * False when a bulk fetch skipped the origination URLs because the document does not
   * manage them: `remote.originationUrls` is then empty and must not be shown as the truth.
   */
  originationUrlsFetched: boolean;
}

/** What a fetch gives for each kind beyond its kind and sid, as its kind file declares it. */
export type RemoteStateByKind = { [K in TrunkKind]: DocumentKindTypes[K]['state'] };

/** The remote state of a document of kind K (a union of them when K is). */
export type RemoteStateOf<K extends TrunkKind> = K extends TrunkKind ? { kind: K; sid: string } & RemoteStateByKind[K] : never;
export type RemoteState = RemoteStateOf<TrunkKind>;

/** A resource with the same name as a document without sid: maybe created by an interrupted push. */
export interface SameNamedResource {
  sid: string;
  name: string;
}

/**
 * What the provider has for a document:
 * - `found`: the resource its sid names;
 * - `missing`: it has a sid but the resource is gone (deleted outside Trunkline);
 * - `new`: no sid. `adopt` is a resource of the account that already owns the document's
 *   unique key (a Twilio trunk's domain_name: it can only be this document's resource, e.g.
 *   created by a push that crashed before writing the sid back); `sameName` lists resources
 *   with the document's name (BYOC trunks, trunk groups), which cannot be told apart, only warned about.
 */
export type RemoteLookup =
  | { status: 'found'; state: RemoteState }
  | { status: 'missing'; sid: string }
  | { status: 'new'; adopt?: RemoteState | undefined; sameName: SameNamedResource[] };

/** What fetching needs to know about a document of kind K (a union of them when K is). */
export type RemoteTargetOf<K extends TrunkKind> = K extends TrunkKind ? { account: string; sid: string | undefined; kind: K; spec: TrunkSpecByKind[K] } : never;
export type RemoteTarget = RemoteTargetOf<TrunkKind>;

export interface FetchOptions {
  signal?: AbortSignal | undefined;
}
