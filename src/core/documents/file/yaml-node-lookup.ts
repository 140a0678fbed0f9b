import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

export type YamlPath = (string | number)[];

/** [start, end) of a node's value in the text; undefined for nodes that were not parsed. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

export function keyText(pair: Pair): string | undefined {
  if (isScalar(pair.key)) return pair.key.value === null ? undefined : String(pair.key.value);
  return undefined;
}

/** The pair of `map` with that key; the last one when a key repeats (as the parsed value has it). */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (pair && keyText(pair) === key) return pair;
  }
  return undefined;
}

export interface LocatedNode {
  /** The node at the path, if the path exists in the text. */
  node?: Node;
  /** The pair whose value is that node (absent for sequence items and the root). */
  pair?: Pair;
  /** The deepest pair on the way there: where to point when the node itself is missing. */
  nearestPair?: Pair;
  /** How many segments of the path were found. */
  depth: number;
}

/** Walks `path` from `root` (a document's contents) through maps and sequences. */
export function locatePath(root: unknown, path: readonly (string | number)[]): LocatedNode {
  let node = root as Node | null | undefined;
  let pair: Pair | undefined;
  let nearestPair: Pair | undefined;
  let depth = 0;
  for (const segment of path) {
    let next: Node | null | undefined;
    if (typeof segment === 'string' && isMap(node)) {
      const found = findPair(node, segment);
      if (!found) break;
      pair = found;
      nearestPair = found;
      next = found.value as Node | null;
    } else if (typeof segment === 'number' && isSeq(node)) {
      next = node.items[segment] as Node | null | undefined;
      pair = undefined;
    } else break;
    depth++;
    if (!next) return { pair, nearestPair, depth };
    node = next;
  }
  return { node: depth === path.length ? (node ?? undefined) : undefined, pair: depth === path.length ? pair : undefined, nearestPair, depth };
}

export interface NodeAtOffset {
  path: YamlPath;
  /** Whether the offset is on a key or on a (scalar) value. */
  on: 'key' | 'value';
  node: Node;
  pair?: Pair;
}

function contains(node: unknown, offset: number, inclusiveEnd: boolean): boolean {
  const span = nodeSpan(node);
  return !!span && offset >= span[0] && (inclusiveEnd ? offset <= span[1] : offset < span[1]);
}

/** The innermost key or scalar value at `offset` (the end of a token counts as on it). */
export function nodeAtOffset(root: unknown, offset: number): NodeAtOffset | undefined {
  const path: YamlPath = [];
  let node = root as Node | null | undefined;
  let pair: Pair | undefined;
  for (let guard = 0; node && guard < 256; guard++) {
    if (isMap(node)) {
      const hit = node.items.find((p) => contains(p.key, offset, true) || contains(p.value, offset, true));
      if (!hit) return undefined;
      const key = keyText(hit);
      if (key === undefined) return undefined;
      path.push(key);
      if (contains(hit.key, offset, true)) return { path, on: 'key', node: hit.key as Node, pair: hit };
      pair = hit;
      node = hit.value as Node | null;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset, true));
      if (index === -1) return undefined;
      path.push(index);
      pair = undefined;
      node = node.items[index] as Node;
    } else if (isScalar(node)) {
      return { path, on: 'value', node, pair };
    } else return undefined;
  }
  return undefined;
}
