// Field names (and limits) of the Twilio resources as plain constants, without zod: the
// trunk-file engine (validation, planning) and the explorer's resource kinds need them at load
// time, and loading zod's schemas would double the time activation takes (the models re-export
// these; a unit test keeps the response fields in step with the schemas).

export const SID_PATTERNS = {
  account: /^AC[0-9a-fA-F]{32}$/,
  apiKey: /^SK[0-9a-fA-F]{32}$/,
  trunk: /^TK[0-9a-fA-F]{32}$/,
  originationUrl: /^OU[0-9a-fA-F]{32}$/,
  phoneNumber: /^PN[0-9a-fA-F]{32}$/,
  byocTrunk: /^BY[0-9a-fA-F]{32}$/,
  connectionPolicy: /^NY[0-9a-fA-F]{32}$/,
  connectionPolicyTarget: /^NE[0-9a-fA-F]{32}$/,
  sipDomain: /^SD[0-9a-fA-F]{32}$/,
  credentialList: /^CL[0-9a-fA-F]{32}$/,
  ipAccessControlList: /^AL[0-9a-fA-F]{32}$/,
  credential: /^CR[0-9a-fA-F]{32}$/,
  ipAddress: /^IP[0-9a-fA-F]{32}$/,
} as const;

/** Longest friendly_name a trunk or origination URL accepts, and a BYOC trunk. */
export const FRIENDLY_NAME_MAX = 64;
export const BYOC_FRIENDLY_NAME_MAX = 255;

/** Target priority 0..65535 and weight 1..65535; both default to 10, `enabled` to true (voice v1 spec text). */
export const TARGET_PRIORITY_RANGE = [0, 65535] as const;
export const TARGET_WEIGHT_RANGE = [1, 65535] as const;

/** Fields a Trunk create/update accepts (seed 002), by their response names. */
export const TRUNK_WRITABLE_FIELDS = [
  'friendly_name',
  'domain_name',
  'disaster_recovery_url',
  'disaster_recovery_method',
  'transfer_mode',
  'secure',
  'cnam_lookup_enabled',
  'transfer_caller_id',
] as const;

/** Fields an origination URL create/update accepts. */
export const ORIGINATION_URL_WRITABLE_FIELDS = ['weight', 'priority', 'enabled', 'friendly_name', 'sip_url'] as const;

/** Fields a BYOC trunk create/update accepts (seeds 000/001). */
export const BYOC_TRUNK_WRITABLE_FIELDS = [
  'friendly_name',
  'voice_url',
  'voice_method',
  'voice_fallback_url',
  'voice_fallback_method',
  'status_callback_url',
  'status_callback_method',
  'cnam_lookup_enabled',
  'connection_policy_sid',
  'from_domain_sid',
] as const;

/** Every field of a Trunk response (TrunkSchema's keys). */
export const TRUNK_RESPONSE_FIELDS = [
  'sid',
  'account_sid',
  'domain_name',
  'disaster_recovery_method',
  'disaster_recovery_url',
  'friendly_name',
  'secure',
  'recording',
  'transfer_mode',
  'transfer_caller_id',
  'cnam_lookup_enabled',
  'auth_type',
  'symmetric_rtp_enabled',
  'auth_type_set',
  'date_created',
  'date_updated',
  'url',
  'links',
] as const;

/** Every field of an origination URL response (OriginationUrlSchema's keys). */
export const ORIGINATION_URL_RESPONSE_FIELDS = [
  'sid',
  'account_sid',
  'trunk_sid',
  'weight',
  'enabled',
  'sip_url',
  'friendly_name',
  'priority',
  'date_created',
  'date_updated',
  'url',
] as const;

/** Every field of a BYOC trunk response (ByocTrunkSchema's keys). */
export const BYOC_TRUNK_RESPONSE_FIELDS = [
  'sid',
  'account_sid',
  'friendly_name',
  'voice_url',
  'voice_method',
  'voice_fallback_url',
  'voice_fallback_method',
  'status_callback_url',
  'status_callback_method',
  'cnam_lookup_enabled',
  'connection_policy_sid',
  'from_domain_sid',
  'date_created',
  'date_updated',
  'url',
] as const;
