import type { TrunkKind } from '../file/trunk-kinds';
import type { DocumentKey } from '../references/document-reference';
import { documentKeyId } from '../references/reference-order';

/**
 * The resources that documents already own during a push: every sid a document names (in this
 * push or elsewhere in the workspace) and every sid a create of this push has produced.
 *
 * A create without a unique key (a trunk without domain_name, a BYOC trunk, a trunk group)
 * whose answer is lost is looked up by name; the look-up may adopt only a resource that no
 * document claims, or two new documents with the same name could end up sharing one resource.
 * Creates of the same name are also run one at a time, so that a sibling's create is either
 * finished (its sid claimed) or not yet sent when a look-up runs: never in flight.
 */
export class ResourceClaims {
  private readonly sids: Set<string>;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** The sids documents of this push got (created or adopted): what references to them send. */
  private readonly documentSids = new Map<string, string>();

  constructor(sids: Iterable<string> = []) {
    this.sids = new Set(sids);
  }

  has(sid: string): boolean {
    return this.sids.has(sid);
  }

  add(sid: string): void {
    this.sids.add(sid);
  }

  /** The document's resource got this sid during the push. */
  setDocumentSid(key: DocumentKey, sid: string): void {
    this.documentSids.set(documentKeyId(key), sid);
    this.sids.add(sid);
  }

  /** The sid a document of this push got, if it got one. */
  documentSid(key: DocumentKey): string | undefined {
    return this.documentSids.get(documentKeyId(key));
  }

  /** Runs `create` after every earlier create of the same account, kind and name has settled. */
  async oneAtATime<T>(account: string, kind: TrunkKind, name: string, create: () => Promise<T>): Promise<T> {
    const key = `${account}\u0000${kind}\u0000${name}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(create, create);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }
}
