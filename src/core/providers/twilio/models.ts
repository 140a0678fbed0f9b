import * as z from 'zod';
import { BYOC_FRIENDLY_NAME_MAX, BYOC_TRUNK_WRITABLE_FIELDS, FRIENDLY_NAME_MAX, ORIGINATION_URL_WRITABLE_FIELDS, SID_PATTERNS, TARGET_PRIORITY_RANGE, TARGET_WEIGHT_RANGE, TRUNK_WRITABLE_FIELDS } from './field-names';

export { BYOC_FRIENDLY_NAME_MAX, BYOC_TRUNK_WRITABLE_FIELDS, FRIENDLY_NAME_MAX, ORIGINATION_URL_WRITABLE_FIELDS, SID_PATTERNS, TARGET_PRIORITY_RANGE, TARGET_WEIGHT_RANGE, TRUNK_WRITABLE_FIELDS };

// Response models for the Twilio resources Trunkline manages. Field names are the API's own
// (snake_case), which are also the keys of trunk files. Enum-like fields are read as plain
// strings so that a value Twilio adds tomorrow does not break reading today; the allowed
// values for writing live in the constants below and in the JSON Schemas.

export const HTTP_METHODS = ['GET', 'POST'] as const;
export const TRANSFER_MODES = ['disable-all', 'enable-all', 'sip-only'] as const;
export const TRANSFER_CALLER_IDS = ['from-transferee', 'from-transferor'] as const;
export const RECORDING_MODES = [
  'do-not-record',
  'record-from-ringing',
  'record-from-answer',
  'record-from-ringing-dual',
  'record-from-answer-dual',
] as const;
export const RECORDING_TRIMS = ['trim-silence', 'do-not-trim'] as const;

export type TransferMode = (typeof TRANSFER_MODES)[number];
export type TransferCallerId = (typeof TRANSFER_CALLER_IDS)[number];
export type RecordingMode = (typeof RECORDING_MODES)[number];
export type RecordingTrim = (typeof RECORDING_TRIMS)[number];
export type HttpMethodName = (typeof HTTP_METHODS)[number];

/**
 * Trunk domain names: "letters, digits, and - and must end with pstn.twilio.com" (seed 002),
 * as one DNS label (no leading or trailing '-', at most 63 characters) before pstn.twilio.com.
 */
export const TRUNK_DOMAIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.pstn\.twilio\.com$/;

const nullableString = z.string().nullable();
const linkMap = z.record(z.string(), z.string()).nullable();

export const RecordingSchema = z.object({
  mode: z.string().nullable(),
  trim: z.string().nullable(),
});
export type Recording = z.output<typeof RecordingSchema>;

export const TrunkSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  domain_name: nullableString,
  disaster_recovery_method: nullableString,
  disaster_recovery_url: nullableString,
  friendly_name: nullableString,
  secure: z.boolean().nullable(),
  recording: RecordingSchema.nullable(),
  transfer_mode: nullableString,
  transfer_caller_id: nullableString,
  cnam_lookup_enabled: z.boolean().nullable(),
  auth_type: nullableString,
  symmetric_rtp_enabled: z.boolean().nullable().optional(),
  auth_type_set: z.array(z.string()).nullable(),
  date_created: nullableString,
  date_updated: nullableString,
  url: nullableString,
  links: linkMap,
});
export type Trunk = z.output<typeof TrunkSchema>;

export interface TrunkFields {
  friendly_name?: string | null;
  domain_name?: string | null;
  disaster_recovery_url?: string | null;
  disaster_recovery_method?: HttpMethodName | null;
  transfer_mode?: TransferMode;
  secure?: boolean;
  cnam_lookup_enabled?: boolean;
  transfer_caller_id?: TransferCallerId;
}

export interface RecordingFields {
  mode?: RecordingMode;
  trim?: RecordingTrim;
}

export const OriginationUrlSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  trunk_sid: nullableString,
  weight: z.number().int(),
  enabled: z.boolean().nullable(),
  sip_url: nullableString,
  friendly_name: nullableString,
  priority: z.number().int(),
  date_created: nullableString,
  date_updated: nullableString,
  url: nullableString,
});
export type OriginationUrl = z.output<typeof OriginationUrlSchema>;

