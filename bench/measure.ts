/** Median and spread of a set of rounds. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Interquartile range: q3 − q1. */
  q1: number;
  q3: number;
  rounds: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('no values to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    rounds: sorted.length,
  };
}

/** Linear interpolation between the closest ranks (the usual "type 7" quantile). */
function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** One side of a comparison: runs once and returns what it measured (ms, bytes, …). */
export type Contender = (round: number) => Promise<number>;

export interface InterleaveOptions {
  rounds: number;
  /** Rounds run first and thrown away (JIT, connection pools, caches of both sides). */
  warmup: number;
  /** Called before every run, untimed (e.g. reset the emulator). */
  before?: () => Promise<void>;
}

/**
 * Runs the contenders in the same process, round by round, alternating who goes first so
 * that neither always meets a warm or a cold machine; returns every side's measured rounds.
 */
export async function interleave<K extends string>(contenders: Record<K, Contender>, options: InterleaveOptions): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const results = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = -options.warmup; round < options.rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      await options.before?.();
      const value = await contenders[name](round);
      if (round >= 0) results[name].push(value);
    }
  }
  return results;
}

/** Milliseconds `fn` took (high resolution). */
export async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** A full GC in this process when run with --expose-gc (between rounds, never inside one). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
