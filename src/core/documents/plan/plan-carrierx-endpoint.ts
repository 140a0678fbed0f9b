import { THIRD_PARTY_ENDPOINT_TYPE } from '../../providers/carrierx/field-names';
import type { Endpoint, EndpointAddress, EndpointAddressFields, EndpointFields } from '../../providers/carrierx/models';
import { endpointPasswordRequest, type SecretRequest } from '../apply/secret-request';
import type { CarrierXEndpointAddressSpec, CarrierXEndpointSpec } from '../file/trunk-specs';
import { ELEMENT_IDENTITY, keepRemoteKeys } from './keep-remote-keys';
import { matchesDesired } from './matches-desired';
import { pickFields } from './pick-fields';
import type { KindPlan } from './plan-error';
import { fieldChanges, type AddressPassword, type FieldChange, type PlanOperation } from './plan-operations';
import type { RemoteState, SameNamedResource } from './remote-state';

type EndpointState = Extract<RemoteState, { kind: 'CarrierXEndpoint' }>;

/** The endpoint attributes a file sets besides its addresses (never `type`: always third_party; never a password). */
export const ENDPOINT_SPEC_FIELDS = ['name', 'capacity', 'out_sip_username', 'attributes', 'transformations'] as const;
/** The address attributes a file sets (never sip_password). */
export const ENDPOINT_ADDRESS_SPEC_FIELDS = ['ip', 'port', 'transport', 'direction', 'dst_port', 'priority', 'srtp', 'location_sid', 'sip_username'] as const;

/** CarrierX's SIP port when an address leaves it out (facts §6, E4). */
const DEFAULT_PORT = 5060;
/** CarrierX's name for an endpoint created without one (E11). */
const DEFAULT_NAME = 'N/A';
/** How a preview shows a password the push sets: the variable the CLI reads it from (the editor asks), never what it is. */
const newSecret = (request: SecretRequest): string => `secret ${request.envVar}`;

/** Addresses have no ids: a file's address is the remote one with the same host (ignoring case) and port. */
export function addressKey(address: { ip?: string | null | undefined; port?: number | null | undefined }): string {
  return `${(address.ip ?? '').toLowerCase()}:${address.port ?? DEFAULT_PORT}`;
}

/** An address as a preview may show it: never its password. */
function shown(address: object): Record<string, unknown> {
  return pickFields<Record<string, unknown>>(address, ENDPOINT_ADDRESS_SPEC_FIELDS);
}

/**
 * Create the third_party endpoint (its addresses in the same request), or update what differs:
 * CarrierX replaces `addresses` whole, so a change to any address sends them all, each with its
 * password: a new one (a SecretRequest) when its username is new or changed or it has none yet,
 * else the one CarrierX has (read again when the request is sent). Passwords never reach the plan.
 */
