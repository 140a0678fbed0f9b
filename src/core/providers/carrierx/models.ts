import * as z from 'zod';
import {
  ACL_WRITABLE_FIELDS,
  CARRIERX_SID_PATTERN,
  CARRIERX_TRUNK_READ_ONLY_FIELDS,
  CARRIERX_TRUNK_WRITABLE_FIELDS,
  ENDPOINT_ADDRESS_WRITABLE_FIELDS,
  ENDPOINT_WRITABLE_FIELDS,
  TRUNK_GROUP_READ_ONLY_FIELDS,
  TRUNK_GROUP_WRITABLE_FIELDS,
} from './field-names';

export {
  ACL_WRITABLE_FIELDS,
  CARRIERX_SID_PATTERN,
  CARRIERX_TRUNK_READ_ONLY_FIELDS,
  CARRIERX_TRUNK_WRITABLE_FIELDS,
  ENDPOINT_ADDRESS_WRITABLE_FIELDS,
  ENDPOINT_WRITABLE_FIELDS,
  TRUNK_GROUP_READ_ONLY_FIELDS,
  TRUNK_GROUP_WRITABLE_FIELDS,
};

// Response models for CarrierX Core API v2 trunk groups and trunks (seed 004 and the API
// facts). SIDs are UUIDs. Enum-like fields are read as strings so that a value CarrierX adds
// does not break reading; the writable values are the constants below and the JSON Schemas.

export const ALLOW_FORWARD_VALUES = ['direct', 'direct_uri', 'disabled', 'protected', 'reroute'] as const;
export const ASN_MODES = ['disable', 'read', 'write', 'read_write'] as const;
export const CALL_TYPES = ['redirect_302', 'regular', 'sip_only'] as const;
export const CODECS = ['alaw', 'g722', 'g723', 'g729', 'gsm', 'opus8', 'opus12', 'opus16', 'opus24', 'opus48', 'ulaw'] as const;
export const IDENTITY_FORMATS = ['pai', 'passthrough', 'rpid'] as const;
export const IN_IDENTITY_MODES = ['always', 'never', 'passthrough', 'rewrite_from'] as const;
export const OUT_IDENTITY_MODES = ['never', 'passthrough'] as const;
export const RFC_4694_MODES = ['accept_all', 'cic_only', 'cut_all', 'rn_npdi'] as const;
export const ACL_DIRECTIONS = ['any', 'inbound', 'outbound', 'undirected'] as const;
export const ACL_VOICE_ACTIONS = ['accept', 'reject403', 'reject503'] as const;
export const ROUTING_TYPES = ['failover', 'round_robin'] as const;
export const HARD_FAILURE_LAST_RESORTS = ['first', 'reject502', 'reject503'] as const;
export const TRANSFORMATION_DIRECTIONS = ['any', 'inbound', 'outbound', 'undirected'] as const;

const nullableString = z.string().nullable();

export const AclSchema = z.object({
  access_control_rules: z.array(z.string()),
  direction: z.string(),
  sms_action_false: nullableString.optional(),
  sms_action_true: nullableString.optional(),
  voice_action_false: nullableString,
  voice_action_true: nullableString,
});
export type Acl = z.output<typeof AclSchema>;

/** `direction` and `operands` are null when the element that set the array left them out. */
export const TransformationSchema = z.looseObject({
  action: z.string(),
  direction: nullableString.optional(),
  operands: z.array(z.string()).nullable().optional(),
});
export type Transformation = z.output<typeof TransformationSchema>;

export const CarrierXTrunkSchema = z.object({
  trunk_sid: z.string(),
  name: nullableString,
  acls: z.array(AclSchema),
  allow_forward: nullableString,
  allow_transfer: z.boolean().nullable(),
  asn_mode: nullableString,
  call_type: nullableString,
  codec: nullableString,
  endpoint_sid: nullableString,
  in_capacity: z.number().int().nullable(),
  in_identity_format: nullableString,
  in_identity_mode: nullableString,
  in_rfc_4694_mode: nullableString,
  location_sid: nullableString,
  out_capacity: z.number().int().nullable(),
  out_identity_mode: nullableString,
  out_rfc_4694_mode: nullableString,
  out_sip_ringing_max_ttl: z.number().int().nullable().optional(),
  priority: z.number().int().nullable(),
  relay_sip_headers: z.array(z.string()),
  transformations: z.array(TransformationSchema),
  weight: z.number().int().nullable(),
});
export type CarrierXTrunk = z.output<typeof CarrierXTrunkSchema>;

