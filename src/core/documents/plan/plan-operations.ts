import { createHash } from 'node:crypto';
import type { CarrierXTrunkFields, EndpointFields, TrunkGroupFields } from '../../providers/carrierx/models';
import type {
  ByocTrunkFields,
  ConnectionPolicyFields,
  ConnectionPolicyTarget,
  ConnectionPolicyTargetFields,
  OriginationUrl,
  OriginationUrlFields,
  RecordingFields,
  SipIpAddressFields,
  TrunkFields,
} from '../../providers/twilio/models';
import type { SecretRequest } from '../apply/secret-request';
import type { ResolvedReference } from '../references/document-reference';
import type { TrunkKind } from '../file/trunk-kinds';
import type { DocumentKindTypes } from '../kinds/document-kind-types';

// The operations a plan is made of. Each one is exactly one provider request (a create may
// add look-ups to reconcile an unknown outcome; `adopt` sends nothing), carries
// its own preview text, and never holds a read-only field.

/** `field: from → to` in a preview; `from` undefined means the remote has no value. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

interface OperationBase {
  /** One line for the preview and for results, e.g. `Attach +14155550100`. */
  description: string;
  changes: FieldChange[];
}

/** A number that is on another trunk of the account now: detached there, attached here. */
export interface NumberMove {
  fromTrunkSid: string;
  fromTrunkName?: string | null | undefined;
}

/**
 * The resource already exists (a Twilio trunk owning the domain name, or what a journaled
 * create of an interrupted push made): its sid is written into the file, nothing is sent.
 */
export interface AdoptOperation {
  type: 'adopt';
  sid: string;
}

/** Any kind's operations, as each kind file declares them (kinds/document-kind-types.ts), and `adopt`. */
export type PlanOperation = OperationBase & (AdoptOperation | DocumentKindTypes[TrunkKind]['operation']);

export type TwilioTrunkOperation =
  | { type: 'twilio.trunk.create'; fields: TrunkFields }
  | { type: 'twilio.trunk.update'; fields: TrunkFields }
  | { type: 'twilio.recording.update'; fields: RecordingFields }
  | { type: 'twilio.originationUrl.create'; fields: OriginationUrlFields }
  | { type: 'twilio.originationUrl.update'; sid: string; sipUrl: string; fields: Partial<OriginationUrlFields> }
  /** `remote`: the URL as it is now, so that a preview can show the failover order before the change. */
  | { type: 'twilio.originationUrl.delete'; sid: string; sipUrl: string; remote: OriginationUrl }
  | { type: 'twilio.number.attach'; phoneNumber: string; phoneNumberSid: string; move?: NumberMove | undefined }
  /** `move` set: the number leaves `move.fromTrunkSid` so that the next operation can attach it here. */
  | { type: 'twilio.number.detach'; phoneNumber: string; phoneNumberSid: string; move?: NumberMove | undefined }
  /** `list.sid` undefined: a list document of this push, created before this operation (OperationRun.referenced). */
  | { type: 'twilio.trunk.ipAccessControlList.link'; list: ResolvedReference }
  | { type: 'twilio.trunk.ipAccessControlList.unlink'; listSid: string; name: string | null }
  | { type: 'twilio.trunk.credentialList.link'; list: ResolvedReference }
  | { type: 'twilio.trunk.credentialList.unlink'; listSid: string; name: string | null };

export type TwilioIpAccessControlListOperation =
  | { type: 'twilio.ipAccessControlList.create'; fields: { friendly_name: string } }
  | { type: 'twilio.ipAccessControlList.update'; fields: { friendly_name: string } }
  | { type: 'twilio.ipAddress.create'; fields: SipIpAddressFields }
  | { type: 'twilio.ipAddress.update'; sid: string; address: string; fields: { friendly_name: string } }
  | { type: 'twilio.ipAddress.delete'; sid: string; address: string };

export type TwilioCredentialListOperation =
  | { type: 'twilio.credentialList.create'; fields: { friendly_name: string } }
  | { type: 'twilio.credentialList.update'; fields: { friendly_name: string } }
  /** The password is the caller's (OperationRun.secret): never in the plan. */
  | { type: 'twilio.credential.create'; username: string; secret: SecretRequest }
  | { type: 'twilio.credential.delete'; sid: string; username: string };

/**
 * `policy`: the connection policy the file names (`connection_policy`), sent as connection_policy_sid; its sid may be known only once its document is created in the same push.
 * `named`: the reference whose known sid `fields` send, kept so that a name is resolved again before the first write (apply/references-moved.ts).
 */
export type TwilioByocTrunkOperation =
  | { type: 'twilio.byoc.create'; fields: ByocTrunkFields; policy?: ResolvedReference | undefined; named?: ResolvedReference[] | undefined }
  | { type: 'twilio.byoc.update'; fields: ByocTrunkFields; policy?: ResolvedReference | undefined; named?: ResolvedReference[] | undefined };

export type TwilioConnectionPolicyOperation =
  | { type: 'twilio.policy.create'; fields: ConnectionPolicyFields }
  | { type: 'twilio.policy.update'; fields: ConnectionPolicyFields }
  | { type: 'twilio.policyTarget.create'; fields: ConnectionPolicyTargetFields & { target: string } }
  | { type: 'twilio.policyTarget.update'; sid: string; target: string; fields: ConnectionPolicyTargetFields }
  /** `remote`: the target as it is now, so that a preview can show the order before the change. */
  | { type: 'twilio.policyTarget.delete'; sid: string; target: string; remote: ConnectionPolicyTarget };

