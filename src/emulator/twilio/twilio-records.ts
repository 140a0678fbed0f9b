import type { HttpMethodName, RecordingMode, RecordingTrim, TransferCallerId, TransferMode } from '../../core/providers/twilio/models';

// What the emulator stores for each Twilio resource: the writable and server-set fields, times
// as whole-second epoch milliseconds. The account, `url` and `links` are added when rendered.

export interface TrunkRecord {
  seq: number;
  sid: string;
  friendly_name: string | null;
  domain_name: string | null;
  disaster_recovery_url: string | null;
  disaster_recovery_method: HttpMethodName | null;
  secure: boolean;
  cnam_lookup_enabled: boolean;
  transfer_mode: TransferMode;
  transfer_caller_id: TransferCallerId;
  recording: { mode: RecordingMode; trim: RecordingTrim };
  /** Read-only: no form parameter sets it. Absent in files written before it was emulated (= false). */
  symmetric_rtp_enabled?: boolean;
  date_created: number;
  date_updated: number;
}

export type TrunkFields = Partial<
  Pick<
    TrunkRecord,
    | 'friendly_name'
    | 'domain_name'
    | 'disaster_recovery_url'
    | 'disaster_recovery_method'
    | 'secure'
    | 'cnam_lookup_enabled'
    | 'transfer_mode'
    | 'transfer_caller_id'
  >
>;

export interface OriginationUrlRecord {
  seq: number;
  sid: string;
  trunk_sid: string;
  weight: number;
  priority: number;
  enabled: boolean;
  friendly_name: string;
  sip_url: string;
  date_created: number;
  date_updated: number;
}

export type OriginationUrlFields = Pick<OriginationUrlRecord, 'weight' | 'priority' | 'enabled' | 'friendly_name' | 'sip_url'>;

export interface PhoneNumberCapabilities {
  voice: boolean;
  sms: boolean;
  mms: boolean;
  fax: boolean;
}

export interface IncomingNumberRecord {
  seq: number;
  sid: string;
  phone_number: string;
  friendly_name: string | null;
  origin: 'twilio' | 'hosted';
  beta: boolean;
  capabilities: PhoneNumberCapabilities;
  address_requirements: 'none' | 'any' | 'local' | 'foreign';
  address_sid: string | null;
  identity_sid: string | null;
  bundle_sid: string | null;
  api_version: string;
  emergency_status: 'Active' | 'Inactive';
  emergency_address_sid: string | null;
  emergency_address_status: string;
  sms_application_sid: string;
  sms_fallback_method: HttpMethodName | null;
  sms_fallback_url: string | null;
  sms_method: HttpMethodName | null;
  sms_url: string | null;
  status_callback: string | null;
  status_callback_method: HttpMethodName | null;
  /** `null` when the number is on no trunk. */
  trunk_sid: string | null;
  /** `""` when unset, as Twilio renders it. */
  voice_application_sid: string;
  voice_caller_id_lookup: boolean;
  voice_fallback_method: HttpMethodName | null;
  voice_fallback_url: string | null;
  voice_method: HttpMethodName | null;
  voice_url: string | null;
  voice_receive_mode: 'voice' | 'fax';
  status: string;
  date_created: number;
  date_updated: number;
}

/** The fields a client may set on an incoming number (2010 API create/update). */
export type IncomingNumberFields = Partial<
  Omit<
    IncomingNumberRecord,
    | 'seq'
    | 'sid'
    | 'phone_number'
    | 'origin'
    | 'beta'
    | 'capabilities'
    | 'address_requirements'
    | 'status'
    | 'date_created'
    | 'date_updated'
  >
>;

/** An account-level credential list (CL…) or IP access control list (AL…). */
export interface AuthListRecord {
  seq: number;
  sid: string;
  friendly_name: string;
  date_created: number;
  date_updated: number;
}

/**
 * A SIP credential (CR…) of a credential list. The password is kept only as a salted scrypt
 * hash, as Twilio keeps only a digest: nothing can return it.
 */
export interface CredentialRecord {
  seq: number;
  sid: string;
  credential_list_sid: string;
  username: string;
  password_salt: string;
  password_hash: string;
  date_created: number;
  date_updated: number;
}

/** An address or CIDR block (IP…) of an IP access control list. */
export interface IpAddressRecord {
  seq: number;
  sid: string;
  ip_access_control_list_sid: string;
  friendly_name: string;
  ip_address: string;
  cidr_prefix_length: number;
  date_created: number;
  date_updated: number;
}

export type IpAddressFields = Partial<Pick<IpAddressRecord, 'friendly_name' | 'ip_address' | 'cidr_prefix_length'>>;

/** A credential list or IP ACL associated with a trunk. */
export interface TrunkAuthLinkRecord {
  seq: number;
  trunk_sid: string;
  list_sid: string;
  date_created: number;
}

export interface ByocTrunkRecord {
  seq: number;
  sid: string;
  friendly_name: string | null;
  voice_url: string | null;
  voice_method: HttpMethodName | null;
  voice_fallback_url: string | null;
  voice_fallback_method: HttpMethodName | null;
  status_callback_url: string | null;
  status_callback_method: HttpMethodName | null;
  cnam_lookup_enabled: boolean;
  connection_policy_sid: string | null;
  from_domain_sid: string | null;
  date_created: number;
  date_updated: number;
}

export type ByocTrunkFields = Partial<Omit<ByocTrunkRecord, 'seq' | 'sid' | 'date_created' | 'date_updated'>>;

export interface ConnectionPolicyRecord {
  seq: number;
  sid: string;
  friendly_name: string | null;
  date_created: number;
  date_updated: number;
}

export interface ConnectionPolicyTargetRecord {
  seq: number;
  sid: string;
  connection_policy_sid: string;
  friendly_name: string | null;
  target: string;
  priority: number;
  weight: number;
  enabled: boolean;
  date_created: number;
  date_updated: number;
}

export type ConnectionPolicyTargetFields = Partial<Pick<ConnectionPolicyTargetRecord, 'friendly_name' | 'target' | 'priority' | 'weight' | 'enabled'>>;
