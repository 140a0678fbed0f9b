import type { SyncClients } from '../apply/sync-clients';
import type { TrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';
import { referenceProblem } from './spec-references';
import type { ReferableDocument, ReferableResource, ReferenceCandidate, ReferenceResolution, ReferenceResolver } from './document-reference';

/**
 * The resources one account's documents may name, by kind: the account's (one listing per kind
 * per plan, whatever the number of documents) and the workspace's documents of that account.
 * A document that names a resource by its sid takes precedence over the account's entry for it:
 * its name is the one the file will give it.
 */
export class AccountReferences implements ReferenceResolver {
  constructor(
    readonly account: string,
    private readonly remote: ReadonlyMap<TrunkKind, readonly ReferableResource[]>,
    private readonly documents: readonly ReferableDocument[],
  ) {}

  /**
   * Lists the account's resources of the kinds named by `kinds` (each kind once), for the
   * documents of the workspace given. `kinds` empty: no request at all.
   */
  static async load(account: string, kinds: Iterable<TrunkKind>, documents: readonly ReferableDocument[], clients: SyncClients, signal?: AbortSignal): Promise<AccountReferences> {
    const remote = new Map<TrunkKind, readonly ReferableResource[]>();
    await Promise.all(
      [...new Set(kinds)].map(async (kind) => {
        const referable = documentKind(kind).referable;
        if (referable) remote.set(kind, await referable.list(account, clients, signal));
      }),
    );
    return new AccountReferences(account, remote, documents);
  }

  /**
   * The same, where documents not created yet stand for the resource their plan adopts (a create
   * an interrupted push made, plan-documents.ts): its name is then one resource, not two.
   */
  withAdopted(adopted: ReadonlyMap<string, string>): AccountReferences {
    if (adopted.size === 0) return this;
    const documents = this.documents.map((d) => {
      const sid = d.sid === undefined ? adopted.get(`${d.uri}#${d.index}`) : undefined;
      return sid ? { ...d, sid } : d;
    });
    return new AccountReferences(this.account, this.remote, documents);
  }

  /** The account's resources as listed, by kind (what the live diagnostics keep: ReferenceListings). */
  listed(): ReadonlyMap<TrunkKind, readonly ReferableResource[]> {
    return this.remote;
  }

  candidates(kind: TrunkKind): ReferenceCandidate[] {
    const remote = this.remote.get(kind) ?? [];
    // A kind whose name is unique: a new document stands for the account's resource of its name (Push takes it over).
    const uniqueName = documentKind(kind).identity.uniqueKey?.field === 'friendly_name';
    const documents = this.documents
      .filter((d) => d.kind === kind && d.account === this.account)
      .map((d) => (d.sid === undefined && uniqueName ? { ...d, sid: remote.find((r) => r.name === d.name)?.sid } : d));
    const bySid = new Set(documents.flatMap((d) => (d.sid ? [d.sid] : [])));
    return [
      ...documents.map((d) => ({ sid: d.sid, name: d.name ?? this.remote.get(kind)?.find((r) => r.sid === d.sid)?.name ?? null, document: d })),
      ...remote.filter((r) => !bySid.has(r.sid)).map((r) => ({ sid: r.sid, name: r.name })),
    ];
  }

  resolve(kind: TrunkKind, value: string): ReferenceResolution {
    return resolveReference(kind, value, this.candidates(kind));
  }

  problem(resolution: Exclude<ReferenceResolution, { status: 'resolved' }>): string {
    return referenceProblem(resolution, this.account);
  }
}

/**
 * A sid is taken as it is (with the document that defines it, if any); a name must be the name
 * of exactly one candidate.
 */
export function resolveReference(kind: TrunkKind, value: string, candidates: readonly ReferenceCandidate[]): ReferenceResolution {
  if (documentKind(kind).identity.sidPattern.test(value)) {
    const found = candidates.find((c) => c.sid === value);
    return { status: 'resolved', reference: { kind, value, sid: value, name: found?.name ?? null, document: keyOf(found?.document) } };
  }
  const named = candidates.filter((c) => c.name === value);
  if (named.length === 1) {
    const [one] = named as [ReferenceCandidate];
    return { status: 'resolved', reference: { kind, value, sid: one.sid, name: one.name, document: keyOf(one.document) } };
  }
  if (named.length > 1) return { status: 'ambiguous', kind, value, candidates: named };
  const names = [...new Set(candidates.flatMap((c) => (c.name ? [c.name] : [])))].sort();
  return { status: 'unknown', kind, value, names };
}

function keyOf(document: ReferableDocument | undefined) {
  return document ? { uri: document.uri, index: document.index } : undefined;
}
