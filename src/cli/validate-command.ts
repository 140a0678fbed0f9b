import { plural } from '../core/documents/plan/message-text';
import { checkTrunkFiles } from './check-trunk-files';
import { stringOption } from './cli-arguments';
import type { CliCommand } from './cli-command';
import { countDiagnostics, diagnosticJson, diagnosticLine } from './diagnostic-output';
import { ExitCode } from './exit-codes';
import { findTrunkFiles } from './find-trunk-files';
import { COMMON_HELP } from './help-text';
import { READINESS_OPTIONS, readinessWanted, withFileReadiness } from './plan-readiness';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check trunk files as the editor does (schema, rules, duplicates across files)',
  help: `Usage: trunkline validate [FILE|DIR|GLOB…] [--strict] [--no-readiness] [--format text|json]

Checks trunk files with the editor's diagnostics: YAML syntax, the schema of each kind, the
document rules, numbers and domains claimed twice (within a file and across the given files),
and, when accounts are configured, account names. No network.

It also reports the call-readiness warnings (codes readiness-…, see the README's "Call
readiness") as far as the file alone tells: a trunk the file says cannot carry calls;
\`plan\` checks them against the provider too. --no-readiness leaves them out.

Arguments: files, directories (every *.trunk.yaml / *.trunk.yml below them) or quoted globs
('trunks/**/*.trunk.yaml'); default: the current directory. Directory scans follow symbolic
links, with a warning when one leads out of the directory; a link that loops, a broken link and
a second path to a file already found are skipped with a note.

Options:
  --strict               warnings fail too, call-readiness warnings included
  --no-readiness         do not check call readiness (--readiness, the default, is accepted)
  --account NAME         without a config file: the one account files may name

Output: one line per problem on stdout, "file:line:col severity message [code]" (1-based).

Exit codes: 0 no errors (warnings allowed without --strict), 1 problems (with --strict, any
warning), 2 usage or I/O error.

${COMMON_HELP}
`,
  options: { strict: { type: 'boolean' }, ...READINESS_OPTIONS, account: { type: 'string' } },
  async run({ io, line, runtime }) {
    const readiness = readinessWanted(line.values, 'validate');
    const files = findTrunkFiles(line.positionals, io.cwd, runtime);
    const setup = runtime.accountSetup('validate', stringOption(line.values, 'account'));
    const accounts = runtime.accounts(setup);
    const checkedFiles = checkTrunkFiles(files, accounts.knownNames(), accounts.providerMap());
    const checked = readiness ? withFileReadiness(checkedFiles) : checkedFiles;
    const counts = countDiagnostics(checked);
    const strict = line.values.strict === true;
    const documents = checked.reduce((n, f) => n + f.parsed.documents.length, 0);

    if (line.global.format === 'json') {
      const json = {
        version: 1,
        files: checked.map((f) => ({ file: f.path.display, documents: f.parsed.documents.length })),
        diagnostics: checked.flatMap((f) => f.diagnostics.map((d) => diagnosticJson(f.path.display, d))),
        summary: { files: checked.length, documents, errors: counts.errors, warnings: counts.warnings },
      };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const f of checked) for (const d of f.diagnostics) io.stdout.write(`${diagnosticLine(f.path.display, d)}\n`);
      const problems = [counts.errors > 0 && plural(counts.errors, 'error'), counts.warnings > 0 && plural(counts.warnings, 'warning')].filter(Boolean);
      runtime.note(`${plural(checked.length, 'file')}, ${plural(documents, 'document')} checked: ${problems.length > 0 ? problems.join(', ') : 'no problems'}.`);
    }
    return counts.errors > 0 || (strict && counts.warnings > 0) ? ExitCode.problems : ExitCode.ok;
  },
};