export type CarrierXTrunkFields = Partial<{
  name: string;
  acls: AclFields[];
  allow_forward: (typeof ALLOW_FORWARD_VALUES)[number];
  allow_transfer: boolean;
  asn_mode: (typeof ASN_MODES)[number];
  call_type: (typeof CALL_TYPES)[number];
  codec: (typeof CODECS)[number] | null;
  endpoint_sid: string | null;
  in_capacity: number;
  in_identity_format: (typeof IDENTITY_FORMATS)[number];
  in_identity_mode: (typeof IN_IDENTITY_MODES)[number];
  location_sid: string | null;
  out_capacity: number;
  out_identity_mode: (typeof OUT_IDENTITY_MODES)[number];
  out_sip_ringing_max_ttl: number;
  priority: number;
  relay_sip_headers: string[];
  transformations: Transformation[];
  weight: number;
}>;

export interface AclFields {
  access_control_rules: string[];
  direction: (typeof ACL_DIRECTIONS)[number];
  voice_action_false?: (typeof ACL_VOICE_ACTIONS)[number] | null;
  voice_action_true?: (typeof ACL_VOICE_ACTIONS)[number] | null;
}

export const TrunkGroupSchema = z.object({
  trunk_group_sid: z.string(),
  name: nullableString,
  acls: z.array(AclSchema),
  external_handlers: z.array(z.unknown()).optional(),
  hard_failure_codes: nullableString,
  hard_failure_cooldown: z.number().int().nullable(),
  hard_failure_interval: z.number().int().nullable(),
  hard_failure_last_resort: nullableString,
  hard_failure_threshold: z.number().int().nullable(),
  partner: z.unknown().optional(),
  partner_sid: nullableString,
  routing_data: z.unknown().nullable(),
  routing_type: nullableString,
  sip_options_locations: z.array(z.unknown()),
  sip_options_threshold: z.number().int().nullable(),
  soft_failure_codes: nullableString,
  transformations: z.array(TransformationSchema),
  /** Present only when listed or fetched with `with_trunks=true`. */
  trunks: z.array(CarrierXTrunkSchema).optional(),
});
export type TrunkGroup = z.output<typeof TrunkGroupSchema>;

export type TrunkGroupFields = Partial<{
  name: string;
  acls: AclFields[];
  external_handlers: unknown[];
  hard_failure_codes: string;
  hard_failure_cooldown: number;
  hard_failure_interval: number;
  hard_failure_last_resort: (typeof HARD_FAILURE_LAST_RESORTS)[number];
  hard_failure_threshold: number;
  routing_data: unknown;
  routing_type: (typeof ROUTING_TYPES)[number];
  sip_options_locations: unknown[];
  sip_options_threshold: number;
  soft_failure_codes: string;
  transformations: Transformation[];
}>;

export const ListEnvelopeSchema = z.object({
  count: z.number().int(),
  has_more: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
  pagination: z.object({ next: z.string().optional(), previous: z.string().optional() }).partial(),
  total: z.number().int().optional(),
  items: z.array(z.unknown()),
});

/** The emulator's and (as far as the docs show) CarrierX's error body. */
export const CarrierXErrorBodySchema = z.object({
  message: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string().nullable().optional(), message: z.string().optional() }).loose())
    .optional(),
});

/** Endpoint types a partner may create (facts §6); `system_gateway` is made by CarrierX, one per partner. */
export const ENDPOINT_TYPES = ['third_party', 'conference', 'conference_playback', 'conference_v2', 'flexml', 'mediator', 'voicemail'] as const;
export const SYSTEM_GATEWAY_TYPE = 'system_gateway';
export const ENDPOINT_ADDRESS_DIRECTIONS = ['any', 'inbound', 'outbound'] as const;
export const ENDPOINT_ADDRESS_TRANSPORTS = ['udp', 'tcp', 'tls'] as const;

/**
 * One SIP address of an endpoint. Addresses have no ids: they are edited as the endpoint's whole
 * array. Every key is optional because older answers (the System Gateway sample) leave some out.
 * `sip_password` is a secret: the client registers it with the redactor whenever it passes.
 */
