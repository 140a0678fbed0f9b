import type { DocumentPlan, PlanRefusal } from '../core/documents/plan/document-plan';
import { failoverChange, formatFailover, type FailoverChange, type FailoverGroup } from '../core/documents/plan/failover-order';
import { plural } from '../core/documents/plan/message-text';
import { formatValuePair, operationMark, type PlanOperation } from '../core/documents/plan/plan-operations';
import type { CombinedPlan } from '../core/documents/apply/push-all';
import type { CheckedFile } from './check-trunk-files';
import { markdownCode, markdownText } from './markdown-text';
import { summarizePlan, type PlanSummary } from './plan-output';
import { isReadinessDiagnostic } from './plan-readiness';

// `trunkline plan --format markdown`: the plan as a pull-request comment. What needs a
// reviewer's attention first (documents that will not be applied, warnings), then one section
// per document that changes, its operations as a table and its failover order when that
// moves. Every piece of user text goes through markdownText.

/** The first line of the comment: a bot finds its own comment by it, to update it instead of adding another. */
export const PLAN_MARKER = '<!-- trunkline:plan -->';

/** GitHub refuses comments over 65,536 characters; the rest of the plan is left to the job's log. */
export const MARKDOWN_BUDGET = 60_000;
/** Items listed in the attention section before "… and N more". */
const MAX_LISTED = 50;

export function planMarkdown(files: readonly CheckedFile[], combined: CombinedPlan, budget = MARKDOWN_BUDGET): string {
  const summary = summarizePlan(combined);
  const head = [PLAN_MARKER, '### Trunkline plan', '', `**${summaryText(summary)}**`];
  const attention = attentionBlocks(files, combined);
  const sections = combined.documents.flatMap((d) => (d.outcome.status === 'planned' && d.outcome.plan.operations.length > 0 ? [documentSection(d.outcome.plan, lineOf(d.document.range.start.line))] : []));

  const blocks = [head.join('\n'), ...attention];
  let length = blocks.join('\n\n').length;
  let shown = 0;
  for (const section of sections) {
    if (length + section.length + 400 > budget) break;
    blocks.push(section);
    length += section.length + 2;
    shown++;
  }
  if (shown < sections.length) {
    const rest = sections.length - shown;
    blocks.push(`*${plural(rest, 'more document')} to change ${rest === 1 ? 'is' : 'are'} not shown: the comment would be too long for GitHub. Run \`trunkline plan\` for the whole plan.*`);
  }
  return `${blocks.join('\n\n')}\n`;
}

function summaryText(s: PlanSummary): string {
  const parts = [`${s.toChange} to change (${plural(s.operations, 'operation')})`, `${s.inSync} in sync`];
  if (s.notPlanned > 0) parts.push(`${s.notPlanned} not planned`);
  return `Plan: ${parts.join(', ')}.`;
}

const lineOf = (zeroBased: number) => zeroBased + 1;

