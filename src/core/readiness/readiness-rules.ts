import type { YamlPath } from '../documents/file/yaml-node-lookup';
import { KIND_SCHEMAS } from '../documents/file/trunk-schemas';
import type { CarrierXTrunkFacts, ReadinessKind } from './readiness-facts';
import type { AnyReadinessRule, ReadinessHit, ReadinessRule } from './readiness-rule';

// The call-readiness rules, one provider-neutral list. A rule is here only where a provider
// source states what happens to the call; the direction of a CarrierX endpoint address is
// not stated anywhere (api-facts-termination-and-numbers.md §6), so no rule reads it.

const TRUNKING = 'twilio_trunking_v1.json';
const VOICE = 'twilio_voice_v1.json';
const FACTS = 'api-facts-termination-and-numbers.md';
const CARRIERX_TRUNK = 'seeds/004_c19d5ff1539a2dbd.txt (CarrierX Trunk Object)';

function rule<K extends ReadinessKind>(r: ReadinessRule<K>): AnyReadinessRule {
  return r as unknown as AnyReadinessRule;
}

/** The spec keys the kind's schema has (a fix never writes a key the schema would reject). */
function schemaHasKeys(kind: ReadinessKind, keys: readonly string[]): boolean {
  type Properties = { properties?: Record<string, unknown> };
  const schema = KIND_SCHEMAS[kind] as { properties?: { spec?: Properties }; definitions?: { spec?: Properties } };
  const spec = schema.definitions?.spec?.properties ?? schema.properties?.spec?.properties;
  return !!spec && keys.every((k) => k in spec);
}

const LIST_KEYS = ['ip_access_control_lists', 'credential_lists'] as const;

/** Trunks of a CarrierX group that all have `key` at -1 (that direction disabled). */
function everyTrunkDisabled(trunks: readonly CarrierXTrunkFacts[] | undefined, key: 'in_capacity' | 'out_capacity'): ReadinessHit[] {
  if (!trunks || trunks.length === 0) return [];
  const capacity = (t: CarrierXTrunkFacts) => (key === 'in_capacity' ? t.inCapacity : t.outCapacity);
  if (!trunks.every((t) => capacity(t) === -1)) return [];
  const inFile = trunks.filter((t) => t.index !== undefined);
  return [
    {
      path: inFile.length > 0 ? ['trunks', inFile[0]!.index!, key] : ['trunks'],
      fixes: inFile.map((t) => ({ type: 'set-value', path: ['trunks', t.index!, key], value: '0', title: `Set ${key} of ${t.name} to 0 (unlimited)` })),
    },
  ];
}

function trunkPath(t: CarrierXTrunkFacts, key: string): YamlPath {
  return t.index === undefined ? ['trunks'] : ['trunks', t.index, key];
}

