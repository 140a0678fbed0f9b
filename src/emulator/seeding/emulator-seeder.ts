import { RECORDING_MODES, RECORDING_TRIMS, TRANSFER_CALLER_IDS, TRANSFER_MODES } from '../../core/providers/twilio/models';
import { ROUTING_TYPES } from '../../core/providers/carrierx/models';
import { defaultEndpointAddress } from '../carrierx/carrierx-defaults';
import type { TrunkGroupRecord } from '../carrierx/carrierx-records';
import { IdGenerator } from '../random/id-generator';
import { Prng } from '../random/prng';
import type { EmulatorStore } from '../store/emulator-store';
import type { KeySource } from '../store/key-source';
import type { ByocTrunkRecord } from '../twilio/twilio-records';
import {
  AREA_CODES,
  BYOC_CARRIERS,
  CARRIERX_REGIONS,
  CARRIERX_ROLES,
  COMPANIES,
  CREDENTIAL_LISTS,
  CREDENTIAL_USERNAMES,
  IP_ACCESS_CONTROL_LISTS,
  IP_ACL_ENTRIES,
  PURPOSES,
  slug,
} from './seed-names';

/** How much data to create at start (and again on reset). */
export interface SeedCounts {
  trunks: number;
  numbers: number;
  byocTrunks: number;
  trunkGroups: number;
  /** CarrierX DIDs (some unassigned); absent: eight per trunk group. Needs a trunk group. */
  dids?: number | undefined;
  /**
   * Twilio numbers beyond `numbers`, made last (`seedNumberInventory`): a few on the trunks that
   * already have numbers, most on webhooks, as in an account that runs more than SIP trunks.
   */
  inventoryNumbers?: number | undefined;
}

export const NO_SEED: Readonly<SeedCounts> = { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 };
/**
 * What the Sandbox account and `npm run emulator` without seed flags start with: an inventory of
 * hundreds of numbers (300 Twilio numbers, 200 CarrierX DIDs), some on no trunk, so that Phone
 * Numbers pages and Find Number has something to find.
 */
export const SANDBOX_SEED: Readonly<SeedCounts> = { trunks: 6, numbers: 24, byocTrunks: 2, trunkGroups: 3, dids: 200, inventoryNumbers: 276 };

const HOUR = 3_600_000;

/**
 * Fills an empty store with realistic, deterministic data: the same seed gives the same
 * names, numbers and SIDs. Records are dated in the past, oldest first. The account's
 * credential lists and IP ACLs are always created, so trunks can be associated with them.
 */
export function seedStore(store: EmulatorStore, counts: SeedCounts, seed: string, now: number): void {
  const prng = Prng.fromSeed(`${seed}:data`);
  const total = counts.trunks + counts.numbers + counts.byocTrunks + counts.trunkGroups + 6;
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

  const byocTrunks: ByocTrunkRecord[] = [];
  for (let i = 0; i < counts.byocTrunks; i++) {
    const carrier = prng.pick(BYOC_CARRIERS);
    const host = `${slug(carrier)}-${i + 1}.byoc.example.com`;
    // The id drawn here used to be a made-up policy SID; it is still drawn so that every later SID
    // stays as it was. The real policies are made by seedRoutes.
    store.sid('NY');
    const trunk = twilio.byocTrunks.create(
      {
        friendly_name: `${carrier} BYOC ${i + 1}`,
        voice_url: `https://${host}/twilio/app`,
        voice_fallback_url: prng.chance(0.5) ? `https://${host}/twilio/fallback` : null,
        status_callback_url: prng.chance(0.5) ? `https://${host}/twilio/status` : null,
        cnam_lookup_enabled: prng.chance(0.3),
        from_domain_sid: prng.chance(0.5) ? store.sid('SD') : null,
      },
      nextTime(),
    );
    byocTrunks.push(trunk);
  }

  const groups: TrunkGroupRecord[] = [];
  for (let i = 0; i < counts.trunkGroups; i++) {
    nextTime();
    const routingType = prng.pick(ROUTING_TYPES);
    const trunks = Array.from({ length: prng.int(1, 3) }, (_, k) => {
      // Drawn and dropped, as for BYOC policies above: seedRoutes links real endpoints.
      store.uuid();
      return {
        name: `trunk${String(k + 1).padStart(2, '0')}`,
        priority: k,
        weight: routingType === 'round_robin' ? prng.pick([10, 20, 50]) : 0,
        allow_transfer: prng.chance(0.3),
        in_capacity: prng.pick([0, 0, 30, 100]),
        out_capacity: prng.pick([0, 0, 30, 100]),
      };
    });
    groups.push(
      store.carrierx.createGroup(
        { name: `${prng.pick(CARRIERX_REGIONS)} ${prng.pick(CARRIERX_ROLES)} ${i + 1}`, routing_type: routingType },
        trunks,
      ),
    );
  }

  seedListEntries(store, credentialLists, ipLists, seed);
  seedRoutes(store, seed, byocTrunks, groups, counts.dids);
  seedNumberInventory(store, seed, counts.inventoryNumbers ?? 0, now);
}

