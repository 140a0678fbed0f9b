import { detectDrift, type DriftReport } from '../core/documents/sync/detect-drift';
import { checkTrunkFiles, syncDocuments, type CheckedFile } from './check-trunk-files';
import { stringOption } from './cli-arguments';
import type { CliCommand } from './cli-command';
import { CliError } from './cli-error';
import { DRIFT_MARKER, driftJson, driftMarkdown, driftText } from './drift-output';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { findTrunkFiles } from './find-trunk-files';
import { COMMON_HELP } from './help-text';
import { checkAccounts } from './plan-files';
import { ProgressLine } from './progress-line';

export const driftCommand: CliCommand = {
  name: 'drift',
  summary: 'report what changed at the provider, outside the files, since the last sync (read-only)',
  help: `Usage: trunkline drift [FILE|DIR|GLOB…] [--format text|json|markdown]

For a scheduled job: reads every document's resource at the provider and reports what changed
there, outside the trunk files, since the last sync (an apply or export, which also records the
documents it finds in sync), as the editor's "remote changed" status does. Each difference is shown as the
file has it and as the provider has it now. Sends nothing but reads; writes nothing.

What counts as drift: a resource changed at the provider since the last sync, one deleted
there, and one that differs from its file with no sync record to say which side changed (the
sync state was not kept: restore it between CI runs, see the README). A document whose file
changed since the last sync is not drift: it is listed as not applied yet.

--format markdown starts with ${DRIFT_MARKER}, for a bot to update its own issue or comment.

Arguments: files, directories or quoted globs; default: the current directory.

Options:
  --account NAME         without a config file: the one account files may name

Exit codes (for pipelines):
  0  no drift
  4  drift found
  1  invalid documents, or documents that cannot be planned, so not checked
  2  usage, config, credentials or network error (an account could not be read)
  130 interrupted

${COMMON_HELP}
`,
  options: { account: { type: 'string' } },
  formats: ['text', 'json', 'markdown'],
  async run({ io, line, runtime, signal }) {
    const paths = findTrunkFiles(line.positionals, io.cwd);
    const setup = runtime.accountSetup('drift', stringOption(line.values, 'account'));
    const accounts = runtime.accounts(setup);
    const files = checkTrunkFiles(paths, accounts.knownNames());
    checkAccounts(files, accounts);
    // Read, never saved: drift reports and leaves the record of the last sync as it was.
    const syncState = runtime.syncState(setup);
    const documents = syncDocuments(files);
    const progress = new ProgressLine(io, line.global.quiet);
    progress.update(`Reading ${documents.length} document${documents.length === 1 ? '' : 's'} at the provider…`);
    let report: DriftReport;
    try {
      report = await detectDrift(documents, runtime.syncClients(accounts), { syncState, signal });
    } finally {
      progress.clear();
    }
    if (signal.aborted) throw new CliError('Interrupted: drift was not checked.', ExitCode.interrupted, 'interrupted');
    if (!syncState) runtime.note('No sync state (--no-state, or --sandbox without --sandbox-state): every difference counts as drift, since nothing tells which side changed.');
    const format = line.global.format;
    io.stdout.write(format === 'json' ? `${JSON.stringify(driftJson(files, report), null, 2)}\n` : format === 'markdown' ? driftMarkdown(files, report) : driftText(files, report));
    return driftExitCode(files, report);
  },
};

/** 2 when an account could not be read, else 1 when documents could not be checked, else 4 for drift, else 0. */
export function driftExitCode(files: readonly CheckedFile[], report: DriftReport): ExitCodeValue {
  if (report.documents.some((d) => d.state === 'unavailable')) return ExitCode.setup;
  if (report.documents.some((d) => d.state === 'invalid' || d.state === 'blocked') || files.some((f) => f.diagnostics.some((d) => d.severity === 'error'))) return ExitCode.problems;
  return report.driftCount > 0 ? ExitCode.drift : ExitCode.ok;
}