/**
 * How an address's sip_password goes with the whole `addresses` array a CarrierX endpoint takes:
 * the caller's secret, `keep` the one the provider has now (read again when sent), or null (none).
 */
export type AddressPassword = SecretRequest | 'keep' | null;

/**
 * `fields` never hold a password. `outPassword`: the secret sent as out_sip_password (null:
 * cleared; absent: not sent); `addressPasswords`: one per `fields.addresses` entry; `secrets`:
 * every SecretRequest of the operation, for the caller to gather before applying.
 */
export type CarrierXEndpointOperation =
  | { type: 'carrierx.endpoint.create'; fields: EndpointFields; outPassword?: SecretRequest | undefined; addressPasswords?: AddressPassword[] | undefined; secrets: SecretRequest[] }
  | { type: 'carrierx.endpoint.update'; fields: EndpointFields; outPassword?: SecretRequest | null | undefined; addressPasswords?: AddressPassword[] | undefined; secrets: SecretRequest[] };

/** `endpoint(s)`: the endpoint a trunk names (`endpoint`), sent as its endpoint_sid once known; `named`: the references whose known sids the fields send (see TwilioByocTrunkOperation). */
export type CarrierXTrunkGroupOperation =
  | { type: 'carrierx.group.create'; fields: TrunkGroupFields; trunks?: CarrierXTrunkFields[] | undefined; endpoints?: (ResolvedReference | undefined)[] | undefined; named?: ResolvedReference[] | undefined }
  | { type: 'carrierx.group.update'; fields: TrunkGroupFields }
  | { type: 'carrierx.trunk.create'; name: string | undefined; fields: CarrierXTrunkFields; endpoint?: ResolvedReference | undefined; named?: ResolvedReference[] | undefined }
  | { type: 'carrierx.trunk.update'; trunkSid: string; name: string | null; fields: CarrierXTrunkFields; endpoint?: ResolvedReference | undefined; named?: ResolvedReference[] | undefined }
  | { type: 'carrierx.trunk.delete'; trunkSid: string; name: string | null }
  /** `move` set: the DID is on another group now; one PATCH of its `trunk_group_sid` moves it here. */
  | { type: 'carrierx.did.assign'; phoneNumber: string; didSid: string; move?: NumberMove | undefined }
  | { type: 'carrierx.did.unassign'; phoneNumber: string; didSid: string };

export type PlanOperationType = PlanOperation['type'];

/** The preview's mark for an operation: + adds, ~ changes, - removes, = adopts. */
export function operationMark(op: PlanOperation): '+' | '~' | '-' | '=' {
  if (op.type === 'adopt') return '=';
  if (op.type.endsWith('.create') || op.type.endsWith('.attach') || op.type.endsWith('.assign')) return '+';
  if (op.type.endsWith('.delete') || op.type.endsWith('.detach') || op.type.endsWith('.unassign')) return '-';
  return '~';
}

const MAX_VALUE_LENGTH = 80;
/** Characters kept before the first difference when a long value is cut around it. */
const CONTEXT_LENGTH = 20;

/** The value as JSON, absent as (unset): the full text a preview cuts down. */
function valueText(value: unknown): string {
  return value === undefined ? '(unset)' : (JSON.stringify(value) ?? String(value));
}

/**
 * `MAX_VALUE_LENGTH` characters of `text` from about `start`, `…` where it is cut, then its
 * length and a short hash of all of it: two different values never read the same, however alike
 * the part shown (a cut text is never valid JSON, so it cannot read like a short value either).
 */
function cutText(text: string, start: number): string {
  let from = Math.max(0, Math.min(start, text.length - MAX_VALUE_LENGTH));
  let to = from + MAX_VALUE_LENGTH;
  // Never split a surrogate pair (an emoji in a name).
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(from))) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(to))) to++;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''} (${text.length} chars, #${hash})`;
}

/** A value as the preview shows it: strings quoted, absent as (unset), long values cut (with their length and a hash). */
export function formatValue(value: unknown): string {
  const text = valueText(value);
  return text.length > MAX_VALUE_LENGTH ? cutText(text, 0) : text;
}

/**
 * Both sides of a change as the preview shows them. Long values are cut around their first
 * difference, so that the part that changes is the part shown (a 300-character ACL list that
 * differs in its last element shows that element, not the same first 80 characters twice).
 */
export function formatValuePair(from: unknown, to: unknown): [string, string] {
  const [a, b] = [valueText(from), valueText(to)];
  if (a.length <= MAX_VALUE_LENGTH && b.length <= MAX_VALUE_LENGTH) return [a, b];
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  const start = Math.max(0, same - CONTEXT_LENGTH);
  const shown: [string, string] = [a.length > MAX_VALUE_LENGTH ? cutText(a, start) : a, b.length > MAX_VALUE_LENGTH ? cutText(b, start) : b];
  // Only a hash collision could make them equal; then show them whole rather than alike.
  return shown[0] === shown[1] && a !== b ? [a, b] : shown;
}

/** `friendly_name: "Old" → "New"` */
export function formatChange(change: FieldChange): string {
  const [from, to] = formatValuePair(change.from, change.to);
  return `${change.field}: ${from} → ${to}`;
}

/** The changes between `from` and `to` for the given fields, in that order; equal fields are left out. */
export function fieldChanges(fields: readonly string[], from: Record<string, unknown> | undefined, to: Record<string, unknown>, same: (a: unknown, b: unknown) => boolean, prefix = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const desired = to[field];
    if (desired === undefined) continue;
    const current = from?.[field];
    if (!same(desired, current)) changes.push({ field: `${prefix}${field}`, from: current ?? (from ? null : undefined), to: desired });
  }
  return changes;
}
