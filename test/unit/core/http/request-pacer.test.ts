import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RequestPacer } from '../../../../src/core/http/request-pacer';
import { TokenBucket } from '../../../../src/emulator/faults/token-bucket';
import { SimulatedClock } from '../../../support/simulated-clock';

// The pacer of a rate-limited account, in simulated time against the emulator's own token
// bucket (which behaves as Twilio's: a second's worth saved up, 429 + Retry-After in whole
// seconds). What a user notices: requests refused with 429 (each one a request more, and a
// second's wait for it) and how long a long run of requests takes against the limit's floor.

/** A provider limited to `rate` requests a second (a full bucket of a second's worth at first). */
class LimitedProvider {
  refused = 0;
  granted = 0;
  private readonly bucket: TokenBucket;
  constructor(
    private readonly clock: SimulatedClock,
    rate: number,
    private readonly latencyMs = 4,
  ) {
    this.bucket = new TokenBucket(rate, rate, clock.now());
  }

  /** One request as the transport sends it: acquire, send, and on a 429 wait out Retry-After and send again. */
  async send(pacer: RequestPacer): Promise<void> {
    for (;;) {
      const sentAt = await pacer.acquire();
      await this.clock.sleep(this.latencyMs / 2);
      const retryAfterSeconds = this.bucket.take(this.clock.now());
      await this.clock.sleep(this.latencyMs / 2);
      if (retryAfterSeconds === 0) {
        this.granted++;
        pacer.succeeded();
        return;
      }
      this.refused++;
      pacer.throttled(sentAt, retryAfterSeconds * 1000);
      await this.clock.sleep(retryAfterSeconds * 1000);
    }
  }

  /** `count` requests, `workers` at a time (as planning sends a GET per trunk, 8 at a time); resolves with the time taken. */
  async run(pacer: RequestPacer, count: number, workers = 8): Promise<number> {
    const started = this.clock.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < count) {
          next++;
          await this.send(pacer);
        }
      }),
    );
    return this.clock.now() - started;
  }
}

/** Sets the simulated time (for steps in no particular order of sleeps). */
function setTime(clock: SimulatedClock, time: number): void {
  (clock as unknown as { time: number }).time = time;
}

/**
 * A pacer that has learnt `rate` a second: what a limit of `rate` with a second's worth saved
 * up lets through in 20 s (the saved second at once, then `rate` a second), then a 429 with
 * Retry-After 1 s.
 */
function pacedAt(clock: SimulatedClock, rate: number): RequestPacer {
  const pacer = new RequestPacer(clock);
  const seconds = 20;
  for (let i = 0; i < rate; i++) pacer.succeeded();
  for (let i = 1; i <= rate * seconds; i++) {
    setTime(clock, (i * 1000) / rate);
    pacer.succeeded();
  }
  pacer.throttled(clock.now(), 1000);
  return pacer;
}

