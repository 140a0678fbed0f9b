import { deepEqual } from './deep-equal';
import { documentAt } from '../file/document-at';
import { replaceDocumentSpec } from './replace-document-spec';
import { schemaAtPath } from '../assist/schema-at-path';
import type { TextEdit } from './text-edit';
import type { TrunkKind } from '../file/trunk-kinds';
import { KIND_SCHEMAS } from '../file/trunk-schemas';

// Pull takes the remote values of what a document manages, and nothing else. A key the file
// leaves out is not managed (Push leaves it alone); writing it in would change what the file
// means: `phone_numbers: []` says "exactly no numbers" and detaches any number added in the
// console. So Pull only updates values the document already has:
//
// - a mapping (spec, `recording`, an origination URL entry, a CarrierX trunk) keeps its own
//   keys; each takes the remote value. A key the remote has no value for is left as it is
//   (and reported), never removed: that too would change what the document manages.
// - a list the planner treats as a set (`phone_numbers`, `origination_urls`, CarrierX `trunks`)
//   is managed as a whole (Push makes the remote have exactly its items): items the remote
//   lost go, items the remote gained come in. A new item carries the keys its siblings in the
//   file use, plus the keys that identify it and that the schema requires; with no sibling it
//   carries the required and identifying keys, or all of its keys when there are none.
// - other lists of mappings (CarrierX `acls`, `transformations`) are matched by position, the
//   same way; lists of scalars are values and are taken whole.
//
// "Pull All Fields" is the explicit opposite: every remote key is added as well (and said so).
// Items the file keeps stay in the file's order, so a pull never reorders what the user wrote.

export type PullScope = 'managed' | 'all-fields';

export interface PulledSpec {
  /** The document's spec after the pull. */
  spec: Record<string, unknown>;
  /** Paths whose value the pull changed (`recording.mode`; a list counts as one path). */
  changed: string[];
  /** Paths the pull added (only with `all-fields`). */
  added: string[];
  /** Paths the document has and the remote has no value for: left as they are. */
  kept: string[];
  /** Text edits that turn the file into the pulled one; empty when nothing changes. */
  edits: TextEdit[];
}

type Path = readonly (string | number)[];
type Item = Record<string, unknown>;

