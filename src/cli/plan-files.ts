import * as fs from 'node:fs';
import * as path from 'node:path';
import { planAll, type CombinedPlan } from '../core/documents/apply/push-all';
import type { SyncClients } from '../core/documents/apply/sync-clients';
import { checkTrunkFiles, syncDocuments, type CheckedFile } from './check-trunk-files';
import type { CliAccounts } from './cli-accounts';
import { stringOption } from './cli-arguments';
import type { CommandContext } from './cli-command';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import type { FileSyncStateStore } from './file-sync-state';
import { findTrunkFiles } from './find-trunk-files';
import { ProgressLine } from './progress-line';
import { providerOfKind } from './provider-of-kind';

/** Everything `plan` and `apply` share: the checked files, their combined plan, and how to reach the accounts. */
export interface PlannedFiles {
  files: CheckedFile[];
  combined: CombinedPlan;
  clients: SyncClients;
  accounts: CliAccounts;
  syncState: FileSyncStateStore | undefined;
}

/**
 * Finds and checks the files, makes sure every account they name can be reached (before any
 * request: all such problems at once, exit 2), then plans every document in one combined plan.
 */
export async function planFiles({ io, line, runtime, signal }: CommandContext, command: string): Promise<PlannedFiles> {
  const paths = findTrunkFiles(line.positionals, io.cwd, runtime);
  const setup = runtime.accountSetup(command, stringOption(line.values, 'account'));
  const accounts = runtime.accounts(setup);
  const files = checkTrunkFiles(paths, accounts.knownNames(), accounts.providerMap());
  checkAccounts(files, accounts);
  const syncState = runtime.syncState(setup);
  const clients = runtime.syncClients(accounts);
  const documents = syncDocuments(files);
  const progress = new ProgressLine(io, line.global.quiet);
  progress.update(`Planning ${documents.length} document${documents.length === 1 ? '' : 's'}…`);
  try {
    const combined = await planAll(documents, clients, { syncState, signal, fileExists: fileExistsIn(io.cwd) });
    if (signal.aborted) throw new CliError('Interrupted: nothing was applied.', ExitCode.interrupted, 'interrupted');
    return { files, combined, clients, accounts, syncState };
  } finally {
    progress.clear();
  }
}

/**
 * Whether a file named as this run names it (relative to `cwd`) exists: a create an interrupted
 * run journaled for a file not given this time goes to a same-named document only when that
 * file is gone (plan-documents.ts).
 */
export function fileExistsIn(cwd: string): (uri: string) => boolean {
  return (uri) => fs.existsSync(path.resolve(cwd, uri));
}

/** Unknown accounts and missing credentials of the documents that would be planned, each once, with where. */
export function checkAccounts(files: readonly CheckedFile[], accounts: CliAccounts): void {
  const problems = new Map<string, string>();
  for (const file of files) {
    for (const doc of file.parsed.documents) {
      if (!doc.valid || !doc.kind || !doc.account) continue;
      try {
        accounts.resolve(doc.account, providerOfKind(doc.kind));
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        if (!problems.has(error.message)) problems.set(error.message, `${file.path.display}:${doc.range.start.line + 1}`);
      }
    }
  }
  if (problems.size === 0) return;
  const lines = [...problems].map(([message, where]) => (problems.size === 1 ? message : `${where}: ${message}`));
  throw new CliError(lines.join('\n'), ExitCode.setup, 'account');
}
