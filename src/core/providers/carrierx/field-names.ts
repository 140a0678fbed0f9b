// Field names of the CarrierX resources as plain constants, without zod: the trunk-file engine
// (validation, planning) needs the names at load time, and loading zod's schemas would double
// the time it takes to load (the models re-export these).

/** UUID v4 as CarrierX uses for every *_sid. */
export const CARRIERX_SID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ACL attributes a client may send: the sms_* actions are read-only (always null on trunks). */
export const ACL_WRITABLE_FIELDS = ['access_control_rules', 'direction', 'voice_action_false', 'voice_action_true'] as const;

/** Trunk attributes a client may send (read only: trunk_sid, in_rfc_4694_mode, out_rfc_4694_mode). */
export const CARRIERX_TRUNK_WRITABLE_FIELDS = [
  'name',
  'acls',
  'allow_forward',
  'allow_transfer',
  'asn_mode',
  'call_type',
  'codec',
  'endpoint_sid',
  'in_capacity',
  'in_identity_format',
  'in_identity_mode',
  'location_sid',
  'out_capacity',
  'out_identity_mode',
  'out_sip_ringing_max_ttl',
  'priority',
  'relay_sip_headers',
  'transformations',
  'weight',
] as const;

export const CARRIERX_TRUNK_READ_ONLY_FIELDS = ['trunk_sid', 'in_rfc_4694_mode', 'out_rfc_4694_mode'] as const;

/** Trunk group attributes a client may send (read only: trunk_group_sid, partner_sid, partner). */
export const TRUNK_GROUP_WRITABLE_FIELDS = [
  'name',
  'acls',
  'external_handlers',
  'hard_failure_codes',
  'hard_failure_cooldown',
  'hard_failure_interval',
  'hard_failure_last_resort',
  'hard_failure_threshold',
  'routing_data',
  'routing_type',
  'sip_options_locations',
  'sip_options_threshold',
  'soft_failure_codes',
  'transformations',
] as const;

export const TRUNK_GROUP_READ_ONLY_FIELDS = ['trunk_group_sid', 'partner_sid', 'partner'] as const;

/** Endpoint attributes a client may send (read only: endpoint_sid, voip_token, cps_limit, partner, partner_sid). */
export const ENDPOINT_WRITABLE_FIELDS = [
  'name',
  'type',
  'addresses',
  'attributes',
  'capacity',
  'out_sip_username',
  'out_sip_password',
  'properties',
  'transformations',
] as const;

export const ENDPOINT_READ_ONLY_FIELDS = ['endpoint_sid', 'voip_token', 'cps_limit', 'partner', 'partner_sid', 'auth_required'] as const;

export const ENDPOINT_ADDRESS_WRITABLE_FIELDS = [
  'direction',
  'ip',
  'port',
  'transport',
  'dst_port',
  'priority',
  'location_sid',
  'sip_username',
  'sip_password',
  'srtp',
] as const;

/** The endpoint type a partner's SIP equipment is (the only one trunk files manage). */
export const THIRD_PARTY_ENDPOINT_TYPE = 'third_party';
