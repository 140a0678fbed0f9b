import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FULL_CONFIG, QUICK_CONFIG, type Benchmark, type BenchmarkResult } from './benchmark';
import { activation } from './benchmarks/activation';
import { bulkCreate } from './benchmarks/bulk-create';
import { enumerateTrunks } from './benchmarks/enumerate-trunks';
import { numberInventory } from './benchmarks/number-inventory';
import { planFiles } from './benchmarks/plan-files';
import { treeFirstPage } from './benchmarks/tree-first-page';
import { treeMemory } from './benchmarks/tree-memory';
import { validateTrunkFile } from './benchmarks/validate-trunk-file';
import { vsixSize } from './benchmarks/vsix-size';
import { renderChartPng, resultsChart } from './results-chart';
import { resultsTable } from './results-table';

// `npm run bench [-- --quick] [-- --only=enumerate,validate [--merge]]`: every benchmark against
// the emulator on 127.0.0.1, Trunkline and its peer interleaved in this process; prints a table
// and writes bench/results.json (--quick: bench/results.quick.json). With --only, nothing is
// written unless --merge: the rows measured replace (or join) the rows of the same name in the
// results file, each marked with its own run's date and load. Goals are reported, not
// asserted: the exit code is non-zero only when a benchmark could not run.

const BENCHMARKS: readonly Benchmark[] = [enumerateTrunks, treeFirstPage, treeMemory, numberInventory, validateTrunkFile, bulkCreate, planFiles, activation, vsixSize];
/**
 * The whole run is bounded: a hung emulator or client must not hold the machine. A guard, not a
 * time budget: on the shared 2-core machine at a load of 15–20 a full run took over 15 minutes.
 */
const RUN_LIMIT_MS = { full: 30 * 60_000, quick: 10 * 60_000 };

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/** results.svg next to the results file, and results.png when Chromium can render it. */
function writeChart(resultsFile: string, rows: readonly BenchmarkResult[], caption: string): void {
  const chart = resultsFile.replace(/\.json$/, '.svg');
  writeFileSync(chart, resultsChart(rows, caption));
  try {
    const png = renderChartPng(chart, rows.length);
    process.stdout.write(png ? `(chart: ${path.basename(chart)}, ${path.basename(png)})\n` : `(chart: ${path.basename(chart)}; no chromium for the PNG)\n`);
  } catch (error) {
    process.stdout.write(`(chart: ${path.basename(chart)}; the PNG could not be rendered: ${error instanceof Error ? error.message : String(error)})\n`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const merge = args.includes('--merge');
  const config = quick ? QUICK_CONFIG : FULL_CONFIG;
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc (npm run bench does)');
  const selected = BENCHMARKS.filter((b) => !only || only.includes(b.id));
  if (selected.length === 0) throw new Error(`no benchmark matches --only; ids: ${BENCHMARKS.map((b) => b.id).join(', ')}`);

  const limit = setTimeout(() => {
    process.stderr.write(`bench: the run exceeded ${RUN_LIMIT_MS[quick ? 'quick' : 'full'] / 60_000} minutes; stopping.\n`);
    process.exit(2);
  }, RUN_LIMIT_MS[quick ? 'quick' : 'full']);
  limit.unref();

  const started = new Date();
  const loadBefore = os.loadavg();
  process.stdout.write(`Trunkline benchmarks${quick ? ' (quick)' : ''}: ${JSON.stringify(machine())}\n`);
  const results: BenchmarkResult[] = [];
  const rowIds: string[] = [];
  let failed = 0;
  for (const benchmark of selected) {
    const t0 = performance.now();
    process.stdout.write(`- ${benchmark.id} … `);
    try {
      const rows = await benchmark.run(config);
      results.push(...rows);
      rowIds.push(...rows.map(() => benchmark.id));
      process.stdout.write(`${rows.map((r) => `${r.measured}${r.pass ? '' : ' (goal missed)'}`).join('; ')} [${((performance.now() - t0) / 1000).toFixed(1)} s]\n`);
    } catch (error) {
      failed += 1;
      process.stdout.write(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
  const seconds = (Date.now() - started.getTime()) / 1000;
  process.stdout.write(`\n${resultsTable(results)}\n\n${results.filter((r) => r.pass).length} of ${results.length} goals met in ${seconds.toFixed(0)} s.\n`);
  // A subset is usually a check of one change: its notes (second series, requests, …) matter then.
  if (only) for (const r of results) process.stdout.write(`\n${r.name}:\n${r.notes.map((n) => `  - ${n}`).join('\n')}\n`);

  const file = path.join(__dirname, '..', '..', 'bench', quick ? 'results.quick.json' : 'results.json');
  const report = {
    date: started.toISOString(),
    quick,
    seconds: Math.round(seconds),
    machine: { ...machine(), loadAverage1m: { before: Math.round(loadBefore[0]! * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 } },
    config,
    benchmarks: results.map((r, i) => ({ benchmark: rowIds[i], name: r.name, unit: r.unit, trunkline: round(r.trunkline), peer: r.peer === null ? null : round(r.peer), ratio: r.ratio === null ? null : round(r.ratio), goal: r.goal, pass: r.pass, ofGoal: round(r.ofGoal), measured: r.measured, peerName: r.peerName, spread: r.spread, notes: r.notes, details: r.details })),
  };
  if (only && merge) {
    // The selected benchmarks' rows (by benchmark id, else by name: a benchmark may change its
    // rows) give way to this run's, in their place, each marked with its run; every other row
    // keeps its own. The chart is drawn again from the merged rows.
    const existing = JSON.parse(readFileSync(file, 'utf8')) as { date: string; benchmarks: (BenchmarkResult & { benchmark?: string; run?: unknown })[] };
    const run = { date: report.date, quick, loadAverage1m: report.machine.loadAverage1m };
    const replaced = (b: { benchmark?: string; name: string }) => (b.benchmark ? only.includes(b.benchmark) : report.benchmarks.some((row) => row.name === b.name));
    const fresh = report.benchmarks.map((row) => ({ ...row, run })) as (BenchmarkResult & { run: unknown })[];
    const merged: BenchmarkResult[] = [];
    for (const row of existing.benchmarks) {
      if (!replaced(row)) merged.push(row);
      else if (!merged.includes(fresh[0]!)) merged.push(...fresh);
    }
    if (fresh.length > 0 && !merged.includes(fresh[0]!)) merged.push(...fresh);
    existing.benchmarks = merged;
    writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
    process.stdout.write(`(--merge: ${report.benchmarks.length} rows written to ${path.basename(file)})\n`);
    writeChart(file, merged, `Trunkline benchmarks${quick ? ' (quick)' : ''}, ${existing.date.slice(0, 16).replace('T', ' ')} UTC (${only.join(', ')}: ${started.toISOString().slice(0, 16).replace('T', ' ')}): ${merged.filter((r) => r.pass).length} of ${merged.length} goals met`);
  } else if (!only) {
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    writeChart(file, results, `Trunkline benchmarks${quick ? ' (quick)' : ''}, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${results.filter((r) => r.pass).length} of ${results.length} goals met`);
  }
  else process.stdout.write('(--only: results not written; --merge writes these rows)\n');
  clearTimeout(limit);
  process.exitCode = failed > 0 ? 1 : 0;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

main().catch((error: Error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
});