/** Refusals and errors (nothing of those documents is applied), then warnings (applied, but read them). */
function attentionBlocks(files: readonly CheckedFile[], combined: CombinedPlan): string[] {
  const errors: string[] = [];
  const warnings: string[] = [];
  const byPath = new Map(files.map((f) => [f.path.display, f]));
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (isReadinessDiagnostic(d)) warnings.push(`${markdownCode(`${file.path.display}:${d.range.start.line + 1}:${d.range.start.character + 1}`)} **Call readiness:** ${markdownText(d.message)} (${markdownText(d.code)})`);
      if (d.severity !== 'error') continue;
      errors.push(`${markdownCode(`${file.path.display}:${d.range.start.line + 1}:${d.range.start.character + 1}`)} ${markdownText(d.message)} (${markdownText(d.code)})`);
    }
  }
  for (const planned of combined.documents) {
    const where = markdownCode(`${planned.uri}:${lineOf(planned.document.range.start.line)}`);
    const outcome = planned.outcome;
    if (outcome.status === 'refused') {
      const r = outcome.refusal;
      const explainedByDiagnostics = r.reason === 'invalid' && byPath.get(r.uri)?.diagnostics.some((d) => d.severity === 'error' && d.range.start.offset >= planned.document.range.start.offset && d.range.start.offset <= planned.document.range.end.offset);
      if (!explainedByDiagnostics) errors.push(`${where} ${markdownText(r.title)}: **not planned.** ${markdownText(r.message)}${refusalDetails(r, byPath.get(r.uri))}`);
      continue;
    }
    const plan = outcome.plan;
    if (plan.remoteChanged) {
      const fields = plan.remoteChanged.fields.length > 0 ? ` (${plan.remoteChanged.fields.map(markdownCode).join(', ')})` : '';
      warnings.push(`${where} ${markdownText(plan.title)}: the remote changed since the last push or pull${fields}. Apply skips it unless \`--overwrite\` is given, which would undo that change.`);
    }
    for (const warning of plan.warnings) warnings.push(`${where} ${markdownText(plan.title)}: ${markdownText(warning)}`);
  }
  const blocks: string[] = [];
  if (errors.length > 0) blocks.push(alert('CAUTION', `${plural(errors.length, 'problem')}: these documents are not applied until fixed.`, errors));
  if (warnings.length > 0) blocks.push(alert('WARNING', plural(warnings.length, 'warning'), warnings));
  return blocks;
}

function refusalDetails(refusal: PlanRefusal, file: CheckedFile | undefined): string {
  if (refusal.errors.length <= 1) return '';
  return refusal.errors
    .map((e) => {
      const at = e.offsets && file ? file.parsed.lines.positionAt(e.offsets[0]) : undefined;
      return `<br>× ${markdownText(e.message)}${at ? ` (line ${at.line + 1})` : ''}`;
    })
    .join('');
}

/** A GitHub alert (a quote with a coloured title elsewhere). */
function alert(type: 'CAUTION' | 'WARNING', title: string, items: readonly string[]): string {
  const listed = items.slice(0, MAX_LISTED).map((item) => `> - ${item}`);
  if (items.length > MAX_LISTED) listed.push(`> - … and ${items.length - MAX_LISTED} more (see \`trunkline plan\`)`);
  return [`> [!${type}]`, `> **${title}**`, '>', ...listed].join('\n');
}

function documentSection(plan: DocumentPlan, line: number): string {
  const count = plan.operations.length;
  const lines = [
    `#### ${markdownText(plan.title)}`,
    `${markdownCode(`${plan.uri}:${line}`)} · account ${markdownCode(plan.account)} · ${plan.sid ? markdownCode(plan.sid) : 'new'} · ${plural(count, 'change')}`,
    '',
    '| | Operation | Field | From | To |',
    '|:-:|---|---|---|---|',
    ...plan.operations.flatMap(operationRows),
  ];
  const failover = failoverChange(plan);
  if (failover) {
    lines.push('', `**Failover order** (${failover.list}: lowest priority first, share of calls by weight)`, '', '| | |', '|---|---|');
    lines.push(`| Before | ${failoverMarkdown(failover.before, failover.list)} |`, `| After | ${failoverMarkdown(failover.after, failover.list)} |`);
  }
  return lines.join('\n');
}

function operationRows(op: PlanOperation): string[] {
  // Our own marks (+ ~ - =), safe as they are.
  const mark = `<code>${operationMark(op)}</code>`;
  const description = markdownText(op.description);
  if (op.changes.length === 0) return [`| ${mark} | ${description} | | | |`];
  return op.changes.map((c, i) => {
    // Cut, when long, around where they differ: the text plan's own rule.
    const [fromText, toText] = formatValuePair(c.from, c.to);
    const from = c.from === undefined ? '*unset*' : markdownCode(fromText);
    const row = `${markdownCode(c.field)} | ${from} | ${markdownCode(toText)} |`;
    return i === 0 ? `| ${mark} | ${description} | ${row}` : `| | | ${row}`;
  });
}

function failoverMarkdown(groups: readonly FailoverGroup[], list: FailoverChange['list']): string {
  return formatFailover(groups, { name: markdownText, disabled: (name) => `~~${name}~~` }, list);
}
