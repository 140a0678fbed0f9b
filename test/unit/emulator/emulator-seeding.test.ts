import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SEED } from '../../../src/emulator/emulator-server';
import { SANDBOX_SEED } from '../../../src/emulator/seeding/emulator-seeder';
import { startTestEmulator } from '../../support/test-emulator';

describe('emulator: seeding', () => {
  it('creates 10,000 trunks and 10,000 unique E.164 numbers, many on trunks', async () => {
    const emu = await startTestEmulator({ seeding: { trunks: 10_000, numbers: 10_000, byocTrunks: 0, trunkGroups: 0 } });
    try {
      const { trunks, incoming_phone_numbers: numbers } = emu.store.snapshot().twilio;
      assert.equal(trunks.length, 10_000);
      assert.equal(numbers.length, 10_000);
      assert.equal(new Set(numbers.map((n) => n.phone_number)).size, 10_000);
      assert.ok(numbers.every((n) => /^\+1[2-9]\d{2}[2-9]\d{6}$/.test(n.phone_number)));
      assert.equal(new Set(trunks.map((t) => t.domain_name)).size, 10_000);
      const attached = numbers.filter((n) => n.trunk_sid !== null).length;
      assert.ok(attached > 4000 && attached < 8000, `${attached} numbers on trunks`);
    } finally {
      await emu.close();
    }
  });

  it('gives the same data for the same seed and different data for another', async () => {
    const options = { seeding: { trunks: 5, numbers: 5, byocTrunks: 2, trunkGroups: 2 } };
    const [a, b, c] = [
      await startTestEmulator(options),
      await startTestEmulator(options),
      await startTestEmulator({ ...options, seed: 'other' }),
    ];
    try {
      assert.deepEqual(a.store.snapshot(), b.store.snapshot());
      assert.notDeepEqual(a.store.snapshot().twilio.trunks, c.store.snapshot().twilio.trunks);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("seeds BYOC trunks, CarrierX groups with trunks, and the account's auth lists", async () => {
    const emu = await startTestEmulator({ seeding: { byocTrunks: 3, trunkGroups: 4 } });
    try {
      const state = emu.store.snapshot();
      assert.equal(state.twilio.byoc_trunks.length, 3);
      assert.equal(state.carrierx.trunk_groups.length, 4);
      for (const g of state.carrierx.trunk_groups) assert.ok(state.carrierx.trunks.some((t) => t.trunk_group_sid === g.trunk_group_sid));
      assert.ok(state.twilio.credential_lists.length > 0 && state.twilio.ip_access_control_lists.length > 0);
      assert.ok((state.twilio.credentials ?? []).length > 0 && (state.twilio.ip_addresses ?? []).length > 0, 'the lists are not empty');
    } finally {
      await emu.close();
    }
  });

  it('seeds connection policies with sip: targets behind BYOC trunks, endpoints behind CarrierX trunks, and DIDs', async () => {
    const emu = await startTestEmulator({ seeding: { byocTrunks: 3, trunkGroups: 4 } });
    try {
      const { twilio, carrierx } = emu.store.snapshot();
      const policies = new Set((twilio.connection_policies ?? []).map((p) => p.sid));
      assert.equal(policies.size, 4, 'one per BYOC trunk and a spare');
      const targets = twilio.connection_policy_targets ?? [];
      for (const p of policies) assert.ok(targets.some((t) => t.connection_policy_sid === p), `${p} has a target`);
      assert.ok(targets.every((t) => t.target.startsWith('sip:') && t.weight >= 1 && t.priority >= 0));
      const linked = twilio.byoc_trunks.filter((b) => b.connection_policy_sid !== null);
      assert.ok(linked.length > 0 && linked.length < twilio.byoc_trunks.length, 'most BYOC trunks have a policy, one has none');
      assert.ok(linked.every((b) => policies.has(b.connection_policy_sid ?? '')));

      const endpoints = carrierx.endpoints ?? [];
      assert.deepEqual(endpoints.filter((e) => e.type === 'system_gateway').map((e) => e.name), ['System Gateway']);
      const thirdParty = new Set(endpoints.filter((e) => e.type === 'third_party' && e.addresses.length > 0).map((e) => e.endpoint_sid));
      assert.equal(thirdParty.size, 5);
      const withEndpoint = carrierx.trunks.filter((t) => t.endpoint_sid !== null);
      assert.ok(withEndpoint.length > 0 && withEndpoint.length < carrierx.trunks.length);
      assert.ok(withEndpoint.every((t) => thirdParty.has(t.endpoint_sid ?? '')), 'every linked trunk names a seeded third_party endpoint');

      const dids = carrierx.dids ?? [];
      assert.equal(dids.length, 32);
      assert.equal(new Set(dids.map((d) => d.phonenumber)).size, 32);
      const groups = new Set(carrierx.trunk_groups.map((g) => g.trunk_group_sid));
      const assigned = dids.filter((d) => d.trunk_group_sid !== null);
      assert.ok(assigned.length > 0 && assigned.length < dids.length, 'some assigned, some not');
      assert.ok(assigned.every((d) => groups.has(d.trunk_group_sid ?? '')));
    } finally {
      await emu.close();
    }
  });

  it('seeds the Sandbox with an inventory of hundreds of numbers and DIDs, some on no trunk, and trunks that are not call-ready', async () => {
    // The Sandbox's own seed: what a user sees after Try the Sandbox.
    const emu = await startTestEmulator({ seeding: SANDBOX_SEED, seed: DEFAULT_SEED });
    try {
      const { twilio, carrierx } = emu.store.snapshot();
      const numbers = twilio.incoming_phone_numbers;
      assert.equal(numbers.length, 300);
      assert.equal(new Set(numbers.map((n) => n.phone_number)).size, 300);
      const onTrunk = numbers.filter((n) => n.trunk_sid !== null);
      assert.ok(onTrunk.length >= 30 && onTrunk.length <= 100, `${onTrunk.length} of 300 numbers on a trunk`);
      // A trunk with no number stays without one: its call-readiness warning is part of the tour.
      const bare = twilio.trunks.filter((t) => !numbers.some((n) => n.trunk_sid === t.sid));
      assert.ok(bare.length >= 1, 'a trunk with no numbers');
      assert.ok(
        twilio.trunks.some((t) => !twilio.trunk_ip_access_control_lists.some((l) => l.trunk_sid === t.sid) && !twilio.trunk_credential_lists.some((l) => l.trunk_sid === t.sid)),
        'a trunk that links no list (Twilio refuses its calls)',
      );
      assert.ok(twilio.trunk_ip_access_control_lists.length > 0 && twilio.trunk_credential_lists.length > 0, 'lists linked to trunks');

      const dids = carrierx.dids ?? [];
      assert.equal(dids.length, 200);
      const unassigned = dids.filter((d) => d.trunk_group_sid === null).length;
      assert.ok(unassigned > 20 && unassigned < 180, `${unassigned} of 200 DIDs unassigned`);
    } finally {
      await emu.close();
    }
  });

  it('the Sandbox inventory leaves the rest of the seeded data, and the SIDs of what is created next, as they were', async () => {
    const { dids: _dids, inventoryNumbers: _more, ...before } = SANDBOX_SEED;
    const [small, sandbox] = [await startTestEmulator({ seeding: before }), await startTestEmulator({ seeding: SANDBOX_SEED })];
    try {
      const a = small.store.snapshot();
      const b = sandbox.store.snapshot();
      assert.deepEqual(b.twilio.trunks, a.twilio.trunks);
      assert.deepEqual(b.twilio.byoc_trunks, a.twilio.byoc_trunks);
      assert.deepEqual(b.twilio.connection_policies, a.twilio.connection_policies);
      assert.deepEqual(b.carrierx.endpoints, a.carrierx.endpoints);
      assert.deepEqual(b.twilio.incoming_phone_numbers.slice(0, a.twilio.incoming_phone_numbers.length), a.twilio.incoming_phone_numbers);
      assert.deepEqual((b.carrierx.dids ?? []).slice(0, (a.carrierx.dids ?? []).length), a.carrierx.dids);
      const next = (emu: typeof small) => emu.store.twilio.trunks.create({ friendly_name: 'next' }, emu.clock.now()).sid;
      assert.equal(next(sandbox), next(small));
    } finally {
      await Promise.all([small.close(), sandbox.close()]);
    }
  });
});
