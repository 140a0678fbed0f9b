import {
  ACL_DIRECTIONS,
  ACL_VOICE_ACTIONS,
  ALLOW_FORWARD_VALUES,
  ASN_MODES,
  CALL_TYPES,
  CARRIERX_SID_PATTERN,
  CODECS,
  ENDPOINT_ADDRESS_DIRECTIONS,
  ENDPOINT_ADDRESS_TRANSPORTS,
  ENDPOINT_TYPES,
  HARD_FAILURE_LAST_RESORTS,
  SYSTEM_GATEWAY_TYPE,
  IDENTITY_FORMATS,
  IN_IDENTITY_MODES,
  OUT_IDENTITY_MODES,
  ROUTING_TYPES,
  TRANSFORMATION_DIRECTIONS,
} from '../../core/providers/carrierx/models';
import { THIRD_PARTY_ENDPOINT_TYPE } from '../../core/providers/carrierx/field-names';
import { validationError, type FieldError } from './carrierx-errors';
import type { AclRecord, CarrierXTrunkWritable, DidWritable, EndpointAddressRecord, EndpointWritable, TrunkGroupWritable } from './carrierx-records';

/** Checks one attribute: returns the value to store, or records what is wrong in `errors`. */
type Check = (value: unknown, field: string, errors: FieldError[]) => unknown;

function fail(errors: FieldError[], field: string, message: string): undefined {
  errors.push({ field, message });
  return undefined;
}

const string: Check = (v, f, e) => (typeof v === 'string' ? v : fail(e, f, 'must be a string'));
/** A header name (or pattern) or a transformation action: an empty one names nothing. */
const nonEmptyString: Check = (v, f, e) => (typeof v === 'string' && v !== '' ? v : fail(e, f, 'must be a non-empty string'));
const boolean: Check = (v, f, e) => (typeof v === 'boolean' ? v : fail(e, f, 'must be true or false'));
const anything: Check = (v) => structuredClone(v);
const uuid: Check = (v, f, e) => (typeof v === 'string' && CARRIERX_SID_PATTERN.test(v) ? v : fail(e, f, 'must be a UUID'));

function oneOf(values: readonly string[]): Check {
  return (v, f, e) => (typeof v === 'string' && values.includes(v) ? v : fail(e, f, `must be one of ${values.join(', ')}`));
}

function nullable(check: Check): Check {
  return (v, f, e) => (v === null ? null : check(v, f, e));
}

function integer(min: number): Check {
  return (v, f, e) => (Number.isInteger(v) && (v as number) >= min ? v : fail(e, f, `must be an integer of at least ${min}`));
}

function arrayOf(item: Check): Check {
  return (v, f, e) => {
    if (!Array.isArray(v)) return fail(e, f, 'must be an array');
    return v.map((x, i) => item(x, `${f}[${i}]`, e));
  };
}

/** Semicolon-terminated SIP status codes (100–699), e.g. `408;503;`. */
const sipCodes: Check = (v, f, e) =>
  typeof v === 'string' && /^([1-6]\d{2};)*$/.test(v) ? v : fail(e, f, 'must be SIP status codes (100 to 699) each followed by ";", e.g. "408;"');

function objectOf(f: string, v: unknown, e: FieldError[]): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(e, f, 'must be an object');
}

/** An attribute that may be left out of a nested object, taking `fallback` then. */
function withDefault(check: Check, fallback: unknown): Check {
  return (v, f, e) => (v === undefined ? structuredClone(fallback) : check(v, f, e));
}

const ACL_CHECKS: Record<keyof AclRecord, Check> = {
  access_control_rules: withDefault(arrayOf(uuid), []),
  direction: withDefault(oneOf(ACL_DIRECTIONS), 'any'),
  voice_action_false: withDefault(nullable(oneOf(ACL_VOICE_ACTIONS)), null),
  voice_action_true: withDefault(nullable(oneOf(ACL_VOICE_ACTIONS)), null),
};

/** An ACL as stored: the read-only sms_action_* are dropped (always null on trunks). */
const acl: Check = (v, f, e) => {
  const o = objectOf(f, v, e);
  return o && Object.fromEntries(Object.entries(ACL_CHECKS).map(([key, check]) => [key, check(o[key], `${f}.${key}`, e)]));
};