export interface OriginationUrlFields {
  weight: number;
  priority: number;
  enabled: boolean;
  friendly_name: string;
  sip_url: string;
}

const capabilities = z.record(z.string(), z.unknown()).nullable();

/** A number attached to a trunk (seed 003): the IncomingPhoneNumber as the trunk sees it. */
export const TrunkPhoneNumberSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  address_requirements: nullableString.optional(),
  api_version: nullableString.optional(),
  beta: z.boolean().nullable().optional(),
  capabilities: capabilities.optional(),
  date_created: nullableString,
  date_updated: nullableString,
  friendly_name: nullableString,
  links: linkMap.optional(),
  phone_number: nullableString,
  sms_application_sid: nullableString.optional(),
  sms_fallback_method: nullableString.optional(),
  sms_fallback_url: nullableString.optional(),
  sms_method: nullableString.optional(),
  sms_url: nullableString.optional(),
  status_callback: nullableString.optional(),
  status_callback_method: nullableString.optional(),
  trunk_sid: nullableString,
  url: nullableString,
  voice_application_sid: nullableString.optional(),
  voice_caller_id_lookup: z.boolean().nullable().optional(),
  voice_fallback_method: nullableString.optional(),
  voice_fallback_url: nullableString.optional(),
  voice_method: nullableString.optional(),
  voice_url: nullableString.optional(),
});
export type TrunkPhoneNumber = z.output<typeof TrunkPhoneNumberSchema>;

export const ByocTrunkSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  friendly_name: nullableString,
  voice_url: nullableString,
  voice_method: nullableString,
  voice_fallback_url: nullableString,
  voice_fallback_method: nullableString,
  status_callback_url: nullableString,
  status_callback_method: nullableString,
  cnam_lookup_enabled: z.boolean().nullable(),
  connection_policy_sid: nullableString,
  from_domain_sid: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  url: nullableString,
});
export type ByocTrunk = z.output<typeof ByocTrunkSchema>;

export interface ByocTrunkFields {
  friendly_name?: string | null;
  voice_url?: string | null;
  voice_method?: HttpMethodName | null;
  voice_fallback_url?: string | null;
  voice_fallback_method?: HttpMethodName | null;
  status_callback_url?: string | null;
  status_callback_method?: HttpMethodName | null;
  cnam_lookup_enabled?: boolean;
  connection_policy_sid?: string | null;
  from_domain_sid?: string | null;
}

/** A BYOC connection policy (voice v1): the named list of targets a BYOC trunk routes calls to. */
export const ConnectionPolicySchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  url: nullableString,
  links: linkMap,
});
export type ConnectionPolicy = z.output<typeof ConnectionPolicySchema>;

export const CONNECTION_POLICY_WRITABLE_FIELDS = ['friendly_name'] as const;
export interface ConnectionPolicyFields {
  friendly_name?: string | null;
}

/** One SIP address of a connection policy: lowest priority first, spread by weight within a priority. */
export const ConnectionPolicyTargetSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  connection_policy_sid: nullableString,
  friendly_name: nullableString,
  target: nullableString,
  priority: z.number().int(),
  weight: z.number().int(),
  enabled: z.boolean().nullable(),
  date_created: nullableString,
  date_updated: nullableString,
  url: nullableString,
});
export type ConnectionPolicyTarget = z.output<typeof ConnectionPolicyTargetSchema>;

export const CONNECTION_POLICY_TARGET_WRITABLE_FIELDS = ['friendly_name', 'target', 'priority', 'weight', 'enabled'] as const;
export interface ConnectionPolicyTargetFields {
  friendly_name?: string | null;
  /** `sip:` only; `sips:` is not supported. */
  target?: string;
  priority?: number;
  weight?: number;
  enabled?: boolean;
}