export const EndpointAddressSchema = z.looseObject({
  direction: nullableString.optional(),
  ip: nullableString.optional(),
  port: z.number().int().nullable().optional(),
  transport: nullableString.optional(),
  dst_port: z.number().int().nullable().optional(),
  priority: z.number().int().nullable().optional(),
  location_sid: nullableString.optional(),
  sip_username: nullableString.optional(),
  sip_password: nullableString.optional(),
  srtp: z.boolean().nullable().optional(),
});
export type EndpointAddress = z.output<typeof EndpointAddressSchema>;

export interface EndpointAddressFields {
  /** IPv4, IPv6 or a host name. */
  ip: string;
  direction?: (typeof ENDPOINT_ADDRESS_DIRECTIONS)[number];
  port?: number;
  transport?: (typeof ENDPOINT_ADDRESS_TRANSPORTS)[number];
  dst_port?: number;
  priority?: number;
  location_sid?: string | null;
  sip_username?: string | null;
  sip_password?: string | null;
  srtp?: boolean;
}

/** A CarrierX endpoint: where a trunk sends calls (`third_party`: the customer's SIP equipment). */
export const EndpointSchema = z.object({
  endpoint_sid: z.string(),
  name: nullableString,
  type: z.string(),
  addresses: z.array(EndpointAddressSchema),
  attributes: z.record(z.string(), z.unknown()).nullable(),
  auth_required: z.boolean().nullable().optional(),
  capacity: z.number().int().nullable(),
  cps_limit: z.number().int().nullable().optional(),
  out_sip_username: nullableString.optional(),
  /** A secret: never logged (registered with the redactor), shown only as set / not set. */
  out_sip_password: nullableString.optional(),
  partner: z.unknown().optional(),
  partner_sid: nullableString.optional(),
  properties: z.record(z.string(), z.unknown()).nullable(),
  transformations: z.array(TransformationSchema),
  voip_token: nullableString.optional(),
});
export type Endpoint = z.output<typeof EndpointSchema>;

export type EndpointFields = Partial<{
  name: string;
  /** Settable on create only. */
  type: (typeof ENDPOINT_TYPES)[number];
  /** The whole array: a PATCH replaces every address (they have no ids). */
  addresses: EndpointAddressFields[];
  attributes: Record<string, unknown>;
  capacity: number;
  out_sip_username: string | null;
  out_sip_password: string | null;
  properties: Record<string, unknown>;
  transformations: Transformation[];
}>;

/** A rented phone number (DID). `phonenumber` is E.164 digits without the `+`. */
export const DidSchema = z.object({
  did_sid: z.string(),
  phonenumber: z.string(),
  trunk_group_sid: nullableString,
  name: nullableString,
  attributes: z.record(z.string(), z.unknown()).nullable(),
  capabilities: z.number().int().nullable(),
  active_capabilities: z.number().int().nullable().optional(),
  callback_url: nullableString.optional(),
  campaign_sid: nullableString.optional(),
  classification_sid: nullableString.optional(),
  country_code: nullableString.optional(),
  did_group_sid: nullableString.optional(),
  in_country_format: nullableString.optional(),
  international_format: nullableString.optional(),
  lata: nullableString.optional(),
  locality: nullableString.optional(),
  lrn_sid: nullableString.optional(),
  ocn: nullableString.optional(),
  partner: z.unknown().optional(),
  partner_sid: nullableString.optional(),
  porting_pin: nullableString.optional(),
  price: z.union([z.string(), z.number()]).nullable().optional(),
  state: nullableString.optional(),
  status: nullableString.optional(),
  string_key_1: nullableString.optional(),
  string_key_2: nullableString.optional(),
  transformations: z.array(TransformationSchema).optional(),
});
export type Did = z.output<typeof DidSchema>;

/** DID attributes a client may change (the number itself is set when it is rented). */
export const DID_WRITABLE_FIELDS = ['trunk_group_sid', 'name', 'attributes', 'callback_url', 'string_key_1', 'string_key_2', 'transformations'] as const;

export type DidFields = Partial<{
  /** The trunk group that receives the number's calls; null unassigns it. */
  trunk_group_sid: string | null;
  name: string;
  attributes: Record<string, unknown>;
  callback_url: string | null;
  string_key_1: string | null;
  string_key_2: string | null;
  transformations: Transformation[];
}>;
