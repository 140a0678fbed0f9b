/** Successes are counted in slots this long (the estimate's precision). */
const SLOT_MS = 10;
/** How far back successes are remembered. */
const HISTORY_MS = 30_000;
const SLOTS = HISTORY_MS / SLOT_MS;

/**
 * The times of an account's recent successful requests (the last 30 s, counted per 10 ms), for
 * estimating the rate a provider's token bucket lets through: over any stretch of time the
 * bucket grants at most what it held when the stretch began plus the refill, so when it holds
 * at most `headMs`' worth, `successes ÷ (headMs + length)` of every stretch is at most its rate,
 * and equals it for the stretch that began when the bucket was last full and ended when it ran
 * dry (at a 429).
 */
export class SuccessHistory {
  private readonly counts = new Float64Array(SLOTS);
  /** Which slot (time ÷ SLOT_MS) each entry of `counts` holds; a stale entry counts nothing. */
  private readonly slots = new Float64Array(SLOTS).fill(-1);

  record(time: number): void {
    const slot = Math.floor(time / SLOT_MS);
    const at = slot % SLOTS;
    if (this.slots[at] !== slot) {
      this.slots[at] = slot;
      this.counts[at] = 0;
    }
    this.counts[at]! += 1;
  }

  /**
   * The highest `successes ÷ (headMs + length)` (per second) over stretches ending at `now` and
   * beginning at `since` or later; 0 without successes.
   */
  bestRate(now: number, since: number, headMs: number): number {
    const last = Math.floor(now / SLOT_MS);
    const first = Math.max(Math.floor(Math.max(0, since) / SLOT_MS), last - SLOTS + 1);
    let successes = 0;
    let best = 0;
    for (let slot = last; slot >= first; slot--) {
      const at = slot % SLOTS;
      if (this.slots[at] !== slot) continue;
      successes += this.counts[at]!;
      // The stretch begins where the slot does: a little long, so the estimate errs low.
      const begin = Math.max(slot * SLOT_MS, since);
      best = Math.max(best, (successes * 1000) / (headMs + now - begin));
    }
    return best;
  }
}
