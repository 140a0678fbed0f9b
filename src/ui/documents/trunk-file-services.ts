import type { SyncClients } from '../../core/documents/apply/sync-clients';
import type { TrunkDocument, TrunkFile } from '../../core/documents/file/parse-trunk-file';
import type { DocumentStatus } from '../../core/documents/sync/document-status';
import type { SyncStateStore } from '../../core/documents/sync/sync-state';
import type { TrunkDiagnostic } from '../../core/documents/validate/trunk-diagnostic';
import type { CommandContext } from '../commands/command';
import type { EditorDocument, EditorDocuments } from '../editor-documents';
import type { WorkspaceFiles } from '../workspace-files';

/**
 * What the trunk-file commands (Push, Diff, Pull, Export, Push All, status) know about trunk
 * files: parsed once per version, checked with the workspace's other files, and their statuses.
 * Shared with the editor features (lenses, Problems view) in the extension.
 */
export interface TrunkFileServices {
  readonly syncState: SyncStateStore;
  readonly clients: SyncClients;
  /** The file as parsed for its current version. */
  parse(document: EditorDocument): TrunkFile;
  /** Checks a file now (its problems and those it shares with other files), e.g. before a push. */
  check(document: EditorDocument): TrunkDiagnostic[];
  /** The file's documents as a push must see them: invalid too when another file claims the same sid, number or domain. */
  documentsToPush(document: EditorDocument): TrunkDocument[];
  /** Every sid a trunk file of the workspace names: resources a new document must never take over. */
  claimedSids(): string[];
  /** Recomputes the statuses of a file's documents (the lenses). */
  refreshStatus(document: EditorDocument): Promise<void>;
  /** The last statuses computed for a file, if any. */
  statusesOf(document: EditorDocument): DocumentStatus[] | undefined;
}

export interface DocumentCommandContext extends CommandContext {
  readonly files: TrunkFileServices;
  readonly documents: EditorDocuments;
  readonly workspaceFiles: WorkspaceFiles;
}
