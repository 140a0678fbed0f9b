import { RECORDING_MODES, RECORDING_TRIMS, TRANSFER_CALLER_IDS, TRANSFER_MODES } from '../../core/providers/twilio/models';
import { ROUTING_TYPES } from '../../core/providers/carrierx/models';
import { defaultEndpointAddress } from '../carrierx/carrierx-defaults';
import { Prng } from '../random/prng';
import type { EmulatorStore } from '../store/emulator-store';
import {
  AREA_CODES,
  BYOC_CARRIERS,
  CARRIERX_REGIONS,
  CARRIERX_ROLES,
  COMPANIES,
  CREDENTIAL_LISTS,
  IP_ACCESS_CONTROL_LISTS,
  PURPOSES,
  slug,
} from './seed-names';

/** How much data to create at start (and again on reset). */
export interface SeedCounts {
  trunks: number;
  numbers: number;
  byocTrunks: number;
  trunkGroups: number;
}

export const NO_SEED: Readonly<SeedCounts> = { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 };
/** What the Sandbox account and `npm run emulator` without seed flags start with. */
export const SANDBOX_SEED: Readonly<SeedCounts> = { trunks: 6, numbers: 24, byocTrunks: 2, trunkGroups: 3 };

const HOUR = 3_600_000;

/**
 * Fills an empty store with realistic, deterministic data: the same seed gives the same
 * names, numbers and SIDs. Records are dated in the past, oldest first. The account's
 * credential lists and IP ACLs are always created, so trunks can be associated with them.
 */
