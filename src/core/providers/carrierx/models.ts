import * as z from 'zod';
import { ACL_WRITABLE_FIELDS, CARRIERX_SID_PATTERN, CARRIERX_TRUNK_READ_ONLY_FIELDS, CARRIERX_TRUNK_WRITABLE_FIELDS, TRUNK_GROUP_READ_ONLY_FIELDS, TRUNK_GROUP_WRITABLE_FIELDS } from './field-names';

export { ACL_WRITABLE_FIELDS, CARRIERX_SID_PATTERN, CARRIERX_TRUNK_READ_ONLY_FIELDS, CARRIERX_TRUNK_WRITABLE_FIELDS, TRUNK_GROUP_READ_ONLY_FIELDS, TRUNK_GROUP_WRITABLE_FIELDS };

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
