import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { request } from 'undici';
import { control, twilio, carrierX } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: fault injection', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  beforeEach(() => emu.faults.clear());
  after(() => emu.close());

  const trunkCount = () => emu.store.twilio.trunks.all.size;
  const rawPost = (path: string, body: string, options: { signal?: AbortSignal } = {}) =>
    request(`${emu.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: emu.auth.twilio, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      ...options,
    });

  it('delays requests (latency + jitter) and still answers them', async () => {
    emu.faults.add({ kind: 'latency', latencyMs: 20, jitterMs: 10, times: 1 });
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
    assert.equal(emu.faults.list()[0]?.fired, 1);
  });

  it("answers 500/503 in each provider's error format, a bounded number of times", async () => {
    emu.faults.add({ kind: 'server-error', status: 503, times: 1 });
    emu.faults.add({ kind: 'server-error', status: 500, times: 1 });
    const first = await twilio(emu, 'GET', '/v1/Trunks');
    assert.equal(first.status, 503);
    assert.deepEqual(first.body, {
      code: 20503,
      message: 'Service Unavailable',
      more_info: 'https://www.twilio.com/docs/errors/20503',
      status: 503,
    });
    const second = await carrierX(emu, 'GET', '/trunk_groups');
    assert.equal(second.status, 500);
    assert.equal(second.body.message, 'Internal Server Error');
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
  });

  it('throttles with 429, code 20429 and Retry-After in seconds', async () => {
    emu.faults.add({ kind: 'throttle', retryAfterSeconds: 7, times: 1 });
    const res = await twilio(emu, 'GET', '/v1/Trunks');
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '7');
    assert.equal(res.body.code, 20429);
  });

  it('resets the connection before the change is made: nothing is created', async () => {
    emu.faults.add({ kind: 'reset-before-commit', method: 'POST', path: '/v1/Trunks', times: 1 });
    const before = trunkCount();
    await assert.rejects(rawPost('/v1/Trunks', 'FriendlyName=never'));
    assert.equal(trunkCount(), before);
  });

  it('resets the connection after the change is made: the trunk exists though no answer came', async () => {
    emu.faults.add({ kind: 'reset-after-commit', method: 'POST', path: '/v1/Trunks', times: 1 });
    const before = trunkCount();
    await assert.rejects(rawPost('/v1/Trunks', 'DomainName=committed.pstn.twilio.com'));
    assert.equal(trunkCount(), before + 1);
    const retry = await twilio(emu, 'POST', '/v1/Trunks', { DomainName: 'committed.pstn.twilio.com' });
    assert.equal(retry.body.code, 21248, 'a blind retry meets the trunk it already created');
  });

  it('holds the response past a client timeout, after making the change', async () => {
    emu.faults.add({ kind: 'hold-response', holdMs: 60_000, method: 'POST', times: 1 });
    const before = trunkCount();
    await assert.rejects(rawPost('/v1/Trunks', 'FriendlyName=slow', { signal: AbortSignal.timeout(100) }));
    assert.equal(trunkCount(), before + 1);
  });

  it('applies a fault only to the method and route it names', async () => {
    emu.faults.add({ kind: 'server-error', status: 500, method: 'DELETE', path: '/v1/Trunks/{Sid}' });
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', {});
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}`)).status, 200);
    assert.equal((await twilio(emu, 'DELETE', `/v1/Trunks/${trunk.sid}`)).status, 500);
    emu.faults.clear();
    emu.faults.add({ kind: 'server-error', status: 503, path: '/core/v2/*' });
    assert.equal((await carrierX(emu, 'GET', '/trunk_groups')).status, 503);
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
  });

  it('rolls the same dice for the same seed', async () => {
    const run = async () => {
      const e = await startTestEmulator({ seed: 'dice', faults: [{ kind: 'server-error', probability: 0.5 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await twilio(e, 'GET', '/v1/Trunks')).status);
      await e.close();
      return statuses;
    };
    const [a, b] = [await run(), await run()];
    assert.deepEqual(a, b);
    assert.ok(a.includes(200) && a.some((s) => s >= 500), `a mix of outcomes: ${a.join(',')}`);
  });

  it('never faults the control endpoints', async () => {
    emu.faults.add({ kind: 'server-error' });
    assert.equal((await control(emu, 'GET', '/health')).status, 200);
  });
});

describe('emulator: rate limit', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ rateLimit: { requestsPerSecond: 1, burst: 2 } });
  });
  after(() => emu.close());

  it('lets a burst through, then answers 429 + Retry-After until tokens refill', async () => {
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
    const limited = await twilio(emu, 'GET', '/v1/Trunks');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '1');
    assert.equal(limited.body.code, 20429);
    const carrier = await carrierX(emu, 'GET', '/trunk_groups');
    assert.equal(carrier.status, 429);
    assert.equal(carrier.body.message, 'Too Many Requests');
    emu.clock.advance(1000);
    assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
  });
});
