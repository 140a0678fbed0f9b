import type { AclRecord, CarrierXTrunkRecord, DidRecord, EndpointAddressRecord, EndpointRecord, TrunkGroupRecord } from './carrierx-records';

// CarrierX objects as the API returns them: attributes in alphabetical order, as the docs' samples.

function renderAcl(acl: AclRecord): Record<string, unknown> {
  return {
    access_control_rules: [...acl.access_control_rules],
    direction: acl.direction,
    sms_action_false: null,
    sms_action_true: null,
    voice_action_false: acl.voice_action_false,
    voice_action_true: acl.voice_action_true,
  };
}

export function renderCarrierXTrunk(t: CarrierXTrunkRecord): Record<string, unknown> {
  return {
    acls: t.acls.map(renderAcl),
    allow_forward: t.allow_forward,
    allow_transfer: t.allow_transfer,
    asn_mode: t.asn_mode,
    call_type: t.call_type,
    codec: t.codec,
    endpoint_sid: t.endpoint_sid,
    in_capacity: t.in_capacity,
    in_identity_format: t.in_identity_format,
    in_identity_mode: t.in_identity_mode,
    in_rfc_4694_mode: t.in_rfc_4694_mode,
    location_sid: t.location_sid,
    name: t.name,
    out_capacity: t.out_capacity,
    out_identity_mode: t.out_identity_mode,
    out_rfc_4694_mode: t.out_rfc_4694_mode,
    out_sip_ringing_max_ttl: t.out_sip_ringing_max_ttl,
    priority: t.priority,
    relay_sip_headers: [...t.relay_sip_headers],
    transformations: structuredClone(t.transformations),
    trunk_sid: t.trunk_sid,
    weight: t.weight,
  };
}

/** `trunks` is present only when asked for (`with_trunks=true`). */
export function renderTrunkGroup(g: TrunkGroupRecord, trunks?: readonly CarrierXTrunkRecord[]): Record<string, unknown> {
  return {
    acls: g.acls.map(renderAcl),
    external_handlers: structuredClone(g.external_handlers),
    hard_failure_codes: g.hard_failure_codes,
    hard_failure_cooldown: g.hard_failure_cooldown,
    hard_failure_interval: g.hard_failure_interval,
    hard_failure_last_resort: g.hard_failure_last_resort,
    hard_failure_threshold: g.hard_failure_threshold,
    name: g.name,
    partner_sid: g.partner_sid,
    routing_data: structuredClone(g.routing_data),
    routing_type: g.routing_type,
    sip_options_locations: structuredClone(g.sip_options_locations),
    sip_options_threshold: g.sip_options_threshold,
    soft_failure_codes: g.soft_failure_codes,
    transformations: structuredClone(g.transformations),
    trunk_group_sid: g.trunk_group_sid,
    ...(trunks ? { trunks: trunks.map(renderCarrierXTrunk) } : {}),
  };
}

function renderEndpointAddress(a: EndpointAddressRecord): Record<string, unknown> {
  return {
    direction: a.direction,
    dst_port: a.dst_port,
    ip: a.ip,
    location_sid: a.location_sid,
    port: a.port,
    priority: a.priority,
    sip_password: a.sip_password,
    sip_username: a.sip_username,
    srtp: a.srtp,
    transport: a.transport,
  };
}

/** Secrets are returned as stored, as CarrierX does (facts E12); clients keep them out of logs. */
export function renderEndpoint(e: EndpointRecord): Record<string, unknown> {
  return {
    addresses: e.addresses.map(renderEndpointAddress),
    attributes: structuredClone(e.attributes),
    auth_required: e.auth_required,
    capacity: e.capacity,
    cps_limit: e.cps_limit,
    endpoint_sid: e.endpoint_sid,
    name: e.name,
    out_sip_password: e.out_sip_password,
    out_sip_username: e.out_sip_username,
    partner_sid: e.partner_sid,
    properties: structuredClone(e.properties),
    transformations: structuredClone(e.transformations),
    type: e.type,
    voip_token: e.voip_token,
  };
}

export function renderDid(d: DidRecord): Record<string, unknown> {
  return {
    active_capabilities: d.active_capabilities,
    attributes: structuredClone(d.attributes),
    callback_url: d.callback_url,
    campaign_sid: d.campaign_sid,
    capabilities: d.capabilities,
    classification_sid: d.classification_sid,
    country_code: d.country_code,
    did_group_sid: d.did_group_sid,
    did_sid: d.did_sid,
    in_country_format: d.in_country_format,
    international_format: d.international_format,
    lata: d.lata,
    locality: d.locality,
    lrn_sid: d.lrn_sid,
    name: d.name,
    ocn: d.ocn,
    partner_sid: d.partner_sid,
    phonenumber: d.phonenumber,
    porting_pin: d.porting_pin,
    price: d.price,
    state: d.state,
    status: d.status,
    string_key_1: d.string_key_1,
    string_key_2: d.string_key_2,
    transformations: structuredClone(d.transformations),
    trunk_group_sid: d.trunk_group_sid,
  };
}
