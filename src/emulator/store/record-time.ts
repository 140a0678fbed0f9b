/** Providers report times to the second; records keep whole-second epoch milliseconds. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * The new `date_updated` of a record that really changed. It always moves forward, by at least
 * one second, so that a client comparing `date_updated` never misses a change made within the
 * same second as the previous one.
 */
export function updatedAt(previous: number, now: number): number {
  return Math.max(wholeSecond(now), previous + 1000);
}
