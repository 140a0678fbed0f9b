import type { SyncClients } from '../../src/core/documents/apply/sync-clients';
import { parseTrunkFile, withDocumentErrors, type TrunkDocument, type TrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { documentStatuses, type DocumentStatus } from '../../src/core/documents/sync/document-status';
import type { SyncStateStore } from '../../src/core/documents/sync/sync-state';
import type { TrunkDiagnostic } from '../../src/core/documents/validate/trunk-diagnostic';
import { WorkspaceIndex } from '../../src/core/documents/validate/workspace-index';
import type { TrunkFileServices } from '../../src/ui/documents/trunk-file-services';
import type { EditorDocument } from '../../src/ui/editor-documents';
import type { MemoryWorkspace } from './memory-workspace';

/**
 * The trunk-file services on a MemoryWorkspace, with the core's real parser, cross-file index
 * and statuses: every trunk file of the workspace (its open text, else its disk text) is indexed
 * before a check, as the editor indexes the workspace, so a sid claimed by two files is an error.
 */
export class MemoryTrunkFiles implements TrunkFileServices {
  private readonly index = new WorkspaceIndex();
  private readonly statuses = new Map<string, DocumentStatus[]>();
  /** The files whose statuses were recomputed, in order. */
  readonly refreshed: string[] = [];

  constructor(
    private readonly workspace: MemoryWorkspace,
    readonly clients: SyncClients,
    readonly syncState: SyncStateStore,
  ) {}

  parse(document: EditorDocument): TrunkFile {
    return parseTrunkFile(document.getText());
  }

  check(document: EditorDocument): TrunkDiagnostic[] {
    this.indexWorkspace(document);
    return [...this.parse(document).diagnostics, ...this.index.diagnosticsFor(document.uri)];
  }

  documentsToPush(document: EditorDocument): TrunkDocument[] {
    this.check(document);
    return withDocumentErrors(this.parse(document).documents, this.index.diagnosticsFor(document.uri));
  }

  claimedSids(): string[] {
    this.indexWorkspace();
    return this.index.claimedValues('sid');
  }

  async refreshStatus(document: EditorDocument): Promise<void> {
    this.refreshed.push(document.uri);
    const documents = this.parse(document).documents.map((d) => ({ uri: document.uri, document: d }));
    this.statuses.set(document.uri, await documentStatuses(documents, this.clients, { syncState: this.syncState }));
  }

  statusesOf(document: EditorDocument): DocumentStatus[] | undefined {
    return this.statuses.get(document.uri);
  }

  private indexWorkspace(also?: EditorDocument): void {
    const uris = new Set([...this.workspace.disk.keys()].filter((u) => /\.trunk\.ya?ml$/i.test(u)));
    if (also) uris.add(also.uri);
    for (const uri of uris) {
      const text = uri === also?.uri ? also.getText() : this.workspace.textOf(uri);
      if (text !== undefined) this.index.update(uri, parseTrunkFile(text).claims);
    }
  }
}
