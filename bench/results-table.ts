import { formatNumber, type BenchmarkResult } from './benchmark';
import type { Summary } from './measure';

function spread(s: Summary | null, unit: string): string {
  if (!s) return '–';
  if (s.rounds === 1) return `${formatNumber(s.median)} ${unit}`;
  return `${formatNumber(s.median)} ${unit} (${formatNumber(s.min)}–${formatNumber(s.max)}, IQR ${formatNumber(s.q3 - s.q1)})`;
}

/** The results as a Markdown table: medians with min–max and IQR over the rounds. */
export function resultsTable(results: readonly BenchmarkResult[]): string {
  const header = ['benchmark', 'Trunkline median (min–max, IQR)', 'peer median (min–max, IQR)', 'ratio', 'goal', 'measured', 'pass'];
  const rows = results.map((r) => [
    r.name,
    spread(r.spread.trunkline, r.unit),
    r.peerName ? `${r.peerName}: ${spread(r.spread.peer, r.unit)}` : '–',
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
    r.goal,
    r.measured,
    r.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
