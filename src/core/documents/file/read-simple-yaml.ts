// A reader for the plain subset of YAML that trunk files are written in: block mappings and
// sequences, one-line flow collections, plain and one-line quoted scalars, comments. It gives
// what yaml's parse + toJS would give (the value, the document's span and each node's span)
// in a fraction of the time (yaml's lexer, CST and composer were ~80% of a validation), and
// gives up (undefined) on anything else: anchors, tags, block scalars, multi-line scalars,
// escapes, duplicate keys, unusual keys or numbers… which yaml then reads. A property test
// checks it against yaml on generated and mutated documents.

/** A node's span in the file and, for collections, its children. */
export interface SimpleNode {
  start: number;
  end: number;
  keys?: Map<string, SimpleNode>;
  items?: SimpleNode[];
  /** A flow collection (`[…]`, `{…}`). */
  flow?: true;
}

export type SimpleYaml =
  | {
      empty: false;
      /** The document's value, as yaml's toJS gives it (a trunk document is always a mapping here). */
      value: Record<string, unknown>;
      contents: SimpleNode;
      /** What yaml gives as the contents' range [0] and [1]. */
      span: [number, number];
    }
  /** A `---` with nothing but comments after it. */
  | { empty: true };

/** Span of the node at `path` (as yaml's locatePath + nodeSpan would find it). */
export function simpleNodeSpan(root: SimpleNode, path: readonly (string | number)[]): [number, number] | undefined {
  let node: SimpleNode | undefined = root;
  for (const segment of path) {
    node = typeof segment === 'number' ? node.items?.[segment] : node.keys?.get(segment);
    if (!node) return undefined;
  }
  return [node.start, node.end];
}

/** Thrown (never escapes) when the text leaves the subset. */
const UNSUPPORTED = Symbol('unsupported');

/** Characters yaml treats specially or that a trunk file never has outside quotes: those files go to yaml. */
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\\]|\r(?!\n)/;
const CORE_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const PLAIN_INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
const RESERVED_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const MAX_DEPTH = 32;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const LINE_BLANK = 0;
const LINE_COMMENT = 1;
const LINE_CONTENT = 2;

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH;
}

