import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
