import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import type { RetryPolicy } from '../../src/core/http/retry-policy';
import { createCarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { collect } from '../../src/core/providers/page';
import { createTwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { startEmulatorProcess, type EmulatorProcess } from '../support/node-process';
import { percentile, runLoadClient } from './load-client';
import { recordFigures, scaled } from './reliability-run';

// The emulator backs every test, benchmark and the Sandbox: under many clients at once it must
// answer every request, correctly, with no 5xx and no dropped connection. It runs in its own
// process (as `npm run emulator` does); the clients are Trunkline's own, with retries off so
// that every failure shows.

const CLIENTS = scaled(50, 10);
const REQUESTS_PER_CLIENT = scaled(1_000, 100);
/** Bounded: a run that takes longer than this fails instead of hanging. */
const DEADLINE_MS = scaled(240_000, 30_000);
const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

let emulator: EmulatorProcess;
before(async () => {
  emulator = await startEmulatorProcess(['--seed', 'load', '--seed-trunks', '1000', '--seed-numbers', '3000', '--seed-byoc-trunks', '20', '--seed-trunk-groups', '50']);
});
after(async () => {
  const output = await emulator.stop();
  assert.doesNotMatch(output, /error|exception/i, 'the emulator printed an error');
});

test(`${CLIENTS} concurrent clients × ${REQUESTS_PER_CLIENT} mixed requests over both providers: no errors`, async () => {
  const c = emulator.startup;
  const pools = Array.from({ length: CLIENTS }, () => new DispatcherPool({ connectTimeoutMs: 5_000, responseTimeoutMs: 30_000 }));
  const clientsOf = (i: number) => {
    const common = { baseUrl: emulator.baseUrl, dispatchers: pools[i]!, retry: NO_RETRY };
    return {
      twilio: createTwilioClient({ ...common, accountSid: c['account-sid']!, credentials: { kind: 'authToken', authToken: c['auth-token']! } }),
      carrierx: createCarrierXClient({ ...common, token: c['carrierx-token']! }),
    };
  };
  try {
    const setup = clientsOf(0);
    const numbers = await collect(setup.twilio.incomingPhoneNumbers.list({ pageSize: 1000 }));
    const free = numbers.filter((n) => !n.trunk_sid).map((n) => n.sid);
    const seedTrunks = (await setup.twilio.trunks.page({ pageSize: 100 })).items.map((t) => t.sid);
    // Each client its own numbers: attaching one another's would be a 400 nobody asked for.
    const share = Math.floor(free.length / CLIENTS);

    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not done within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
    });
    const results = await Promise.race([
      Promise.all(Array.from({ length: CLIENTS }, (_, i) => {
        const { twilio, carrierx } = clientsOf(i);
        return runLoadClient(i, REQUESTS_PER_CLIENT, twilio, carrierx, free.slice(i * share, (i + 1) * share), seedTrunks);
      })),
      deadline,
    ]).finally(() => clearTimeout(timer));
    const seconds = (performance.now() - started) / 1000;

    const latencies = results.flatMap((r) => r.latencies);
    const errors = results.flatMap((r) => r.errors);
    const expected = results.reduce((n, r) => n + r.expectedRejections, 0);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    recordFigures('emulator-load', { requests: latencies.length, errors: errors.length, expectedRejections: expected, p50Ms: p50, p99Ms: p99, seconds });
    console.log(`load: ${latencies.length} requests in ${seconds.toFixed(1)} s (${Math.round(latencies.length / seconds)}/s), p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${expected} expected 4xx`);
    assert.deepEqual(errors.slice(0, 10), [], `${errors.length} unexpected errors`);
    assert.ok(latencies.length >= CLIENTS * REQUESTS_PER_CLIENT);
    assert.ok(expected > 0, 'the requests that must be refused were sent');
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
});
