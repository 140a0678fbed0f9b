import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRetryPolicy, exponentialBackoff, parseRetryAfter, retryDelay } from '../../../../src/core/http/retry-policy';

const policy = { ...defaultRetryPolicy, maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1_000 };

describe('retryDelay', () => {
  test('429 is retried for any request, after Retry-After when given', () => {
    assert.equal(retryDelay(policy, 1, { type: 'response', status: 429, retryAfterMs: 3000 }, false), 3000);
    assert.ok(retryDelay(policy, 1, { type: 'response', status: 429 }, false)! > 0);
  });

  test('5xx is retried only for idempotent requests', () => {
    assert.equal(retryDelay(policy, 1, { type: 'response', status: 503 }, false), undefined);
    assert.notEqual(retryDelay(policy, 1, { type: 'response', status: 503 }, true), undefined);
    assert.notEqual(retryDelay(policy, 1, { type: 'response', status: 500 }, true), undefined);
  });

  test('client errors are never retried', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      assert.equal(retryDelay(policy, 1, { type: 'response', status }, true), undefined, String(status));
    }
  });

  test('errors after the request reached the server are retried only when idempotent', () => {
    assert.equal(retryDelay(policy, 1, { type: 'error', reachedServer: true }, false), undefined);
    assert.notEqual(retryDelay(policy, 1, { type: 'error', reachedServer: true }, true), undefined);
    assert.notEqual(retryDelay(policy, 1, { type: 'error', reachedServer: false }, false), undefined);
  });

  test('stops at the attempt limit', () => {
    assert.equal(retryDelay(policy, 5, { type: 'response', status: 429 }, true), undefined);
  });

  test('backoff doubles, is capped, and is jittered within the upper half of each step', () => {
    const low = (n: number) => exponentialBackoff(policy, n, () => 0);
    const high = (n: number) => exponentialBackoff(policy, n, () => 1);
    assert.deepEqual([1, 2, 3, 4, 5].map(low), [100, 200, 400, 500, 500]);
    assert.deepEqual([1, 2, 3, 4, 5].map(high), [200, 400, 800, 1000, 1000]);
  });
});

describe('parseRetryAfter', () => {
  test('reads delta-seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('7', 0), 7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('garbage', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
