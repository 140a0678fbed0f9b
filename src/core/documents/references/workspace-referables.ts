import type { TrunkFile } from '../file/parse-trunk-file';
import type { ReferableDocument } from './document-reference';
import { writtenSpec } from './reference-diagnostics';
import { referableDocument } from './spec-references';

/**
 * The documents of every trunk file of the workspace that others may name (lists, policies,
 * endpoints), kept beside the WorkspaceIndex so that the live reference diagnostics resolve
 * names against files that are not open.
 */
export class WorkspaceReferables {
  private readonly files = new Map<string, { documents: ReferableDocument[]; signature: string }>();

  /** Records (or replaces) a file's documents. Returns whether what others may name changed (a name, a sid, a new document). */
  update(uri: string, file: Pick<TrunkFile, 'documents'>): boolean {
    const documents = file.documents.flatMap((d) => referableDocument({ uri, index: d.index }, d.kind, d.account, d.sid, writtenSpec(d)) ?? []);
    const signature = documents.map((d) => [d.index, d.kind, d.account, d.sid ?? '', d.name ?? ''].join('\u0000')).join('\n');
    const old = this.files.get(uri);
    this.files.set(uri, { documents, signature });
    return (old?.signature ?? '') !== signature;
  }

  /** Forgets a file. Returns whether it had documents others may name. */
  remove(uri: string): boolean {
    const old = this.files.get(uri);
    this.files.delete(uri);
    return (old?.documents.length ?? 0) > 0;
  }

  all(): ReferableDocument[] {
    return [...this.files.values()].flatMap((f) => f.documents);
  }
}
