import { DRIFT_STATES, type DocumentDrift, type DriftChange, type DriftReport, type DriftState } from '../core/documents/sync/detect-drift';
import { plural } from '../core/documents/plan/message-text';
import { formatValuePair } from '../core/documents/plan/plan-operations';
import type { CheckedFile } from './check-trunk-files';
import { diagnosticJson, diagnosticLine, type DiagnosticJson } from './diagnostic-output';
import { markdownCode, markdownText } from './markdown-text';
import { MARKDOWN_BUDGET } from './plan-markdown';

// `trunkline drift` in its three forms: text for a job's log, JSON for tools, Markdown for an
// issue or a job summary. Documents in sync are only counted; every other one is listed.

export interface DriftSummary {
  documents: number;
  /** Changed at the provider since the last sync. */
  drifted: number;
  /** Deleted at the provider. */
  deleted: number;
  /** Differ from the provider without a sync record to tell which side changed. */
  untracked: number;
  inSync: number;
  /** Changed in the file since the last sync, not applied yet. */
  pending: number;
  notCreated: number;
  /** Invalid, cannot be planned, or their account could not be read. */
  notChecked: number;
}

export function summarizeDrift(report: DriftReport): DriftSummary {
  const count = (...states: DriftState[]) => report.documents.filter((d) => states.includes(d.state)).length;
  return {
    documents: report.documents.length,
    drifted: count('drifted'),
    deleted: count('deleted'),
    untracked: count('untracked'),
    inSync: count('in-sync'),
    pending: count('pending'),
    notCreated: count('not-created'),
    notChecked: count('invalid', 'blocked', 'unavailable'),
  };
}

/** `Drift in 2 documents: 1 changed at the provider, 1 deleted at the provider; 3 in sync.` */
export function driftSummaryLine(s: DriftSummary): string {
  const drift = [
    [s.drifted, 'changed at the provider'],
    [s.deleted, 'deleted at the provider'],
    [s.untracked, 'differ with no sync record'],
  ] as const;
  const other = [
    [s.inSync, 'in sync'],
    [s.pending, 'changed in the file, not applied yet'],
    [s.notCreated, 'not created yet'],
    [s.notChecked, 'not checked'],
  ] as const;
  const text = (list: readonly (readonly [number, string])[]) => list.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
  const found = s.drifted + s.deleted + s.untracked;
  const rest = text(other);
  if (found === 0) return `No drift${rest ? `: ${rest}` : ' (no documents)'}.`;
  return `Drift in ${plural(found, 'document')}: ${text(drift)}${rest ? `; ${rest}` : ''}.`;
}

function lineOf(files: readonly CheckedFile[], d: DocumentDrift): number {
  const doc = files.find((f) => f.path.display === d.uri)?.parsed.documents.find((x) => x.index === d.index);
  return (doc?.range.start.line ?? 0) + 1;
}

// ---- text ----

export function driftText(files: readonly CheckedFile[], report: DriftReport): string {
  const blocks: string[] = [];
  const errors = files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticLine(f.path.display, d)));
  if (errors.length > 0) blocks.push(errors.join('\n'));
  for (const d of report.documents) {
    if (d.state === 'in-sync') continue;
    const where = [d.account, d.sid].filter(Boolean).join(', ');
    const lines = [`${d.uri}:${lineOf(files, d)}  ${d.title}${where ? ` (${where})` : ''}: ${d.message}`];
    for (const change of d.changes) {
      lines.push(`  ${change.description}`);
      for (const c of change.changes) {
        const [file, provider] = formatValuePair(c.file, c.provider);
        lines.push(`      ${c.field}: file ${file}, provider ${provider}`);
      }
    }
    blocks.push(lines.join('\n'));
  }
  blocks.push(driftSummaryLine(summarizeDrift(report)));
  return `${blocks.join('\n\n')}\n`;
}

// ---- JSON (`--format json`): version 1, fields only ever added ----

export interface DriftChangeJson {
  description: string;
  /** `file` / `provider` absent: no value there. */
  changes: { field: string; file?: unknown; provider?: unknown }[];
}

export interface DocumentDriftJson {
  file: string;
  index: number;
  line: number;
  kind: string | null;
  account: string | null;
  sid: string | null;
  title: string;
  state: DriftState;
  /** True for drifted, deleted and untracked. */
  drift: boolean;
  message: string;
  fields: string[];
  changes: DriftChangeJson[];
}

