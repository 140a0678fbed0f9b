import type { SipIpAddress, SipIpAddressFields } from '../../providers/twilio/models';
import type { TwilioIpAccessControlListSpec } from '../file/trunk-specs';
import { compareText } from '../render/compare-text';
import type { KindPlan } from './plan-error';
import { fieldChanges, type PlanOperation } from './plan-operations';
import { matchesDesired } from './matches-desired';
import type { RemoteIpAccessControlList, SameNamedResource } from './remote-state';

/** `203.0.113.0/24`: how an address is matched and shown (the prefix is 32 when absent, as Twilio stores it). */
export function addressKey(address: { ip_address: string | null; cidr_prefix_length?: number | null | undefined }): string {
  return `${address.ip_address ?? ''}/${address.cidr_prefix_length ?? 32}`;
}

/**
 * Operations that make the list match the spec: create (or rename), then addresses added,
 * renamed, removed. Addresses are matched by address and prefix: a changed prefix is another
 * address (added, and the old one removed).
 */
export function planIpAccessControlList(spec: TwilioIpAccessControlListSpec, remote: RemoteIpAccessControlList | undefined, sameName: readonly SameNamedResource[]): KindPlan<PlanOperation> {
  const operations: PlanOperation[] = [];
  const warnings = sameNameWarnings('IP access control list', spec.friendly_name, remote, sameName);
  if (!remote) {
    operations.push({ type: 'twilio.ipAccessControlList.create', fields: { friendly_name: spec.friendly_name }, description: `Create IP access control list ${JSON.stringify(spec.friendly_name)}`, changes: [{ field: 'friendly_name', from: undefined, to: spec.friendly_name }] });
  } else if (remote.list.friendly_name !== spec.friendly_name) {
    operations.push({ type: 'twilio.ipAccessControlList.update', fields: { friendly_name: spec.friendly_name }, description: 'Rename the IP access control list', changes: [{ field: 'friendly_name', from: remote.list.friendly_name, to: spec.friendly_name }] });
  }
  if (spec.ip_addresses) operations.push(...planAddresses(spec.ip_addresses, remote?.ipAddresses ?? []));
  return { operations, errors: [], warnings };
}

function planAddresses(desired: readonly SipIpAddressFields[], remote: readonly SipIpAddress[]): PlanOperation[] {
  const creates: PlanOperation[] = [];
  const updates: PlanOperation[] = [];
  const unmatched = [...remote];
  for (const address of desired) {
    const key = addressKey(address);
    const at = unmatched.findIndex((r) => addressKey(r) === key);
    const fields: SipIpAddressFields = { friendly_name: address.friendly_name, ip_address: address.ip_address, cidr_prefix_length: address.cidr_prefix_length ?? 32 };
    if (at < 0) {
      creates.push({ type: 'twilio.ipAddress.create', fields, description: `Add IP address ${key} (${address.friendly_name})`, changes: fieldChanges(['friendly_name', 'ip_address', 'cidr_prefix_length'], undefined, { ...fields }, matchesDesired) });
      continue;
    }
    const [match] = unmatched.splice(at, 1) as [SipIpAddress];
    if (match.friendly_name !== address.friendly_name) {
      updates.push({ type: 'twilio.ipAddress.update', sid: match.sid, address: key, fields: { friendly_name: address.friendly_name }, description: `Rename IP address ${key}`, changes: [{ field: 'friendly_name', from: match.friendly_name, to: address.friendly_name }] });
    }
  }
  const deletes: PlanOperation[] = unmatched
    .map((r) => ({ r, key: addressKey(r) }))
    .sort((a, b) => compareText(a.key, b.key))
    .map(({ r, key }) => ({ type: 'twilio.ipAddress.delete', sid: r.sid, address: key, description: `Remove IP address ${key}${r.friendly_name ? ` (${r.friendly_name})` : ''}`, changes: [] }));
  // Adding before removing: a trunk that links the list keeps accepting the addresses that stay.
  return [...creates, ...updates, ...deletes];
}

/** A new list whose name others already have: trunk documents that name it would be ambiguous. */
export function sameNameWarnings(noun: string, name: string, remote: unknown, sameName: readonly SameNamedResource[]): string[] {
  if (remote || sameName.length === 0) return [];
  return [`The account already has ${sameName.length === 1 ? `a ${noun}` : `${sameName.length} ${noun}s`} named ${JSON.stringify(name)} (${sameName.map((s) => s.sid).join(', ')}): Push creates another one, and a trunk that names ${JSON.stringify(name)} would not know which. Add the existing list's sid to this document to manage it instead.`];
}
