import * as vscode from 'vscode';
import type { SyncClients } from '../../core/documents/apply/sync-clients';
import { referenceAt, referenceChoices, referenceHoverMarkdown, type ReferenceAt } from '../../core/documents/assist/reference-at';
import type { TrunkKind } from '../../core/documents/file/trunk-kinds';
import { documentKind } from '../../core/documents/kinds/document-kinds';
import { AccountReferences } from '../../core/documents/references/account-references';
import type { ReferableDocument, ReferableResource } from '../../core/documents/references/document-reference';
import { documentKeyId } from '../../core/documents/references/reference-order';
import type { ReferenceListings } from '../../core/documents/references/reference-listings';
import { referableDocument } from '../../core/documents/references/spec-references';
import type { TrunkFileCache } from './trunk-file-cache';
import { TRUNK_FILE_GLOB } from './trunk-file-selector';

const LISTING_TTL_MS = 30_000;

/**
 * Fields that name another resource (a trunk's lists): completion of the account's and the
 * workspace's names, a hover with what the name resolves to and what the resource holds, and
 * Go to Definition to the document that defines it. The account's resources of a kind are
 * listed once per half minute; the workspace's documents are read as they are now.
 */
export class TrunkReferenceProvider implements vscode.CompletionItemProvider, vscode.HoverProvider, vscode.DefinitionProvider {
  private readonly listings = new Map<string, { at: number; list: Promise<ReferableResource[]> }>();

  constructor(
    private readonly cache: TrunkFileCache,
    private readonly clients: SyncClients,
    private readonly lastListings?: ReferenceListings,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const at = referenceAt(document.getText(), document.offsetAt(position));
    if (!at?.account) return [];
    const { references } = await this.resolver(at, at.account);
    const taken = this.listValues(document, at);
    return referenceChoices(references.candidates(at.kind), taken).map((choice) => {
      const item = new vscode.CompletionItem(choice.value, vscode.CompletionItemKind.Reference);
      item.detail = choice.detail;
      item.range = new vscode.Range(document.positionAt(at.range.start), document.positionAt(at.range.end));
      item.insertText = /^[\w.-]+$/.test(choice.value) ? choice.value : JSON.stringify(choice.value);
      return item;
    });
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const at = referenceAt(document.getText(), document.offsetAt(position));
    if (!at?.account) return undefined;
    const { references, documents } = await this.resolver(at, at.account);
    const resolution = references.resolve(at.kind, at.value);
    let summary: string[] | undefined;
    const referable = documentKind(at.kind).referable;
    if (resolution.status === 'resolved' && referable) {
      const defining = resolution.reference.document ? documents.get(documentKeyId(resolution.reference.document)) : undefined;
      if (defining?.spec) summary = referable.summary(defining.spec);
      else if (resolution.reference.sid) summary = await this.remoteSummary(at.kind, at.account, resolution.reference.sid);
    }
    const range = new vscode.Range(document.positionAt(at.range.start), document.positionAt(at.range.end));
    return new vscode.Hover(new vscode.MarkdownString(referenceHoverMarkdown(at, resolution, at.account, summary)), range);
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const at = referenceAt(document.getText(), document.offsetAt(position));
    if (!at?.account) return undefined;
    const { references, documents } = await this.resolver(at, at.account);
    const resolution = references.resolve(at.kind, at.value);
    if (resolution.status !== 'resolved' || !resolution.reference.document) return undefined;
    const target = documents.get(documentKeyId(resolution.reference.document));
    return target ? new vscode.Location(vscode.Uri.parse(target.uri), new vscode.Position(target.line, 0)) : undefined;
  }

  /** The account's and the workspace's resources of the kind the reference names. */
  private async resolver(at: ReferenceAt, account: string): Promise<{ references: AccountReferences; documents: Map<string, ReferableDocument & { line: number }> }> {
    const documents = new Map<string, ReferableDocument & { line: number }>();
    for (const uri of await vscode.workspace.findFiles(TRUNK_FILE_GLOB, '**/node_modules/**')) {
      const text = await vscode.workspace.openTextDocument(uri);
      for (const d of this.cache.get(text).documents) {
        const spec = (d.spec ?? undefined) as Readonly<Record<string, unknown>> | undefined;
        const referable = referableDocument({ uri: uri.toString(), index: d.index }, d.kind, d.account, d.sid, spec);
        if (referable) documents.set(documentKeyId(referable), { ...referable, line: d.range.start.line });
      }
    }
    const remote = await this.listing(account, at.kind);
    return { references: new AccountReferences(account, new Map([[at.kind, remote]]), [...documents.values()]), documents };
  }

  private listing(account: string, kind: TrunkKind): Promise<ReferableResource[]> {
    const key = `${account}\u0000${kind}`;
    const cached = this.listings.get(key);
    if (cached && Date.now() - cached.at < LISTING_TTL_MS) return cached.list;
    // An account that cannot be read offers the workspace's names alone (no error in a completion).
    const list =
      documentKind(kind)
        .referable?.list(account, this.clients, undefined)
        .then((resources) => {
          // The live diagnostics resolve against it too.
          this.lastListings?.set(account, kind, resources);
          return resources;
        })
        .catch(() => []) ?? Promise.resolve([]);
    this.listings.set(key, { at: Date.now(), list });
    return list;
  }

  private async remoteSummary(kind: TrunkKind, account: string, sid: string): Promise<string[] | undefined> {
    try {
      const state = await documentKind(kind).fetch.bySid(account, sid, this.clients, {});
      return documentKind(kind).referable?.summary(documentKind(kind).render.source(state.remote as never) as Record<string, unknown>);
    } catch {
      return undefined;
    }
  }

  private listValues(document: vscode.TextDocument, at: ReferenceAt): unknown[] {
    const trunkDocument = this.cache.get(document).documents.find((d) => d.range.start.offset <= at.range.start && at.range.end <= d.range.end.offset);
    const reference = trunkDocument?.kind ? (documentKind(trunkDocument.kind).references ?? []).find((r) => r.kind === at.kind) : undefined;
    const spec = trunkDocument?.yaml.toJS()?.spec as Record<string, unknown> | undefined;
    // Only a list's other entries are taken; a single value (a policy, an endpoint) is replaced.
    const values = reference?.list && reference.within === undefined && spec ? spec[reference.field] : undefined;
    return Array.isArray(values) ? values.filter((v) => v !== at.value) : [];
  }
}
