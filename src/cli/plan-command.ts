import type { CombinedPlan } from '../core/documents/apply/push-all';
import type { CheckedFile } from './check-trunk-files';
import type { CliCommand } from './cli-command';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { COMMON_HELP } from './help-text';
import { planFiles } from './plan-files';
import { PLAN_MARKER, planMarkdown } from './plan-markdown';
import { planJson, planText } from './plan-output';
import { isReadinessDiagnostic, READINESS_OPTIONS, readinessWanted, withPlanReadiness } from './plan-readiness';

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'show what apply would change at the provider, in the order it would (read-only)',
  help: `Usage: trunkline plan [FILE|DIR|GLOB…] [--strict] [--no-readiness] [--format text|json|markdown]

Compares each document with the provider and prints the editor's plan: what would be created,
changed, attached and detached, in the order apply sends it, and the failover order of
origination URLs (a trunk) or targets (a connection policy) where a change moves it. Sends
nothing but reads.

It also prints the call-readiness warnings of each document (a trunk that cannot carry calls
as configured: see the README's "Call readiness"), checked against what the provider has where
the file is silent (a few more reads: a BYOC policy's targets, CarrierX endpoints and DIDs);
--no-readiness leaves them out (and those reads).

--format markdown writes the plan for a pull-request comment: a summary, problems and warnings
first, a table of changes per document and the failover order where it changes. Its first
line, ${PLAN_MARKER}, lets a bot find and update its own comment (see the README's CI section).

Arguments: files, directories or quoted globs; default: the current directory. Directory scans
follow symbolic links, with a warning when one leads out of the directory; loops, broken links
and second paths to a file are skipped with a note. A file is planned once, by any path.

Options:
  --account NAME         without a config file: the one account files may name
  --strict               a call-readiness warning fails the run (exit 1)
  --no-readiness         do not check call readiness (--readiness, the default, is accepted)

Exit codes (for pipelines):
  0  no changes: every document is in sync
  3  changes pending
  1  invalid documents, or documents that cannot be planned (e.g. deleted at the provider,
     a number the account does not own); with --strict also any call-readiness
     warning
  2  usage, config, credentials or network error (an account could not be read)

${COMMON_HELP}
`,
  options: { account: { type: 'string' }, ...READINESS_OPTIONS, strict: { type: 'boolean' } },
  formats: ['text', 'json', 'markdown'],
  async run(context) {
    const { io, line } = context;
    const readiness = readinessWanted(line.values, 'plan');
    const planned = await planFiles(context, 'plan');
    const files = readiness ? await withPlanReadiness(planned.files, planned.combined, planned.clients, context.signal) : planned.files;
    const { combined } = planned;
    const format = line.global.format;
    io.stdout.write(format === 'json' ? `${JSON.stringify(planJson(files, combined, { readiness }), null, 2)}\n` : format === 'markdown' ? planMarkdown(files, combined) : planText(files, combined));
    return planExitCode(files, combined, line.values.strict === true);
  },
};

/** 2 when an account could not be read, else 1 for problems (with `strict`, readiness warnings too), else 3 for changes, else 0. */
export function planExitCode(files: readonly CheckedFile[], combined: CombinedPlan, strict = false): ExitCodeValue {
  const refusals = combined.documents.flatMap((d) => (d.outcome.status === 'refused' ? [d.outcome.refusal] : []));
  if (refusals.some((r) => r.reason === 'unavailable')) return ExitCode.setup;
  if (refusals.length > 0 || files.some((f) => f.diagnostics.some((d) => d.severity === 'error'))) return ExitCode.problems;
  if (strict && files.some((f) => f.diagnostics.some(isReadinessDiagnostic))) return ExitCode.problems;
  return combined.operationCount > 0 ? ExitCode.changesPending : ExitCode.ok;
}