describe('RequestPacer', () => {
  test('a fresh client meets a 100/s limit once: only the requests in flight then are refused, and it keeps near the floor', async () => {
    const clock = new SimulatedClock();
    const provider = new LimitedProvider(clock, 100);
    const pacer = new RequestPacer(clock);
    const ms = await clock.run(provider.run(pacer, 1000));
    assert.equal(provider.granted, 1000);
    assert.ok(provider.refused <= 8, `${provider.refused} requests refused`);
    // Floor: the saved 100, then 900 at 100/s.
    assert.ok(ms <= 9000 * 1.1, `${ms} ms`);
  });

  test('the first pace is the limit, not the limit plus the bucket’s saved second', async () => {
    const clock = new SimulatedClock();
    const provider = new LimitedProvider(clock, 100);
    const pacer = new RequestPacer(clock);
    // Two clients' worth of work: the bucket runs dry after half a second at ~200/s.
    await clock.run(provider.run(pacer, 200, 1));
    const pace = pacer.pace;
    assert.ok(pace !== undefined && pace >= 95 && pace <= 101, `paced at ${pace}`);
  });

  test('a turn given before a 429 is void: the request waits for the Retry-After too', async () => {
    const clock = new SimulatedClock();
    const pacer = pacedAt(clock, 50);
    // The half second's worth that may start at once after the wait, then one every 20 ms.
    let last = 0;
    for (let i = 0; i < 25; i++) last = await clock.run(pacer.acquire());
    const blockEnd = last;
    const starts: number[] = [];
    const waiting = Promise.all(Array.from({ length: 4 }, async () => starts.push(await pacer.acquire())));
    // 5 ms later the provider refuses one of the burst: 429, Retry-After 1 s.
    const throttle = clock.sleep(5).then(() => pacer.throttled(last, 1000));
    await clock.run(Promise.all([waiting, throttle]));
    assert.equal(starts.length, 4);
    for (const start of starts) assert.ok(start >= blockEnd + 1005, `a request started at ${start}, before the Retry-After wait ended at ${blockEnd + 1005}`);
  });

  test('a pace above the limit meets it once more and then holds at the limit’s rate', async () => {
    const clock = new SimulatedClock();
    const pacer = pacedAt(clock, 130);
    const provider = new LimitedProvider(clock, 100);
    setTime(clock, clock.now() + 1000);
    const ms = await clock.run(provider.run(pacer, 3000));
    assert.ok(provider.refused <= 2, `${provider.refused} requests refused`);
    // Floor: the saved 100, then 2,900 at 100/s.
    assert.ok(ms <= 29_000 * 1.05, `${ms} ms`);
  });

  test('rounds of work a second apart: a paced client uses the refilled bucket and meets the limit at most once a round', async () => {
    const clock = new SimulatedClock();
    const provider = new LimitedProvider(clock, 100);
    const pacer = new RequestPacer(clock);
    await clock.run(provider.run(pacer, 1000));
    for (let round = 1; round <= 4; round++) {
      await clock.run(clock.sleep(1100));
      const refusedBefore = provider.refused;
      const ms = await clock.run(provider.run(pacer, 1000));
      assert.ok(provider.refused - refusedBefore <= 1, `round ${round}: ${provider.refused - refusedBefore} requests refused`);
      assert.ok(ms <= 10_000 * 1.05, `round ${round}: ${ms} ms`);
    }
  });

  test('two clients sharing one account (a colleague’s CLI) use the limit between them, neither starved, with few 429s', async () => {
    const clock = new SimulatedClock();
    const provider = new LimitedProvider(clock, 100);
    const mine = new RequestPacer(clock);
    const theirs = new RequestPacer(clock);
    let mineDone = 0;
    let theirsDone = 0;
    const until = 60_000;
    const keepSending = async (pacer: RequestPacer, done: () => void) => {
      while (clock.now() < until) {
        await provider.send(pacer);
        done();
      }
    };
    // The colleague starts 5 s later.
    await clock.run(
      Promise.all([
        ...Array.from({ length: 8 }, () => keepSending(mine, () => mineDone++)),
        clock.sleep(5000).then(() => Promise.all(Array.from({ length: 8 }, () => keepSending(theirs, () => theirsDone++)))),
      ]),
    );
    const total = mineDone + theirsDone;
    assert.ok(total >= 0.9 * 100 * 60, `${total} requests answered in 60 s at 100/s`);
    assert.ok(provider.refused <= 40, `${provider.refused} refused`);
    // Neither is starved; equal shares come slowly (additive increase), not within the minute.
    assert.ok(theirsDone >= 0.2 * total && mineDone >= 0.2 * total, `shares: ${mineDone} and ${theirsDone}`);
  });

  test('after the account was idle, half a second’s worth of requests starts at once, then the pace resumes', async () => {
    const clock = new SimulatedClock();
    const pacer = pacedAt(clock, 50);
    setTime(clock, clock.now() + 10_000);
    const t = clock.now();
    const starts: number[] = [];
    await clock.run(
      (async () => {
        for (let i = 0; i < 28; i++) starts.push(await pacer.acquire());
      })(),
    );
    assert.deepEqual(starts.slice(0, 25), new Array(25).fill(t));
    assert.deepEqual(starts.slice(25), [t + 20, t + 40, t + 60]);
  });
});
