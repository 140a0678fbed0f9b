import * as vscode from 'vscode';
import { documentStatuses, type DocumentStatus } from '../../core/documents/document-status';
import type { SyncClients } from '../../core/documents/sync-clients';
import type { SyncStateStore } from '../../core/documents/sync-state';
import type { Logger } from '../../core/http/redacting-logger';
import type { TrunkFileCache } from './trunk-file-cache';

interface Entry {
  /** The document version the statuses were computed for. */
  version: number;
  statuses: DocumentStatus[];
}

/**
 * The status of each document of each open trunk file, computed in the background (never
 * while the user waits on a keystroke): when a file is opened or saved, when accounts change,
 * and on Refresh. One bulk computation per file.
 */
export class DocumentStatusCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly cache: TrunkFileCache,
    private readonly clients: SyncClients,
    private readonly syncState: SyncStateStore,
    private readonly log: Logger,
  ) {}

  /** The last statuses of a file, and whether they are for its current text. */
  get(document: vscode.TextDocument): { statuses: DocumentStatus[]; current: boolean } | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry ? { statuses: entry.statuses, current: entry.version === document.version } : undefined;
  }

  /** Recomputes a file's statuses (coalesced while one computation runs). */
  refresh(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const pending = this.running.get(key);
    if (pending) return pending;
    const run = this.compute(document).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  invalidateAll(): void {
    this.entries.clear();
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async compute(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    const uri = document.uri.toString();
    const file = this.cache.get(document);
    try {
      const statuses = await documentStatuses(
        file.documents.map((d) => ({ uri, document: d })),
        this.clients,
        { syncState: this.syncState },
      );
      this.entries.set(uri, { version, statuses });
    } catch (e) {
      this.log.warn(`Could not compute the status of ${document.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.emitter.fire(document.uri);
  }
}
