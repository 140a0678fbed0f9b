import type { DocumentPlan, PlanRefusal } from '../core/documents/plan/document-plan';
import { formatPlanLines, formatRefusalLines } from '../core/documents/plan/format-plan';
import { plural } from '../core/documents/plan/message-text';
import type { PlannedDocument } from '../core/documents/plan/plan-documents';
import { operationMark, type PlanOperation } from '../core/documents/plan/plan-operations';
import type { CombinedPlan } from '../core/documents/apply/push-all';
import type { CheckedFile } from './check-trunk-files';
import { diagnosticJson, diagnosticLine, type DiagnosticJson } from './diagnostic-output';
import { failoverChange, formatFailover } from '../core/documents/plan/failover-order';
import type { TrunkDiagnostic } from '../core/documents/validate/trunk-diagnostic';
import { isReadinessDiagnostic } from './plan-readiness';

// The plan as `trunkline plan` and `apply` show it: the editor's preview lines (formatPlanLines,
// formatRefusalLines) under the file and line of each document, or the stable JSON shape.

export interface PlanSummary {
  documents: number;
  /** Documents with operations. */
  toChange: number;
  inSync: number;
  notPlanned: number;
  operations: number;
  /** Documents whose remote changed since the last sync and that the plan would overwrite. */
  remoteChanged: number;
}

export function summarizePlan(combined: CombinedPlan): PlanSummary {
  const planned = combined.documents.flatMap((d) => (d.outcome.status === 'planned' ? [d.outcome.plan] : []));
  const toChange = planned.filter((p) => p.operations.length > 0);
  return {
    documents: combined.documents.length,
    toChange: toChange.length,
    inSync: planned.length - toChange.length,
    notPlanned: combined.documents.length - planned.length,
    operations: combined.operationCount,
    remoteChanged: toChange.filter((p) => p.remoteChanged).length,
  };
}

export function planSummaryLine(summary: PlanSummary): string {
  const parts = [`${summary.toChange} to change (${plural(summary.operations, 'operation')})`, `${summary.inSync} in sync`];
  if (summary.notPlanned > 0) parts.push(`${summary.notPlanned} not planned`);
  const drift = summary.remoteChanged > 0 ? ` ${plural(summary.remoteChanged, 'document')} changed at the provider since the last push or pull: apply skips ${summary.remoteChanged === 1 ? 'it' : 'them'} unless --overwrite is given.` : '';
  return `Plan: ${parts.join(', ')}.${drift}`;
}

/**
 * The text plan: the files' errors, then each document that changes, has something to say, or
 * was not planned, under `file:line`; documents in sync are only counted.
 */
export function planText(files: readonly CheckedFile[], combined: CombinedPlan): string {
  const blocks: string[] = [];
  const errors = files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticLine(f.path.display, d)));
  if (errors.length > 0) blocks.push(errors.join('\n'));
  const byPath = filesByPath(files);
  for (const planned of combined.documents) {
    const where = `${planned.uri}:${planned.document.range.start.line + 1}`;
    const outcome = planned.outcome;
    if (outcome.status === 'planned') {
      const plan = outcome.plan;
      const ready = readinessOf(planned, byPath.get(planned.uri)).map((d) => `  ⚠ ${diagnosticLine(planned.uri, d)}`);
      if (plan.operations.length === 0 && plan.warnings.length === 0 && ready.length === 0) continue;
      const failover = failoverChange(plan);
      const order = failover ? [`  failover order before: ${formatFailover(failover.before, undefined, failover.list)}`, `  failover order after:  ${formatFailover(failover.after, undefined, failover.list)}`] : [];
      blocks.push([where, ...formatPlanLines(plan), ...order, ...ready].join('\n'));
    } else {
      blocks.push([where, ...refusalLines(outcome.refusal, byPath.get(planned.uri))].join('\n'));
    }
  }
  blocks.push(planSummaryLine(summarizePlan(combined)));
  return `${blocks.join('\n\n')}\n`;
}

function filesByPath(files: readonly CheckedFile[]): Map<string, CheckedFile> {
  return new Map(files.map((f) => [f.path.display, f]));
}

/** The call-readiness warnings of one document of its file. */
function readinessOf(planned: PlannedDocument, file: CheckedFile | undefined): TrunkDiagnostic[] {
  const { start, end } = planned.document.range;
  return (file?.diagnostics ?? []).filter((d) => isReadinessDiagnostic(d) && d.range.start.offset >= start.offset && d.range.start.offset <= end.offset);
}

