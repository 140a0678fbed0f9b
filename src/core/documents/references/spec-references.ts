import type { TrunkKind } from '../file/trunk-kinds';
import type { YamlPath } from '../file/yaml-node-lookup';
import { documentKind } from '../kinds/document-kinds';
import type { DocumentKey, KindReference, ReferableDocument, ReferenceCandidate, ReferenceResolution } from './document-reference';

/** One reference a spec makes: the value written at `path`. */
export interface SpecReference {
  reference: KindReference;
  path: YamlPath;
  value: string;
}

/** The references a spec of `kind` makes, in the order of its kind's declarations and the lists' entries. */
export function specReferences(kind: TrunkKind, spec: Readonly<Record<string, unknown>> | undefined): SpecReference[] {
  const found: SpecReference[] = [];
  for (const reference of documentKind(kind).references ?? []) {
    if (reference.within !== undefined) {
      const items = spec?.[reference.within];
      if (Array.isArray(items)) {
        items.forEach((item, i) => {
          const value = item && typeof item === 'object' ? (item as Record<string, unknown>)[reference.field] : undefined;
          if (typeof value === 'string') found.push({ reference, path: ['spec', reference.within!, i, reference.field], value });
        });
      }
      continue;
    }
    const value = spec?.[reference.field];
    if (reference.list) {
      if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && found.push({ reference, path: ['spec', reference.field, i], value: v }));
    } else if (typeof value === 'string') {
      found.push({ reference, path: ['spec', reference.field], value });
    }
  }
  return found;
}

/**
 * Whether a spec names the resource of kind `named` with this sid (in a reference field, or the
 * sid field beside it): a change to that resource changes what the document's checks read (a
 * BYOC trunk's readiness reads its policy's targets). A reference by name is not matched.
 */
export function specNamesSid(kind: TrunkKind, spec: Readonly<Record<string, unknown>> | undefined, named: TrunkKind, sid: string): boolean {
  const wanted = sid.toLowerCase();
  const is = (v: unknown) => typeof v === 'string' && v.toLowerCase() === wanted;
  for (const reference of documentKind(kind).references ?? []) {
    if (reference.kind !== named) continue;
    const keys = [reference.field, ...(reference.sidField ? [reference.sidField] : [])];
    const within = reference.within !== undefined ? spec?.[reference.within] : undefined;
    const holders: unknown[] = reference.within !== undefined ? (Array.isArray(within) ? within : []) : [spec];
    for (const holder of holders) {
      if (!holder || typeof holder !== 'object') continue;
      for (const key of keys) {
        const value = (holder as Record<string, unknown>)[key];
        if (is(value) || (Array.isArray(value) && value.some(is))) return true;
      }
    }
  }
  return false;
}

/** The kinds a spec names (what the plan of its account must list). */
export function referencedKinds(kind: TrunkKind, spec: Readonly<Record<string, unknown>> | undefined): TrunkKind[] {
  return specReferences(kind, spec).map((r) => r.reference.kind);
}

/** A document of a referable kind as a candidate for names, or undefined for another kind. */
export function referableDocument(key: DocumentKey, kind: TrunkKind | undefined, account: string | undefined, sid: string | undefined, spec: Readonly<Record<string, unknown>> | undefined): ReferableDocument | undefined {
  if (!kind || !account || !documentKind(kind).referable) return undefined;
  const name = spec ? documentKind(kind).identity.nameOf(spec) : undefined;
  return { ...key, kind, account, sid, name: typeof name === 'string' ? name : undefined, spec };
}

/** What is wrong with a reference that did not resolve, and what to do: a diagnostic's or a plan error's message. */
export function referenceProblem(resolution: Exclude<ReferenceResolution, { status: 'resolved' }>, account: string): string {
  if (resolution.status === 'unknown') {
    return `No ${documentKind(resolution.kind).noun} named ${JSON.stringify(resolution.value)} in account ${account} or in the workspace's trunk files${resolution.names.length > 0 ? ` (there are ${listNames(resolution.names)})` : ''}. Write the sid or the exact name of one, or add a document that defines it.`;
  }
  const which = resolution.candidates.map(candidateText).join('; ');
  return `${JSON.stringify(resolution.value)} names ${resolution.candidates.length} ${documentKind(resolution.kind).noun}s: ${which}. Write the sid of the one you mean.`;
}


/** `AL… (in the account)`, `office.trunk.yaml document 2 (not created yet)` */
export function candidateText(candidate: ReferenceCandidate): string {
  const document = candidate.document ? `${candidate.document.uri} document ${candidate.document.index + 1}` : undefined;
  if (candidate.sid && document) return `${candidate.sid} (${document})`;
  if (candidate.sid) return `${candidate.sid} (in the account)`;
  return `${document ?? '?'} (not created yet)`;
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => JSON.stringify(n));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

/**
 * The documents of `workspace` not created yet that `start` names (by name, same account),
 * and those they name in turn: what a push of `start` alone must create first. A name that
 * several documents give is left to planning (ambiguous).
 */
export function newDocumentsNamedBy<D extends { uri: string; document: { index: number; kind: TrunkKind | undefined; account: string | undefined; sid: string | undefined; spec: unknown } }>(start: D, workspace: readonly D[]): D[] {
  const found: D[] = [];
  const seen = new Set<string>([`${start.uri}#${start.document.index}`]);
  const queue: D[] = [start];
  while (queue.length > 0) {
    const from = queue.shift()!;
    const { kind, account, spec } = from.document;
    if (!kind || !account) continue;
    for (const entry of specReferences(kind, spec as Readonly<Record<string, unknown>> | undefined)) {
      const named = workspace.filter((d) => d.document.kind === entry.reference.kind && d.document.account === account && documentKind(entry.reference.kind).identity.nameOf((d.document.spec ?? {}) as Record<string, unknown>) === entry.value);
      if (named.length !== 1 || named[0]!.document.sid !== undefined) continue;
      const id = `${named[0]!.uri}#${named[0]!.document.index}`;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(named[0]!);
      queue.push(named[0]!);
    }
  }
  return found;
}