export const IncomingPhoneNumberSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  address_sid: nullableString.optional(),
  address_requirements: nullableString.optional(),
  api_version: nullableString.optional(),
  beta: z.boolean().nullable().optional(),
  capabilities: capabilities.optional(),
  date_created: nullableString,
  date_updated: nullableString,
  friendly_name: nullableString,
  identity_sid: nullableString.optional(),
  phone_number: z.string(),
  origin: nullableString.optional(),
  sms_application_sid: nullableString.optional(),
  sms_fallback_method: nullableString.optional(),
  sms_fallback_url: nullableString.optional(),
  sms_method: nullableString.optional(),
  sms_url: nullableString.optional(),
  status_callback: nullableString.optional(),
  status_callback_method: nullableString.optional(),
  trunk_sid: nullableString,
  uri: nullableString.optional(),
  voice_receive_mode: nullableString.optional(),
  voice_application_sid: nullableString.optional(),
  voice_caller_id_lookup: z.boolean().nullable().optional(),
  voice_fallback_method: nullableString.optional(),
  voice_fallback_url: nullableString.optional(),
  voice_method: nullableString.optional(),
  voice_url: nullableString.optional(),
  emergency_status: nullableString.optional(),
  emergency_address_sid: nullableString.optional(),
  emergency_address_status: nullableString.optional(),
  bundle_sid: nullableString.optional(),
  status: nullableString.optional(),
  type: nullableString.optional(),
});
export type IncomingPhoneNumber = z.output<typeof IncomingPhoneNumberSchema>;

// SIP auth lists (2010 API, api.twilio.com): dates are RFC 2822, `uri`s relative. A credential
// has no password field: Twilio never returns one, and neither model could carry it.

/** An account-level credential list (CL…). */
export const SipCredentialListSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  subresource_uris: linkMap,
  uri: nullableString,
});
export type SipCredentialList = z.output<typeof SipCredentialListSchema>;

/** A username in a credential list (CR…). */
export const SipCredentialSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  credential_list_sid: nullableString,
  username: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  uri: nullableString,
});
export type SipCredential = z.output<typeof SipCredentialSchema>;

/** An account-level IP access control list (AL…). */
export const SipIpAccessControlListSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  subresource_uris: linkMap,
  uri: nullableString,
});
export type SipIpAccessControlList = z.output<typeof SipIpAccessControlListSchema>;

/** An address or CIDR block in an IP access control list (IP…). */
export const SipIpAddressSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  friendly_name: nullableString,
  ip_address: nullableString,
  cidr_prefix_length: z.number().int(),
  ip_access_control_list_sid: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  uri: nullableString,
});
export type SipIpAddress = z.output<typeof SipIpAddressSchema>;

export const SIP_IP_ADDRESS_WRITABLE_FIELDS = ['friendly_name', 'ip_address', 'cidr_prefix_length'] as const;
export interface SipIpAddressFields {
  friendly_name: string;
  ip_address: string;
  /** 1..32; Twilio uses 32 (the whole address) when it is left out. */
  cidr_prefix_length?: number;
}

/**
 * A credential list or IP ACL as linked to a trunk (trunking v1). Its `sid` is the account
 * list's own SID: the link has no SID of its own.
 */
export const TrunkAuthListSchema = z.object({
  sid: z.string(),
  account_sid: nullableString,
  trunk_sid: nullableString,
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  url: nullableString,
});
export type TrunkAuthList = z.output<typeof TrunkAuthListSchema>;

/** Page metadata of the v1 APIs (trunking, voice): absolute URLs. */
export const V1MetaSchema = z.object({
  first_page_url: nullableString.optional(),
  key: z.string(),
  next_page_url: nullableString,
  page: z.number().int(),
  page_size: z.number().int(),
  previous_page_url: nullableString.optional(),
  url: nullableString.optional(),
});

/** The 2010 API's flat page object: relative URIs. */
export const V2010PageSchema = z.object({
  end: z.number().int().optional(),
  first_page_uri: nullableString.optional(),
  next_page_uri: nullableString,
  page: z.number().int(),
  page_size: z.number().int(),
  previous_page_uri: nullableString.optional(),
  start: z.number().int().optional(),
  uri: nullableString.optional(),
});

/** Twilio's error body (legacy format used by these APIs). */
export const TwilioErrorBodySchema = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
  more_info: z.string().optional(),
  status: z.number().optional(),
  details: z.unknown().optional(),
});
