import { errorLine } from '../../core/http/provider-error';
import * as vscode from 'vscode';
import { documentStatuses, type DocumentStatus } from '../../core/documents/sync/document-status';
import type { SyncClients } from '../../core/documents/apply/sync-clients';
import type { SyncStateStore } from '../../core/documents/sync/sync-state';
import type { Logger } from '../../core/http/redacting-logger';
import type { ResourceChange } from '../resource-change-bus';
import type { TrunkFileCache } from './trunk-file-cache';
import type { TrunkDocument } from '../../core/documents/file/parse-trunk-file';
import { fetchReadinessRemote } from '../../core/readiness/fetch-readiness-remote';
import type { ReadinessRemote } from '../../core/readiness/readiness-facts';
import type { ReferenceListings } from '../../core/documents/references/reference-listings';
import { specNamesSid } from '../../core/documents/references/spec-references';
import type { TrunkKind } from '../../core/documents/file/trunk-kinds';

interface Entry {
  /** The document version the statuses were computed for. */
  version: number;
  statuses: DocumentStatus[];
  /** What the call-readiness rules read at the provider, by document index. */
  readiness: Map<number, ReadinessRemote>;
}

interface Running {
  run: Promise<void>;
  /** A computation queued to start when `run` ends (the remote moved after `run` read it). */
  again?: Promise<void>;
}

/**
 * The status of each document of each open trunk file, computed in the background (never
 * while the user waits on a keystroke): when a file is opened or saved, when accounts change,
 * after Trunkline changes a resource a file is about, on focus and at an interval
 * (StatusRefreshScheduler), and on Refresh. One bulk computation per file.
 */
export class DocumentStatusCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Running>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly cache: TrunkFileCache,
    private readonly clients: SyncClients,
    private readonly syncState: SyncStateStore,
    private readonly log: Logger,
    private readonly listings?: ReferenceListings,
  ) {}

  /** The last statuses of a file, and whether they are for its current text. */
  get(document: vscode.TextDocument): { statuses: DocumentStatus[]; current: boolean } | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry ? { statuses: entry.statuses, current: entry.version === document.version } : undefined;
  }

  /**
   * What the provider had for a document at the last status check, for the call-readiness
   * rules; undefined when not checked (or checked for a document with another sid).
   */
  readinessRemote(document: vscode.TextDocument, doc: TrunkDocument): ReadinessRemote | undefined {
    const remote = this.entries.get(document.uri.toString())?.readiness.get(doc.index);
    if (!remote) return undefined;
    const sid = remote.state && remote.state !== 'new' ? remote.state.sid : undefined;
    return sid !== undefined && sid.toLowerCase() === doc.sid?.toLowerCase() ? remote : undefined;
  }

  /**
   * Recomputes a file's statuses. A call while a computation runs joins it; with `restart`
   * (the remote changed after that computation may have read it) one more follows it.
   */
  refresh(document: vscode.TextDocument, options: { restart?: boolean } = {}): Promise<void> {
    const key = document.uri.toString();
    const current = this.running.get(key);
    if (current) {
      if (!options.restart) return current.again ?? current.run;
      current.again ??= current.run.then(() => this.refresh(document));
      return current.again;
    }
    const state: Running = { run: this.compute(document).finally(() => this.running.delete(key)) };
    this.running.set(key, state);
    return state.run;
  }

  /**
   * Trunkline changed a resource: every open file with a document about it shows "checking…"
   * at once (never a stale "in sync") and is re-checked. Matched by kind and sid, not account
   * name: two account names can reach one provider account, and a sid names one resource.
   */
  resourceChanged(change: ResourceChange, open: readonly vscode.TextDocument[]): Promise<void>[] {
    const sid = change.sid.toLowerCase();
    // The resource's own documents, and those that name it by sid (a BYOC trunk naming a policy whose targets changed).
    const about = (doc: { kind: TrunkKind | undefined; sid: string | undefined; spec?: unknown }) =>
      (doc.kind === change.kind && doc.sid?.toLowerCase() === sid) || (doc.kind !== undefined && specNamesSid(doc.kind, doc.spec as Record<string, unknown> | undefined, change.kind, sid));
    const affected = open.filter((d) => this.cache.get(d).documents.some(about));
    return affected.map((d) => {
      this.entries.delete(d.uri.toString());
      this.emitter.fire(d.uri);
      return this.refresh(d, { restart: true });
    });
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  /** Drops the statuses of every file but these: a hidden file's status is re-checked when it is shown again. */
  keepOnly(uris: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) if (!uris.has(key)) this.entries.delete(key);
  }

  invalidateAll(): void {
    this.entries.clear();
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  /** The readiness rules' reads for the documents the statuses fetched (a failed read leaves its rules silent). */
  private async readiness(statuses: readonly DocumentStatus[]): Promise<Map<number, ReadinessRemote>> {
    const remotes = new Map<number, ReadinessRemote>();
    for (const status of statuses) {
      if (!('plan' in status) || !status.plan.remote) continue;
      const plan = status.plan;
      remotes.set(status.index, await fetchReadinessRemote(plan, this.clients).catch(() => ({ state: plan.remote })));
    }
    return remotes;
  }

  private async compute(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    const uri = document.uri.toString();
    const file = this.cache.get(document);
    try {
      const mark = this.listings?.mark() ?? 0;
      const statuses = await documentStatuses(
        file.documents.map((d) => ({ uri, document: d })),
        this.clients,
        { syncState: this.syncState, listings: this.listings },
      );
      // The names the plans did not list (a document not created yet is not planned), for the live reference diagnostics.
      await this.listings?.listNamed(file.documents, this.clients, mark);
      this.entries.set(uri, { version, statuses, readiness: await this.readiness(statuses) });
    } catch (e) {
      this.log.warn(`Could not compute the status of ${document.uri.fsPath}: ${errorLine(e)}`);
    }
    this.emitter.fire(document.uri);
  }
}
