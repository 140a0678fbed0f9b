import { performance } from 'node:perf_hooks';
import { isProviderError } from '../../src/core/http/provider-error';
import type { CarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import type { TwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { Prng } from '../../src/emulator/random/prng';

// One simulated user of the emulator: a seeded mix of reads, creates, updates and deletes over
// both providers, on resources it made itself (so that users do not trip over each other), plus
// requests whose 4xx answer is the point (a deleted trunk is 404, a taken domain is 400).

export interface LoadResult {
  /** Milliseconds per request, client side (send to parsed answer). */
  latencies: number[];
  errors: string[];
  expectedRejections: number;
}

interface Owned {
  trunks: string[];
  /** Origination URLs per trunk of ours. */
  urls: Map<string, string[]>;
  /** Our numbers on our trunks, as [trunk, PN sid]. */
  attached: [string, string][];
  byoc: string[];
  groups: string[];
  /** CarrierX trunks per group of ours. */
  carrierxTrunks: Map<string, string[]>;
  deletedTrunks: string[];
}

export async function runLoadClient(id: number, requests: number, twilio: TwilioClient, carrierx: CarrierXClient, freeNumbers: string[], seedTrunks: readonly string[]): Promise<LoadResult> {
  const prng = Prng.fromSeed(`load:${id}`);
  const result: LoadResult = { latencies: [], errors: [], expectedRejections: 0 };
  const owned: Owned = { trunks: [], urls: new Map(), attached: [], byoc: [], groups: [], carrierxTrunks: new Map(), deletedTrunks: [] };
  let made = 0;

  /** One request, timed; `expect` names the 4xx it must answer. */
  const call = async <T>(what: string, send: () => Promise<T>, expect?: number): Promise<T | undefined> => {
    const started = performance.now();
    try {
      const value = await send();
      result.latencies.push(performance.now() - started);
      if (expect !== undefined) result.errors.push(`${what}: succeeded, expected HTTP ${expect}`);
      return value;
    } catch (error) {
      result.latencies.push(performance.now() - started);
      if (expect !== undefined && isProviderError(error) && error.status === expect) {
        result.expectedRejections += 1;
        return undefined;
      }
      result.errors.push(`${what}: ${isProviderError(error) ? error.toDisplayString() : String(error)}`);
      return undefined;
    }
  };
  const any = <T>(items: readonly T[]): T | undefined => (items.length > 0 ? prng.pick(items) : undefined);
  const takeAt = <T>(items: T[]): T | undefined => (items.length > 0 ? items.splice(prng.int(0, items.length - 1), 1)[0] : undefined);

  const createTrunk = async () => {
    const trunk = await call('create trunk', () => twilio.trunks.create({ friendly_name: `Load ${id}-${made}`, domain_name: `load-${id}-${made++}.pstn.twilio.com` }));
    if (trunk) owned.trunks.push(trunk.sid);
  };
  const operations: [weight: number, run: () => Promise<unknown>][] = [
    // reads
    [8, () => call('list trunks', () => twilio.trunks.page({ pageSize: 50 }))],
    [6, () => call('fetch trunk', () => twilio.trunks.fetch(any(owned.trunks) ?? prng.pick(seedTrunks)))],
    [4, () => call('list numbers', () => twilio.incomingPhoneNumbers.page({ pageSize: 50 }))],
    [3, () => call('list BYOC trunks', () => twilio.byocTrunks.page({ pageSize: 20 }))],
    [4, () => call('list trunk groups', () => carrierx.trunkGroups.page({ pageSize: 20 }))],
    [3, async () => { const g = any(owned.groups); return g && call('fetch group', () => carrierx.trunkGroups.fetch(g, { withTrunks: true })); }],
    [3, async () => { const t = any(owned.trunks); return t && call('list origination URLs', () => twilio.originationUrls.page(t, { pageSize: 20 })); }],
    [2, async () => { const t = any(owned.trunks); return t && call('list trunk numbers', () => twilio.trunkPhoneNumbers.page(t, { pageSize: 20 })); }],
    // creates
    [4, createTrunk],
    [3, async () => {
      const t = any(owned.trunks);
      const url = t && (await call('add origination URL', () => twilio.originationUrls.create(t, { friendly_name: `pbx-${made}`, sip_url: `sip:pbx-${id}-${made++}.example.com`, priority: 10, weight: 10, enabled: true })));
      if (t && url) owned.urls.set(t, [...(owned.urls.get(t) ?? []), url.sid]);
    }],
    [3, async () => {
      const t = any(owned.trunks);
      const pn = t && takeAt(freeNumbers);
      if (!t || !pn) return;
      const attached = await call('attach number', () => twilio.trunkPhoneNumbers.attach(t, pn));
      if (attached) owned.attached.push([t, pn]);
      else freeNumbers.push(pn);
    }],
    [2, async () => {
      const byoc = await call('create BYOC trunk', () => twilio.byocTrunks.create({ friendly_name: `Load carrier ${id}-${made++}`, voice_url: 'https://voice.example.com/load' }));
      if (byoc) owned.byoc.push(byoc.sid);
    }],
    [2, async () => {
      const group = await call('create trunk group', () => carrierx.trunkGroups.create({ name: `Load group ${id}-${made++}`, trunks: [{ name: 'a' }, { name: 'b', codec: 'ulaw' }] }));
      if (group) {
        owned.groups.push(group.trunk_group_sid);
        owned.carrierxTrunks.set(group.trunk_group_sid, (group.trunks ?? []).map((t) => t.trunk_sid));
      }
    }],
    [2, async () => {
      const g = any(owned.groups);
      const trunk = g && (await call('add CarrierX trunk', () => carrierx.trunks.create(g, { name: `t${made++}`, in_capacity: 5 })));
      if (g && trunk) owned.carrierxTrunks.set(g, [...(owned.carrierxTrunks.get(g) ?? []), trunk.trunk_sid]);
    }],
    // updates
    [4, async () => { const t = any(owned.trunks); return t && call('update trunk', () => twilio.trunks.update(t, { secure: prng.chance(0.5), friendly_name: `Load ${id} renamed ${made++}` })); }],
    [2, async () => { const t = any(owned.trunks); return t && call('update recording', () => twilio.recording.update(t, { mode: prng.pick(['do-not-record', 'record-from-answer']) })); }],
    [2, async () => {
      const t = any(owned.trunks);
      const u = t && any(owned.urls.get(t) ?? []);
      return t && u && call('update origination URL', () => twilio.originationUrls.update(t, u, { weight: prng.int(1, 99) }));
    }],
    [2, async () => { const b = any(owned.byoc); return b && call('update BYOC trunk', () => twilio.byocTrunks.update(b, { cnam_lookup_enabled: prng.chance(0.5) })); }],
    [3, async () => { const g = any(owned.groups); return g && call('update trunk group', () => carrierx.trunkGroups.update(g, { routing_type: prng.pick(['failover', 'round_robin']) })); }],
    [2, async () => {
      const g = any(owned.groups);
      const t = g && any(owned.carrierxTrunks.get(g) ?? []);
      return g && t && call('update CarrierX trunk', () => carrierx.trunks.update(g, t, { in_capacity: prng.int(0, 50) }));
    }],
    // deletes
    [2, async () => {
      const t = any(owned.trunks);
      const u = t && takeAt(owned.urls.get(t) ?? []);
      return t && u && call('delete origination URL', () => twilio.originationUrls.delete(t, u));
    }],
    [2, async () => {
      const pair = takeAt(owned.attached);
      if (!pair) return;
      await call('detach number', () => twilio.trunkPhoneNumbers.detach(pair[0], pair[1]));
      freeNumbers.push(pair[1]);
    }],
    [1, async () => {
      // Never the first: its domain is the one the taken-domain request reuses.
      const t = owned.trunks.length > 3 ? owned.trunks.splice(prng.int(1, owned.trunks.length - 1), 1)[0] : undefined;
      if (!t) return;
      await call('delete trunk', () => twilio.trunks.delete(t));
      // Its numbers are free again.
      for (const pair of owned.attached.filter(([trunk]) => trunk === t)) freeNumbers.push(pair[1]);
      owned.attached = owned.attached.filter(([trunk]) => trunk !== t);
      owned.urls.delete(t);
      owned.deletedTrunks.push(t);
    }],
    [1, async () => { const b = owned.byoc.length > 2 ? takeAt(owned.byoc) : undefined; return b && call('delete BYOC trunk', () => twilio.byocTrunks.delete(b)); }],
    [1, async () => {
      const g = any(owned.groups);
      const t = g && takeAt(owned.carrierxTrunks.get(g) ?? []);
      return g && t && call('delete CarrierX trunk', () => carrierx.trunks.delete(g, t));
    }],
    [1, async () => { const g = owned.groups.length > 2 ? takeAt(owned.groups) : undefined; return g && call('delete trunk group', () => carrierx.trunkGroups.delete(g)); }],
    // answers that must be 4xx
    [1, async () => { const t = any(owned.deletedTrunks); return t && call('fetch a deleted trunk', () => twilio.trunks.fetch(t), 404); }],
    [1, async () => { const t = any(owned.trunks); return t && call('a taken domain', () => twilio.trunks.create({ domain_name: `load-${id}-0.pstn.twilio.com` }), 400); }],
  ];
  const total = operations.reduce((n, [w]) => n + w, 0);
  const pick = () => {
    let roll = prng.next() * total;
    for (const [weight, run] of operations) {
      roll -= weight;
      if (roll < 0) return run;
    }
    return operations[0]![1];
  };

  // The first trunk comes first: the taken-domain request reuses its domain.
  await createTrunk();
  while (result.latencies.length < requests) await pick()();
  return result;
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