/**
 * A transformation as stored. Like an ACL, the array is replaced whole: `direction` and
 * `operands` that an element leaves out are reset to null, not kept from the element it replaces
 * (what CarrierX does); other attributes are kept as sent (their shapes vary by action).
 */
const transformation: Check = (v, f, e) => {
  const o = objectOf(f, v, e);
  if (!o) return undefined;
  return {
    ...structuredClone(o),
    action: nonEmptyString(o.action, `${f}.action`, e),
    direction: withDefault(nullable(oneOf(TRANSFORMATION_DIRECTIONS)), null)(o.direction, `${f}.direction`, e),
    operands: withDefault(nullable(arrayOf(string)), null)(o.operands, `${f}.operands`, e),
  };
};

const TRUNK_CHECKS: Record<keyof CarrierXTrunkWritable, Check> = {
  name: string,
  acls: arrayOf(acl),
  allow_forward: oneOf(ALLOW_FORWARD_VALUES),
  allow_transfer: boolean,
  asn_mode: oneOf(ASN_MODES),
  call_type: oneOf(CALL_TYPES),
  codec: nullable(oneOf(CODECS)),
  endpoint_sid: nullable(uuid),
  in_capacity: integer(-1),
  in_identity_format: oneOf(IDENTITY_FORMATS),
  in_identity_mode: oneOf(IN_IDENTITY_MODES),
  location_sid: nullable(uuid),
  out_capacity: integer(-1),
  out_identity_mode: oneOf(OUT_IDENTITY_MODES),
  out_sip_ringing_max_ttl: integer(1),
  priority: integer(0),
  relay_sip_headers: arrayOf(nonEmptyString),
  transformations: arrayOf(transformation),
  weight: integer(0),
};

const TRUNK_GROUP_CHECKS: Record<keyof TrunkGroupWritable, Check> = {
  name: string,
  acls: arrayOf(acl),
  external_handlers: arrayOf(anything),
  hard_failure_codes: sipCodes,
  hard_failure_cooldown: integer(0),
  hard_failure_interval: integer(0),
  hard_failure_last_resort: oneOf(HARD_FAILURE_LAST_RESORTS),
  hard_failure_threshold: integer(0),
  routing_data: anything,
  routing_type: oneOf(ROUTING_TYPES),
  sip_options_locations: arrayOf(anything),
  sip_options_threshold: integer(0),
  soft_failure_codes: sipCodes,
  transformations: arrayOf(transformation),
};

/**
 * The writable attributes present in a body, checked. Read-only and unknown attributes are
 * ignored; any invalid attribute makes the whole request a 422 listing every problem.
 */
function readAttributes<T>(body: Record<string, unknown>, checks: Record<string, Check>, prefix: string, errors: FieldError[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(checks)) {
    if (body[field] !== undefined) out[field] = check(body[field], prefix + field, errors);
  }
  return out as Partial<T>;
}

export function readTrunkAttributes(body: Record<string, unknown>): Partial<CarrierXTrunkWritable> {
  const errors: FieldError[] = [];
  const attributes = readAttributes<CarrierXTrunkWritable>(body, TRUNK_CHECKS, '', errors);
  if (errors.length) throw validationError(errors);
  return attributes;
}

/** A trunk group's attributes, and with `withTrunks` the trunks to create in it (`trunks[]`). */
export function readTrunkGroupAttributes(
  body: Record<string, unknown>,
  withTrunks: boolean,
): { group: Partial<TrunkGroupWritable>; trunks: Partial<CarrierXTrunkWritable>[] } {
  const errors: FieldError[] = [];
  const group = readAttributes<TrunkGroupWritable>(body, TRUNK_GROUP_CHECKS, '', errors);
  let trunks: Partial<CarrierXTrunkWritable>[] = [];
  if (withTrunks && body.trunks !== undefined) {
    if (!Array.isArray(body.trunks)) fail(errors, 'trunks', 'must be an array');
    else {
      trunks = body.trunks.map((t, i) => {
        const o = objectOf(`trunks[${i}]`, t, errors);
        return o ? readAttributes<CarrierXTrunkWritable>(o, TRUNK_CHECKS, `trunks[${i}].`, errors) : {};
      });
    }
  }
  if (errors.length) throw validationError(errors);
  return { group, trunks };
}

