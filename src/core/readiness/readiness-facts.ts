import { CARRIERX_SID_PATTERN } from '../providers/carrierx/field-names';
import { SID_PATTERNS } from '../providers/twilio/field-names';
import type { CarrierXTrunk } from '../providers/carrierx/models';
import type { Trunk } from '../providers/twilio/models';
import type { FailoverUrlFields } from '../documents/kinds/document-kind-descriptor';
import type { RemoteState } from '../documents/plan/remote-state';

// What the readiness rules read about one document: what the file says where it says it (a
// key present in the spec), else what the provider has (the background status's fetch), else,
// for a document Push would create, what a new resource has (nothing). A fact nobody knows is
// undefined, and a rule never fires on it: no warning from a guess.

export interface TwilioTrunkFacts {
  /** Linked IP access control lists (at least this many; the trunk's auth_type says only whether any is). */
  ipAccessControlLists: number | undefined;
  credentialLists: number | undefined;
  originationUrls: readonly FailoverUrlFields[] | undefined;
  /** True when `origination_urls` is the file's. */
  originationUrlsInFile: boolean;
  disasterRecoveryUrl: string | null | undefined;
  phoneNumbers: number | undefined;
}

export interface TwilioByocTrunkFacts {
  /** null: none; undefined: not known (not read, or the file names one, `connection_policy: <name>`, whose sid is not known here). */
  connectionPolicySid: string | null | undefined;
  /** Enabled targets of that policy; undefined until read. */
  enabledTargets: number | undefined;
  voiceUrl: string | null | undefined;
  voiceFallbackUrl: string | null | undefined;
}

export interface CarrierXTrunkFacts {
  name: string;
  /** Its item in the file's `trunks`; undefined when the file does not list trunks. */
  index: number | undefined;
  inCapacity: number;
  outCapacity: number;
  /** null: none; undefined: the file names one (`endpoint: <name>`) whose sid is not known here. */
  endpointSid: string | null | undefined;
}

export interface CarrierXTrunkGroupFacts {
  trunks: readonly CarrierXTrunkFacts[] | undefined;
  /** Addresses of the endpoints the trunks name, by endpoint sid, as far as read. */
  endpointAddresses: ReadonlyMap<string, number>;
  /** DIDs assigned to the group; undefined until read. */
  phoneNumbers: number | undefined;
}

export interface ReadinessFactsByKind {
  TwilioTrunk: TwilioTrunkFacts;
  TwilioByocTrunk: TwilioByocTrunkFacts;
  CarrierXTrunkGroup: CarrierXTrunkGroupFacts;
}

export type ReadinessKind = keyof ReadinessFactsByKind;

export function isReadinessKind(kind: string | undefined): kind is ReadinessKind {
  return kind === 'TwilioTrunk' || kind === 'TwilioByocTrunk' || kind === 'CarrierXTrunkGroup';
}

/** What the provider has for a document, as far as the background status read it. */
export interface ReadinessRemote {
  /** The resource; `new` when Push would create it (nothing exists yet); undefined when not read. */
  state: RemoteState | 'new' | undefined;
  /** Enabled targets of connection policies, by policy sid. */
  enabledTargets?: ReadonlyMap<string, number>;
  /** Addresses of CarrierX endpoints, by endpoint sid. */
  endpointAddresses?: ReadonlyMap<string, number>;
  /** DIDs assigned to a CarrierX trunk group. */
  phoneNumbers?: number;
}

type Spec = Readonly<Record<string, unknown>>;

function has(spec: Spec, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(spec, key) && spec[key] !== undefined;
}

function listLength(value: unknown): number | undefined {
  return Array.isArray(value) ? value.length : value === null ? 0 : undefined;
}

/** `IP_ACL,CREDENTIAL_LIST` → the tokens, upper-cased (the spec does not fix case or spacing). */
export function authTypes(authType: string | null | undefined): Set<string> {
  return new Set((authType ?? '').split(',').map((t) => t.trim().toUpperCase()).filter(Boolean));
}

export function twilioTrunkFacts(spec: Spec, remote: ReadinessRemote): TwilioTrunkFacts {
  const state = remote.state === 'new' ? 'new' : remote.state?.kind === 'TwilioTrunk' ? remote.state : undefined;
  const tokens = state && state !== 'new' ? authTypes(state.remote.trunk.auth_type) : undefined;
  const fromRemote = <T>(whenNew: T, read: (s: Exclude<typeof state, 'new' | undefined>) => T | undefined): T | undefined => (state === 'new' ? whenNew : state ? read(state) : undefined);
  const list = (key: string, token: string) =>
    has(spec, key) ? listLength(spec[key]) : fromRemote(0, () => (tokens?.has(token) ? 1 : 0));
  return {
    ipAccessControlLists: list('ip_access_control_lists', 'IP_ACL'),
    credentialLists: list('credential_lists', 'CREDENTIAL_LIST'),
    originationUrls: has(spec, 'origination_urls')
      ? (spec.origination_urls as FailoverUrlFields[])
      : fromRemote<readonly FailoverUrlFields[]>([], (s) => (s.originationUrlsFetched ? s.remote.originationUrls : undefined)),
    originationUrlsInFile: has(spec, 'origination_urls'),
    disasterRecoveryUrl: has(spec, 'disaster_recovery_url') ? (spec.disaster_recovery_url as string | null) : fromRemote<string | null>(null, (s) => s.remote.trunk.disaster_recovery_url ?? null),
    phoneNumbers: has(spec, 'phone_numbers') ? listLength(spec.phone_numbers) : fromRemote(0, (s) => s.remote.phoneNumbers.length),
  };
}

