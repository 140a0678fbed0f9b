import { summarize, type Summary } from './measure';

/** Sizes and round counts of one run: `--quick` shrinks them. */
export interface BenchConfig {
  quick: boolean;
  rounds: number;
  warmup: number;
  /** Trunks on the account for enumeration, tree and plan benchmarks (10,000; quick: 2,000). */
  trunks: number;
  /** Documents in the large trunk file (1,000; quick: 200). */
  largeFileDocuments: number;
  /** Trunks created by Push all (1,000; quick: 150). */
  bulkCreate: number;
  /** Trunk files planned (1,000; quick: 200). */
  planFiles: number;
}

export const FULL_CONFIG: BenchConfig = { quick: false, rounds: 5, warmup: 1, trunks: 10_000, largeFileDocuments: 1_000, bulkCreate: 1_000, planFiles: 1_000 };
export const QUICK_CONFIG: BenchConfig = { quick: true, rounds: 5, warmup: 1, trunks: 2_000, largeFileDocuments: 200, bulkCreate: 150, planFiles: 200 };

/** One row of the table and one entry of results.json. */
export interface BenchmarkResult {
  name: string;
  unit: string;
  /** Median of Trunkline's rounds. */
  trunkline: number;
  /** Median of the peer's rounds (null when there is no peer). */
  peer: number | null;
  peerName: string | null;
  /** trunkline ÷ peer (null without a peer). */
  ratio: number | null;
  /** The goal in words, e.g. `≤ 0.33× peer`. */
  goal: string;
  /** The figure the goal is about, as shown in the table (e.g. `0.41×`, `38.2 MB`, `12 requests`). */
  measured: string;
  pass: boolean;
  /** The figure as a share of its goal (≤ 1 meets it): ratio ÷ goal ratio, or median ÷ bound. */
  ofGoal: number;
  spread: { trunkline: Summary; peer: Summary | null };
  /** What limits the figure, how it was measured, anything a reader must know. */
  notes: string[];
  /** Counts that back the figure (requests sent, failures, duplicates …). */
  details?: Record<string, unknown>;
}

export interface Benchmark {
  /** Short id for `--only=`. */
  id: string;
  run(config: BenchConfig): Promise<BenchmarkResult[]>;
}

/** A result whose goal is a ratio to the peer's median: `trunkline ≤ max × peer`. */
export function ratioResult(args: {
  name: string;
  unit: string;
  trunkline: number[];
  peer: number[];
  peerName: string;
  maxRatio: number;
  notes?: string[];
  details?: Record<string, unknown>;
}): BenchmarkResult {
  const t = summarize(args.trunkline);
  const p = summarize(args.peer);
  const ratio = t.median / p.median;
  return {
    name: args.name,
    unit: args.unit,
    trunkline: t.median,
    peer: p.median,
    peerName: args.peerName,
    ratio,
    goal: `≤ ${args.maxRatio}× ${args.peerName}`,
    measured: `${ratio.toFixed(2)}×`,
    pass: ratio <= args.maxRatio,
    ofGoal: ratio / args.maxRatio,
    spread: { trunkline: t, peer: p },
    notes: args.notes ?? [],
    details: args.details,
  };
}

/** A result whose goal is an absolute bound on Trunkline's median. */
export function boundResult(args: {
  name: string;
  unit: string;
  trunkline: number[];
  max: number;
  notes?: string[];
  details?: Record<string, unknown>;
  /** Extra condition besides the bound (e.g. request count); false fails the row. */
  alsoPass?: boolean;
  goal?: string;
  measured?: string;
}): BenchmarkResult {
  const t = summarize(args.trunkline);
  return {
    name: args.name,
    unit: args.unit,
    trunkline: t.median,
    peer: null,
    peerName: null,
    ratio: null,
    goal: args.goal ?? `≤ ${args.max} ${args.unit}`,
    measured: args.measured ?? `${formatNumber(t.median)} ${args.unit}`,
    pass: t.median <= args.max && (args.alsoPass ?? true),
    ofGoal: t.median / args.max,
    spread: { trunkline: t, peer: null },
    notes: args.notes ?? [],
    details: args.details,
  };
}

export function formatNumber(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  if (n >= 1) return n.toFixed(2);
  return n.toFixed(3);
}
