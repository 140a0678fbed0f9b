import type { SyncClients } from '../apply/sync-clients';
import type { TrunkDocument } from '../file/parse-trunk-file';
import type { TrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';
import type { ReferableResource } from './document-reference';
import { writtenSpec } from './reference-diagnostics';
import { specReferences } from './spec-references';

/**
 * The account's resources of each referable kind as last listed by something that was going to
 * the provider anyway (the background status's plans, a completion): what the live reference
 * diagnostics resolve names against, since nothing may call the network while the user types.
 * A pair never listed is `undefined`: the diagnostics then say nothing that depends on it.
 */
export class ReferenceListings {
  private readonly entries = new Map<string, { generation: number; resources: readonly ReferableResource[] }>();
  private readonly listeners = new Set<(account: string, kind: TrunkKind) => void>();
  private generation = 0;

  /** The last listing of the kind in the account, or undefined when there is none yet. */
  get(account: string, kind: TrunkKind): readonly ReferableResource[] | undefined {
    return this.entries.get(keyOf(account, kind))?.resources;
  }

  /** Records a listing; listeners hear of it only when it differs from the last one. */
  set(account: string, kind: TrunkKind, resources: readonly ReferableResource[]): void {
    const key = keyOf(account, kind);
    const old = this.entries.get(key);
    this.entries.set(key, { generation: ++this.generation, resources: [...resources] });
    if (old && sameResources(old.resources, resources)) return;
    for (const listener of [...this.listeners]) listener(account, kind);
  }

  /** Drops a listing that is known to be stale (Trunkline itself changed a resource of the kind). */
  forget(account: string, kind: TrunkKind): void {
    if (this.entries.delete(keyOf(account, kind))) for (const listener of [...this.listeners]) listener(account, kind);
  }

  /** A mark to compare with `listedSince`: what was listed after it. */
  mark(): number {
    return this.generation;
  }

  /** Whether the pair was listed after `mark` was taken. */
  listedSince(account: string, kind: TrunkKind, mark: number): boolean {
    return (this.entries.get(keyOf(account, kind))?.generation ?? 0) > mark;
  }

  /**
   * Lists, in the background, each account's kinds that `documents` name by name and that were
   * not listed since `mark` (a status check lists those its plans need; a document not created
   * yet is not planned). One request per pair; a pair that cannot be listed stays as it was.
   */
  async listNamed(documents: readonly Pick<TrunkDocument, 'kind' | 'account' | 'spec' | 'yaml'>[], clients: SyncClients, mark: number, signal?: AbortSignal): Promise<void> {
    const pairs = new Map<string, { account: string; kind: TrunkKind }>();
    for (const d of documents) {
      if (!d.kind || !d.account) continue;
      for (const entry of specReferences(d.kind, writtenSpec(d))) {
        const kind = entry.reference.kind;
        if (documentKind(kind).identity.sidPattern.test(entry.value) || this.listedSince(d.account, kind, mark)) continue;
        pairs.set(keyOf(d.account, kind), { account: d.account, kind });
      }
    }
    await Promise.all(
      [...pairs.values()].map(async ({ account, kind }) => {
        try {
          const resources = await documentKind(kind).referable?.list(account, clients, signal);
          if (resources) this.set(account, kind, resources);
        } catch {
          // An account that cannot be read keeps its last listing: no diagnostic is better than a false one.
        }
      }),
    );
  }

  onDidChange(listener: (account: string, kind: TrunkKind) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

function keyOf(account: string, kind: TrunkKind): string {
  return `${account}\u0000${kind}`;
}

function sameResources(a: readonly ReferableResource[], b: readonly ReferableResource[]): boolean {
  const text = (list: readonly ReferableResource[]) => list.map((r) => `${r.sid}\u0000${r.name ?? ''}`).sort().join('\n');
  return a.length === b.length && text(a) === text(b);
}
