import { errorLine } from '../../core/http/provider-error';
import * as vscode from 'vscode';
import { parseTrunkFile, withDocumentErrors, type TrunkDocument } from '../../core/documents/file/parse-trunk-file';
import type { QuickFix, TrunkDiagnostic } from '../../core/documents/validate/trunk-diagnostic';
import { WorkspaceIndex } from '../../core/documents/validate/workspace-index';
import type { AccountRegistry } from '../../core/accounts/account-registry';
import type { Logger } from '../../core/http/redacting-logger';
import type { TrunkFileCache } from './trunk-file-cache';
import type { TrunkFile } from '../../core/documents/file/parse-trunk-file';
import type { ReadinessRemote } from '../../core/readiness/readiness-facts';
import { fileOnlyRemote, readinessDiagnostics } from '../../core/readiness/readiness-diagnostics';
import { referenceDiagnostics } from '../../core/documents/references/reference-diagnostics';
import type { ReferenceListings } from '../../core/documents/references/reference-listings';
import { WorkspaceReferables } from '../../core/documents/references/workspace-referables';

/** Where the call-readiness rules find what the provider has (the background status). */
export interface ReadinessRemotes {
  readinessRemote(document: vscode.TextDocument, doc: TrunkDocument): ReadinessRemote | undefined;
  readonly onDidChange: vscode.Event<vscode.Uri | undefined>;
}
import { isTrunkFile, TRUNK_FILE_GLOB } from './trunk-file-selector';
import { toVsCodeDiagnostic } from './to-vscode-diagnostic';

const DEBOUNCE_MS = 150;

/**
 * Keeps the Problems view right for trunk files: each open file is re-checked shortly after
 * every change; files not open are indexed from disk once, so a number or domain claimed by
 * two files is reported in both, open or not.
 */