/** formatRefusalLines, with where each problem is in the file:line:col form terminals and editors link. */
function refusalLines(refusal: PlanRefusal, file: CheckedFile | undefined): string[] {
  const [header = '', ...details] = formatRefusalLines(refusal);
  const at = (offsets: [number, number] | undefined) => {
    const position = offsets && file ? file.parsed.lines.positionAt(offsets[0]) : undefined;
    return position ? `${refusal.uri}:${position.line + 1}:${position.character + 1}` : undefined;
  };
  if (refusal.errors.length > 1) return [header, ...refusal.errors.map((e) => `  × ${e.message}${at(e.offsets) ? ` (${at(e.offsets)})` : ''}`)];
  const location = at(refusal.errors[0]?.offsets);
  return [header, ...details, ...(location ? [`  at ${location}`] : [])];
}

// ---- JSON (`--format json`): version 1, fields only ever added ----

export interface OperationJson {
  type: PlanOperation['type'];
  /** + adds, ~ changes, - removes, = adopts an existing resource. */
  mark: '+' | '~' | '-' | '=';
  description: string;
  /** Field changes; `from` is absent when the provider has no value. */
  changes: { field: string; from?: unknown; to: unknown }[];
}

export interface DocumentPlanJson {
  file: string;
  /** The document's position among the file's YAML documents (0-based). */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  kind: string | null;
  account: string | null;
  sid: string | null;
  title: string;
  status: 'changes' | 'in-sync' | 'not-planned';
  operations: OperationJson[];
  warnings: string[];
  /** Set when the provider's copy changed since the last push or pull and applying would overwrite it. */
  remoteChanged: { fields: string[] } | null;
  /** Set when status is not-planned. */
  refusal: RefusalJson | null;
  /** Only when the plan moves it: the failover order of origination URLs (a trunk) or targets (a connection policy) before and after (`1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%`). */
  failover?: { before: string; after: string };
}

export interface RefusalJson {
  reason: PlanRefusal['reason'];
  message: string;
  errors: { message: string; line?: number; column?: number }[];
}

export interface PlanJson {
  version: 1;
  summary: PlanSummary;
  documents: DocumentPlanJson[];
  /** The error diagnostics of the files (what makes documents not-planned as invalid). */
  diagnostics: DiagnosticJson[];
  /** The call-readiness warnings (codes readiness-…); left out with `--no-readiness`. */
  readiness?: DiagnosticJson[];
}

export function planJson(files: readonly CheckedFile[], combined: CombinedPlan, options: { readiness?: boolean } = {}): PlanJson {
  const byPath = filesByPath(files);
  const readiness = options.readiness ? { readiness: files.flatMap((f) => f.diagnostics.filter(isReadinessDiagnostic).map((d) => diagnosticJson(f.path.display, d))) } : {};
  return {
    version: 1,
    summary: summarizePlan(combined),
    documents: combined.documents.map((d) => documentPlanJson(d, byPath.get(d.uri))),
    diagnostics: files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticJson(f.path.display, d))),
    ...readiness,
  };
}

function documentPlanJson(planned: PlannedDocument, file: CheckedFile | undefined): DocumentPlanJson {
  const base = { file: planned.uri, index: planned.document.index, line: planned.document.range.start.line + 1 };
  const outcome = planned.outcome;
  if (outcome.status === 'planned') {
    const plan: DocumentPlan = outcome.plan;
    return {
      ...base,
      kind: plan.kind,
      account: plan.account,
      sid: plan.sid ?? null,
      title: plan.title,
      status: plan.operations.length > 0 ? 'changes' : 'in-sync',
      operations: plan.operations.map(operationJson),
      warnings: plan.warnings,
      remoteChanged: plan.remoteChanged ? { fields: plan.remoteChanged.fields } : null,
      refusal: null,
      ...failoverJson(plan),
    };
  }
  const r = outcome.refusal;
  return {
    ...base,
    kind: r.kind ?? null,
    account: r.account ?? null,
    sid: r.sid ?? null,
    title: r.title,
    status: 'not-planned',
    operations: [],
    warnings: [],
    remoteChanged: null,
    refusal: {
      reason: r.reason,
      message: r.message,
      errors: r.errors.map((e) => {
        const at = e.offsets && file ? file.parsed.lines.positionAt(e.offsets[0]) : undefined;
        return at ? { message: e.message, line: at.line + 1, column: at.character + 1 } : { message: e.message };
      }),
    },
  };
}

function failoverJson(plan: DocumentPlan): { failover?: { before: string; after: string } } {
  const change = failoverChange(plan);
  return change ? { failover: { before: formatFailover(change.before, undefined, change.list), after: formatFailover(change.after, undefined, change.list) } } : {};
}

export function operationJson(op: PlanOperation): OperationJson {
  return {
    type: op.type,
    mark: operationMark(op),
    description: op.description,
    changes: op.changes.map((c) => (c.from === undefined ? { field: c.field, to: c.to } : { field: c.field, from: c.from, to: c.to })),
  };
}