export interface DriftJson {
  version: 1;
  summary: DriftSummary;
  documents: DocumentDriftJson[];
  diagnostics: DiagnosticJson[];
}

export function driftJson(files: readonly CheckedFile[], report: DriftReport): DriftJson {
  return {
    version: 1,
    summary: summarizeDrift(report),
    documents: report.documents.map((d) => ({
      file: d.uri,
      index: d.index,
      line: lineOf(files, d),
      kind: d.kind ?? null,
      account: d.account ?? null,
      sid: d.sid ?? null,
      title: d.title,
      state: d.state,
      drift: DRIFT_STATES.includes(d.state),
      message: d.message,
      fields: d.fields,
      changes: d.changes.map(changeJson),
    })),
    diagnostics: files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticJson(f.path.display, d))),
  };
}

function changeJson(change: DriftChange): DriftChangeJson {
  return {
    description: change.description,
    changes: change.changes.map((c) => ({ field: c.field, ...(c.file === undefined ? {} : { file: c.file }), ...(c.provider === undefined ? {} : { provider: c.provider }) })),
  };
}

// ---- Markdown (`--format markdown`): an issue, a comment or a job summary ----

export const DRIFT_MARKER = '<!-- trunkline:drift -->';

const MAX_LISTED = 50;

export function driftMarkdown(files: readonly CheckedFile[], report: DriftReport, budget = MARKDOWN_BUDGET): string {
  const head = [DRIFT_MARKER, '### Trunkline drift', '', `**${driftSummaryLine(summarizeDrift(report))}**`].join('\n');
  const blocks = [head];
  const notChecked = report.documents.filter((d) => d.state === 'invalid' || d.state === 'blocked' || d.state === 'unavailable');
  if (notChecked.length > 0) blocks.push(list('CAUTION', `${plural(notChecked.length, 'document')} not checked`, notChecked.map((d) => item(files, d))));
  const sections = report.documents.filter((d) => DRIFT_STATES.includes(d.state)).map((d) => section(files, d));
  let length = blocks.join('\n\n').length;
  let shown = 0;
  for (const s of sections) {
    if (length + s.length + 400 > budget) break;
    blocks.push(s);
    length += s.length + 2;
    shown++;
  }
  if (shown < sections.length) blocks.push(`*${plural(sections.length - shown, 'more drifted document')} not shown: too long for one comment. Run \`trunkline drift\` for all of them.*`);
  const pending = report.documents.filter((d) => d.state === 'pending' || d.state === 'not-created');
  if (pending.length > 0) blocks.push(list('NOTE', `${plural(pending.length, 'document')} changed in the files and not applied yet (not drift)`, pending.map((d) => item(files, d))));
  return `${blocks.join('\n\n')}\n`;
}

function item(files: readonly CheckedFile[], d: DocumentDrift): string {
  return `${markdownCode(`${d.uri}:${lineOf(files, d)}`)} ${markdownText(d.title)}: ${markdownText(d.message)}`;
}

function list(type: 'CAUTION' | 'NOTE', title: string, items: readonly string[]): string {
  const lines = items.slice(0, MAX_LISTED).map((i) => `> - ${i}`);
  if (items.length > MAX_LISTED) lines.push(`> - … and ${items.length - MAX_LISTED} more (see \`trunkline drift\`)`);
  return [`> [!${type}]`, `> **${title}**`, '>', ...lines].join('\n');
}

function section(files: readonly CheckedFile[], d: DocumentDrift): string {
  const lines = [
    `#### ${markdownText(d.title)}`,
    `${markdownCode(`${d.uri}:${lineOf(files, d)}`)}${d.account ? ` · account ${markdownCode(d.account)}` : ''}${d.sid ? ` · ${markdownCode(d.sid)}` : ''}`,
    '',
    `**${markdownText(d.message)}**`,
  ];
  if (d.changes.length > 0) {
    lines.push('', '| Difference | Field | File | Provider |', '|---|---|---|---|');
    for (const change of d.changes) {
      const description = markdownText(change.description);
      if (change.changes.length === 0) lines.push(`| ${description} | | | |`);
      change.changes.forEach((c, i) => {
        const [file, provider] = formatValuePair(c.file, c.provider);
        const value = (v: unknown, text: string) => (v === undefined ? '*unset*' : markdownCode(text));
        lines.push(`| ${i === 0 ? description : ''}${i === 0 ? ' ' : ''}| ${markdownCode(c.field)} | ${value(c.file, file)} | ${value(c.provider, provider)} |`);
      });
    }
  }
  return lines.join('\n');
}
