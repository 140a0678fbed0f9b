// What the emulator stores for CarrierX trunk groups and trunks (seed 004, api-facts §5).
// CarrierX objects carry no dates; SIDs are UUIDs.

export interface AclRecord {
  access_control_rules: string[];
  direction: string;
  voice_action_false: string | null;
  voice_action_true: string | null;
}

/** Transformations are kept as sent (their operand shapes vary by action). */
export type TransformationRecord = Record<string, unknown>;

export interface CarrierXTrunkRecord {
  seq: number;
  trunk_group_sid: string;
  trunk_sid: string;
  name: string;
  acls: AclRecord[];
  allow_forward: string;
  allow_transfer: boolean;
  asn_mode: string;
  call_type: string;
  codec: string | null;
  endpoint_sid: string | null;
  in_capacity: number;
  in_identity_format: string;
  in_identity_mode: string;
  in_rfc_4694_mode: string;
  location_sid: string | null;
  out_capacity: number;
  out_identity_mode: string;
  out_rfc_4694_mode: string;
  out_sip_ringing_max_ttl: number;
  priority: number;
  relay_sip_headers: string[];
  transformations: TransformationRecord[];
  weight: number;
}

/** Everything but the keys: what a new trunk starts from. */
export type CarrierXTrunkAttributes = Omit<CarrierXTrunkRecord, 'seq' | 'trunk_group_sid' | 'trunk_sid'>;
/** What a client may set (in/out_rfc_4694_mode are read only). */
export type CarrierXTrunkWritable = Omit<CarrierXTrunkAttributes, 'in_rfc_4694_mode' | 'out_rfc_4694_mode'>;

export interface TrunkGroupRecord {
  seq: number;
  trunk_group_sid: string;
  partner_sid: string;
  name: string;
  acls: AclRecord[];
  external_handlers: unknown[];
  hard_failure_codes: string;
  hard_failure_cooldown: number;
  hard_failure_interval: number;
  hard_failure_last_resort: string;
  hard_failure_threshold: number;
  routing_data: unknown;
  routing_type: string;
  sip_options_locations: unknown[];
  sip_options_threshold: number;
  soft_failure_codes: string;
  transformations: TransformationRecord[];
}

export type TrunkGroupWritable = Omit<TrunkGroupRecord, 'seq' | 'trunk_group_sid' | 'partner_sid'>;

/** One address of an endpoint, every key filled in (defaults from the samples, facts E4). */
export interface EndpointAddressRecord {
  direction: string;
  dst_port: number;
  ip: string;
  location_sid: string | null;
  port: number;
  priority: number;
  sip_password: string | null;
  sip_username: string | null;
  srtp: boolean;
  transport: string;
}

export interface EndpointRecord {
  seq: number;
  endpoint_sid: string;
  partner_sid: string;
  name: string;
  type: string;
  addresses: EndpointAddressRecord[];
  attributes: Record<string, unknown>;
  auth_required: boolean;
  capacity: number;
  cps_limit: number | null;
  out_sip_username: string | null;
  out_sip_password: string | null;
  properties: Record<string, unknown>;
  transformations: TransformationRecord[];
  voip_token: string | null;
}

export type EndpointWritable = Pick<
  EndpointRecord,
  'name' | 'type' | 'addresses' | 'attributes' | 'capacity' | 'out_sip_username' | 'out_sip_password' | 'properties' | 'transformations'
>;

/** A rented phone number (facts §4). */
export interface DidRecord {
  seq: number;
  did_sid: string;
  partner_sid: string;
  phonenumber: string;
  trunk_group_sid: string | null;
  name: string;
  attributes: Record<string, unknown>;
  active_capabilities: number;
  callback_url: string | null;
  campaign_sid: string | null;
  capabilities: number;
  classification_sid: string | null;
  country_code: string;
  did_group_sid: string | null;
  in_country_format: string;
  international_format: string;
  lata: string | null;
  locality: string | null;
  lrn_sid: string | null;
  ocn: string | null;
  porting_pin: string | null;
  price: string | null;
  state: string | null;
  status: string;
  string_key_1: string | null;
  string_key_2: string | null;
  transformations: TransformationRecord[];
}

export type DidWritable = Pick<DidRecord, 'trunk_group_sid' | 'name' | 'attributes' | 'callback_url' | 'string_key_1' | 'string_key_2' | 'transformations'>;