export function twilioByocTrunkFacts(spec: Spec, remote: ReadinessRemote): TwilioByocTrunkFacts {
  const state = remote.state === 'new' ? 'new' : remote.state?.kind === 'TwilioByocTrunk' ? remote.state : undefined;
  const field = (key: 'connection_policy_sid' | 'voice_url' | 'voice_fallback_url'): string | null | undefined => {
    if (has(spec, key)) return (spec[key] as string | null) || null;
    if (state === 'new') return null;
    return state ? state.remote[key] || null : undefined;
  };
  // A policy named in the file (`connection_policy`, its sid or name) is set, whatever the provider has now.
  const named = typeof spec.connection_policy === 'string' && spec.connection_policy !== '' ? spec.connection_policy : undefined;
  const policy = named === undefined ? field('connection_policy_sid') : SID_PATTERNS.connectionPolicy.test(named) ? named : undefined;
  return {
    connectionPolicySid: policy,
    enabledTargets: policy ? remote.enabledTargets?.get(policy) : undefined,
    voiceUrl: field('voice_url'),
    voiceFallbackUrl: field('voice_fallback_url'),
  };
}

export function carrierXTrunkGroupFacts(spec: Spec, remote: ReadinessRemote): CarrierXTrunkGroupFacts {
  const state = remote.state === 'new' ? 'new' : remote.state?.kind === 'CarrierXTrunkGroup' ? remote.state : undefined;
  const remoteTrunks: readonly CarrierXTrunk[] | undefined = state === 'new' ? [] : state ? (state.remote.trunks ?? state.remote.trunkGroup.trunks ?? undefined) : undefined;
  let trunks: CarrierXTrunkFacts[] | undefined;
  if (Array.isArray(spec.trunks)) {
    trunks = (spec.trunks as Record<string, unknown>[]).map((item, index) => {
      // An entry keeps the provider's value of a key it leaves out (0, unlimited, for a new trunk: CarrierX's default).
      const matched = remoteTrunks?.find((t) => (typeof item.trunk_sid === 'string' ? t.trunk_sid === item.trunk_sid : t.name === item.name));
      const number = (key: 'in_capacity' | 'out_capacity') => (typeof item[key] === 'number' ? (item[key] as number) : (matched?.[key] ?? 0));
      // An endpoint named in the file (`endpoint`, its sid or name) is set; by name, its sid is not known here.
      const named = typeof item.endpoint === 'string' && item.endpoint !== '' ? item.endpoint : undefined;
      const endpoint = named !== undefined ? (CARRIERX_SID_PATTERN.test(named) ? named : undefined) : has(item, 'endpoint_sid') ? ((item.endpoint_sid as string | null) ?? null) : (matched?.endpoint_sid ?? null);
      return { name: String(item.name ?? matched?.name ?? `#${index + 1}`), index, inCapacity: number('in_capacity'), outCapacity: number('out_capacity'), endpointSid: endpoint };
    });
  } else if (remoteTrunks) {
    trunks = remoteTrunks.map((t) => ({ name: t.name ?? t.trunk_sid, index: undefined, inCapacity: t.in_capacity ?? 0, outCapacity: t.out_capacity ?? 0, endpointSid: t.endpoint_sid ?? null }));
  }
  return {
    trunks,
    endpointAddresses: remote.endpointAddresses ?? new Map(),
    phoneNumbers: has(spec, 'phone_numbers') ? listLength(spec.phone_numbers) : state === 'new' ? 0 : remote.phoneNumbers,
  };
}

/**
 * A Twilio trunk as a listing shows it (the explorer's row): its auth_type and disaster
 * recovery URL; its origination URLs and number count only where already loaded.
 */
export function twilioTrunkRecordFacts(trunk: Pick<Trunk, 'auth_type' | 'disaster_recovery_url'>, known: { originationUrls?: readonly FailoverUrlFields[] | undefined; phoneNumbers?: number | undefined }): TwilioTrunkFacts {
  const tokens = authTypes(trunk.auth_type);
  return {
    ipAccessControlLists: tokens.has('IP_ACL') ? 1 : 0,
    credentialLists: tokens.has('CREDENTIAL_LIST') ? 1 : 0,
    originationUrls: known.originationUrls,
    originationUrlsInFile: false,
    disasterRecoveryUrl: trunk.disaster_recovery_url || null,
    phoneNumbers: known.phoneNumbers,
  };
}
