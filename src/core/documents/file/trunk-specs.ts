import type {
  AclFields,
  CarrierXTrunkFields,
  EndpointAddressFields,
  RFC_4694_MODES,
  Transformation,
  TrunkGroupFields,
} from '../../providers/carrierx/models';
import type { ByocTrunkFields, ConnectionPolicyFields, ConnectionPolicyTargetFields, OriginationUrlFields, RecordingFields, SipIpAddressFields, TrunkFields } from '../../providers/twilio/models';
import type { DocumentKindTypes } from '../kinds/document-kind-types';
import type { TrunkKind } from './trunk-kinds';

// The `spec` of each document kind as the planner receives it (only from a valid document).
// A key that is absent is not managed; `origination_urls`, `phone_numbers` and `trunks`, when
// present (even empty), are the exact desired set.

export interface TwilioTrunkSpec extends TrunkFields {
  recording?: RecordingFields;
  /** Matched with the remote ones by `sip_url`. */
  origination_urls?: OriginationUrlFields[];
  /** E.164 numbers, each at most once. */
  phone_numbers?: string[];
  /** Linked IP access control lists: each a sid or a name (references/). */
  ip_access_control_lists?: string[];
  /** Linked credential lists: each a sid or a name (references/). */
  credential_lists?: string[];
}

export interface TwilioIpAccessControlListSpec {
  friendly_name: string;
  /** Matched with the remote ones by ip_address and cidr_prefix_length (32 when absent). */
  ip_addresses?: SipIpAddressFields[];
}

export interface TwilioCredentialListSpec {
  friendly_name: string;
  /** Matched by username; never a password. */
  credentials?: { username: string }[];
}

export interface TwilioByocTrunkSpec extends ByocTrunkFields {
  /** The policy by sid or friendly_name (a reference); never with connection_policy_sid. Never sent as such. */
  connection_policy?: string;
}

type Rfc4694Mode = (typeof RFC_4694_MODES)[number];

/** An ACL as a file holds it: the sms_* actions are read-only (shown, never sent). */
export interface CarrierXAclSpec extends AclFields {
  sms_action_true?: string | null;
  sms_action_false?: string | null;
}

export interface CarrierXTrunkSpec extends CarrierXTrunkFields {
  /** Binds the entry to an existing trunk; otherwise the trunk is matched by `name`. Never sent. */
  trunk_sid?: string;
  /** The endpoint by sid or name (a reference); never with endpoint_sid. Never sent as such. */
  endpoint?: string;
  acls?: CarrierXAclSpec[];
  /** Read-only: shown, never sent. */
  in_rfc_4694_mode?: Rfc4694Mode | null;
  /** Read-only: shown, never sent. */
  out_rfc_4694_mode?: Rfc4694Mode | null;
}

export interface CarrierXTrunkGroupSpec extends TrunkGroupFields {
  acls?: CarrierXAclSpec[];
  /** Read-only: shown, never sent. */
  partner_sid?: string | null;
  trunks?: CarrierXTrunkSpec[];
  /** The exact set of DIDs assigned to the group, E.164 (`+` and digits). */
  phone_numbers?: string[];
}

/** A connection policy target as a file holds it: `target` identifies it. */
export interface ConnectionPolicyTargetSpec extends ConnectionPolicyTargetFields {
  target: string;
}

export interface TwilioConnectionPolicySpec extends ConnectionPolicyFields {
  /** Matched with the remote ones by `target` (ignoring case). */
  targets?: ConnectionPolicyTargetSpec[];
}

/** An endpoint address as a file holds it: never a password. Matched by `ip` (ignoring case) and `port`. */
export type CarrierXEndpointAddressSpec = Omit<EndpointAddressFields, 'sip_password'>;

/** A CarrierX third_party endpoint as a file holds it: never a password (Push asks for them, or reads the environment). */
export interface CarrierXEndpointSpec {
  name?: string;
  capacity?: number;
  out_sip_username?: string | null;
  attributes?: Record<string, unknown>;
  transformations?: Transformation[];
  addresses?: CarrierXEndpointAddressSpec[];
}

/** Each kind's spec type, as its kind file declares it (kinds/document-kind-types.ts). */
export type TrunkSpecByKind = { [K in TrunkKind]: DocumentKindTypes[K]['spec'] };
export type TrunkSpec = TrunkSpecByKind[TrunkKind];
