import type { Clock } from './clock';
import { SuccessHistory } from './success-history';

/**
 * The provider's token bucket is taken to hold a second's worth of requests (Twilio's and the
 * emulator's do): estimates of its rate leave that much out of what it let through.
 */
const BUCKET_MS = 1000;
/** A 429 while paced lowers the pace to what the provider let through, by at least this factor… */
const LEAST_DECREASE = 0.9;
/** …and at most this one (a colleague's burst may have taken the budget for a moment). */
const MOST_DECREASE = 0.5;
/**
 * Each second paced without a 429 the pace grows by this share of the pace the last 429 set
 * (at least MIN_INCREASE a second): the limit may have lifted, or a colleague sharing the
 * account stopped. Additive, so that two clients sharing an account drift towards equal shares.
 */
const INCREASE = 0.005;
const MIN_INCREASE = 0.5;
/** After this long without a 429 the account is no longer paced (a limit on concurrency lifts). */
const FORGET_AFTER_MS = 60_000;
/** An estimate below this many requests a second starts no pacing (too little to say anything). */
const MIN_ESTIMATE = 5;
/**
 * Up to this long's worth of requests (at the pace) may start at once after the account was
 * idle or waited out a Retry-After: the provider's bucket refilled meanwhile. Half of it, so
 * that a pace a little above the limit still leaves the bucket some margin.
 */
const BURST_MS = 500;

/**
 * Spaces the requests of one account once the provider has rate-limited it.
 *
 * Without a 429, requests go out as fast as callers send them. The first 429 blocks every
 * request until its Retry-After (a request already waiting for its turn waits for that too),
 * and from then on requests start at most `pace` a second, `pace` being the rate the provider
 * let through: the highest `successes ÷ (1 s + length)` over the stretches of the last 30 s
 * that end at the 429, which leaves the bucket's initial second's worth out (the successes of
 * the last second alone count it in and overshoot the limit by up to a second's worth).
 * A 429 for a request sent after that (the pace is still too fast) lowers the pace to the rate
 * let through since the last wait ended (by a tenth at least, by half at most); the 429s
 * of requests already in flight when the limit struck change nothing (the same overload).
 * Each second without a 429 the pace grows by half a percent of the pace learnt, and a minute
 * without one ends the pacing. So a long run of requests meets the limit once: only the
 * requests in flight at that moment are refused.
 * While paced, time the account spent idle, or waiting out a Retry-After, counts (a token
 * bucket, as the provider's own): up to half a second's worth of requests may then start at once.
 */
export class RequestPacer {
  /** While the provider rate-limits us, every request waits until this time. */
  private blockedUntil = 0;
  /** Requests a second once paced; undefined while not paced. */
  private rate: number | undefined;
  /** The pace the last 429 set, the base of the increase. */
  private learnt = 0;
  /** When the next request may start, once paced. */
  private nextStart = 0;
  /** Requests sent before this time met the overload that set the current pace. */
  private episodeStartedAt = -Infinity;
  /** Counts the 429s that changed the wait or the pace: a turn given before one is void. */
  private episodes = 0;
  /** Estimates after a 429 count the successes from here on (the end of the last wait). */
  private countFrom = -Infinity;
  private lastThrottledAt = -Infinity;
  private lastIncreaseAt = -Infinity;
  private readonly history = new SuccessHistory();

  constructor(private readonly clock: Clock) {}

  /** Requests a second the account is paced at, or undefined when it is not paced. */
  get pace(): number | undefined {
    return this.rate;
  }

  /** Waits until a request may start; resolves with its start time (pass it to `throttled`). */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      const now = this.clock.now();
      if (this.rate !== undefined && now - this.lastThrottledAt > FORGET_AFTER_MS) this.rate = undefined;
      let start = Math.max(now, this.blockedUntil);
      if (this.rate !== undefined) {
        start = Math.max(start, this.nextStart - this.burstAllowance());
        this.nextStart = Math.max(this.nextStart, start) + 1000 / this.rate;
      }
      if (start <= now) return now;
      const episode = this.episodes;
      await this.clock.sleep(start - now, signal);
      // A 429 meanwhile voids the turn: sent anyway it would most likely be refused too.
      if (episode === this.episodes) return this.clock.now();
    }
  }

  succeeded(): void {
    const now = this.clock.now();
    this.history.record(now);
    if (this.rate !== undefined && now - this.lastThrottledAt >= 1000 && now - this.lastIncreaseAt >= 1000) {
      this.rate += Math.max(MIN_INCREASE, this.learnt * INCREASE);
      this.lastIncreaseAt = now;
    }
  }

  /** A 429 for the request started at `sentAt`. */
  throttled(sentAt: number, retryAfterMs: number | undefined): void {
    const now = this.clock.now();
    this.lastThrottledAt = now;
    this.lastIncreaseAt = now;
    // Same millisecond counts as before: a request that acquired after the 429 was handled
    // waits for Retry-After, so one started in that millisecond was sent before it.
    if (sentAt <= this.episodeStartedAt) return;
    this.episodeStartedAt = now;
    this.episodes += 1;
    if (retryAfterMs !== undefined) this.blockedUntil = Math.max(this.blockedUntil, now + retryAfterMs);
    const letThrough = this.history.bestRate(now, this.countFrom, BUCKET_MS);
    if (this.rate === undefined) {
      // Too few successes say nothing about the limit (another client may be using it up): then
      // only Retry-After is honoured, as before any pacing.
      if (letThrough >= MIN_ESTIMATE) this.rate = letThrough;
    } else {
      this.rate = Math.max(1, this.rate * MOST_DECREASE, Math.min(letThrough, this.rate * LEAST_DECREASE));
    }
    this.learnt = this.rate ?? 0;
    this.countFrom = Math.max(now, this.blockedUntil);
    if (this.rate === undefined) return;
    // The provider's bucket refills during a Retry-After wait, so a burst may follow it; without
    // one (or a short one) the bucket is still empty: one interval apart from the start.
    const refilled = retryAfterMs !== undefined && retryAfterMs >= BURST_MS;
    this.nextStart = refilled ? this.blockedUntil : Math.max(now, this.blockedUntil) + this.burstAllowance();
  }

  /** How far ahead of the pace requests may start: half a second's worth, less the one that starts now. */
  private burstAllowance(): number {
    return this.rate === undefined ? 0 : Math.max(0, BURST_MS - 1000 / this.rate);
  }
}