/**
 * More Twilio numbers, made last with their own random source and ids so that every other
 * seeded name and SID stays as it was: about one in ten on a trunk that already has numbers (a
 * trunk seeded without any keeps none, so its call-readiness warning still shows), the rest on a
 * voice URL or a TwiML app, "not on a trunk" in the inventory. Dated a minute apart, before the
 * data above.
 */
function seedNumberInventory(store: EmulatorStore, seed: string, count: number, now: number): void {
  const prng = Prng.fromSeed(`${seed}:inventory`);
  const ids = IdGenerator.fromSeed(`${seed}:inventory-ids`);
  const keys: KeySource = { nextSeq: () => store.nextSeq(), sid: (prefix) => ids.sid(prefix), uuid: () => ids.uuid() };
  const numbers = store.twilio.numbers;
  const trunksWithNumbers = store.twilio.trunks.all.values().filter((trunk) => numbers.onTrunk(trunk.sid).size > 0).map((trunk) => trunk.sid);
  const oldest = Math.min(now, ...numbers.all.values().map((n) => n.date_created));
  for (let i = 0; i < count; i++) {
    const time = oldest - (count - i) * MINUTE;
    const fields =
      trunksWithNumbers.length > 0 && prng.chance(0.1)
        ? { trunk_sid: prng.pick(trunksWithNumbers) }
        : prng.chance(0.3)
          ? { voice_application_sid: ids.sid('AP') }
          : { voice_url: `https://hooks.example.com/voice/${store.twilio.numbers.all.size + 1}` };
    numbers.create(freeNumber(store, prng), fields, time, { origin: prng.chance(0.05) ? 'hosted' : 'twilio', beta: prng.chance(0.03) }, keys);
  }
}

/**
 * Where calls go, made last with their own random source and ids like the list entries, so
 * every other seeded name and SID stays as it was: a connection policy per BYOC trunk plus a
 * spare, each with 1–3 `sip:` targets (a priority-10 pair spread by weight, a priority-20
 * disaster-recovery target), linked to the BYOC trunks except every third; the partner's System
 * Gateway; a `third_party` endpoint per trunk group plus a spare, with 1–2 addresses (some with
 * Sandbox SIP credentials), linked to the groups' trunks except the last group's first trunk;
 * eight DIDs per group, about 60% assigned. The gaps are there so the call-readiness checks
 * have something to show.
 */