function isRecord(value: unknown): value is Item {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** How the items of a set-like list are matched (the planner's own rules). */
interface ListIdentity {
  /** Keys that identify an item: a new item always carries them. */
  keys: readonly string[];
  /** The remote item that `local` stands for, among those not yet taken. */
  match(local: unknown, remote: readonly unknown[], taken: ReadonlySet<number>): number;
}

const byValue: ListIdentity = {
  keys: [],
  match: (local, remote, taken) => remote.findIndex((r, i) => !taken.has(i) && deepEqual(r, local)),
};

const IDENTITY: Readonly<Record<string, ListIdentity>> = {
  phone_numbers: byValue,
  origination_urls: {
    keys: ['sip_url'],
    match: (local, remote, taken) => {
      const url = text(isRecord(local) ? local.sip_url : undefined)?.toLowerCase();
      return url === undefined ? -1 : remote.findIndex((r, i) => !taken.has(i) && isRecord(r) && text(r.sip_url)?.toLowerCase() === url);
    },
  },
  trunks: {
    keys: ['trunk_sid', 'name'],
    match: (local, remote, taken) => {
      if (!isRecord(local)) return -1;
      const sid = text(local.trunk_sid);
      if (sid !== undefined) return remote.findIndex((r, i) => !taken.has(i) && isRecord(r) && r.trunk_sid === sid);
      const name = text(local.name);
      return name === undefined ? -1 : remote.findIndex((r, i) => !taken.has(i) && isRecord(r) && r.name === name);
    },
  },
};

function formatPath(path: Path): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

class SpecMerger {
  readonly added: string[] = [];
  readonly kept: string[] = [];

  constructor(
    private readonly kind: TrunkKind,
    private readonly scope: PullScope,
  ) {}

  value(local: unknown, remote: unknown, path: Path): unknown {
    if (isRecord(local) && isRecord(remote)) return this.map(local, remote, path);
    if (Array.isArray(local) && Array.isArray(remote)) return this.list(local, remote, path);
    return remote;
  }

  map(local: Item, remote: Item, path: Path): Item {
    const result: Item = {};
    const keys = Object.keys(local).filter((k) => local[k] !== undefined);
    const order = this.scope === 'all-fields' ? [...Object.keys(remote).filter((k) => remote[k] !== undefined), ...keys.filter((k) => remote[k] === undefined)] : keys;
    for (const key of order) {
      const here = [...path, key];
      if (!keys.includes(key)) {
        result[key] = remote[key];
        this.added.push(formatPath(here));
      } else if (remote[key] === undefined) {
        result[key] = local[key];
        this.kept.push(formatPath(here));
      } else {
        result[key] = this.value(local[key], remote[key], here);
      }
    }
    return result;
  }

  list(local: readonly unknown[], remote: readonly unknown[], path: Path): unknown[] {
    const key = path[path.length - 1];
    const identity = typeof key === 'string' ? IDENTITY[key] : undefined;
    if (!identity && !remote.some(isRecord) && !local.some(isRecord)) return [...remote];
    const result: unknown[] = [];
    const taken = new Set<number>();
    local.forEach((item, index) => {
      const at = identity ? identity.match(item, remote, taken) : index < remote.length ? index : -1;
      if (at < 0) return;
      taken.add(at);
      result.push(this.value(item, remote[at], [...path, result.length]));
    });
    remote.forEach((item, index) => {
      if (!taken.has(index)) result.push(this.newItem(item, local, identity, [...path, result.length]));
    });
    return result;
  }

  /** A remote item the file does not have yet, with the keys its siblings in the file manage. */
  private newItem(item: unknown, siblings: readonly unknown[], identity: ListIdentity | undefined, path: Path): unknown {
    if (this.scope === 'all-fields' || !isRecord(item)) return item;
    const keys = new Set<string>([...(identity?.keys ?? []), ...(schemaAtPath(KIND_SCHEMAS[this.kind], ['spec', ...path])?.required ?? [])]);
    for (const sibling of siblings) if (isRecord(sibling)) for (const k of Object.keys(sibling)) keys.add(k);
    if (keys.size === 0) return item;
    return Object.fromEntries(Object.entries(item).filter(([k, v]) => keys.has(k) && v !== undefined));
  }
}

/** Paths where `after` differs from `before`, outside lists (a list counts as one path); added keys are not listed. */
function changedPaths(before: unknown, after: unknown, path: Path, out: string[]): void {
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(after)) if (key in before && before[key] !== undefined) changedPaths(before[key], after[key], [...path, key], out);
    return;
  }
  if (!deepEqual(before, after)) out.push(formatPath(path));
}

/** The spec a pull makes of `local` (a document's spec) and `remote` (renderSpec of the remote state). */
export function mergePulledSpec(kind: TrunkKind, local: unknown, remote: Item, scope: PullScope): Omit<PulledSpec, 'edits'> {
  const merger = new SpecMerger(kind, scope);
  const base = isRecord(local) ? local : {};
  const spec = merger.map(base, remote, []);
  const changed: string[] = [];
  changedPaths(base, spec, [], changed);
  return { spec, changed, added: merger.added, kept: merger.kept };
}

/**
 * Pull into document `documentIndex` of `text`: the merged spec (see above) and the edits that
 * write it, keeping the comments, order and formatting of everything that stays.
 */
export function pullRemoteSpec(text: string, documentIndex: number, kind: TrunkKind, remote: Item, scope: PullScope): PulledSpec {
  const local = (documentAt(text, documentIndex).document.toJS() as { spec?: unknown } | null)?.spec;
  const merged = mergePulledSpec(kind, local, remote, scope);
  const unchanged = merged.changed.length === 0 && merged.added.length === 0;
  return { ...merged, edits: unchanged ? [] : replaceDocumentSpec(text, documentIndex, merged.spec) };
}