/** A port as an integer or a numeric string (the docs' own request sends "5060"); stored as an integer. */
const port: Check = (v, f, e) => {
  const n = typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : v;
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535 ? n : fail(e, f, 'must be a port from 1 to 65535');
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** IPv4, IPv6 or a host name (facts E5). A dotted all-digit name must be a valid IPv4 address. */
const host: Check = (v, f, e) => {
  if (typeof v !== 'string' || v === '') return fail(e, f, 'is required: an IPv4 or IPv6 address or a host name');
  if (IPV4.test(v) || (v.includes(':') && /^[0-9A-Fa-f:.]+$/.test(v)) || (HOSTNAME.test(v) && !/^[\d.]+$/.test(v))) return v;
  return fail(e, f, `${JSON.stringify(v)} is not an IPv4 or IPv6 address or a host name`);
};

const objectValue: Check = (v, f, e) => (objectOf(f, v, e) ? structuredClone(v) : undefined);

const ADDRESS_CHECKS: Record<keyof EndpointAddressRecord, Check> = {
  direction: withDefault(oneOf(ENDPOINT_ADDRESS_DIRECTIONS), 'any'),
  dst_port: withDefault(port, 5060),
  ip: host,
  location_sid: withDefault(nullable(uuid), null),
  port: withDefault(port, 5060),
  priority: withDefault(integer(0), 0),
  sip_password: withDefault(nullable(string), null),
  sip_username: withDefault(nullable(string), null),
  srtp: withDefault(boolean, false),
  transport: withDefault(oneOf(ENDPOINT_ADDRESS_TRANSPORTS), 'udp'),
};

/** An address as stored: every key filled in, unknown keys dropped. */
const endpointAddress: Check = (v, f, e) => {
  const o = objectOf(f, v, e);
  return o && Object.fromEntries(Object.entries(ADDRESS_CHECKS).map(([key, check]) => [key, check(o[key], `${f}.${key}`, e)]));
};

const ENDPOINT_CHECKS: Record<Exclude<keyof EndpointWritable, 'type'>, Check> = {
  name: string,
  addresses: arrayOf(endpointAddress),
  attributes: objectValue,
  capacity: integer(0),
  out_sip_username: nullable(string),
  out_sip_password: nullable(string),
  properties: objectValue,
  transformations: arrayOf(transformation),
};

/**
 * An endpoint's attributes. On create `type` is required and must be one a partner may create
 * (`system_gateway` is CarrierX's own); afterwards it cannot change (facts E3, E9). Read-only
 * attributes (endpoint_sid, voip_token, cps_limit, partner, partner_sid) are ignored.
 */
export function readEndpointAttributes(body: Record<string, unknown>, currentType?: string): Partial<EndpointWritable> {
  const errors: FieldError[] = [];
  const attributes = readAttributes<EndpointWritable>(body, ENDPOINT_CHECKS, '', errors);
  if (currentType === undefined) {
    if (body.type === SYSTEM_GATEWAY_TYPE) fail(errors, 'type', 'system_gateway endpoints are created by CarrierX, one per partner');
    else if (typeof body.type === 'string' && (ENDPOINT_TYPES as readonly string[]).includes(body.type)) attributes.type = body.type;
    else fail(errors, 'type', `is required: one of ${ENDPOINT_TYPES.join(', ')}`);
  } else if (body.type !== undefined && body.type !== currentType) {
    fail(errors, 'type', `cannot be changed (the endpoint is ${currentType}); create a new endpoint instead`);
  }
  if (errors.length) throw validationError(errors);
  // Hosted types are inert records here (no application runs behind them): they keep
  // `addresses: []` and `properties: {}` whatever is sent, as the samples show them (facts E3).
  if ((attributes.type ?? currentType) !== THIRD_PARTY_ENDPOINT_TYPE) {
    delete attributes.addresses;
    delete attributes.properties;
  }
  return attributes;
}

const DID_CHECKS: Record<keyof DidWritable, Check> = {
  trunk_group_sid: nullable(uuid),
  name: string,
  attributes: objectValue,
  callback_url: nullable(string),
  string_key_1: nullable(string),
  string_key_2: nullable(string),
  transformations: arrayOf(transformation),
};

/** A DID's writable attributes; the number, capabilities and other read-only ones are ignored (facts X3). */
export function readDidAttributes(body: Record<string, unknown>): Partial<DidWritable> {
  const errors: FieldError[] = [];
  const attributes = readAttributes<DidWritable>(body, DID_CHECKS, '', errors);
  if (errors.length) throw validationError(errors);
  return attributes;
}
