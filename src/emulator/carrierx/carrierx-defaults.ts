import type { CarrierXTrunkAttributes, EndpointAddressRecord, EndpointWritable, TrunkGroupWritable } from './carrierx-records';

/** The emulated partner (account) every trunk group belongs to. */
export const EMULATOR_PARTNER_SID = '5a4db0c0-0000-4000-8000-0000000000a1';

/** A trunk group's attributes when not given (the documented defaults). */
export function defaultTrunkGroup(): TrunkGroupWritable {
  return {
    name: 'N/A',
    acls: [],
    external_handlers: [],
    hard_failure_codes: '408;',
    hard_failure_cooldown: 120,
    hard_failure_interval: 60,
    hard_failure_last_resort: 'first',
    hard_failure_threshold: 3,
    routing_data: null,
    routing_type: 'failover',
    sip_options_locations: [],
    sip_options_threshold: 3,
    soft_failure_codes: '408;',
    transformations: [],
  };
}

/** A trunk's attributes when not given (seed 004's defaults and sample). */
export function defaultTrunk(): CarrierXTrunkAttributes {
  return {
    name: 'N/A',
    acls: [],
    allow_forward: 'disabled',
    allow_transfer: false,
    asn_mode: 'disable',
    call_type: 'regular',
    codec: null,
    endpoint_sid: null,
    in_capacity: 0,
    in_identity_format: 'passthrough',
    in_identity_mode: 'passthrough',
    in_rfc_4694_mode: 'cut_all',
    location_sid: null,
    out_capacity: 0,
    out_identity_mode: 'passthrough',
    out_rfc_4694_mode: 'cut_all',
    out_sip_ringing_max_ttl: 180,
    priority: 0,
    relay_sip_headers: [],
    transformations: [],
    weight: 0,
  };
}

/** An address's attributes when not given (facts E4). */
export function defaultEndpointAddress(): Omit<EndpointAddressRecord, 'ip'> {
  return {
    direction: 'any',
    dst_port: 5060,
    location_sid: null,
    port: 5060,
    priority: 0,
    sip_password: null,
    sip_username: null,
    srtp: false,
    transport: 'udp',
  };
}

/** An endpoint's attributes when not given (facts E11). */
export function defaultEndpoint(): Omit<EndpointWritable, 'type'> {
  return {
    name: 'N/A',
    addresses: [],
    attributes: {},
    capacity: 0,
    out_sip_username: null,
    out_sip_password: null,
    properties: {},
    transformations: [],
  };
}
