import * as fs from 'node:fs';
import { parseTrunkFile, withDocumentErrors, type TrunkDocument, type TrunkFile } from '../core/documents/file/parse-trunk-file';
import type { SyncDocument } from '../core/documents/plan/plan-documents';
import type { TrunkDiagnostic } from '../core/documents/validate/trunk-diagnostic';
import { WorkspaceIndex } from '../core/documents/validate/workspace-index';
import type { ProviderKind } from './cli-accounts';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import type { TrunkFilePath } from './find-trunk-files';

/** A trunk file as read and checked: the editor's diagnostics, cross-file ones included. */
export interface CheckedFile {
  path: TrunkFilePath;
  text: string;
  parsed: TrunkFile;
  /** The file's own diagnostics and those of claims other given files also make, by position. */
  diagnostics: TrunkDiagnostic[];
}

/**
 * Reads and checks the files as the editor does: each file on its own (`knownAccounts` for
 * the unknown-account rule), then a WorkspaceIndex over all of them for sids, numbers and
 * domains claimed by two files (which makes both documents invalid).
 */
export function checkTrunkFiles(files: readonly TrunkFilePath[], knownAccounts: readonly string[] | undefined, accountProviders?: ReadonlyMap<string, ProviderKind>): CheckedFile[] {
  const index = new WorkspaceIndex();
  const checked = files.map((path) => {
    const text = readText(path);
    const parsed = parseTrunkFile(text, { ...(knownAccounts ? { knownAccounts } : {}), ...(accountProviders ? { accountProviders } : {}) });
    index.update(path.display, parsed.claims);
    return { path, text, parsed, diagnostics: parsed.diagnostics };
  });
  for (const file of checked) {
    const crossFile = index.diagnosticsFor(file.path.display);
    if (crossFile.length === 0) continue;
    file.diagnostics = [...file.diagnostics, ...crossFile].sort((a, b) => a.range.start.offset - b.range.start.offset);
    // A sid, number or domain another file claims too: neither document is planned.
    file.parsed = { ...file.parsed, documents: withDocumentErrors(file.parsed.documents, crossFile) };
  }
  return checked;
}

/** Every document of the files, for planning; uris are the display paths. */
export function syncDocuments(files: readonly CheckedFile[]): SyncDocument[] {
  return files.flatMap((f) => f.parsed.documents.map((document: TrunkDocument) => ({ uri: f.path.display, document })));
}

export function readText(path: TrunkFilePath): string {
  try {
    return fs.readFileSync(path.absolute, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${path.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.setup, 'io');
  }
}
