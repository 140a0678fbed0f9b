import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Clock } from '../../../../src/core/http/clock';
import { RequestPacer } from '../../../../src/core/http/request-pacer';

// The pacer of a rate-limited account: after a Retry-After wait requests start one interval
// apart (the provider has just said its budget is spent); after the account was idle, its budget
// refilled, so a second's worth of requests may go at once. Spacing those too (as before) cost
// a second of the limit each time a paced account was used again, e.g. a second Push all or
// status check within a minute of the first.

/** A clock that only moves when the pacer sleeps. */
class FakeClock implements Clock {
  time = 0;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

/** A pacer that has learnt a pace of `rate` requests a second from a 429 at t = 1 s (Retry-After 1 s). */
function pacedAt(rate: number): { clock: FakeClock; pacer: RequestPacer } {
  const clock = new FakeClock();
  const pacer = new RequestPacer(clock);
  for (let i = 0; i < rate; i++) {
    clock.time = (i * 1000) / rate;
    pacer.succeeded();
  }
  clock.time = 1000;
  pacer.throttled(999, 1000);
  assert.equal(pacer.pace, rate);
  return { clock, pacer };
}

/** Start times of `count` requests acquired one after another. */
async function starts(pacer: RequestPacer, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await pacer.acquire());
  return times;
}

describe('RequestPacer', () => {
  test('after a Retry-After wait, requests start at its end, then one interval apart', async () => {
    const { pacer } = pacedAt(50);
    assert.deepEqual(await starts(pacer, 4), [2000, 2020, 2040, 2060]);
  });

  test('after the account was idle, a second’s worth of requests starts at once, then the pace resumes', async () => {
    const { clock, pacer } = pacedAt(50);
    await starts(pacer, 3);
    clock.time = 10_000;
    const times = await starts(pacer, 53);
    assert.deepEqual(times.slice(0, 50), new Array(50).fill(10_000));
    assert.deepEqual(times.slice(50), [10_020, 10_040, 10_060]);
  });

  test('a 429 while paced starts no burst: the wait, then one interval apart at the lower pace', async () => {
    const { clock, pacer } = pacedAt(50);
    clock.time = 10_000;
    const sentAt = await pacer.acquire();
    clock.time = 10_010;
    pacer.throttled(sentAt, 1000);
    assert.equal(pacer.pace, 40);
    assert.deepEqual(await starts(pacer, 3), [11_010, 11_035, 11_060]);
  });
});