export function planCarrierXEndpoint(spec: CarrierXEndpointSpec, state: EndpointState | undefined, sameName: readonly SameNamedResource[], account: string): KindPlan<PlanOperation> {
  const remote = state?.remote;
  if (remote && remote.type !== THIRD_PARTY_ENDPOINT_TYPE) {
    return {
      operations: [],
      errors: [{ message: `Endpoint ${remote.endpoint_sid} is a ${remote.type} endpoint; CarrierXEndpoint documents manage third_party endpoints only. Put the sid of a third_party endpoint here, or remove the sid to create one.`, path: ['sid'] }],
      warnings: [],
    };
  }
  const endpointName = spec.name ?? remote?.name ?? DEFAULT_NAME;
  const secrets = new Map<string, SecretRequest>();
  const request = (username: string): SecretRequest => {
    const r = endpointPasswordRequest(account, endpointName, username);
    secrets.set(r.key, r);
    return r;
  };
  const desired = spec as Record<string, unknown>;

  if (!remote) {
    const fields: EndpointFields = { ...pickFields<EndpointFields>(spec, ENDPOINT_SPEC_FIELDS), type: THIRD_PARTY_ENDPOINT_TYPE };
    const changes = fieldChanges(ENDPOINT_SPEC_FIELDS, undefined, desired, matchesDesired);
    const outPassword = spec.out_sip_username ? request(spec.out_sip_username) : undefined;
    if (outPassword) changes.push({ field: 'out_sip_password', from: undefined, to: newSecret(outPassword) });
    let addressPasswords: AddressPassword[] | undefined;
    if (spec.addresses) {
      fields.addresses = spec.addresses.map((a) => pickFields<EndpointAddressFields>(a, ENDPOINT_ADDRESS_SPEC_FIELDS));
      addressPasswords = spec.addresses.map((a) => (a.sip_username ? request(a.sip_username) : null));
      changes.push(...spec.addresses.map((a) => ({ field: `addresses ${addressKey(a)}`, from: undefined, to: shown(a) })));
    }
    const count = spec.addresses ? ` with ${spec.addresses.length} address${spec.addresses.length === 1 ? '' : 'es'}` : '';
    return {
      operations: [{ type: 'carrierx.endpoint.create', fields, outPassword, addressPasswords, secrets: [...secrets.values()], description: `Create endpoint ${JSON.stringify(endpointName)}${count}`, changes }],
      errors: [],
      warnings: sameName.map(
        (e) => `An endpoint named ${JSON.stringify(e.name)} already exists (${e.sid}). If an interrupted push created it, put its sid in this document instead of creating another.`,
      ),
    };
  }

  // Arrays and objects are replaced or merged whole: keys the file leaves out keep the remote's values.
  const sent = Object.fromEntries(
    ENDPOINT_SPEC_FIELDS.filter((f) => desired[f] !== undefined).map((f) => [f, keepRemoteKeys(desired[f], (remote as Record<string, unknown>)[f], ELEMENT_IDENTITY[f])]),
  );
  const changes: FieldChange[] = fieldChanges(ENDPOINT_SPEC_FIELDS, remote as Record<string, unknown>, sent, matchesDesired);
  const fields = Object.fromEntries(changes.map((c) => [c.field, c.to])) as EndpointFields;

  let outPassword: SecretRequest | null | undefined;
  if (spec.out_sip_username === null && remote.out_sip_password) {
    outPassword = null;
    changes.push({ field: 'out_sip_password', from: '(set)', to: null });
  } else if (spec.out_sip_username && (spec.out_sip_username !== remote.out_sip_username || !remote.out_sip_password)) {
    outPassword = request(spec.out_sip_username);
    fields.out_sip_username = spec.out_sip_username;
    changes.push({ field: 'out_sip_password', from: remote.out_sip_password ? '(set)' : null, to: newSecret(outPassword) });
  }

  let addressPasswords: AddressPassword[] | undefined;
  const descriptions: string[] = [];
  if (spec.addresses) {
    const planned = planAddresses(spec.addresses, remote, request);
    if (planned.changes.length > 0) {
      fields.addresses = planned.addresses;
      addressPasswords = planned.passwords;
      changes.push(...planned.changes);
      descriptions.push(...planned.descriptions);
    }
  }
  if (changes.length === 0) return { operations: [], errors: [], warnings: [] };
  const what = [...new Set(changes.filter((c) => !c.field.startsWith('addresses ')).map((c) => c.field)), ...descriptions];
  return {
    operations: [{ type: 'carrierx.endpoint.update', fields, outPassword, addressPasswords, secrets: [...secrets.values()], description: `Update endpoint: ${what.join(', ')}`, changes }],
    errors: [],
    warnings: [],
  };
}

function planAddresses(
  desired: readonly CarrierXEndpointAddressSpec[],
  remote: Endpoint,
  request: (username: string) => SecretRequest,
): { addresses: EndpointAddressFields[]; passwords: AddressPassword[]; changes: FieldChange[]; descriptions: string[] } {
  const unmatched = [...remote.addresses];
  const addresses: EndpointAddressFields[] = [];
  const passwords: AddressPassword[] = [];
  const changes: FieldChange[] = [];
  const added: string[] = [];
  const changed: string[] = [];
  for (const address of desired) {
    const key = addressKey(address);
    const at = unmatched.findIndex((r) => addressKey(r) === key);
    const match: EndpointAddress | undefined = at < 0 ? undefined : unmatched.splice(at, 1)[0];
    const wanted = pickFields<EndpointAddressFields>(address, ENDPOINT_ADDRESS_SPEC_FIELDS);
    // Keys the file leaves out keep the remote's values (the whole array is replaced).
    addresses.push(match ? { ...pickFields<EndpointAddressFields>(match, ENDPOINT_ADDRESS_SPEC_FIELDS), ...wanted } : wanted);
    // A username the file leaves out is not managed: its password stays. A new or changed one needs a new password.
    let password: AddressPassword = null;
    if (address.sip_username === undefined) password = match?.sip_password ? 'keep' : null;
    else if (address.sip_username !== null) {
      const kept = !!match && match.sip_username === address.sip_username && !!match.sip_password;
      password = kept ? 'keep' : request(address.sip_username);
    }
    const newPassword = password !== null && password !== 'keep';
    const cleared = address.sip_username === null && !!match?.sip_password;
    passwords.push(password);
    if (!match) {
      added.push(key);
      changes.push({ field: `addresses ${key}`, from: undefined, to: shown(address) });
    } else if (!matchesDesired(wanted, match) || newPassword || cleared) {
      changed.push(key);
      changes.push({ field: `addresses ${key}`, from: shown(match), to: { ...shown(address), ...(newPassword ? { sip_password: newSecret(password as SecretRequest) } : {}) } });
    }
  }
  const removed = unmatched.map((r) => addressKey(r)).sort();
  for (const r of unmatched) changes.push({ field: `addresses ${addressKey(r)}`, from: shown(r), to: undefined });
  const descriptions = [
    ...(added.length > 0 ? [`add address ${added.join(', ')}`] : []),
    ...(changed.length > 0 ? [`change address ${changed.join(', ')}`] : []),
    ...(removed.length > 0 ? [`remove address ${removed.join(', ')}`] : []),
  ];
  return { addresses, passwords, changes, descriptions };
}