export class TrunkFileDiagnostics implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  /** What the workspace's files define that references may name (lists, policies, endpoints). */
  private readonly referables = new WorkspaceReferables();
  /** Every trunk file was read once: before that a name may be defined in a file not read yet. */
  private indexed = false;
  private readonly collection = vscode.languages.createDiagnosticCollection('trunkline');
  private readonly fixes = new WeakMap<vscode.Diagnostic, { version: number | undefined; fixes: QuickFix[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a file's diagnostics were published (tests and lenses listen). */
  readonly onDidUpdate = this.emitter.event;

  constructor(
    private readonly cache: TrunkFileCache,
    accounts: AccountRegistry,
    private readonly log: Logger,
    private readonly remotes?: ReadinessRemotes,
    private readonly listings?: ReferenceListings,
  ) {
    if (listings) {
      // A listing arrived (a status check, a completion) or was dropped: names are resolved again.
      this.disposables.push(listings.onDidChange(() => this.recheckOpen()));
    }
    if (remotes) {
      // A status check read the provider: the warnings that needed it are re-evaluated.
      this.disposables.push(remotes.onDidChange((uri) => (uri ? this.scheduleUri(uri) : this.recheckOpen())));
    }
    this.disposables.push(
      this.collection,
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      // a closed file keeps its problems, read from disk (the editor may have held unsaved text)
      vscode.workspace.onDidCloseTextDocument((d) => isTrunkFile(d) && d.uri.scheme === 'file' && void this.reindexFromDisk(d.uri)),
      accounts.onDidChange(() => this.recheckOpen()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(TRUNK_FILE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.reindexFromDisk(uri)),
      watcher.onDidChange((uri) => void this.reindexFromDisk(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
    void this.indexWorkspace();
  }

  /** Quick fixes for a diagnostic this class published, while the text is still the one they were made for. */
  fixesFor(diagnostic: vscode.Diagnostic, document: vscode.TextDocument): QuickFix[] {
    const entry = this.fixes.get(diagnostic);
    return entry && entry.version === document.version ? entry.fixes : [];
  }

  /** Checks a document now (commands call it before pushing); returns its problems but the reference errors (see below). */
  check(document: vscode.TextDocument): TrunkDiagnostic[] {
    const file = this.cache.get(document);
    const uri = document.uri.toString();
    const affected = this.index.update(uri, file.claims);
    if (this.referables.update(uri, file)) this.recheckOpen(document);
    const all = [...file.diagnostics, ...this.readiness(document, file), ...this.index.diagnosticsFor(uri)];
    this.publish(document.uri, [...all, ...this.references(file)], document.version);
    for (const other of affected) this.refreshOther(other);
    // Not the reference errors: they rest on the account's last listing, which may be stale (a
    // list made in the Console a minute ago); a push lists afresh and refuses a name precisely.
    return all;
  }

  /**
   * The file's documents as a push must see them: checked now, and invalid when another file
   * claims the same sid, number or domain (not only when this file's own rules fail).
   */
  documentsToPush(document: vscode.TextDocument): TrunkDocument[] {
    this.check(document);
    return withDocumentErrors(this.cache.get(document).documents, this.index.diagnosticsFor(document.uri.toString()));
  }

  /** Every sid a trunk file of the workspace names: resources a new document must never take over. */
  claimedSids(): string[] {
    return this.index.claimedValues('sid');
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }

  /** The call-readiness warnings of an open file as they are now (hover and lenses read them). */
  readinessOf(document: vscode.TextDocument): TrunkDiagnostic[] {
    return this.readiness(document, this.cache.get(document));
  }

  /** What an open file's text says beyond its own rules: call readiness, and references that name no resource or several. */
  private own(document: vscode.TextDocument, file: TrunkFile): TrunkDiagnostic[] {
    return [...this.readiness(document, file), ...this.references(file)];
  }

  /**
   * Reference entries that name no resource or several: against the workspace's documents and
   * the account's resources as last listed (never a request: this runs while typing).
   */
  private references(file: TrunkFile): TrunkDiagnostic[] {
    const listings = this.listings;
    if (!listings || !this.indexed) return [];
    const workspace = this.referables.all();
    return file.documents.flatMap((doc) => referenceDiagnostics(doc, file.lines, workspace, (account, kind) => listings.get(account, kind)));
  }

  /**
   * Call-readiness warnings: what the file says, and where it is silent what the last status
   * check read at the provider (never a request from here: this runs while typing).
   */
  private readiness(document: vscode.TextDocument, file: TrunkFile): TrunkDiagnostic[] {
    return file.documents.flatMap((doc) => readinessDiagnostics(doc, file.lines, this.remotes?.readinessRemote(document, doc) ?? fileOnlyRemote(doc)));
  }

  private scheduleUri(uri: vscode.Uri): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open) this.schedule(open, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isTrunkFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.check(document);
      }, delay),
    );
  }

  private publish(uri: vscode.Uri, diagnostics: TrunkDiagnostic[], version?: number): void {
    const converted = diagnostics.map((d) => {
      const v = toVsCodeDiagnostic(d, uri);
      if (d.fixes) this.fixes.set(v, { version, fixes: d.fixes });
      return v;
    });
    this.collection.set(uri, converted);
    this.emitter.fire(uri);
  }

  private refreshOther(uri: string): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (open) {
      const file = this.cache.get(open);
      this.publish(open.uri, [...file.diagnostics, ...this.own(open, file), ...this.index.diagnosticsFor(uri)], open.version);
    } else {
      // A closed file shows only its cross-file problems: its own were published when it was read.
      const parsed = vscode.Uri.parse(uri);
      void this.reindexFromDisk(parsed, false);
    }
  }

  private recheckOpen(except?: vscode.TextDocument): void {
    for (const document of vscode.workspace.textDocuments) if (document !== except) this.schedule(document, 0);
  }

  private async indexWorkspace(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(TRUNK_FILE_GLOB, '**/node_modules/**', 5000);
      for (const uri of uris) await this.reindexFromDisk(uri);
    } catch (e) {
      this.log.warn(`Could not index trunk files: ${errorLine(e)}`);
    }
    this.indexed = true;
    this.recheckOpen();
  }

  private async reindexFromDisk(uri: vscode.Uri, propagate = true): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open) {
      if (propagate) this.check(open);
      return;
    }
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const file = parseTrunkFile(text);
      const affected = propagate ? this.index.update(uri.toString(), file.claims) : [];
      if (propagate && this.referables.update(uri.toString(), file)) this.recheckOpen();
      this.publish(uri, [...file.diagnostics, ...this.index.diagnosticsFor(uri.toString())]);
      for (const other of affected) this.refreshOther(other);
    } catch {
      this.forget(uri);
    }
  }

  private forget(uri: vscode.Uri): void {
    this.cache.forget(uri);
    const affected = this.index.remove(uri.toString());
    if (this.referables.remove(uri.toString())) this.recheckOpen();
    this.collection.delete(uri);
    for (const other of affected) this.refreshOther(other);
  }
}
