export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles with each further attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the error goes back to the caller. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** What the last attempt ended with, as far as retrying is concerned. */
export type AttemptOutcome =
  | { type: 'response'; status: number; retryAfterMs?: number | undefined }
  /** `reachedServer` is false only when the request provably never left (refused, connect timeout). */
  | { type: 'error'; reachedServer: boolean };

/** Statuses after which an idempotent request may be sent again. */
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Decides whether to send a request again and after how long.
 *
 * - 429 means the provider did not process the request (Twilio 20429: "always safe to
 *   retry"), so any request, a create included, is retried, after Retry-After if given.
 * - 5xx and errors after the request reached the server leave the outcome unknown: only
 *   idempotent requests (reads, deletes, updates that set fields) are retried. A create
 *   is handed back so the caller can reconcile before deciding anything.
 * - Errors before the request left (connection refused, connect timeout) are always retried.
 *
 * Returns the delay in ms, or undefined for "do not retry".
 */
export function retryDelay(
  policy: RetryPolicy,
  attemptsMade: number,
  outcome: AttemptOutcome,
  idempotent: boolean,
  random: () => number = Math.random,
): number | undefined {
  if (attemptsMade >= policy.maxAttempts) return undefined;
  const backoff = exponentialBackoff(policy, attemptsMade, random);
  if (outcome.type === 'error') {
    return outcome.reachedServer && !idempotent ? undefined : backoff;
  }
  if (outcome.status === 429) return honourRetryAfter(policy, outcome.retryAfterMs, backoff);
  if (TRANSIENT_STATUSES.has(outcome.status) && idempotent) {
    return honourRetryAfter(policy, outcome.retryAfterMs, backoff);
  }
  return undefined;
}

function honourRetryAfter(policy: RetryPolicy, retryAfterMs: number | undefined, backoff: number): number | undefined {
  if (retryAfterMs === undefined) return backoff;
  if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
  return retryAfterMs;
}

/** "Equal jitter": half the exponential step fixed, half random, so retries spread but never bunch at zero. */
export function exponentialBackoff(policy: RetryPolicy, attemptsMade: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
