import type { BenchmarkResult } from './benchmark';

// bench/results.svg: one bar per benchmark row, its figure as a share of its goal (the line
// at 1 is the goal; shorter is better), and for rows with a peer, the ratio to the peer.

const WIDTH = 980;
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

/** An SVG chart of the results (self-contained, no scripts or external fonts). */
export function resultsChart(results: readonly BenchmarkResult[], caption: string): string {
  const height = TOP + results.length * ROW_HEIGHT + 40;
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
      `<text x="${x0 + BAR_WIDTH + 10}" y="${y + 16}">${escape(shorten(`${(r.ofGoal).toFixed(2)} of goal${peer}`, 48))}</text>`,
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
