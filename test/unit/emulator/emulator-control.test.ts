import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { control, twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: control endpoints', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('answers health without credentials', async () => {
    assert.deepEqual((await control(emu, 'GET', '/health')).body, { status: 'ok' });
  });

  it('counts provider requests by method and route template, not control requests', async () => {
    assert.equal((await control(emu, 'DELETE', '/stats')).status, 204);
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', {});
    await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}`);
    await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}`);
    await twilio(emu, 'GET', '/v1/Nowhere');
    const stats = await control(emu, 'GET', '/stats');
    assert.deepEqual(stats.body, {
      total: 4,
      requests: { 'POST /v1/Trunks': 1, 'GET /v1/Trunks/{Sid}': 2, 'GET (unmatched)': 1 },
    });
    assert.equal(emu.stats.count('GET', '/v1/Trunks/{Sid}'), 2);
  });

  it('logs provider requests in order with the resource each named, and forgets them with the counters', async () => {
    assert.equal((await control(emu, 'DELETE', '/stats')).status, 204);
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', {});
    await twilio(emu, 'DELETE', `/v1/Trunks/${trunk.sid}?Ignored=1`);
    await control(emu, 'GET', '/health');
    assert.deepEqual((await control(emu, 'GET', '/requests')).body, {
      requests: [
        { method: 'POST', path: '/v1/Trunks' },
        { method: 'DELETE', path: `/v1/Trunks/${trunk.sid}` },
      ],
    });
    await control(emu, 'DELETE', '/stats');
    assert.deepEqual(emu.stats.log(), []);
  });

  it('manages fault rules and the rate limit over HTTP', async () => {
    const added = await control(emu, 'POST', '/faults', { rules: [{ kind: 'throttle', retryAfterSeconds: 3, times: 1 }] });
    assert.equal(added.status, 201);
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 429);
    const listed = await control(emu, 'GET', '/faults');
    assert.equal(listed.body.rules[0].fired, 1);
    assert.equal((await control(emu, 'PUT', '/rate-limit', { requestsPerSecond: 5, burst: 10 })).body.rateLimit.burst, 10);
    assert.equal((await control(emu, 'DELETE', `/faults/${listed.body.rules[0].id}`)).status, 204);
    assert.equal((await control(emu, 'DELETE', '/faults')).status, 204);
    assert.deepEqual((await control(emu, 'GET', '/faults')).body, { rules: [], rateLimit: null });
    const bad = await control(emu, 'POST', '/faults', { kind: 'meteor' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /kind must be one of/);
    assert.equal((await control(emu, 'PUT', '/rate-limit', { requestsPerSecond: 0 })).status, 400);
  });

  it('shows the whole state and resets it to the seeded start', async () => {
    const fresh = await startTestEmulator();
    try {
      const seeded = (await control(fresh, 'GET', '/state')).body;
      assert.equal(seeded.version, 1);
      assert.equal(seeded.twilio.trunks.length, 3);
      await twilio(fresh, 'POST', '/v1/Trunks', { FriendlyName: 'temporary' });
      await twilio(fresh, 'DELETE', `/v1/Trunks/${seeded.twilio.trunks[0].sid}`);
      fresh.faults.add({ kind: 'server-error' });
      assert.equal((await control(fresh, 'POST', '/reset')).status, 204);
      assert.deepEqual((await control(fresh, 'GET', '/state')).body, seeded);
      assert.deepEqual(fresh.faults.list(), []);
      assert.equal((await control(fresh, 'GET', '/stats')).body.total, 0);
    } finally {
      await fresh.close();
    }
  });
});