function seedRoutes(store: EmulatorStore, seed: string, byocTrunks: readonly ByocTrunkRecord[], groups: readonly TrunkGroupRecord[], didCount?: number): void {
  const prng = Prng.fromSeed(`${seed}:routes`);
  const ids = IdGenerator.fromSeed(`${seed}:route-ids`);
  const keys: KeySource = { nextSeq: () => store.nextSeq(), sid: (prefix) => ids.sid(prefix), uuid: () => ids.uuid() };

  const policies = store.twilio.connectionPolicies;
  const policySids: string[] = [];
  for (let i = 0; i < (byocTrunks.length === 0 ? 0 : byocTrunks.length + 1); i++) {
    const carrier = prng.pick(BYOC_CARRIERS);
    // Dated a minute before the trunk it serves (the spare, before the last trunk).
    const time = (byocTrunks[Math.min(i, byocTrunks.length - 1)]?.date_created ?? 0) - MINUTE;
    const policy = policies.create(i === byocTrunks.length ? `${carrier} spare routes` : `${carrier} origination ${i + 1}`, time, keys);
    const host = `${slug(carrier)}-${i + 1}.carrier.example.net`;
    const targets = prng.int(1, 3);
    for (let k = 0; k < targets; k++) {
      const dr = k === 2;
      policies.createTarget(
        policy.sid,
        {
          friendly_name: dr ? 'disaster recovery' : `edge ${k + 1}`,
          target: `sip:${dr ? 'dr' : `edge${k + 1}`}.${host}:5060`,
          priority: dr ? 20 : 10,
          weight: dr ? 10 : prng.pick([10, 20, 50]),
          enabled: !dr || prng.chance(0.5),
        },
        time,
        keys,
      );
    }
    policySids.push(policy.sid);
  }
  byocTrunks.forEach((trunk, i) => {
    if (i % 3 !== 2) trunk.connection_policy_sid = policySids[i] ?? null;
  });

  const carrierx = store.carrierx;
  // Every partner has one System Gateway: CarrierX's own switches (facts E1).
  carrierx.createEndpoint({ type: 'system_gateway', name: 'System Gateway', addresses: [{ ...defaultEndpointAddress(), ip: '192.0.2.10' }] }, keys);
  const endpointSids: string[] = [];
  for (let i = 0; i < (groups.length === 0 ? 0 : groups.length + 1); i++) {
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
    const endpoint = carrierx.createEndpoint(
      {
        type: 'third_party',
        name: `${slug(company)}-pbx-${i + 1}`,
        addresses,
        capacity: prng.pick([0, 0, 50]),
        out_sip_username: credentials ? `trunkline${i + 1}` : null,
        out_sip_password: credentials ? `sandbox-sip-password-${i + 1}` : null,
      },
      keys,
    );
    endpointSids.push(endpoint.endpoint_sid);
  }
  groups.forEach((group, i) => {
    const lastGroup = i === groups.length - 1 && i > 0;
    carrierx
      .trunksOf(group.trunk_group_sid)
      .values()
      .forEach((trunk, k) => {
        trunk.endpoint_sid = lastGroup && k === 0 ? null : (endpointSids[(i + k) % endpointSids.length] ?? null);
      });
  });

  const taken = new Set<string>();
  const groupSids = groups.map((g) => g.trunk_group_sid);
  for (let i = 0; i < (groupSids.length === 0 ? 0 : (didCount ?? groupSids.length * 8)); i++) {
    let digits: string;
    do digits = `1${prng.pick(AREA_CODES)}${prng.int(200, 999)}${String(prng.int(0, 9999)).padStart(4, '0')}`;
    while (taken.has(digits) || digits.slice(4, 7).endsWith('11'));
    taken.add(digits);
    carrierx.createDid(digits, { trunk_group_sid: prng.chance(0.6) ? prng.pick(groupSids) : null }, keys);
  }
}

const MINUTE = 60_000;
const PASSWORD_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * The addresses and credentials of the seeded lists. Made last, with their own random source
 * and ids, so that adding them left every other seeded name and SID, and the SIDs of whatever
 * is created afterwards, as they were. The passwords are random and thrown away: only their
 * hashes are stored, as for any credential.
 */
function seedListEntries(store: EmulatorStore, credentialLists: readonly string[], ipLists: readonly string[], seed: string): void {
  const prng = Prng.fromSeed(`${seed}:auth-lists`);
  const ids = IdGenerator.fromSeed(`${seed}:auth-list-ids`);
  const keys: KeySource = { nextSeq: () => store.nextSeq(), sid: (prefix) => ids.sid(prefix), uuid: () => ids.uuid() };
  const lists = store.twilio.authLists;
  ipLists.forEach((listSid, i) => {
    const created = lists.lists('ip_access_control_lists').get(listSid)?.date_created ?? 0;
    (IP_ACL_ENTRIES[i] ?? []).forEach((entry, k) => lists.createIpAddress(listSid, { ...entry }, created + (k + 1) * MINUTE, keys));
  });
  credentialLists.forEach((listSid, i) => {
    const created = lists.lists('credential_lists').get(listSid)?.date_created ?? 0;
    (CREDENTIAL_USERNAMES[i] ?? []).forEach((username, k) => {
      const random = Array.from({ length: 13 }, () => prng.pick([...PASSWORD_CHARACTERS])).join('');
      // Prefixed so that every seeded password meets Twilio's rule whatever the dice say.
      lists.createCredential(listSid, username, `Aa1${random}`, created + (k + 1) * MINUTE, keys);
    });
  });
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
