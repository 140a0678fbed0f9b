import type { DocumentKey } from './document-reference';

/** `uri#index`: a document's key as a map key. */
export function documentKeyId(key: DocumentKey): string {
  return `${key.uri}#${key.index}`;
}

export interface ReferenceOrder<T> {
  /** Every item whose references can be ordered: an item after the items it references. */
  ordered: T[];
  /** Items on a cycle of references (or behind one), each with the cycle's keys in order. */
  cycles: { item: T; cycle: DocumentKey[] }[];
}

/**
 * Orders items so that each comes after those it depends on (among `items`; other keys are
 * ignored), keeping the input order wherever references allow it.
 */
export function referenceOrder<T>(items: readonly T[], keyOf: (item: T) => DocumentKey, dependsOn: (item: T) => readonly DocumentKey[]): ReferenceOrder<T> {
  const byId = new Map(items.map((item) => [documentKeyId(keyOf(item)), item]));
  const depsOf = (item: T) => dependsOn(item).map(documentKeyId).filter((id) => byId.has(id) && id !== documentKeyId(keyOf(item)));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const remaining = [...items];
  for (;;) {
    const index = remaining.findIndex((item) => depsOf(item).every((id) => placed.has(id)));
    if (index < 0) break;
    const [item] = remaining.splice(index, 1) as [T];
    placed.add(documentKeyId(keyOf(item)));
    ordered.push(item);
  }
  const cycles = remaining.map((item) => ({ item, cycle: cycleFrom(documentKeyId(keyOf(item)), (id) => depsOf(byId.get(id)!).filter((d) => !placed.has(d))).map((id) => keyOf(byId.get(id)!)) }));
  return { ordered, cycles };
}

/** A cycle reached from `start` (start's own when it is on one), as ids, its first id repeated at the end. */
function cycleFrom(start: string, next: (id: string) => string[]): string[] {
  const path: string[] = [];
  const seen = new Map<string, number>();
  let at: string | undefined = start;
  while (at !== undefined && !seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    at = next(at)[0];
  }
  if (at === undefined) return [start];
  const cycle = path.slice(seen.get(at)!);
  return [...cycle, at];
}
