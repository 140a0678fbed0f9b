import * as fs from 'node:fs';

// How big a reliability run is, and where its figures go. scripts/run-reliability.mjs sets
// RELIABILITY_SCALE (`full`, or `small` inside `npm test`) and RELIABILITY_FIGURES (a JSON-lines
// file it sums into the one summary line). Run by hand, a suite defaults to the full counts and
// prints its figures instead.

export type ReliabilityScale = 'small' | 'full';

export const RELIABILITY_SCALE: ReliabilityScale = process.env.RELIABILITY_SCALE === 'small' ? 'small' : 'full';

/** `full` at full scale, `small` inside `npm test`. */
export function scaled<T>(full: T, small: T): T {
  return RELIABILITY_SCALE === 'full' ? full : small;
}

/** Figures of one suite, e.g. `{ pushes: 1500, duplicates: 0 }`; the runner adds them up per key. */
export function recordFigures(suite: string, figures: Record<string, number>): void {
  const line = JSON.stringify({ suite, ...figures });
  const file = process.env.RELIABILITY_FIGURES;
  if (file) fs.appendFileSync(file, `${line}\n`);
  else console.log(`figures ${line}`);
}