export function seedStore(store: EmulatorStore, counts: SeedCounts, seed: string, now: number): void {
  const prng = Prng.fromSeed(`${seed}:data`);
  const total = counts.trunks + counts.numbers + 2 * counts.byocTrunks + 1 + counts.trunkGroups + 6;
  let index = 0;
  const nextTime = () => now - (total - index++) * HOUR;

  const twilio = store.twilio;
  const credentialLists = CREDENTIAL_LISTS.map((name) => twilio.authLists.createList('credential_lists', name, nextTime()).sid);
  const ipLists = IP_ACCESS_CONTROL_LISTS.map((name) => twilio.authLists.createList('ip_access_control_lists', name, nextTime()).sid);

  const trunkSids: string[] = [];
  for (let i = 0; i < counts.trunks; i++) {
    const time = nextTime();
    const company = prng.pick(COMPANIES);
    const purpose = prng.pick(PURPOSES);
    const trunk = twilio.trunks.create(
      {
        friendly_name: `${company} ${purpose}`,
        domain_name: `${slug(company)}-${slug(purpose)}-${i + 1}.pstn.twilio.com`,
        secure: prng.chance(0.4),
        cnam_lookup_enabled: prng.chance(0.3),
        transfer_mode: prng.pick(TRANSFER_MODES),
        transfer_caller_id: prng.pick(TRANSFER_CALLER_IDS),
        disaster_recovery_url: prng.chance(0.3) ? `https://dr.${slug(company)}.example.com/twiml` : null,
      },
      time,
    );
    // Read-only through the API; a few seeded trunks have it on, as older accounts do.
    if (i % 4 === 1) trunk.symmetric_rtp_enabled = true;
    if (prng.chance(0.2))
      twilio.trunks.updateRecording(trunk, { mode: prng.pick(RECORDING_MODES), trim: prng.pick(RECORDING_TRIMS) }, time);
    const urls = prng.int(1, 2);
    for (let k = 0; k < urls; k++) {
      twilio.trunks.createOriginationUrl(
        trunk.sid,
        {
          friendly_name: `sbc-${k + 1}`,
          sip_url: `sip:sbc${k + 1}.${slug(company)}.example.net:5060`,
          priority: 10 * (k + 1),
          weight: 10,
          enabled: true,
        },
        time,
      );
    }
    if (prng.chance(0.4)) twilio.authLists.link('ip_access_control_lists', trunk.sid, prng.pick(ipLists), time);
    if (prng.chance(0.25)) twilio.authLists.link('credential_lists', trunk.sid, prng.pick(credentialLists), time);
    trunkSids.push(trunk.sid);
  }

  for (let i = 0; i < counts.numbers; i++) {
    const time = nextTime();
    const phoneNumber = freeNumber(store, prng);
    const onTrunk = trunkSids.length > 0 && prng.chance(0.6);
    twilio.numbers.create(
      phoneNumber,
      onTrunk
        ? { trunk_sid: prng.pick(trunkSids) }
        : prng.chance(0.3)
          ? { voice_application_sid: store.sid('AP') }
          : { voice_url: `https://hooks.example.com/voice/${i + 1}` },
      time,
      { origin: prng.chance(0.05) ? 'hosted' : 'twilio', beta: prng.chance(0.03) },
    );
  }

  const policySids = seedConnectionPolicies(store, prng, counts.byocTrunks, nextTime);
  for (let i = 0; i < counts.byocTrunks; i++) {
    const carrier = prng.pick(BYOC_CARRIERS);
    const host = `${slug(carrier)}-${i + 1}.byoc.example.com`;
    twilio.byocTrunks.create(
      {
        friendly_name: `${carrier} BYOC ${i + 1}`,
        voice_url: `https://${host}/twilio/app`,
        voice_fallback_url: prng.chance(0.5) ? `https://${host}/twilio/fallback` : null,
        status_callback_url: prng.chance(0.5) ? `https://${host}/twilio/status` : null,
        cnam_lookup_enabled: prng.chance(0.3),
        // Every third trunk has no policy, so the Sandbox shows a BYOC trunk that cannot route calls out.
        connection_policy_sid: i % 3 === 2 ? null : (policySids[i % policySids.length] ?? null),
        from_domain_sid: prng.chance(0.5) ? store.sid('SD') : null,
      },
      nextTime(),
    );
  }

  const carrierx = store.carrierx;
  // Every partner has one System Gateway: CarrierX's own switches (facts E1).
  carrierx.createEndpoint({
    type: 'system_gateway',
    name: 'System Gateway',
    addresses: [{ ...defaultEndpointAddress(), ip: '192.0.2.10' }],
  });
  const endpointSids = seedEndpoints(store, prng, counts.trunkGroups);
  const groupSids: string[] = [];
  for (let i = 0; i < counts.trunkGroups; i++) {
    nextTime();
    const routingType = prng.pick(ROUTING_TYPES);
    const lastGroup = i === counts.trunkGroups - 1 && i > 0;
    const trunks = Array.from({ length: prng.int(1, 3) }, (_, k) => ({
      name: `trunk${String(k + 1).padStart(2, '0')}`,
      // The last group's first trunk has no endpoint: a trunk that cannot carry calls, for the checks to show.
      endpoint_sid: lastGroup && k === 0 ? null : (endpointSids[(i + k) % endpointSids.length] ?? null),
      priority: k,
      weight: routingType === 'round_robin' ? prng.pick([10, 20, 50]) : 0,
      allow_transfer: prng.chance(0.3),
      in_capacity: prng.pick([0, 0, 30, 100]),
      out_capacity: prng.pick([0, 0, 30, 100]),
    }));
    const group = carrierx.createGroup(
      { name: `${prng.pick(CARRIERX_REGIONS)} ${prng.pick(CARRIERX_ROLES)} ${i + 1}`, routing_type: routingType },
      trunks,
    );
    groupSids.push(group.trunk_group_sid);
  }
  seedDids(store, prng, groupSids);
}

/**
 * One `third_party` endpoint per trunk group plus a spare, each with one or two addresses of the
 * customer's SBCs; some carry SIP credentials for calls CarrierX sends them (Sandbox secrets only).
 */
