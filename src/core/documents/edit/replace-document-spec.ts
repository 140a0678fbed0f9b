import { isCollection, isMap, isScalar, isSeq, Scalar, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { deepEqual } from './deep-equal';
import { documentAt } from '../file/document-at';
import type { LineIndex } from '../file/line-index';
import { toTrunkYaml } from '../render/to-trunk-yaml';
import { applyTextEdits, type TextEdit } from './text-edit';
import { removePairEdit, removeSeqItemEdit } from './yaml-edits';
import { findPair, keyText, nodeSpan } from '../file/yaml-node-lookup';

// Pull: make a document's `spec` equal a remote state while touching as little text as
// possible. Values that changed are replaced where they stand, keys and list items that went
// away are removed with their lines, new ones are inserted next to their neighbours; so the
// comments, order and formatting of everything that survives stay as they were.

/** How list items are matched between the file and the remote state (the planner's keys). */
const ITEM_IDENTITY: Readonly<Record<string, (item: unknown) => string | undefined>> = {
  phone_numbers: (n) => (typeof n === 'string' ? n : undefined),
  origination_urls: (u) => stringField(u, 'sip_url')?.toLowerCase(),
  trunks: (t) => stringField(t, 'trunk_sid') ?? (stringField(t, 'name') === undefined ? undefined : `name:${stringField(t, 'name')}`),
};

function stringField(value: unknown, key: string): string | undefined {
  const field = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

class SpecPatcher {
  readonly edits: TextEdit[] = [];
  private readonly eol: string;

  constructor(private readonly lines: LineIndex) {
    this.eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  }

  private get text(): string {
    return this.lines.text;
  }

  private column(offset: number): number {
    return this.lines.positionAt(offset).character;
  }

  /** Offset just past the last text of a node (block collections end after a newline). */
  private contentEnd(node: unknown): number {
    const span = nodeSpan(node);
    let end = span?.[1] ?? 0;
    while (end > (span?.[0] ?? 0) && /\s/.test(this.text[end - 1] ?? '')) end--;
    return end;
  }

  /** Start of the line after the one where `node` ends. */
  private afterLines(node: unknown): number {
    const line = this.lines.positionAt(this.contentEnd(node)).line;
    return line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
  }

  private insertLines(at: number, body: string): void {
    const needsBreak = at === this.text.length && !this.text.endsWith('\n');
    this.edits.push({ start: at, end: at, newText: (needsBreak ? this.eol : '') + body });
  }

  private inline(value: unknown, old?: unknown): string {
    if (typeof value === 'string' && isScalar(old)) {
      if (old.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
      if (old.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
    }
    const text = stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
    return text.includes('\n') ? JSON.stringify(value) : text;
  }

  /** Block YAML of `value`, every line indented by `indent` columns, ending with a line break. */
  private block(value: unknown, indent: number): string {
    const pad = ' '.repeat(indent);
    return toTrunkYaml(value)
      .trimEnd()
      .split('\n')
      .map((line) => pad + line + this.eol)
      .join('');
  }

  patchMap(map: YAMLMap, oldValue: Record<string, unknown>, newValue: Record<string, unknown>): void {
    const indent = this.column(nodeSpan(map.items[0]?.key)?.[0] ?? 0);
    const kept: Pair[] = [];
    for (const pair of map.items) {
      const key = keyText(pair);
      if (key === undefined) continue;
      if (!(key in newValue) || newValue[key] === undefined) {
        const edit = removePairEdit(this.lines, map, pair);
        if (edit) this.edits.push(edit);
      } else {
        kept.push(pair);
        this.patchPairValue(pair, key, oldValue[key], newValue[key], indent);
      }
    }
    const keys = Object.keys(newValue).filter((k) => newValue[k] !== undefined);
    const inserts = new Map<number, string>();
    keys.forEach((key, position) => {
      if (kept.some((p) => keyText(p) === key)) return;
      const before = keys.slice(0, position).reverse().map((k) => kept.find((p) => keyText(p) === k)).find((p) => p !== undefined);
      const at = before ? this.afterLines(before.value ?? before.key) : this.lines.lineStart(this.lines.positionAt(nodeSpan(map.items[0]?.key)?.[0] ?? 0).line);
      inserts.set(at, (inserts.get(at) ?? '') + this.block({ [key]: newValue[key] }, indent));
    });
    for (const [at, body] of inserts) this.insertLines(at, body);
  }

  patchPairValue(pair: Pair, key: string, oldValue: unknown, newValue: unknown, keyIndent: number): void {
    if (deepEqual(oldValue, newValue)) return;
    const node = pair.value as Node | null;
    if (isMap(node) && isRecord(oldValue) && isRecord(newValue) && (!node.flow || sameKeys(oldValue, newValue))) {
      this.patchMap(node, oldValue, newValue);
      return;
    }
    const identity = ITEM_IDENTITY[key];
    if (isSeq(node) && !node.flow && identity && Array.isArray(oldValue) && Array.isArray(newValue) && newValue.length > 0) {
      this.patchSeq(node, key, oldValue, newValue, identity);
      return;
    }
    this.replaceValue(pair, node, newValue, keyIndent);
  }

  private patchSeq(seq: YAMLSeq, key: string, oldItems: unknown[], newItems: unknown[], identity: (item: unknown) => string | undefined): void {
    const wanted = new Map<string, unknown>();
    for (const item of newItems) {
      const id = identity(item);
      if (id !== undefined && !wanted.has(id)) wanted.set(id, item);
    }
    const kept = new Set<string>();
    seq.items.forEach((itemNode, index) => {
      const id = identity(oldItems[index]);
      const target = id === undefined || kept.has(id) ? undefined : wanted.get(id);
      if (id === undefined || target === undefined) {
        const edit = removeSeqItemEdit(this.lines, seq, index);
        if (edit) this.edits.push(edit);
        return;
      }
      kept.add(id);
      const old = oldItems[index];
      if (deepEqual(old, target)) return;
      if (isMap(itemNode) && isRecord(old) && isRecord(target) && (!itemNode.flow || sameKeys(old, target))) this.patchMap(itemNode, old, target);
      else this.replaceSpan(itemNode as Node, target);
    });
    const added = newItems.filter((item) => {
      const id = identity(item);
      return id !== undefined && !kept.has(id) && wanted.get(id) === item;
    });
    if (added.length === 0) return;
    const last = seq.items[seq.items.length - 1];
    const firstSpan = nodeSpan(seq.items[0]) ?? nodeSpan(seq);
    const dashColumn = Math.max(0, this.column(firstSpan?.[0] ?? 0) - 2);
    const rendered = this.block({ [key]: added }, 0)
      .split(this.eol)
      .slice(1)
      .filter((line) => line.length > 0)
      .map((line) => ' '.repeat(dashColumn) + line.replace(/^ {2}/, '') + this.eol)
      .join('');
    this.insertLines(this.afterLines(last ?? seq), rendered);
  }

  /** Replaces the value of a pair, keeping a comment that follows the key on its line. */
  private replaceValue(pair: Pair, node: Node | null, newValue: unknown, keyIndent: number): void {
    const span = nodeSpan(node);
    if (node && span && span[1] > span[0]) {
      this.replaceSpan(node, newValue);
      return;
    }
    const colon = this.text.indexOf(':', nodeSpan(pair.key)?.[1] ?? 0);
    const simple = !isRecord(newValue) && !Array.isArray(newValue);
    const empty = (Array.isArray(newValue) && newValue.length === 0) || (isRecord(newValue) && Object.keys(newValue).length === 0);
    if (simple || empty) this.edits.push({ start: colon + 1, end: colon + 1, newText: ` ${this.inline(newValue)}` });
    else this.edits.push({ start: colon + 1, end: colon + 1, newText: this.eol + this.block(newValue, keyIndent + 2).trimEnd() });
  }

  private replaceSpan(node: Node, newValue: unknown): void {
    const start = nodeSpan(node)?.[0] ?? 0;
    const end = this.contentEnd(node);
    const blockNode = isCollection(node) && !node.flow;
    const simple = !isRecord(newValue) && !Array.isArray(newValue);
    const empty = (Array.isArray(newValue) && newValue.length === 0) || (isRecord(newValue) && Object.keys(newValue).length === 0);
    if (!blockNode || simple || empty) {
      const onNewLine = blockNode && this.text.slice(this.lines.lineStart(this.lines.positionAt(start).line), start).trim() === '';
      if (onNewLine) {
        // `key:\n  - a` becoming `key: []`: join the value back onto the key's line.
        const before = /:[ \t]*(#[^\n]*)?\r?\n\s*$/.exec(this.text.slice(0, start));
        if (before && !before[1]) {
          this.edits.push({ start: start - before[0].length + 1, end, newText: ` ${this.inline(newValue)}` });
          return;
        }
      }
      this.edits.push({ start, end, newText: this.inline(newValue, node) });
      return;
    }
    const body = this.block(newValue, this.column(start)).trimEnd();
    this.edits.push({ start, end, newText: body.slice(this.column(start)) });
  }
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const left = Object.keys(a).filter((k) => a[k] !== undefined);
  const right = Object.keys(b).filter((k) => b[k] !== undefined);
  return left.length === right.length && left.every((k) => right.includes(k));
}

function specOf(text: string, documentIndex: number): unknown {
  return (documentAt(text, documentIndex).document.toJS() as { spec?: unknown } | null)?.spec;
}

/**
 * Edits that make document `documentIndex` hold `spec` (e.g. renderSpec of the remote state),
 * keeping comments on the keys that survive, their order and formatting. Only that document's
 * text changes. Should the minimal edits not reproduce `spec` exactly, the whole `spec` value is
 * rewritten instead (correct first, pretty second).
 */
export function replaceDocumentSpec(text: string, documentIndex: number, spec: object): TextEdit[] {
  const { document, lines } = documentAt(text, documentIndex);
  const root = document.contents;
  if (!isMap(root) || root.flow) throw new Error(`Document ${documentIndex + 1} is not a block mapping; cannot write its spec.`);
  const patcher = new SpecPatcher(lines);
  const pair = findPair(root, 'spec');
  const oldRoot = document.toJS() as Record<string, unknown>;
  const rootIndent = lines.positionAt(nodeSpan(root.items[0]?.key)?.[0] ?? 0).character;
  if (pair) patcher.patchPairValue(pair, 'spec', oldRoot.spec, spec, rootIndent);
  else patcher.patchMap(root, oldRoot, { ...oldRoot, spec });
  const edits = mergeInserts(patcher.edits);
  try {
    if (deepEqual(specOf(applyTextEdits(text, edits), documentIndex), spec)) return edits;
  } catch {
    // fall through to the plain rewrite
  }
  return rewriteSpec(text, lines, pair, root, spec, rootIndent);
}

function rewriteSpec(text: string, lines: LineIndex, pair: Pair | undefined, root: YAMLMap, spec: object, indent: number): TextEdit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = toTrunkYaml({ spec })
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(indent) + line)
    .join(eol);
  if (pair) {
    const start = lines.lineStart(lines.positionAt(nodeSpan(pair.key)?.[0] ?? 0).line);
    let end = nodeSpan(pair.value)?.[1] ?? nodeSpan(pair.key)?.[1] ?? start;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    return [{ start, end, newText: body }];
  }
  let end = nodeSpan(root)?.[1] ?? text.length;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return [{ start: end, end, newText: eol + body }];
}

/** One edit per insertion point, so every editor applies same-offset inserts in our order. */
function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const previous = merged[merged.length - 1];
    if (previous && previous.start === edit.start && previous.end === previous.start && edit.end === edit.start) previous.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged;
}
