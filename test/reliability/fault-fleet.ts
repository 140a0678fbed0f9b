import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import type { SyncDocument } from '../../src/core/documents/plan/plan-documents';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import type { TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import { CODECS, ROUTING_TYPES } from '../../src/core/providers/carrierx/models';
import type { CarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { collect } from '../../src/core/providers/page';
import { HTTP_METHODS, RECORDING_MODES, RECORDING_TRIMS, TRANSFER_MODES, type Trunk } from '../../src/core/providers/twilio/models';
import type { TwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { Prng } from '../../src/emulator/random/prng';

// A production-like workspace for the fault suite: existing trunks, BYOC trunks and trunk
// groups (made before any fault is switched on) and trunk files that create new ones and change
// the existing ones in every way Push can: fields, recording, origination URLs added, changed
// and removed, numbers attached, moved from unmanaged trunks and detached, CarrierX trunks
// added, changed and removed. Each phone number, domain and name is claimed by one document only.

/** One document as the fleet planned it. */
export interface FleetDocument {
  kind: TrunkKind;
  /** Set for documents that change an existing resource. */
  sid?: string;
  spec: Record<string, unknown>;
  /** Domain (Twilio trunks) or name (BYOC trunks, groups): how the remote resource is found. */
  key: string;
}

export interface FleetFile {
  uri: string;
  /** The documents in file order; the file's n-th YAML document is documents[n]. */
  documents: FleetDocument[];
}

export interface Fleet {
  files: FleetFile[];
  /** Resources existing before the push, by kind: the push may add exactly the creates. */
  before: { trunks: number; byocTrunks: number; trunkGroups: number };
  creates: Record<TrunkKind, number>;
  documentCount: number;
}

const ACCOUNT = 'production';
const PAGE = { pageSize: 1000 };

/** How the documents are spread over the kinds and over creating versus changing. */
function mix(count: number) {
  const twilioUpdates = Math.round(count * 0.2);
  const byocCreates = Math.round(count * 0.08);
  const byocUpdates = Math.round(count * 0.07);
  const groupCreates = Math.round(count * 0.13);
  const groupUpdates = Math.round(count * 0.12);
  const twilioCreates = count - twilioUpdates - byocCreates - byocUpdates - groupCreates - groupUpdates;
  return { twilioCreates, twilioUpdates, byocCreates, byocUpdates, groupCreates, groupUpdates };
}

/** Seeding for the emulator: trunks to change plus some nobody manages, and numbers for all. */
export function fleetSeeding(count: number) {
  const m = mix(count);
  return { trunks: m.twilioUpdates + 10, numbers: Math.max(60, count * 2), byocTrunks: 0, trunkGroups: 0 };
}

/**
 * Reads what the emulator was seeded with, creates the BYOC trunks and groups that documents
 * will change, and writes the trunk files. Call before any fault is switched on.
 */
export async function buildFleet(seed: number, count: number, twilio: TwilioClient, carrierx: CarrierXClient): Promise<Fleet> {
  const prng = Prng.fromSeed(`fleet:${seed}`);
  const m = mix(count);
  const documents: FleetDocument[] = [];
  const bool = () => prng.chance(0.5);

  const trunks = await collect(twilio.trunks.list(PAGE));
  const numbers = await collect(twilio.incomingPhoneNumbers.list(PAGE));
  // A BYOC trunk may only name a policy that exists (the emulator checks, as the facts decide).
  const policies = (await collect(twilio.connectionPolicies.list(PAGE))).map((p) => p.sid);
  if (policies.length === 0) policies.push((await twilio.connectionPolicies.create({ friendly_name: 'Fleet routes' })).sid);
  const managed = trunks.slice(0, m.twilioUpdates);
  const managedSids = new Set(managed.map((t) => t.sid));
  // Free numbers and numbers on trunks nobody manages may go to any document (a move for the latter).
  const available = numbers.filter((n) => !n.trunk_sid || !managedSids.has(n.trunk_sid)).map((n) => n.phone_number);
  const take = (max: number): string[] => {
    const wanted = prng.int(0, max);
    const out: string[] = [];
    while (out.length < wanted && available.length > 0) out.push(available.splice(prng.int(0, available.length - 1), 1)[0]!);
    return out;
  };
  const recording = () => ({ mode: prng.pick(RECORDING_MODES), trim: prng.pick(RECORDING_TRIMS) });
  const originationUrl = (host: string) => ({
    friendly_name: host.slice(0, 60),
    sip_url: `sip:${host}.example.com`,
    priority: prng.int(0, 20),
    weight: prng.int(1, 100),
    enabled: prng.chance(0.8),
  });

  for (let i = 0; i < m.twilioCreates; i++) {
    const domain = `fleet-${seed}-${i}.pstn.twilio.com`;
    const spec: Record<string, unknown> = {
      friendly_name: `Fleet ${seed} trunk ${i}`,
      domain_name: domain,
      secure: bool(),
      cnam_lookup_enabled: bool(),
      transfer_mode: prng.pick(TRANSFER_MODES),
    };
    if (prng.chance(0.2)) spec.disaster_recovery_url = `https://dr.example.com/fleet/${i}`;
    if (bool()) spec.recording = recording();
    if (prng.chance(0.7)) spec.origination_urls = Array.from({ length: prng.int(0, 2) }, (_, k) => originationUrl(`pbx-${seed}-${i}-${k}`));
    if (prng.chance(0.6)) spec.phone_numbers = take(3);
    documents.push({ kind: 'TwilioTrunk', spec, key: domain });
  }

  for (const [i, trunk] of managed.entries()) {
    const spec: Record<string, unknown> = { friendly_name: `${trunk.friendly_name ?? 'Trunk'} v2`.slice(0, 64), secure: !trunk.secure, transfer_mode: prng.pick(TRANSFER_MODES) };
    if (bool()) spec.recording = recording();
    if (prng.chance(0.7)) spec.origination_urls = await changedOriginationUrls(twilio, trunk, () => originationUrl(`pbx-${seed}-legacy-${i}`), prng);
    if (prng.chance(0.7)) {
      const own = numbers.filter((n) => n.trunk_sid === trunk.sid).map((n) => n.phone_number);
      spec.phone_numbers = [...own.filter(() => bool()), ...take(2)];
    }
    documents.push({ kind: 'TwilioTrunk', sid: trunk.sid, spec, key: trunk.domain_name ?? trunk.sid });
  }

  const byoc = (name: string) => ({
    friendly_name: name,
    voice_url: `https://voice.example.com/${prng.hex(4)}`,
    voice_method: prng.pick(HTTP_METHODS),
    cnam_lookup_enabled: bool(),
    ...(bool() ? { connection_policy_sid: prng.pick(policies) } : {}),
  });
  for (let i = 0; i < m.byocCreates; i++) {
    const name = `Fleet ${seed} carrier ${i}`;
    documents.push({ kind: 'TwilioByocTrunk', spec: byoc(name), key: name });
  }
  for (let i = 0; i < m.byocUpdates; i++) {
    const name = `Fleet ${seed} legacy carrier ${i}`;
    const existing = await twilio.byocTrunks.create({ friendly_name: name, voice_url: 'https://voice.example.com/old', voice_method: 'POST' });
    documents.push({ kind: 'TwilioByocTrunk', sid: existing.sid, spec: { ...byoc(name), status_callback_url: `https://status.example.com/${i}` }, key: name });
  }

  const carrierxTrunk = (name: string) => ({
    name,
    call_type: 'regular',
    ...(bool() ? { codec: prng.pick(CODECS) } : {}),
    in_capacity: prng.int(0, 50),
    priority: prng.int(0, 5),
    weight: prng.int(0, 10),
  });
  for (let i = 0; i < m.groupCreates; i++) {
    const name = `Fleet ${seed} group ${i}`;
    const spec: Record<string, unknown> = { name, routing_type: prng.pick(ROUTING_TYPES), hard_failure_codes: '408;503;' };
    if (prng.chance(0.8)) spec.trunks = Array.from({ length: prng.int(0, 3) }, (_, k) => carrierxTrunk(`g${i}-t${k}`));
    documents.push({ kind: 'CarrierXTrunkGroup', spec, key: name });
  }
  for (let i = 0; i < m.groupUpdates; i++) {
    const name = `Fleet ${seed} legacy group ${i}`;
    const existing = await carrierx.trunkGroups.create({ name, routing_type: 'failover', trunks: [{ name: 'a' }, { name: 'b' }, { name: 'c', in_capacity: 5 }] });
    const spec = {
      name,
      routing_type: 'round_robin',
      soft_failure_codes: '486;',
      // a changes, b goes, c stays as it is, d is new
      trunks: [{ name: 'a', in_capacity: prng.int(1, 99) }, { name: 'c', in_capacity: 5 }, carrierxTrunk('d')],
    };
    documents.push({ kind: 'CarrierXTrunkGroup', sid: existing.trunk_group_sid, spec, key: name });
  }

  shuffle(documents, prng);
  const files: FleetFile[] = [];
  for (let start = 0; start < documents.length; ) {
    const size = Math.min(documents.length - start, prng.int(1, 12));
    files.push({ uri: `file:///fleet/${seed}/file-${String(files.length).padStart(3, '0')}.trunk.yaml`, documents: documents.slice(start, start + size) });
    start += size;
  }
  const existingGroups = (await collect(carrierx.trunkGroups.list(PAGE))).length;
  const existingByoc = (await collect(twilio.byocTrunks.list(PAGE))).length;
  return {
    files,
    before: { trunks: trunks.length, byocTrunks: existingByoc, trunkGroups: existingGroups },
    creates: {
      TwilioTrunk: m.twilioCreates,
      TwilioByocTrunk: m.byocCreates,
      CarrierXTrunkGroup: m.groupCreates,
      TwilioIpAccessControlList: 0,
      TwilioCredentialList: 0,
    },
    documentCount: documents.length,
  };
}

/** Keeps the first URL with a new weight, drops the others, adds one. */
async function changedOriginationUrls(twilio: TwilioClient, trunk: Trunk, added: () => Record<string, unknown>, prng: Prng) {
  const existing = await collect(twilio.originationUrls.list(trunk.sid, PAGE));
  const kept = existing.slice(0, 1).map((u) => ({ friendly_name: u.friendly_name ?? 'kept', sip_url: u.sip_url, priority: u.priority, weight: prng.int(1, 100), enabled: u.enabled }));
  return [...kept, added()];
}

function shuffle<T>(items: T[], prng: Prng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** The file's text, with comments around and between the documents (write-back must keep them). */
export function fleetFileText(file: FleetFile): string {
  const parts = file.documents.map((d, i) => `# document ${i + 1}: ${d.key}\n${toTrunkYaml({ apiVersion: 'trunkline/v1', kind: d.kind, account: ACCOUNT, ...(d.sid ? { sid: d.sid } : {}), spec: d.spec })}`);
  return `# Fleet file ${file.uri}: comments must survive every push.\n${parts.join('---\n')}`;
}

/** Every document of every file, parsed as Push would parse them; throws on an invalid one. */
export function syncDocuments(texts: ReadonlyMap<string, string>): SyncDocument[] {
  const out: SyncDocument[] = [];
  for (const [uri, text] of texts) {
    for (const document of parseTrunkFile(text).documents) {
      if (!document.valid) throw new Error(`${uri} document ${document.index}: ${document.diagnostics.map((d) => d.message).join('; ')}`);
      out.push({ uri, document });
    }
  }
  return out;
}
