import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DispatcherPool } from '../../../../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor, type Logger } from '../../../../src/core/http/redacting-logger';
import { HttpTransport, type TransportOptions } from '../../../../src/core/http/transport';
import { readTwilioErrorBody } from '../../../../src/core/providers/twilio/twilio-error-body';
import { json, startScriptedServer, type ScriptedHandler } from '../../../support/scripted-server';
import { ManualClock, SteppingClock } from '../../../support/stepping-clock';
import { expectProviderError } from '../../../support/expect-provider-error';

const AUTH_TOKEN = 'f00dfeedcafe0123456789abcdef0123';
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 2_000 });
after(() => dispatchers.close());

class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string) { this.lines.push(m); }
  debug(m: string) { this.lines.push(m); }
  info(m: string) { this.lines.push(m); }
  warn(m: string) { this.lines.push(m); }
  error(m: string) { this.lines.push(m); }
}

function transport(overrides: Partial<TransportOptions> = {}) {
  const clock = new SteppingClock();
  const redactor = new SecretRedactor();
  const sink = new MemoryLogger();
  const t = new HttpTransport({
    provider: 'twilio',
    credentials: { kind: 'basic', username: ACCOUNT_SID, password: AUTH_TOKEN },
    dispatchers,
    readErrorBody: readTwilioErrorBody,
    requestIdHeader: 'twilio-request-id',
    logger: new RedactingLogger(sink, redactor),
    redactor,
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return { t, clock, sink };
}

async function withServer(handler: ScriptedHandler, body: (s: Awaited<ReturnType<typeof startScriptedServer>>) => Promise<void>) {
  const server = await startScriptedServer(handler);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

describe('HttpTransport', () => {
  test('sends Basic auth and a form body with Twilio encodings', async () => {
    await withServer((_r, res) => json(res, 201, { ok: true }), async (server) => {
      const { t } = transport();
      const res = await t.send({
        method: 'POST',
        url: `${server.url}/v1/Trunks`,
        form: { FriendlyName: 'a b', Secure: true, DisasterRecoveryUrl: null, Skipped: undefined },
      });
      assert.equal(res.status, 201);
      const req = server.requests[0]!;
      assert.equal(req.headers.authorization, `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
      assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.deepEqual(Object.fromEntries(new URLSearchParams(req.body)), { FriendlyName: 'a b', Secure: 'true', DisasterRecoveryUrl: '' });
    });
  });

  test('sends a Bearer token and JSON for CarrierX', async () => {
    await withServer((_r, res) => json(res, 200, {}), async (server) => {
      const { t } = transport({ provider: 'carrierx', credentials: { kind: 'bearer', token: 'cx-token-123456' } });
      await t.send({ method: 'PATCH', url: `${server.url}/core/v2/trunk_groups/x`, json: { name: 'n' } });
      assert.equal(server.requests[0]!.headers.authorization, 'Bearer cx-token-123456');
      assert.equal(server.requests[0]!.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(server.requests[0]!.body), { name: 'n' });
    });
  });

  test('maps a Twilio error body to ProviderError with code, more_info and request id', async () => {
    const body = { code: 20404, message: 'The requested resource /v1/Trunks/TK1 was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 };
    await withServer((_r, res) => json(res, 404, body, { 'twilio-request-id': 'RQ0123' }), async (server) => {
      const { t } = transport();
      const err = await expectProviderError(t.send({ method: 'GET', url: `${server.url}/v1/Trunks/TK1` }));
      assert.equal(err.kind, 'http');
      assert.equal(err.status, 404);
      assert.equal(err.code, 20404);
      assert.equal(err.moreInfo, body.more_info);
      assert.equal(err.requestId, 'RQ0123');
      assert.equal(err.isNotFound, true);
      assert.equal(server.requests.length, 1, '404 is not retried');
    });
  });

  test('waits out Retry-After on 429 and then succeeds, even for a create', async () => {
    await withServer(
      (_r, res, n) => (n === 1 ? json(res, 429, { code: 20429, message: 'Too Many Requests', status: 429 }, { 'retry-after': '2' }) : json(res, 201, { sid: 'x' })),
      async (server) => {
        const { t, clock } = transport();
        const res = await t.send({ method: 'POST', url: `${server.url}/v1/Trunks`, form: {}, idempotent: false });
        assert.equal(res.status, 201);
        assert.equal(server.requests.length, 2);
        assert.ok(clock.sleeps.includes(2000), `expected a 2000 ms wait, got ${clock.sleeps.join(', ')}`);
      },
    );
  });

  test('a Retry-After longer than the policy allows is handed back, not waited out', async () => {
    await withServer((_r, res) => json(res, 429, { code: 20429, message: 'Too Many Requests' }, { 'retry-after': '3600' }), async (server) => {
      const { t, clock } = transport();
      const err = await expectProviderError(t.send({ method: 'GET', url: `${server.url}/v1/Trunks` }));
      assert.equal(err.status, 429);
      assert.equal(err.retryAfterSeconds, 3600);
      assert.equal(err.retryable, true);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(clock.sleeps, []);
    });
  });

  test('retries an idempotent GET on 503 with growing backoff, up to the attempt limit', async () => {
    await withServer((_r, res) => json(res, 503, { code: 20503, message: 'Service unavailable' }), async (server) => {
      const { t, clock } = transport({ retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 } });
      const err = await expectProviderError(t.send({ method: 'GET', url: `${server.url}/v1/Trunks` }));
      assert.equal(err.status, 503);
      assert.equal(server.requests.length, 4);
      // equal jitter with random()=0.5: 3/4 of each doubling step
      assert.deepEqual(clock.sleeps, [75, 150, 300]);
    });
  });

  test('never retries a create on 503: the outcome is for the caller to reconcile', async () => {
    await withServer((_r, res) => json(res, 503, { message: 'busy' }), async (server) => {
      const { t } = transport();
      const err = await expectProviderError(t.send({ method: 'POST', url: `${server.url}/v1/Trunks`, form: { DomainName: 'a.pstn.twilio.com' } }));
      assert.equal(err.status, 503);
      assert.equal(server.requests.length, 1);
    });
  });

  test('a connection reset on a create is reported as outcome unknown, once', async () => {
    await withServer((_r, res) => res.socket?.destroy(), async (server) => {
      const { t } = transport();
      const err = await expectProviderError(t.send({ method: 'POST', url: `${server.url}/v1/Trunks`, form: {} }));
      assert.equal(err.kind, 'network');
      assert.equal(err.outcomeUnknown, true);
      assert.match(err.message, /may or may not have been applied/);
      assert.equal(server.requests.length, 1);
    });
  });

  test('a connection reset on a GET is retried', async () => {
    await withServer((_r, res, n) => (n < 3 ? res.socket?.destroy() : json(res, 200, { ok: 1 })), async (server) => {
      const { t } = transport();
      const res = await t.send({ method: 'GET', url: `${server.url}/v1/Trunks` });
      assert.deepEqual(res.body, { ok: 1 });
      assert.equal(server.requests.length, 3);
    });
  });

  test('a DELETE whose answer was lost is retried, and the 404 that follows is the delete done, not an error', async () => {
    const notFound = (res: Parameters<ScriptedHandler>[1]) => json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    await withServer((_r, res, n) => (n === 1 ? res.socket?.destroy() : notFound(res)), async (server) => {
      const { t, sink } = transport();
      const res = await t.send({ method: 'DELETE', url: `${server.url}/v1/Trunks/TK1` });
      assert.equal(res.status, 204);
      assert.equal(server.requests.length, 2);
      assert.ok(sink.lines.some((l) => /already deleted by the earlier attempt/.test(l)));
    });
    // A 404 at the first attempt is still the caller's to handle: nothing was deleted by us.
    await withServer((_r, res) => notFound(res), async (server) => {
      const { t } = transport();
      const err = await expectProviderError(t.send({ method: 'DELETE', url: `${server.url}/v1/Trunks/TK1` }));
      assert.equal(err.status, 404);
    });
  });

  test('connection refused is retried (nothing was sent) and then explained', async () => {
    const server = await startScriptedServer(() => {});
    const url = server.url;
    await server.close();
    const { t, clock } = transport({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 1000 } });
    const err = await expectProviderError(t.send({ method: 'POST', url: `${url}/v1/Trunks`, form: {} }));
    assert.equal(err.kind, 'network');
    assert.equal(err.outcomeUnknown, false);
    assert.match(err.message, /refused/);
    assert.equal(clock.sleeps.length, 2, 'a create is retried when it provably never left');
  });

  test('a response timeout on a create is outcome unknown; on a GET it is retried', async () => {
    const slow = new DispatcherPool({ responseTimeoutMs: 150 });
    try {
      await withServer((_r, res, n) => (n === 2 ? json(res, 200, { ok: 1 }) : undefined), async (server) => {
        const { t } = transport({ dispatchers: slow });
        const create = await expectProviderError(t.send({ method: 'POST', url: `${server.url}/v1/Trunks`, form: {} }));
        assert.equal(create.kind, 'timeout');
        assert.equal(create.outcomeUnknown, true);
        const res = await t.send({ method: 'GET', url: `${server.url}/v1/Trunks` });
        assert.deepEqual(res.body, { ok: 1 });
      });
    } finally {
      await slow.close();
    }
  });

  test('refuses plain http to a non-loopback host before sending anything', async () => {
    const { t, sink } = transport();
    const err = await expectProviderError(t.send({ method: 'GET', url: 'http://trunking.twilio.com/v1/Trunks' }));
    assert.equal(err.kind, 'config');
    assert.match(err.message, /plain http/i);
    assert.deepEqual(sink.lines, []);
  });

  test('cancellation during a Retry-After wait ends the call promptly', async () => {
    await withServer((_r, res) => json(res, 429, { code: 20429, message: 'slow down' }, { 'retry-after': '30' }), async (server) => {
      const controller = new AbortController();
      const { t } = transport({ clock: { now: () => Date.now(), sleep: (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason))) } });
      const pending = t.send({ method: 'GET', url: `${server.url}/v1/Trunks`, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const err = await expectProviderError(pending);
      assert.equal(err.kind, 'cancelled');
    });
  });

  test('after a 429 with Retry-After, other requests on the same account wait too', async () => {
    await withServer(
      (r, res, n) => (n === 1 ? json(res, 429, { code: 20429, message: 'slow' }, { 'retry-after': '1' }) : json(res, 200, { path: r.url })),
      async (server) => {
        const clock = new ManualClock();
        const { t } = transport({ clock });
        const first = t.send({ method: 'GET', url: `${server.url}/a` });
        await clock.waitForSleeps(1);
        const second = t.send({ method: 'GET', url: `${server.url}/b` });
        await clock.waitForSleeps(2);
        assert.equal(server.requests.length, 1, 'the second request waits for the rate-limit window instead of being sent');
        assert.ok(clock.pending[1]!.ms > 0 && clock.pending[1]!.ms <= 1000);
        clock.releaseAll();
        await Promise.all([first, second]);
        assert.deepEqual(server.requests.map((r) => r.url).sort(), ['/a', '/a', '/b']);
      },
    );
  });

  test('no log line and no error message carries the credentials', async () => {
    const echoAuth: ScriptedHandler = (r, res) => json(res, 401, { code: 20003, message: `Authenticate ${r.headers.authorization} ${AUTH_TOKEN}`, status: 401 });
    await withServer(echoAuth, async (server) => {
      const { t, sink } = transport();
      const err = await expectProviderError(t.send({ method: 'GET', url: `${server.url}/v1/Trunks` }));
      assert.equal(err.isAuthError, true);
      const everything = [...sink.lines, err.message, err.toDisplayString(), JSON.stringify(err)].join('\n');
      assert.ok(!everything.includes(AUTH_TOKEN), 'auth token leaked');
      assert.ok(!everything.includes(Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')), 'basic credentials leaked');
      assert.ok(sink.lines.some((l) => l.includes('GET 127.0.0.1') && l.includes('401')), 'the call itself is logged');
    });
  });
});