export const READINESS_RULES: readonly AnyReadinessRule[] = [
  rule({
    id: 'twilio-trunk-no-termination-lists',
    kind: 'TwilioTrunk',
    title: 'No IP access control list and no credential list',
    consequence: 'Twilio refuses every call your equipment sends to this trunk (its auth_type is empty).',
    remedy: 'Link an IP access control list or a credential list to the trunk (Link Lists to Trunk… on the trunk in the explorer).',
    source: { file: `${TRUNKING} (schema trunking.v1.trunk, auth_type)`, quote: 'If empty, the domain will not receive any traffic.' },
    key: 'ip_access_control_lists',
    check: (f) =>
      f.ipAccessControlLists === 0 && f.credentialLists === 0
        ? [{ path: ['ip_access_control_lists'], fixes: schemaHasKeys('TwilioTrunk', LIST_KEYS) ? [{ type: 'add-keys', keys: LIST_KEYS, title: 'Add ip_access_control_lists and credential_lists' }] : [] }]
        : [],
  }),
  rule({
    id: 'twilio-trunk-no-origination',
    kind: 'TwilioTrunk',
    title: 'No enabled origination URL and no disaster recovery URL',
    consequence: 'Calls to the trunk’s numbers have nowhere to go: Twilio sends them to the enabled origination URLs, and to disaster_recovery_url only when those fail.',
    remedy: 'Add or enable an origination URL, or set disaster_recovery_url.',
    source: {
      file: `${TRUNKING} (schemas trunking.v1.trunk.origination_url, sip_url and enabled; trunking.v1.trunk, disaster_recovery_url)`,
      quote:
        'The SIP address you want Twilio to route your Origination calls to. … Whether the URL is enabled. … The URL we call using the `disaster_recovery_method` if an error occurs while sending SIP traffic towards the configured Origination URL.',
    },
    key: 'origination_urls',
    check: (f) => {
      if (!f.originationUrls || f.disasterRecoveryUrl !== null) return [];
      if (f.originationUrls.some((u) => u.enabled !== false)) return [];
      const fixes = f.originationUrlsInFile
        ? f.originationUrls.map((u, i) => ({ type: 'set-value' as const, path: ['origination_urls', i, 'enabled'], value: 'true', title: `Enable origination URL ${u.friendly_name || u.sip_url || `#${i + 1}`}` }))
        : [];
      return [{ path: ['origination_urls'], fixes }];
    },
  }),
  rule({
    id: 'twilio-trunk-no-numbers',
    kind: 'TwilioTrunk',
    title: 'No phone numbers',
    consequence: 'No call from the PSTN reaches this trunk: a number sends its calls to a trunk only when it is attached to it.',
    remedy: 'Attach a number (phone_numbers, or Attach Numbers… on the trunk in the explorer).',
    source: {
      file: 'seeds/003_c36a5496d009a2dd.txt (Trunk PhoneNumbers resource, trunk_sid)',
      quote: 'The SID of the Trunk that handles calls to the phone number. If a trunk_sid is present, we ignore all of the voice URLs and voice applications and use those set on the Trunk.',
    },
    key: 'phone_numbers',
    check: (f) => (f.phoneNumbers === 0 ? [{ path: ['phone_numbers'] }] : []),
  }),
  rule({
    id: 'byoc-trunk-no-connection-policy',
    kind: 'TwilioByocTrunk',
    title: 'No connection policy',
    consequence: 'Twilio has no SIP address to send this BYOC trunk’s calls to your carrier: it routes them by the trunk’s connection policy.',
    remedy: 'Set connection_policy_sid to a connection policy with an enabled target.',
    source: { file: `${VOICE} (schema voice.v1.byoc_trunk, connection_policy_sid)`, quote: 'The SID of the Connection Policy that Twilio will use when routing traffic to your communications infrastructure.' },
    key: 'connection_policy_sid',
    check: (f) => (f.connectionPolicySid === null ? [{ path: ['connection_policy_sid'] }] : []),
  }),
  rule({
    id: 'byoc-trunk-policy-without-target',
    kind: 'TwilioByocTrunk',
    title: 'The connection policy has no enabled target',
    consequence: 'Twilio has no SIP address to send this BYOC trunk’s calls to: a policy routes them only to its enabled targets.',
    remedy: 'Add or enable a target of the connection policy, or set connection_policy_sid to another policy.',
    source: {
      file: `${FACTS} §3 (connectionpolicy-resource page) and ${VOICE} (voice.v1.connection_policy.connection_policy_target, enabled)`,
      quote: 'A ConnectionPolicy is "a list of URI Entries that are used to route Origination traffic to a PSTN Carrier over a BYOC Trunk" … Whether the target is enabled.',
    },
    key: 'connection_policy_sid',
    check: (f) => (f.connectionPolicySid && f.enabledTargets === 0 ? [{ path: ['connection_policy_sid'] }] : []),
  }),
  rule({
    id: 'byoc-trunk-no-voice-url',
    kind: 'TwilioByocTrunk',
    title: 'No voice URL and no fallback URL',
    consequence: 'A call that reaches this BYOC trunk gets no instructions: Twilio asks voice_url (and voice_fallback_url when that fails) what to do with it.',
    remedy: 'Set voice_url (and voice_fallback_url).',
    source: { file: `${VOICE} (schema voice.v1.byoc_trunk, voice_url, voice_fallback_url)`, quote: 'The URL we call using the `voice_method` when the BYOC Trunk receives a call. … The URL that we call when an error occurs while retrieving or executing the TwiML requested from `voice_url`.' },
    key: 'voice_url',
    check: (f) => (f.voiceUrl === null && f.voiceFallbackUrl === null ? [{ path: ['voice_url'] }] : []),
  }),
  rule({
    id: 'carrierx-group-no-trunks',
    kind: 'CarrierXTrunkGroup',
    title: 'No trunks',
    consequence: 'Calls to the group’s numbers go nowhere: the group picks one of its trunks, and only a trunk reaches an endpoint.',
    remedy: 'Add a trunk with an endpoint to the group (trunks).',
    source: { file: `${FACTS} §6 (how-it-works/trunks page)`, quote: 'Only trunks, not trunk groups, are tied to an endpoint; a trunk group without trunks cannot reach one.' },
    key: 'trunks',
    check: (f) => (f.trunks && f.trunks.length === 0 ? [{ path: ['trunks'] }] : []),
  }),
  rule({
    id: 'carrierx-group-receiving-disabled',
    kind: 'CarrierXTrunkGroup',
    title: 'Every trunk has receiving disabled (in_capacity -1)',
    consequence: 'No trunk of the group can receive a call, so none is received.',
    remedy: 'Set in_capacity of a trunk to 0 (unlimited) or to a limit.',
    source: { file: `${CARRIERX_TRUNK}, in_capacity`, quote: 'The maximum number of simultaneous calls which the trunk can receive. Use the -1 value to disable receiving calls by the trunk. 0 means unlimited and is the default value.' },
    key: 'trunks',
    check: (f) => everyTrunkDisabled(f.trunks, 'in_capacity'),
  }),
  rule({
    id: 'carrierx-group-sending-disabled',
    kind: 'CarrierXTrunkGroup',
    title: 'Every trunk has sending disabled (out_capacity -1)',
    consequence: 'No trunk of the group can send a call, so none is sent.',
    remedy: 'Set out_capacity of a trunk to 0 (unlimited) or to a limit.',
    source: { file: `${CARRIERX_TRUNK}, out_capacity`, quote: 'The maximum number of simultaneous calls which the trunk can send. Use the -1 value to disable sending calls by the trunk. 0 means unlimited and is the default value.' },
    key: 'trunks',
    check: (f) => everyTrunkDisabled(f.trunks, 'out_capacity'),
  }),
  rule({
    id: 'carrierx-trunk-no-endpoint',
    kind: 'CarrierXTrunkGroup',
    title: 'No endpoint',
    consequence: 'Calls the group gives this trunk have no SIP address to go to: the trunk sends them to its endpoint’s addresses.',
    remedy: 'Set the trunk’s endpoint_sid to an endpoint with an address.',
    source: { file: `${FACTS} §6`, quote: 'A trunk’s `endpoint_sid` points at one Endpoint; the SIP target (IP or host, port, transport) is an entry in that endpoint’s `addresses` array.' },
    key: 'trunks',
    check: (f) => (f.trunks ?? []).filter((t) => t.endpointSid === null).map((t) => ({ path: trunkPath(t, 'endpoint_sid'), subject: `Trunk ${JSON.stringify(t.name)}` })),
  }),
  rule({
    id: 'carrierx-endpoint-no-address',
    kind: 'CarrierXTrunkGroup',
    title: 'Its endpoint has no address',
    consequence: 'Calls the group gives this trunk have no SIP address to go to: the trunk sends them to its endpoint’s addresses.',
    remedy: 'Add an address to the endpoint, or set the trunk’s endpoint_sid to an endpoint with one.',
    source: { file: `${FACTS} §6`, quote: 'A trunk’s `endpoint_sid` points at one Endpoint; the SIP target (IP or host, port, transport) is an entry in that endpoint’s `addresses` array.' },
    key: 'trunks',
    check: (f) =>
      (f.trunks ?? [])
        .filter((t) => typeof t.endpointSid === 'string' && f.endpointAddresses.get(t.endpointSid) === 0)
        .map((t) => ({ path: trunkPath(t, 'endpoint_sid'), subject: `Trunk ${JSON.stringify(t.name)}` })),
  }),
  rule({
    id: 'carrierx-group-no-numbers',
    kind: 'CarrierXTrunkGroup',
    title: 'No phone numbers (DIDs) assigned',
    consequence: 'No call from the PSTN reaches this trunk group: a call reaches the group through a DID assigned to it.',
    remedy: 'Assign a DID to the group (Phone Numbers in the explorer).',
    source: { file: `${FACTS} §4 (how-it-works/trunks and did/rent pages)`, quote: 'When a call is placed from the PSTN, it first connects to the rented DID number assigned to the trunk group. … once the phone number has been rented, it must be assigned a trunk group to be usable.' },
    key: 'phone_numbers',
    check: (f) => (f.phoneNumbers === 0 ? [{ path: ['phone_numbers'] }] : []),
  }),
];

export function readinessRule(id: string): AnyReadinessRule | undefined {
  return READINESS_RULES.find((r) => r.id === id);
}
