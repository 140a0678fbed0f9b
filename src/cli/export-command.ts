import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentTitle } from '../core/documents/plan/compute-plan';
import { plural } from '../core/documents/plan/message-text';
import { remoteFingerprint } from '../core/documents/sync/remote-fingerprint';
import { renderSpec } from '../core/documents/render/render-document';
import { TRUNK_KINDS, type TrunkKind } from '../core/documents/file/trunk-kinds';
import { holdApplyLock } from './apply-lock';
import { listOption, stringOption } from './cli-arguments';
import type { CliCommand } from './cli-command';
import { CliError, UsageError } from './cli-error';
import { ExitCode } from './exit-codes';
import type { ExportOmission } from '../core/documents/kinds/document-kind-descriptor';
import { exportBaseName, exportedFileText, exportOmissions, exportStates, exportTargets, uniqueExportFileName } from '../core/documents/render/export-resources';
import { displayPath } from './find-trunk-files';
import { COMMON_HELP } from './help-text';
import { ProgressLine } from './progress-line';
import { providerOfKind } from './provider-of-kind';
import { writeFileAtomic } from './write-file-atomic';

type ExportStatus = 'written' | 'overwritten' | 'skipped';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: "write trunk files for an account's existing trunks, BYOC trunks and trunk groups",
  help: `Usage: trunkline export --account NAME [--out DIR] [--kind KIND…] [--force]

Writes one trunk file per existing resource of the account, with its sid, named after its
domain or name (acme-main.trunk.yaml, byoc-carrier-a.trunk.yaml, group-east.trunk.yaml), so
that existing trunks can be managed as code. The files validate, and plan as in sync. What a
file cannot represent (e.g. an origination URL the provider holds twice) is left out of it, so
the file does not manage it, and reported under the file.

Options:
  --account NAME         the account (a name from the config file; without one, the account
                         the TWILIO_* / CARRIERX_TOKEN variables open); with --sandbox: sandbox
  --out DIR              where to write (created if missing; default: the current directory)
  --kind KIND            only ${TRUNK_KINDS.slice(0, -1).join(', ')} or ${TRUNK_KINDS[TRUNK_KINDS.length - 1]}; repeatable
                         or comma-separated
  --force                overwrite existing files (otherwise they are left alone and reported)
  --lock-timeout SECONDS how long to wait while an apply holds the sync state's lock (default 60)

Exit codes: 0 every file written, 1 some files existed and were skipped (no --force),
2 usage, config, credentials, network or file-system error.

${COMMON_HELP}
`,
  options: { account: { type: 'string' }, out: { type: 'string' }, kind: { type: 'string', multiple: true }, force: { type: 'boolean' }, 'lock-timeout': { type: 'string' } },
  async run(context) {
    const { io, line, runtime, signal } = context;
    const accountName = stringOption(line.values, 'account') ?? (line.global.sandbox ? 'sandbox' : undefined);
    if (accountName === undefined) throw new UsageError('Name the account to export: --account NAME.', 'export');
    if (line.positionals.length > 0) throw new UsageError(`export takes no file arguments (got ${line.positionals[0]}); use --out DIR.`, 'export');
    const setup = runtime.accountSetup('export', accountName, { accountChoosesFromConfig: true });
    const accounts = runtime.accounts(setup);
    const kinds = selectedKinds(listOption(line.values, 'kind'), accounts.providersOf(accountName));
    for (const provider of new Set([...kinds].map(providerOfKind))) accounts.resolve(accountName, provider);

    const clients = runtime.syncClients(accounts);
    const progress = new ProgressLine(io, line.global.quiet);
    progress.update(`Reading ${accountName}…`);
    const states = await (async () => {
      try {
        const targets = await exportTargets(accountName, kinds, clients, signal);
        progress.update(`Reading ${plural(targets.length, 'resource')} of ${accountName}…`);
        return await exportStates(accountName, targets, clients, signal);
      } finally {
        progress.clear();
      }
    })();

    const outDir = path.resolve(io.cwd, stringOption(line.values, 'out') ?? '.');
    try {
      fs.mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throw new CliError(`Cannot create the folder ${outDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
    }
    await holdApplyLock(context, 'export', setup);
    const syncState = runtime.syncState(setup);
    const force = line.values.force === true;
    const taken = new Set<string>();
    /** `omitted` only when the file leaves something out (what it cannot represent). */
    const files: { file: string; kind: TrunkKind; sid: string; title: string; status: ExportStatus; omitted?: ExportOmission[] }[] = [];
    for (const state of states) {
      const name = uniqueExportFileName(exportBaseName(state), taken);
      const absolute = path.join(outDir, name);
      const file = displayPath(absolute, io.cwd);
      const title = documentTitle(state.kind, renderSpec(state.kind, state.remote as never), state.sid);
      const exists = fs.existsSync(absolute);
      if (exists && !force) {
        files.push({ file, kind: state.kind, sid: state.sid, title, status: 'skipped' });
        continue;
      }
      const text = exportedFileText(accountName, state);
      try {
        writeFileAtomic(absolute, text);
      } catch (error) {
        throw new CliError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
      }
      // Exported = in sync: a later change at the provider shows as "remote changed".
      syncState?.set({ account: accountName, kind: state.kind, sid: state.sid }, remoteFingerprint(state));
      const omitted = exportOmissions(state);
      files.push({ file, kind: state.kind, sid: state.sid, title, status: exists ? 'overwritten' : 'written', ...(omitted.length > 0 ? { omitted } : {}) });
    }
    syncState?.save();

    const counts = { written: 0, overwritten: 0, skipped: 0 };
    for (const f of files) counts[f.status]++;
    if (line.global.format === 'json') {
      io.stdout.write(`${JSON.stringify({ version: 1, account: accountName, directory: displayPath(outDir, io.cwd), files, counts }, null, 2)}\n`);
    } else {
      for (const f of files) {
        io.stdout.write(`${f.status.padEnd(11)} ${f.file}  ${f.title}${f.title.includes(f.sid) ? '' : ` (${f.sid})`}${f.status === 'skipped' ? ': the file exists; --force overwrites it' : ''}\n`);
        for (const o of f.omitted ?? []) io.stdout.write(`${' '.repeat(12)}! ${o.reason}\n`);
      }
      runtime.note(
        files.length === 0
          ? `Account "${accountName}" has nothing to export.`
          : `Exported ${plural(counts.written + counts.overwritten, 'file')} from "${accountName}"${counts.skipped > 0 ? `; ${counts.skipped} skipped because the file exists (--force overwrites)` : ''}.`,
      );
    }
    return counts.skipped > 0 ? ExitCode.problems : ExitCode.ok;
  },
};

/** The kinds --kind names (case-insensitive), or every kind of the account's providers. */
function selectedKinds(names: readonly string[], providers: readonly string[]): Set<TrunkKind> {
  if (names.length === 0) return new Set(TRUNK_KINDS.filter((k) => providers.includes(providerOfKind(k))));
  const kinds = new Set<TrunkKind>();
  for (const name of names) {
    const kind = TRUNK_KINDS.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!kind) throw new UsageError(`Unknown --kind ${name}: use ${TRUNK_KINDS.join(', ')}.`, 'export');
    kinds.add(kind);
  }
  return kinds;
}
