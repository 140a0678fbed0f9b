import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect } from '../../../src/core/providers/page';
import { expectProviderError } from '../../support/expect-provider-error';
import { twilio } from '../../support/emulator-http';
import { openApiResponseChecker } from '../../support/openapi-specs';
import { clientsFor } from '../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

const checkPolicy = openApiResponseChecker('twilio_voice_v1.json', 'voice.v1.connection_policy');
const checkTarget = openApiResponseChecker('twilio_voice_v1.json', 'voice.v1.connection_policy.connection_policy_target');
const checkByoc = openApiResponseChecker('twilio_voice_v1.json', 'voice.v1.byoc_trunk');

describe('Twilio BYOC connection policies and targets (client against the emulator)', () => {
  let emu: TestEmulator;
  let clients: ReturnType<typeof clientsFor>;
  before(async () => {
    emu = await startTestEmulator();
    clients = clientsFor(emu);
  });
  after(async () => {
    await clients.close();
    await emu.close();
  });

  it('creates, renames, lists and deletes a policy; every answer matches the spec', async () => {
    const api = clients.twilio.connectionPolicies;
    const created = await api.create({ friendly_name: 'Carrier edge' });
    assert.match(created.sid, /^NY[0-9a-f]{32}$/);
    assert.deepEqual(checkPolicy(created), []);
    assert.equal(created.links?.targets, `${emu.baseUrl}/v1/ConnectionPolicies/${created.sid}/Targets`);
    const renamed = await api.update(created.sid, { friendly_name: 'Carrier edge (EU)' });
    assert.equal(renamed.friendly_name, 'Carrier edge (EU)');
    assert.deepEqual(await api.fetch(created.sid), renamed);
    const all = await collect(api.list({ pageSize: 1 }));
    assert.ok(all.some((p) => p.sid === created.sid), 'paged with a page size of 1');
    for (const p of all) assert.deepEqual(checkPolicy(p), []);
    await api.delete(created.sid);
    const gone = await expectProviderError(api.fetch(created.sid));
    assert.equal(gone.status, 404);
    assert.equal(gone.code, 20404);
  });

  it('targets default to priority 10, weight 10, enabled; update changes only what is sent', async () => {
    const policy = await clients.twilio.connectionPolicies.create({});
    assert.equal(policy.friendly_name, null);
    const api = clients.twilio.connectionPolicyTargets;
    const target = await api.create(policy.sid, { target: 'sip:sbc.example.com:5060' });
    assert.deepEqual(checkTarget(target), []);
    assert.match(target.sid, /^NE[0-9a-f]{32}$/);
    assert.deepEqual(
      { target: target.target, priority: target.priority, weight: target.weight, enabled: target.enabled, friendly_name: target.friendly_name, policy: target.connection_policy_sid },
      { target: 'sip:sbc.example.com:5060', priority: 10, weight: 10, enabled: true, friendly_name: null, policy: policy.sid },
    );
    const updated = await api.update(policy.sid, target.sid, { enabled: false, priority: 0, weight: 65535, friendly_name: 'primary' });
    assert.deepEqual([updated.enabled, updated.priority, updated.weight, updated.friendly_name, updated.target], [false, 0, 65535, 'primary', 'sip:sbc.example.com:5060']);
    const second = await api.create(policy.sid, { target: 'sip:dr.example.com', priority: 20, weight: 1, enabled: true, friendly_name: 'dr' });
    const listed = await collect(api.list(policy.sid, { pageSize: 1 }));
    assert.deepEqual(listed.map((t) => t.sid), [target.sid, second.sid]);
    for (const t of listed) assert.deepEqual(checkTarget(t), []);
    await api.delete(policy.sid, target.sid);
    assert.equal((await expectProviderError(api.fetch(policy.sid, target.sid))).status, 404);
    // Deleting the policy deletes its targets.
    await clients.twilio.connectionPolicies.delete(policy.sid);
    assert.equal((await twilio(emu, 'GET', `/v1/ConnectionPolicies/${policy.sid}/Targets/${second.sid}`)).status, 404);
  });

  it('refuses sips:, non-SIP targets and out-of-range priority or weight with 400/20001 naming the parameter', async () => {
    const policy = await clients.twilio.connectionPolicies.create({ friendly_name: 'limits' });
    const path = `/v1/ConnectionPolicies/${policy.sid}/Targets`;
    const missing = await twilio(emu, 'POST', path, { FriendlyName: 'no target' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 20001);
    assert.match(missing.body.message, /Target/);
    const bad: [Record<string, string | number>, RegExp][] = [
      [{ Target: 'sips:secure.example.com' }, /sips/],
      [{ Target: 'https://example.com' }, /sip:/],
      [{ Target: 'sip:a.example.com', Priority: 65536 }, /Priority/],
      [{ Target: 'sip:a.example.com', Priority: -1 }, /Priority/],
      [{ Target: 'sip:a.example.com', Weight: 0 }, /Weight/],
      [{ Target: 'sip:a.example.com', Enabled: 'yes' }, /Enabled/],
      [{ Target: 'sip:a.example.com', FriendlyName: 'x'.repeat(256) }, /FriendlyName/],
    ];
    for (const [form, message] of bad) {
      const res = await twilio(emu, 'POST', path, form);
      assert.equal(res.status, 400, JSON.stringify(form));
      assert.equal(res.body.code, 20001);
      assert.match(res.body.message, message);
    }
    const err = await expectProviderError(clients.twilio.connectionPolicyTargets.create(policy.sid, { target: 'sips:x.example.com' }));
    assert.equal(err.status, 400);
    assert.equal((await collect(clients.twilio.connectionPolicyTargets.list(policy.sid))).length, 0, 'nothing half-created');
    assert.equal((await twilio(emu, 'POST', `/v1/ConnectionPolicies/NY${'0'.repeat(32)}/Targets`, { Target: 'sip:a.example.com' })).status, 404);
  });

  it('a BYOC trunk names only an existing policy, and a policy in use is not deleted', async () => {
    const policy = await clients.twilio.connectionPolicies.create({ friendly_name: 'in use' });
    const unknown = `NY${'a'.repeat(32)}`;
    const refused = await expectProviderError(clients.twilio.byocTrunks.create({ friendly_name: 'x', connection_policy_sid: unknown }));
    assert.equal(refused.status, 400);
    assert.equal(refused.code, 20001);
    assert.match(refused.message, /ConnectionPolicySid/);
    const trunk = await clients.twilio.byocTrunks.create({ friendly_name: 'Carrier B', connection_policy_sid: policy.sid });
    assert.deepEqual(checkByoc(trunk), []);
    assert.equal(trunk.connection_policy_sid, policy.sid);
    assert.equal((await expectProviderError(clients.twilio.byocTrunks.update(trunk.sid, { connection_policy_sid: unknown }))).code, 20001);
    const inUse = await expectProviderError(clients.twilio.connectionPolicies.delete(policy.sid));
    assert.equal(inUse.status, 400);
    assert.match(inUse.message, new RegExp(`in use by BYOC Trunk ${trunk.sid}`));
    assert.equal((await clients.twilio.connectionPolicies.fetch(policy.sid)).sid, policy.sid, 'still there');
    await clients.twilio.byocTrunks.update(trunk.sid, { connection_policy_sid: null });
    await clients.twilio.connectionPolicies.delete(policy.sid);
  });

  it('stops at 10,000 policies per account with 21253', async () => {
    const fresh = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
    try {
      for (let i = 0; i < 10_000; i++) fresh.store.twilio.connectionPolicies.create(`p${i}`, fresh.clock.now());
      const res = await twilio(fresh, 'POST', '/v1/ConnectionPolicies', { FriendlyName: 'one too many' });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 21253);
    } finally {
      await fresh.close();
    }
  });
});
