import type { DocumentPlan, PlanOutcome, PlanRefusal } from './document-plan';
import { plural } from './message-text';
import { formatChange, operationMark } from './plan-operations';

// Plain-text previews, the same in the editor's plan view, the CLI and logs:
//
//   Twilio trunk "Acme main" (acme-prod, TK…): 3 changes
//     ! The remote changed since the last push or pull (phone_numbers); applying overwrites it.
//     ~ Update trunk fields: secure
//         secure: false → true
//     - Detach +14155550100 from trunk TK… "Edge" (moving it to this trunk)
//     + Attach +14155550100 (moved from trunk TK… "Edge")

const INDENT = '  ';

/** Lines of one document's plan; the first line is its header. */
export function formatPlanLines(plan: DocumentPlan): string[] {
  const count = plan.operations.length;
  const where = [plan.account, plan.sid].filter(Boolean).join(', ');
  const lines = [`${plan.title} (${where}): ${count === 0 ? 'in sync' : plural(count, 'change')}`];
  if (plan.remoteChanged) {
    const fields = plan.remoteChanged.fields.length > 0 ? ` (${plan.remoteChanged.fields.join(', ')})` : '';
    lines.push(`${INDENT}! The remote changed since the last push or pull${fields}; applying overwrites it.`);
  }
  for (const warning of plan.warnings) lines.push(`${INDENT}! ${warning}`);
  for (const op of plan.operations) {
    lines.push(`${INDENT}${operationMark(op)} ${op.description}`);
    for (const change of op.changes) lines.push(`${INDENT}${INDENT}${INDENT}${formatChange(change)}`);
  }
  return lines;
}

/** Lines of a document that was not planned. */
export function formatRefusalLines(refusal: PlanRefusal): string[] {
  const lines = [`${refusal.title}${refusal.account ? ` (${refusal.account})` : ''}: not planned. ${refusal.message}`];
  if (refusal.errors.length > 1) for (const error of refusal.errors) lines.push(`${INDENT}× ${error.message}`);
  return lines;
}

/** A preview of many documents, blank lines between them. */
export function formatPlanPreview(outcomes: readonly PlanOutcome[]): string {
  return outcomes
    .map((o) => (o.status === 'planned' ? formatPlanLines(o.plan) : formatRefusalLines(o.refusal)).join('\n'))
    .join('\n\n');
}