/** Flow indicators: end a plain scalar inside [ ] and { }. */
function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** What a plain scalar may not start with (YAML's indicators), `-` before a non-space aside. */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return c === DASH || c === 63 || c === COLON || isFlowIndicator(c) || c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

/** A plain scalar's value under YAML 1.2's core schema (yaml's default); unusual forms go to yaml. */
function plainValue(source: string): unknown {
  switch (source) {
    case 'null':
    case 'Null':
    case 'NULL':
    case '~':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = source.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === DASH || c === 43 || c === 46) {
    if (PLAIN_INT.test(source)) return Number(source);
    if (CORE_NUMBER.test(source)) throw UNSUPPORTED;
  }
  return source;
}

interface Parsed {
  value: unknown;
  node: SimpleNode;
  /** What yaml gives as the node's range[2]: where the next node's search starts. */
  after: number;
}

class SimpleReader {
  private readonly starts: number[] = [];
  /** End of each line's text, before \r\n or \n. */
  private readonly ends: number[] = [];
  /** Start of the next line. */
  private readonly nexts: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: number[] = [];
  private line = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {
    for (let at = 0; at < text.length; ) {
      const newline = text.indexOf('\n', at);
      const next = newline === -1 ? text.length : newline + 1;
      let end = newline === -1 ? text.length : newline;
      if (end > at && text.charCodeAt(end - 1) === 13) end--;
      let first = at;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      this.starts.push(at);
      this.ends.push(end);
      this.nexts.push(next);
      this.indents.push(first - at);
      this.kinds.push(first === end ? LINE_BLANK : text.charCodeAt(first) === HASH ? LINE_COMMENT : LINE_CONTENT);
      at = next;
    }
  }

  read(): SimpleYaml {
    const count = this.starts.length;
    this.skipNonContent();
    const text = this.text;
    if (this.line < count && this.indents[this.line] === 0 && text.startsWith('---', this.starts[this.line]!)) {
      // The document marker: nothing may follow it on its line but a comment.
      const rest = this.skipSpaces(this.starts[this.line]! + 3, this.ends[this.line]!);
      if (rest === this.starts[this.line]! + 3 && rest < this.ends[this.line]!) throw UNSUPPORTED;
      if (rest < this.ends[this.line]! && text.charCodeAt(rest) !== HASH) throw UNSUPPORTED;
      this.line++;
      this.skipNonContent();
      if (this.line === count) return { empty: true };
    }
    if (this.line === count || this.indents[this.line] !== 0) throw UNSUPPORTED;
    const lastContent = this.kinds.lastIndexOf(LINE_CONTENT);
    // Comments after the last value belong to the nested collection they are indented into.
    for (let i = lastContent + 1; i < count; i++) if (this.kinds[i] === LINE_COMMENT && this.indents[i] !== 0) throw UNSUPPORTED;
    const top = this.readMap(0, 0);
    if (this.line !== count) throw UNSUPPORTED;
    return { empty: false, value: top.value as Record<string, unknown>, contents: top.node, span: [top.node.start, top.node.end] };
  }

  private skipNonContent(): void {
    while (this.line < this.starts.length && this.kinds[this.line] !== LINE_CONTENT) this.line++;
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private isSeqItem(line: number, column: number): boolean {
    const at = this.starts[line]! + column;
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 === this.ends[line] || this.text.charCodeAt(at + 1) === SPACE;
  }

  /** The key at `at` when the text there is `key:` followed by a space or the line's end. */
  private keyAt(at: number, end: number): number {
    const text = this.text;
    if (!isKeyStart(text.charCodeAt(at))) return -1;
    let p = at + 1;
    while (p < end && isKeyPart(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== COLON || p >= end) return -1;
    return p + 1 === end || text.charCodeAt(p + 1) === SPACE ? p : -1;
  }

  /** A block mapping whose keys are at `column`; its first key is on the current line. */
  private readMap(column: number, depth: number): Parsed {
    if (depth > MAX_DEPTH) throw UNSUPPORTED;
    const text = this.text;
    const count = this.starts.length;
    const value: Record<string, unknown> = {};
    const keys = new Map<string, SimpleNode>();
    const start = this.starts[this.line]! + column;
    let after = start;
    for (let first = true; ; first = false) {
      if (!first) {
        this.skipNonContent();
        if (this.line === count) break;
        const indent = this.indents[this.line]!;
        if (indent < column) break;
        if (indent > column) throw UNSUPPORTED;
      }
      const line = this.line;
      const end = this.ends[line]!;
      const keyStart = this.starts[line]! + column;
      const colon = this.keyAt(keyStart, end);
      if (colon < 0) throw UNSUPPORTED;
      const key = text.slice(keyStart, colon);
      if (keys.has(key) || RESERVED_KEY.test(key) || key.length > 1000) throw UNSUPPORTED;
      const valueStart = this.skipSpaces(colon + 1, end);
      let parsed: Parsed;
      if (valueStart === end || text.charCodeAt(valueStart) === HASH) {
        this.line++;
        this.skipNonContent();
        const indent = this.line < count ? this.indents[this.line]! : -1;
        if (indent > column || (indent === column && this.isSeqItem(this.line, column))) {
          parsed = this.readBlock(indent, depth + 1);
        } else {
          // An empty value: yaml puts it after the spaces, and its end after a comment on the line
          // (and, as the document's last value, after the blank and comment lines that follow, its
          // own line's comment included: left to yaml).
          if (this.line === count && (valueStart !== end || line + 1 < count)) throw UNSUPPORTED;
          const at = this.base + valueStart;
          parsed = { value: null, node: { start: at, end: at }, after: valueStart === end ? at : this.base + this.nexts[line]! };
        }
      } else {
        parsed = this.readInline(valueStart, end, column, depth + 1);
      }
      value[key] = parsed.value;
      keys.set(key, parsed.node);
      after = parsed.after;
    }
    return { value, node: { start: this.base + start, end: after, keys }, after };
  }

  /** A block sequence whose dashes are at `column`; its first item is on the current line. */
  private readSeq(column: number, depth: number): Parsed {
    if (depth > MAX_DEPTH) throw UNSUPPORTED;
    const text = this.text;
    const count = this.starts.length;
    const value: unknown[] = [];
    const items: SimpleNode[] = [];
    const start = this.starts[this.line]! + column;
    let after = start;
    for (let first = true; ; first = false) {
      if (!first) {
        this.skipNonContent();
        if (this.line === count) break;
        const indent = this.indents[this.line]!;
        if (indent < column) break;
        if (indent > column) throw UNSUPPORTED;
        // A key of the mapping this sequence is a value of (both at the same column).
        if (!this.isSeqItem(this.line, column)) break;
      }
      const line = this.line;
      const end = this.ends[line]!;
      const itemStart = this.skipSpaces(this.starts[line]! + column + 1, end);
      let parsed: Parsed;
      if (itemStart === end || text.charCodeAt(itemStart) === HASH) {
        this.line++;
        this.skipNonContent();
        const indent = this.line < count ? this.indents[this.line]! : -1;
        if (indent <= column) throw UNSUPPORTED;
        parsed = this.readBlock(indent, depth + 1);
      } else if (this.keyAt(itemStart, end) >= 0) {
        // `- key: value`: a mapping whose keys line up with the first one.
        parsed = this.readMap(itemStart - this.starts[line]!, depth + 1);
      } else {
        if (text.charCodeAt(itemStart) === DASH && (itemStart + 1 === end || text.charCodeAt(itemStart + 1) === SPACE)) throw UNSUPPORTED;
        parsed = this.readInline(itemStart, end, column, depth + 1);
      }
      value.push(parsed.value);
      items.push(parsed.node);
      after = parsed.after;
    }
    return { value, node: { start: this.base + start, end: after, items }, after };
  }

  /** A block collection starting on the current line at `column`. */
  private readBlock(column: number, depth: number): Parsed {
    return this.isSeqItem(this.line, column) ? this.readSeq(column, depth) : this.readMap(column, depth);
  }

  /**
   * A scalar or flow collection that is the rest of the current line (a comment aside); the
   * lines after it must not be indented deeper than `column` (they would continue it).
   */
  private readInline(at: number, end: number, column: number, depth: number): Parsed {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value: unknown;
    let node: SimpleNode;
    if (c === 91 || c === 123) {
      const flow = this.readFlow(at, end, depth);
      value = flow.value;
      node = flow.node;
    } else if (c === 34 || c === 39) {
      const quoted = this.readQuoted(at, end);
      value = quoted.value;
      node = { start: this.base + at, end: this.base + quoted.end };
    } else {
      if (isIndicator(c) && !(c === DASH && at + 1 < end && text.charCodeAt(at + 1) !== SPACE)) throw UNSUPPORTED;
      let stop = text.indexOf(' #', at);
      if (stop < 0 || stop > end) stop = end;
      while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
      const source = text.slice(at, stop);
      if (source.includes(': ') || source.endsWith(':')) throw UNSUPPORTED;
      value = plainValue(source);
      node = { start: this.base + at, end: this.base + stop };
    }
    const valueEnd = node.end - this.base;
    const rest = this.skipSpaces(valueEnd, end);
    if (rest < end && (text.charCodeAt(rest) !== HASH || rest === valueEnd)) throw UNSUPPORTED;
    const line = this.line;
    this.line++;
    this.skipNonContent();
    if (this.line < this.starts.length && this.indents[this.line]! > column) throw UNSUPPORTED;
    return { value, node, after: this.base + this.nexts[line]! };
  }

  private readQuoted(at: number, end: number): { value: string; end: number } {
    const text = this.text;
    const quote = text.charCodeAt(at);
    if (quote === 34) {
      const close = text.indexOf('"', at + 1);
      if (close < 0 || close >= end) throw UNSUPPORTED;
      return { value: text.slice(at + 1, close), end: close + 1 };
    }
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close < 0 || close >= end) throw UNSUPPORTED;
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) !== 39) return { value, end: close + 1 };
      value += "'";
      from = close + 2;
    }
  }

  /** A flow sequence or mapping that closes on the same line. */
  private readFlow(at: number, end: number, depth: number): { value: unknown; end: number; node: SimpleNode } {
    if (depth > MAX_DEPTH) throw UNSUPPORTED;
    const text = this.text;
    const isMap = text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const node: SimpleNode = { start: this.base + at, end: 0, flow: true };
    const list: unknown[] = [];
    const record: Record<string, unknown> = {};
    if (isMap) node.keys = new Map();
    else node.items = [];
    let p = this.skipSpaces(at + 1, end);
    if (text.charCodeAt(p) === close) {
      node.end = this.base + p + 1;
      return { value: isMap ? record : list, end: p + 1, node };
    }
    for (;;) {
      if (p >= end) throw UNSUPPORTED;
      let key: string | undefined;
      if (isMap) {
        const colon = this.keyAt(p, end);
        if (colon < 0 || colon + 1 >= end) throw UNSUPPORTED;
        key = text.slice(p, colon);
        if (node.keys!.has(key) || RESERVED_KEY.test(key)) throw UNSUPPORTED;
        p = this.skipSpaces(colon + 1, end);
      }
      const item = this.readFlowItem(p, end, depth + 1);
      if (key === undefined) {
        list.push(item.value);
        node.items!.push(item.node);
      } else {
        record[key] = item.value;
        node.keys!.set(key, item.node);
      }
      p = this.skipSpaces(item.end, end);
      const c = text.charCodeAt(p);
      if (c === close) break;
      if (c !== 44) throw UNSUPPORTED;
      p = this.skipSpaces(p + 1, end);
      // A trailing comma or an empty entry: left to yaml.
      if (text.charCodeAt(p) === close || text.charCodeAt(p) === 44) throw UNSUPPORTED;
    }
    node.end = this.base + p + 1;
    return { value: isMap ? record : list, end: p + 1, node };
  }

  private readFlowItem(at: number, end: number, depth: number): { value: unknown; end: number; node: SimpleNode } {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 91 || c === 123) return this.readFlow(at, end, depth);
    if (c === 34 || c === 39) {
      const quoted = this.readQuoted(at, end);
      if (text.charCodeAt(this.skipSpaces(quoted.end, end)) === COLON) throw UNSUPPORTED;
      return { value: quoted.value, end: quoted.end, node: { start: this.base + at, end: this.base + quoted.end } };
    }
    if (at >= end || (isIndicator(c) && !(c === DASH && at + 1 < end && text.charCodeAt(at + 1) !== SPACE && !isFlowIndicator(text.charCodeAt(at + 1))))) throw UNSUPPORTED;
    let p = at;
    for (; p < end; p++) {
      const d = text.charCodeAt(p);
      if (isFlowIndicator(d)) break;
      if (d === HASH && text.charCodeAt(p - 1) === SPACE) throw UNSUPPORTED;
      if (d === COLON) {
        const next = p + 1 < end ? text.charCodeAt(p + 1) : SPACE;
        // `key: value` inside a sequence, or a `:` that ends the scalar: left to yaml.
        if (next === SPACE || isFlowIndicator(next)) throw UNSUPPORTED;
      }
    }
    let stop = p;
    while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
    if (stop === at) throw UNSUPPORTED;
    return { value: plainValue(text.slice(at, stop)), end: stop, node: { start: this.base + at, end: this.base + stop } };
  }
}

/**
 * One YAML document (`text`, which starts at `base` in its file) read by the subset reader;
 * undefined when it is outside the subset, and yaml must read it.
 */
export function readSimpleYaml(text: string, base: number): SimpleYaml | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  try {
    return new SimpleReader(text, base).read();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
