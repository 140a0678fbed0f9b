import type { Clock } from './clock';

/** How much the pace drops when the provider still answers 429 at that pace. */
const DECREASE = 0.8;
/** Each second paced without a 429 the pace grows by this share (at least 1/s): the limit may have lifted. */
const INCREASE = 0.02;
/** After this long without a 429 the account is no longer paced (a limit on concurrency lifts). */
const FORGET_AFTER_MS = 60_000;
/** Fewer successes than this in the second before the first 429 start no pacing. */
const MIN_ESTIMATE = 5;
/** Successes counted for the first estimate of the account's rate. */
const WINDOW_MS = 1000;
/** Up to this long's worth of requests (at the pace) may start at once after the account was idle. */
const BURST_MS = 1000;

/**
 * Spaces the requests of one account once the provider has rate-limited it.
 *
 * Without a 429, requests go out as fast as callers send them. The first 429 blocks every
 * request until its Retry-After, and from then on requests start at most `rate` a second, `rate`
 * being the successes the provider answered in the second before that 429 (what it let through).
 * A 429 for a request sent after that (the pace is still too fast) lowers the pace by a fifth;
 * the 429s of requests that were already in flight when the limit struck change nothing (they
 * are the same overload). Each second without a 429 the pace grows by 2%, and a minute without
 * one ends the pacing. So a long run of requests meets the limit once or twice instead of
 * once a Retry-After, and each time only the requests in flight at that moment are refused.
 * While paced, time the account spent idle counts (a token bucket, as the provider's own): up
 * to a second's worth of requests at the pace may then start at once, since the provider's
 * budget refilled meanwhile; after a Retry-After wait they start one interval apart, as the
 * provider has just said it had nothing left.
 */
export class RequestPacer {
  /** While the provider rate-limits us, every request waits until this time. */
  private blockedUntil = 0;
  /** Requests a second once paced; undefined while not paced. */
  private rate: number | undefined;
  /** When the next request may start, once paced. */
  private nextStart = 0;
  /** Requests sent before this time met the overload that set the current pace. */
  private episodeStartedAt = -Infinity;
  private lastThrottledAt = -Infinity;
  private lastIncreaseAt = -Infinity;
  /** Times of recent successes, oldest first, for the first estimate. */
  private successes: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** Requests a second the account is paced at, or undefined when it is not paced. */
  get pace(): number | undefined {
    return this.rate;
  }

  /** Waits until a request may start; resolves with its start time (pass it to `throttled`). */
  async acquire(signal?: AbortSignal): Promise<number> {
    let now = this.clock.now();
    if (this.rate !== undefined && now - this.lastThrottledAt > FORGET_AFTER_MS) this.rate = undefined;
    let start = Math.max(now, this.blockedUntil);
    if (this.rate !== undefined) {
      const interval = 1000 / this.rate;
      start = Math.max(start, this.nextStart - this.burstAllowance());
      this.nextStart = Math.max(this.nextStart, start) + interval;
    }
    if (start > now) {
      await this.clock.sleep(start - now, signal);
      now = this.clock.now();
    }
    return now;
  }

  succeeded(): void {
    const now = this.clock.now();
    if (this.rate !== undefined) {
      if (now - this.lastThrottledAt >= 1000 && now - this.lastIncreaseAt >= 1000) {
        this.rate += Math.max(1, this.rate * INCREASE);
        this.lastIncreaseAt = now;
      }
      return;
    }
    this.successes.push(now);
    if (this.successes.length > 64 && this.successes[0]! < now - WINDOW_MS) this.successes = this.successes.filter((t) => t >= now - WINDOW_MS);
  }

  /** A 429 for the request started at `sentAt`. */
  throttled(sentAt: number, retryAfterMs: number | undefined): void {
    const now = this.clock.now();
    this.lastThrottledAt = now;
    this.lastIncreaseAt = now;
    if (sentAt < this.episodeStartedAt) return;
    this.episodeStartedAt = now;
    if (retryAfterMs !== undefined) this.blockedUntil = Math.max(this.blockedUntil, now + retryAfterMs);
    if (this.rate === undefined) {
      // Too few successes say nothing about the limit (another client may be using it up): then
      // only Retry-After is honoured, as before any pacing.
      const recent = this.successes.filter((t) => t >= now - WINDOW_MS).length;
      if (recent >= MIN_ESTIMATE) this.rate = recent;
      this.successes = [];
    } else {
      this.rate = Math.max(1, this.rate * DECREASE);
    }
    // No burst after a Retry-After wait: the first request starts when it ends, the next ones
    // one interval apart.
    if (this.rate !== undefined) this.nextStart = Math.max(this.nextStart, this.blockedUntil + this.burstAllowance());
  }

  /** How far ahead of the pace requests may start: a second's worth, less the one that starts now. */
  private burstAllowance(): number {
    return this.rate === undefined ? 0 : Math.max(0, BURST_MS - 1000 / this.rate);
  }
}
