import type { CombinedPlan } from '../core/documents/apply/push-all';
import type { CheckedFile } from './check-trunk-files';
import type { CliCommand } from './cli-command';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { COMMON_HELP } from './help-text';
import { planFiles } from './plan-files';
import { PLAN_MARKER, planMarkdown } from './plan-markdown';
import { planJson, planText } from './plan-output';

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'show what apply would change at the provider, in the order it would (read-only)',
  help: `Usage: trunkline plan [FILE|DIR|GLOB…] [--format text|json|markdown]

Compares each document with the provider and prints the editor's plan: what would be created,
changed, attached and detached, in the order apply sends it. Sends nothing but reads.

--format markdown writes the plan for a pull-request comment: a summary, problems and warnings
first, a table of changes per document and the failover order where it changes. Its first
line, ${PLAN_MARKER}, lets a bot find and update its own comment (see the README's CI section).

Arguments: files, directories or quoted globs; default: the current directory. Directory scans
follow symbolic links, with a warning when one leads out of the directory; loops, broken links
and second paths to a file are skipped with a note. A file is planned once, by any path.

Options:
  --account NAME         without a config file: the one account files may name

Exit codes (for pipelines):
  0  no changes: every document is in sync
  3  changes pending
  1  invalid documents, or documents that cannot be planned (e.g. deleted at the provider,
     a number the account does not own)
  2  usage, config, credentials or network error (an account could not be read)

${COMMON_HELP}
`,
  options: { account: { type: 'string' } },
  formats: ['text', 'json', 'markdown'],
  async run(context) {
    const { io, line } = context;
    const { files, combined } = await planFiles(context, 'plan');
    const format = line.global.format;
    io.stdout.write(format === 'json' ? `${JSON.stringify(planJson(files, combined), null, 2)}\n` : format === 'markdown' ? planMarkdown(files, combined) : planText(files, combined));
    return planExitCode(files, combined);
  },
};

/** 2 when an account could not be read, else 1 for problems, else 3 for changes, else 0. */
export function planExitCode(files: readonly CheckedFile[], combined: CombinedPlan): ExitCodeValue {
  const refusals = combined.documents.flatMap((d) => (d.outcome.status === 'refused' ? [d.outcome.refusal] : []));
  if (refusals.some((r) => r.reason === 'unavailable')) return ExitCode.setup;
  if (refusals.length > 0 || files.some((f) => f.diagnostics.some((d) => d.severity === 'error'))) return ExitCode.problems;
  return combined.operationCount > 0 ? ExitCode.changesPending : ExitCode.ok;
}
