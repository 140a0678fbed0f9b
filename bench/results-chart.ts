import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchmarkResult } from './benchmark';

// bench/results.svg: one bar per benchmark row, its figure as a share of its goal (the line
// at 1 is the goal; shorter is better), and for rows with a peer, the ratio to the peer.
// bench/results.png: the same chart rendered by headless Chromium, for the README (vsce refuses
// SVG images in a package's README).

const WIDTH = 1060;
const LABEL_WIDTH = 430;
const BAR_WIDTH = 300;
const ROW_HEIGHT = 26;
const TOP = 44;
/** Bars are drawn up to 2× the goal; longer ones are cut and marked. */
const SCALE_MAX = 2;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cut in the middle: benchmark names differ at both ends (sizes first, variants last). */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.55);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

function chartHeight(rows: number): number {
  return TOP + rows * ROW_HEIGHT + 40;
}

/** An SVG chart of the results (self-contained, no scripts or external fonts). */
export function resultsChart(results: readonly BenchmarkResult[], caption: string): string {
  const height = chartHeight(results.length);
  const x0 = LABEL_WIDTH;
  const at = (share: number) => x0 + (Math.min(share, SCALE_MAX) / SCALE_MAX) * BAR_WIDTH;
  const rows = results.map((r, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const colour = r.pass ? '#2e7d32' : '#c62828';
    const cut = r.ofGoal > SCALE_MAX;
    const peer = r.ratio !== null && r.peerName ? ` · ${r.ratio.toFixed(2)}× ${r.peerName}` : '';
    return [
      `<text x="${x0 - 8}" y="${y + 16}" text-anchor="end">${escape(shorten(r.name, 64))}</text>`,
      `<rect x="${x0}" y="${y + 5}" width="${Math.max(1, at(r.ofGoal) - x0).toFixed(1)}" height="${ROW_HEIGHT - 10}" fill="${colour}"${cut ? ' fill-opacity="0.7"' : ''}><title>${escape(`${r.name}: ${r.measured} (goal ${r.goal})`)}</title></rect>`,
      cut ? `<text x="${at(SCALE_MAX) - 4}" y="${y + 16}" text-anchor="end" fill="#fff">»</text>` : '',
      `<text x="${x0 + BAR_WIDTH + 10}" y="${y + 16}">${escape(shorten(`${(r.ofGoal).toFixed(2)} of goal${peer}`, 52))}</text>`,
    ].join('');
  });
  const goalX = at(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12" fill="#24292f">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="600">${escape(caption)}</text>`,
    `<text x="${x0}" y="36" fill="#57606a">figure ÷ goal (bar ends left of the line: goal met)</text>`,
    ...rows,
    `<line x1="${goalX}" y1="${TOP - 2}" x2="${goalX}" y2="${TOP + results.length * ROW_HEIGHT + 2}" stroke="#24292f" stroke-dasharray="4 3"/>`,
    `<text x="${goalX}" y="${TOP + results.length * ROW_HEIGHT + 16}" text-anchor="middle">goal</text>`,
    `<text x="${x0}" y="${TOP + results.length * ROW_HEIGHT + 16}" text-anchor="middle">0</text>`,
    `<text x="${at(SCALE_MAX)}" y="${TOP + results.length * ROW_HEIGHT + 16}" text-anchor="middle">${SCALE_MAX}×</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Renders the chart as a PNG next to it with headless Chromium (`chromium` on the PATH, or
 * $CHROMIUM; `npm run test:vscode-setup` installs it). Returns the PNG's path, or undefined when
 * there is no Chromium (the SVG is still written).
 */
export function renderChartPng(svgFile: string, rows: number): string | undefined {
  const chromium = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!chromium) return undefined;
  const png = svgFile.replace(/\.svg$/, '.png');
  execFileSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${png}`, `--window-size=${WIDTH},${chartHeight(rows)}`, `file://${path.resolve(svgFile)}`],
    { stdio: 'ignore', timeout: 60_000 },
  );
  return png;
}