function seedEndpoints(store: EmulatorStore, prng: Prng, trunkGroups: number): string[] {
  const sids: string[] = [];
  for (let i = 0; i < (trunkGroups === 0 ? 0 : trunkGroups + 1); i++) {
    const company = prng.pick(COMPANIES);
    const host = `${slug(company)}.example.net`;
    const addresses = Array.from({ length: prng.int(1, 2) }, (_, k) => ({
      ...defaultEndpointAddress(),
      ip: k === 0 ? `sbc.${host}` : `198.51.100.${10 + i * 2 + k}`,
      transport: prng.pick(['udp', 'tcp', 'tls'] as const),
      port: k === 0 ? 5060 : 5080,
      priority: k,
      direction: k === 0 ? 'any' : 'inbound',
    }));
    const credentials = prng.chance(0.4);
    const endpoint = store.carrierx.createEndpoint({
      type: 'third_party',
      name: `${slug(company)}-pbx-${i + 1}`,
      addresses,
      capacity: prng.pick([0, 0, 50]),
      out_sip_username: credentials ? `trunkline${i + 1}` : null,
      out_sip_password: credentials ? `sandbox-sip-password-${i + 1}` : null,
    });
    sids.push(endpoint.endpoint_sid);
  }
  return sids;
}

/** Eight rented numbers per trunk group, about 60% assigned to a group, the rest unassigned. */
function seedDids(store: EmulatorStore, prng: Prng, groupSids: readonly string[]): void {
  const taken = new Set<string>();
  for (let i = 0; i < groupSids.length * 8; i++) {
    let digits: string;
    do digits = `1${prng.pick(AREA_CODES)}${prng.int(200, 999)}${String(prng.int(0, 9999)).padStart(4, '0')}`;
    while (taken.has(digits) || digits.slice(4, 7).endsWith('11'));
    taken.add(digits);
    store.carrierx.createDid(digits, { trunk_group_sid: prng.chance(0.6) ? prng.pick(groupSids) : null });
  }
}

/**
 * One connection policy per BYOC trunk plus one that no trunk uses, each with one to three `sip:`
 * targets: a primary pair sharing priority 10 by weight, and a disaster-recovery target at 20
 * (sometimes disabled), as carriers hand them out.
 */
function seedConnectionPolicies(store: EmulatorStore, prng: Prng, byocTrunks: number, nextTime: () => number): string[] {
  if (byocTrunks === 0) return [];
  const sids: string[] = [];
  for (let i = 0; i <= byocTrunks; i++) {
    const time = nextTime();
    const carrier = prng.pick(BYOC_CARRIERS);
    const policy = store.twilio.connectionPolicies.create(i === byocTrunks ? `${carrier} spare routes` : `${carrier} origination ${i + 1}`, time);
    const host = `${slug(carrier)}-${i + 1}.carrier.example.net`;
    const targets = prng.int(1, 3);
    for (let k = 0; k < targets; k++) {
      const dr = k === 2;
      store.twilio.connectionPolicies.createTarget(
        policy.sid,
        {
          friendly_name: dr ? 'disaster recovery' : `edge ${k + 1}`,
          target: `sip:${dr ? 'dr' : `edge${k + 1}`}.${host}:5060`,
          priority: dr ? 20 : 10,
          weight: dr ? 10 : prng.pick([10, 20, 50]),
          enabled: !dr || prng.chance(0.5),
        },
        time,
      );
    }
    sids.push(policy.sid);
  }
  return sids;
}

/** A unique North American number: real area code, exchange 200–999 (no N11), random line. */
function freeNumber(store: EmulatorStore, prng: Prng): string {
  for (;;) {
    const exchange = prng.int(200, 999);
    if (exchange % 100 === 11) continue;
    const candidate = `+1${prng.pick(AREA_CODES)}${exchange}${String(prng.int(0, 9999)).padStart(4, '0')}`;
    if (!store.twilio.numbers.isTaken(candidate)) return candidate;
  }
}
