import { isCollection, isPair, isScalar, parseAllDocuments, visit, YAMLParseError, type Document, type Node, type YAMLError } from 'yaml';
import type { AccountProvider } from '../../accounts/account';
import { documentRuleDiagnostics } from '../validate/document-rules';
import { LineIndex, type SourcePosition, type SourceRange } from './line-index';
import { schemaDiagnostics } from '../validate/schema-diagnostics';
import { collectClaims, crossDocumentDiagnostics, yamlSpanAt, type TrunkClaim } from '../validate/trunk-claims';
import type { TrunkDiagnostic } from '../validate/trunk-diagnostic';
import { isTrunkKind } from './trunk-kinds';
import type { TrunkSpecByKind } from './trunk-specs';
import { isValidTrunkValue, validateTrunkValue } from '../validate/trunk-validator';
import { nodeSpan } from './yaml-node-lookup';
import { readSimpleYaml, simpleNodeSpan } from './read-simple-yaml';

export interface ParseTrunkFileOptions {
  /** Names of the connected accounts; omitted skips the unknown-account rule. */
  knownAccounts?: readonly string[];
  /**
   * Read all documents in one parse of the file instead of one parse per document: the
   * reference the per-document reading is tested against (same results, no reuse).
   */
  wholeFile?: boolean;
  /** The provider of each known account; a document whose kind is another provider's is an error. */
  accountProviders?: ReadonlyMap<string, AccountProvider>;
}

interface TrunkDocumentBase {
  /** Position among the file's YAML documents (empty ones included); write-back takes it. */
  index: number;
  /** From the document's first key to the end of its content. */
  range: SourceRange;
  account: string | undefined;
  sid: string | undefined;
  /** No error diagnostics in this file (cross-file ones come from WorkspaceIndex). */
  valid: boolean;
  diagnostics: TrunkDiagnostic[];
  yaml: Document.Parsed;
}

export type TrunkDocument = TrunkDocumentBase &
  (
    | { [K in keyof TrunkSpecByKind]: { kind: K; /** Only when valid. */ spec: TrunkSpecByKind[K] | undefined } }[keyof TrunkSpecByKind]
    | { kind: undefined; spec: undefined }
  );

export interface TrunkFile {
  text: string;
  lines: LineIndex;
  /** Non-empty documents, in file order. */
  documents: TrunkDocument[];
  /** Every document's diagnostics plus problems outside any document, by position. */
  diagnostics: TrunkDiagnostic[];
  /** Phone numbers and domains the documents claim: feed them to a WorkspaceIndex. */
  claims: TrunkClaim[];
}

const FRIENDLY_YAML_MESSAGES: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'Duplicate key: each key may appear only once in a mapping.',
  TAB_AS_INDENT: 'Tabs are not allowed as indentation in YAML; indent with spaces.',
  BAD_INDENT: 'Bad indentation: ',
  MISSING_CHAR: 'Missing character: ',
};

function yamlDiagnostic(error: Pick<YAMLError, 'code' | 'message' | 'pos'>, lines: LineIndex, severity: 'error' | 'warning'): TrunkDiagnostic {
  const [start, rawEnd] = error.pos;
  let end = rawEnd > start ? rawEnd : Math.min(start + 1, lines.text.length);
  if (error.code === 'DUPLICATE_KEY') {
    // yaml points at the key's first character; the whole key reads better.
    const key = /^(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s:,{}[\]]+)/.exec(lines.text.slice(start));
    if (key) end = start + key[0].length;
  }
  const friendly = FRIENDLY_YAML_MESSAGES[error.code];
  const message = friendly?.endsWith(': ') ? friendly + error.message : (friendly ?? error.message);
  return { severity, code: 'yaml-syntax', message, range: lines.range(start, end), source: 'trunkline' };
}

function internalError(lines: LineIndex, at: number, error: unknown): TrunkDiagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    code: 'internal-error',
    message: `Trunkline could not check this document (${detail}). Please report this.`,
    range: lines.range(at, at),
    source: 'trunkline',
  };
}

/** A trunk file nests six levels at most; anything far deeper is not one, and recursing into it overflows the stack. */
const MAX_DEPTH = 64;

/** What makes a document impossible to convert quickly and safely; it is then reported, not converted. */
interface Structure {
  /** A collection nested deeper than MAX_DEPTH. */
  tooDeep: Node | undefined;
  /**
   * A key that is not a plain scalar (`? [a, b]: 1`, `*alias: 1`): trunk files only have names as
   * keys, and turning nested collection keys into JSON keys takes exponential time (a
   * 700-character line of `? ? ? …` took four seconds).
   */
  complexKey: Node | undefined;
}

/**
 * One walk over the document, without recursion (a deep document would overflow the stack). It
 * also adds the duplicate-key errors: yaml's own check (uniqueKeys) compares each key with every
 * earlier one, so a mapping of 5,000 keys took 170 ms; it is turned off and done here with one set
 * per mapping, giving the error yaml would have given.
 */
function inspectStructure(document: Document.Parsed): Structure {
  const found: Structure = { tooDeep: undefined, complexKey: undefined };
  const stack: [unknown, number][] = [[document.contents, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      found.tooDeep ??= node;
      continue;
    }
    const keys = new Set<unknown>();
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        stack.push([item, depth + 1]);
        continue;
      }
      const key = item.key;
      // yaml compares scalar keys by value (NaN never equals itself); other keys never collide.
      if (isScalar(key) && !Number.isNaN(key.value)) {
        if (keys.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          document.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        keys.add(key.value);
      } else if (key !== null && !isScalar(key)) {
        found.complexKey ??= key as Node;
      }
      stack.push([key, depth + 1], [item.value, depth + 1]);
    }
  }
  return found;
}

/**
 * The YAML documents of `text`, each with its structure. yaml's errors are Error objects whose
 * stack nobody reads; capturing one each was most of the time of a file with thousands of errors.
 */
function parseYaml(text: string): Document.Parsed[] {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** A document marker at a line start; `...` and directives make the file fall back to one parse. */
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const NOT_SPLITTABLE = /^(?:\.\.\.|%)/m;
const ONLY_COMMENTS = /^\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/;

/**
 * Where the file's YAML documents start: at 0 and at every `---` line (a leading one after
 * nothing but comments belongs to the first document, as in yaml's own reading). Undefined
 * when the file uses `...` or directives, whose documents are read by one parse of the file.
 */
function documentStarts(text: string): number[] | undefined {
  if (NOT_SPLITTABLE.test(text)) return undefined;
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) {
    if (match.index === 0) continue;
    if (starts.length === 1 && ONLY_COMMENTS.test(text.slice(0, match.index))) continue;
    starts.push(match.index);
  }
  return starts;
}

/** Moves every offset of a parsed document by `delta` (its text moved within the file). */
function shiftYaml(document: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  const shift = (range: number[] | null | undefined): void => {
    if (range) for (let i = 0; i < range.length; i++) range[i]! += delta;
  };
  shift(document.range);
  for (const e of document.errors) shift(e.pos);
  for (const e of document.warnings) shift(e.pos);
  const stack: unknown[] = [document.contents];
  for (let node = stack.pop(); stack.length > 0 || node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    shift((node as { range?: number[] | null }).range);
    if (isCollection(node)) for (const item of node.items as unknown[]) stack.push(item);
  }
}

/** Where the first alias without an earlier anchor is (`*name`), so that the error sits on it rather than on the document. */
function unresolvedAliasSpan(document: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) !== undefined) return undefined;
      found = nodeSpan(alias);
      return visit.BREAK;
    },
  });
  return found;
}

function isEmpty(document: Document.Parsed): boolean {
  const contents = document.contents;
  return contents === null || (isScalar(contents) && contents.value === null && (nodeSpan(contents)?.[1] ?? 0) === (nodeSpan(contents)?.[0] ?? 0));
}

function byPosition(a: TrunkDiagnostic, b: TrunkDiagnostic): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset;
}

function readDocument(document: Document.Parsed, structure: Structure, index: number, lines: LineIndex, options: ParseTrunkFileOptions): { doc: TrunkDocument; value: unknown } {
  const diagnostics = [
    ...document.errors.map((e) => yamlDiagnostic(e, lines, 'error')),
    ...document.warnings.map((e) => yamlDiagnostic(e, lines, 'warning')),
  ];
  const span = nodeSpan(document.contents) ?? [document.range[0], document.range[1]];
  let value: unknown;
  const onFirstLine = (node: Node, message: string): void => {
    const start = nodeSpan(node)?.[0] ?? span[0];
    const end = Math.min(nodeSpan(node)?.[1] ?? start, lines.lineEnd(lines.positionAt(start).line));
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', message, range: lines.range(start, Math.max(end, start + 1)), source: 'trunkline' });
  };
  if (structure.tooDeep) {
    onFirstLine(structure.tooDeep, `This is nested more than ${MAX_DEPTH} levels deep; a trunk file's values are a few levels deep at most.`);
  } else if (structure.complexKey) {
    onFirstLine(structure.complexKey, 'Keys must be plain names such as friendly_name; a list, mapping or alias as a key has no meaning in a trunk file.');
  } else {
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      diagnostics.push(yamlDiagnostic({ code: 'ALIAS_PROPS', message, pos: unresolvedAliasSpan(document) ?? [span[0], span[0]] }, lines, 'error'));
    }
  }
  const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const kind = isTrunkKind(record.kind) ? record.kind : undefined;
  // Schema errors on top of a syntax error are mostly noise (a half-typed line): fix syntax first.
  if (document.errors.length === 0 && value !== undefined) {
    diagnostics.push(...schemaDiagnostics({ errors: validateTrunkValue(value), value, contents: document.contents, lines }));
    diagnostics.push(...documentRuleDiagnostics({ kind, value, contents: () => document.contents, lines, knownAccounts: options.knownAccounts, accountProviders: options.accountProviders }));
  }
  diagnostics.sort(byPosition);
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const doc = {
    index,
    range: lines.range(span[0], span[1]),
    kind,
    account: typeof record.account === 'string' ? record.account : undefined,
    sid: typeof record.sid === 'string' ? record.sid : undefined,
    spec: valid && kind ? record.spec : undefined,
    valid,
    diagnostics,
    yaml: document,
  } as TrunkDocument;
  return { doc, value };
}

/** One YAML document of a file as last read: enough to reuse it when the file changes elsewhere. */
interface ReadDocument {
  text: string;
  start: number;
  line: number;
  index: number;
  /** Undefined for an empty document. Its `yaml` is not used: see `yaml`. */
  doc: TrunkDocument | undefined;
  yaml: YamlOfDocument;
  /** The document's own diagnostics (before the rules between documents). */
  own: TrunkDiagnostic[];
  claims: TrunkClaim[];
  internal: TrunkDiagnostic | undefined;
}

interface Reusable {
  optionsKey: string;
  documents: ReadDocument[];
}

/**
 * A document's yaml nodes and the offset they were last moved to: a document read from an
 * earlier text is moved to where it is now only when someone reads its nodes. A document the
 * subset reader read has none until someone asks (`text` is then parsed alone).
 */
interface YamlOfDocument {
  document: Document.Parsed | undefined;
  text: string;
  at: number;
}

/** The document's yaml nodes at `start`, parsed now if no one had asked before. */
function yamlAt(yaml: YamlOfDocument, start: number): Document.Parsed {
  if (!yaml.document) {
    const document = parseYaml(yaml.text)[0]!;
    inspectStructure(document);
    yaml.document = document;
    yaml.at = 0;
  }
  if (yaml.at !== start) {
    shiftYaml(yaml.document, start - yaml.at);
    yaml.at = start;
  }
  return yaml.document;
}

/** What a TrunkFile lends to the next parse of the same file (see parseTrunkFile's `previous`). */
const reusable = new WeakMap<TrunkFile, Reusable>();

/** Documents read with other options have other diagnostics: never reused across options. */
function optionsKey(options: ParseTrunkFileOptions): string {
  const accounts = options.knownAccounts ? `accounts:${options.knownAccounts.join('\n')}` : '';
  const providers = options.accountProviders ? [...options.accountProviders].map(([name, provider]) => `${name}\u0000${provider}`).join('\n') : '';
  return `${accounts}|${providers}`;
}

function readParsed(document: Document.Parsed, end: number, start: number, index: number, lines: LineIndex, options: ParseTrunkFileOptions): ReadDocument {
  const text = lines.text.slice(start, end);
  const read: ReadDocument = { text, start, line: lines.positionAt(start).line, index, doc: undefined, yaml: { document, text, at: start }, own: [], claims: [], internal: undefined };
  const structure = inspectStructure(document);
  if (isEmpty(document) && document.errors.length === 0) return read;
  try {
    const { doc, value } = readDocument(document, structure, index, lines, options);
    read.doc = doc;
    read.own = doc.diagnostics;
    if (document.errors.length === 0) read.claims = collectClaims({ index, kind: doc.kind, account: doc.account, value, spanAt: yamlSpanAt(document.contents) }, lines);
  } catch (error) {
    read.internal = internalError(lines, document.range[0], error);
  }
  return read;
}

function shiftPosition(p: SourcePosition, offset: number, line: number): SourcePosition {
  return { offset: p.offset + offset, line: p.line + line, character: p.character };
}

function shiftRange(r: SourceRange, offset: number, line: number): SourceRange {
  return { start: shiftPosition(r.start, offset, line), end: shiftPosition(r.end, offset, line) };
}

function shiftDiagnostic(d: TrunkDiagnostic, offset: number, line: number): TrunkDiagnostic {
  const shifted: TrunkDiagnostic = { ...d, range: shiftRange(d.range, offset, line) };
  if (d.fixes) shifted.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })) }));
  if (d.related) shifted.related = d.related.map((r) => (r.uri === undefined ? { ...r, range: shiftRange(r.range, offset, line) } : r));
  return shifted;
}

/** A document read from the previous text, moved to where it is now (its yaml nodes: when read). */
function moveDocument(read: ReadDocument, start: number, line: number, index: number): ReadDocument {
  const offset = start - read.start;
  const lineDelta = line - read.line;
  if (offset === 0 && lineDelta === 0 && index === read.index) return read;
  const own = read.own.map((d) => shiftDiagnostic(d, offset, lineDelta));
  let doc: TrunkDocument | undefined;
  if (read.doc) {
    doc = { ...read.doc, index, range: shiftRange(read.doc.range, offset, lineDelta), diagnostics: own };
  }
  return {
    text: read.text,
    start,
    line,
    index,
    doc,
    yaml: read.yaml,
    own,
    claims: read.claims.map((c) => ({ ...c, documentIndex: index, range: shiftRange(c.range, offset, lineDelta) })),
    internal: read.internal && shiftDiagnostic(read.internal, offset, lineDelta),
  };
}

/**
 * `doc` with its yaml nodes at `start`. Files parsed from successive texts share the nodes of
 * unchanged documents; each moves them to its own offsets when it hands them out, so an
 * earlier TrunkFile stays right too.
 */
function withYaml(doc: TrunkDocument, yaml: YamlOfDocument, start: number): TrunkDocument {
  return Object.defineProperty(doc, 'yaml', {
    enumerable: true,
    configurable: true,
    get: () => yamlAt(yaml, start),
  });
}

/**
 * One document read by the subset reader (read-simple-yaml.ts), without yaml: what readParsed
 * gives for it, its yaml nodes parsed only when someone reads them. `unsupported` when the text
 * is outside the subset; `invalid` when the schema finds problems (yaml's nodes place each one:
 * readParsed reads it).
 */
function readSimple(chunk: string, start: number, index: number, lines: LineIndex, options: ParseTrunkFileOptions): ReadDocument | 'unsupported' | 'invalid' {
  const simple = readSimpleYaml(chunk, start);
  if (!simple) return 'unsupported';
  const yaml: YamlOfDocument = { document: undefined, text: chunk, at: 0 };
  const read: ReadDocument = { text: chunk, start, line: lines.positionAt(start).line, index, doc: undefined, yaml, own: [], claims: [], internal: undefined };
  if (simple.empty) return read;
  const value = simple.value;
  try {
    if (!isValidTrunkValue(value)) return 'invalid';
    const kind = isTrunkKind(value.kind) ? value.kind : undefined;
    const account = typeof value.account === 'string' ? value.account : undefined;
    const diagnostics = documentRuleDiagnostics({ kind, value, contents: () => yamlAt(yaml, start).contents, lines, knownAccounts: options.knownAccounts, accountProviders: options.accountProviders });
    diagnostics.sort(byPosition);
    const valid = !diagnostics.some((d) => d.severity === 'error');
    read.doc = {
      index,
      range: lines.range(simple.span[0], simple.span[1]),
      kind,
      account,
      sid: typeof value.sid === 'string' ? value.sid : undefined,
      spec: valid && kind ? value.spec : undefined,
      valid,
      diagnostics,
      yaml: undefined,
    } as unknown as TrunkDocument;
    read.own = diagnostics;
    read.claims = collectClaims({ index, kind, account, value, spanAt: (path) => simpleNodeSpan(simple.contents, path) }, lines);
    return read;
  } catch {
    // Whatever failed fails again in readParsed, which reports it.
    return 'invalid';
  }
}

/**
 * Every document of the file, read from `previous` where its text is unchanged (typing in one
 * document of a large file re-reads only that one); undefined when the file cannot be split
 * into documents that read alone exactly as in the whole file.
 */
function readDocuments(text: string, lines: LineIndex, options: ParseTrunkFileOptions, previous: Reusable | undefined, firstRead = false): ReadDocument[] | undefined {
  const starts = documentStarts(text);
  if (!starts) return undefined;
  const before = previous && previous.optionsKey === optionsKey(options) ? previous.documents : [];
  const used = new Set<ReadDocument>();
  // An edit leaves the documents before it in place and those after it at the same distance
  // from the end (a document added or removed shifts them by one); anything else is read again.
  const unchanged = (chunk: string, index: number): ReadDocument | undefined => {
    for (const candidate of [before[index], before[index + before.length - starts.length]]) {
      if (candidate && !used.has(candidate) && candidate.text === chunk) return candidate;
    }
    return undefined;
  };
  const documents: ReadDocument[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const end = starts[index + 1] ?? text.length;
    const chunk = text.slice(start, end);
    const old = before.length > 0 ? unchanged(chunk, index) : undefined;
    if (old) used.add(old);
    if (old) {
      documents.push(moveDocument(old, start, lines.positionAt(start).line, index));
      continue;
    }
    const simple = readSimple(chunk, start, index, lines, options);
    if (typeof simple === 'object') {
      documents.push(simple);
      continue;
    }
    // A first read of a file outside the subset: one parse of the whole file costs less than one per document.
    if (firstRead && simple === 'unsupported') return undefined;
    // Read with the next `---` after it, as in the file: yaml ends a broken document before a
    // marker where it would run on to the end of the text (a trailing blank line, say).
    const last = end === text.length;
    const parsed = parseYaml(last ? chunk : `${chunk}---`);
    // yaml may end a broken document early when it reads it alone (the rest of its text then
    // belongs to nothing), where the whole file's parse reads on: such a document is read with the file.
    const ended = last ? parsed.length === 1 && parsed[0]!.range[2] === chunk.length : parsed.length === 2 && parsed[1]!.range[0] === chunk.length;
    if (!ended) return undefined;
    const document = parsed[0]!;
    shiftYaml(document, start);
    if (errorAtBoundary(document, index, end, text.length)) return undefined;
    documents.push(readParsed(document, end, start, index, lines, options));
  }
  return documents;
}

/**
 * Whether the document has an error that may read differently when its neighbours change: one
 * before its content (yaml may give a stray token after `---` to the previous document) or one
 * reaching the next `---` (a quote or bracket left open). Such documents are read with the
 * whole file, never alone.
 */
function errorAtBoundary(document: Document.Parsed, index: number, end: number, fileEnd: number): boolean {
  const contentStart = nodeSpan(document.contents)?.[0] ?? end;
  return document.errors.some((e) => (index > 0 && e.pos[0] <= contentStart) || (end < fileEnd && e.pos[1] >= end));
}

/**
 * The whole file in one parse (cheaper than one parse per document when nothing can be reused).
 * The documents can be reused by the next parse when they start where a split would start them
 * and no error reaches across a `---` (see readDocuments); not for files that use `...` or
 * directives, or with `wholeFile`.
 */
function readWholeFile(text: string, lines: LineIndex, options: ParseTrunkFileOptions): { read: ReadDocument[]; reusable: boolean } {
  const parsed = parseYaml(text);
  const starts = options.wholeFile ? undefined : documentStarts(text);
  const aligned =
    starts !== undefined &&
    starts.length === parsed.length &&
    parsed.every((document, i) => {
      const start = starts[i]!;
      const end = starts[i + 1] ?? text.length;
      return document.range[0] >= start && document.range[0] <= end && !errorAtBoundary(document, i, end, text.length);
    });
  if (aligned) return { read: parsed.map((document, i) => readParsed(document, starts[i + 1] ?? text.length, starts[i]!, i, lines, options)), reusable: true };
  return { read: parsed.map((document, index) => readParsed(document, parsed[index + 1]?.range[0] ?? text.length, document.range[0], index, lines, options)), reusable: false };
}

/**
 * The documents with `errors` added to the one each lies in, made invalid (not planned) by
 * them: collisions between documents (two claiming one sid, number or domain) are errors of
 * both, found after each was parsed on its own. Documents that gain nothing are returned as
 * they are; the others are copies, so a cached parse is never changed.
 */
export function withDocumentErrors(documents: readonly TrunkDocument[], errors: readonly TrunkDiagnostic[]): TrunkDocument[] {
  const added = new Map<TrunkDocument, TrunkDiagnostic[]>();
  for (const diagnostic of errors) {
    const owner = documents.find((d) => d.range.start.offset <= diagnostic.range.start.offset && diagnostic.range.end.offset <= d.range.end.offset);
    if (owner) added.set(owner, [...(added.get(owner) ?? []), diagnostic]);
  }
  return documents.map((document) => {
    const more = added.get(document);
    if (!more) return document;
    const diagnostics = [...document.diagnostics, ...more].sort(byPosition);
    const invalid = more.some((d) => d.severity === 'error');
    // A copy that keeps `yaml` lazy (a getter: see withYaml).
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(document)) as TrunkDocument;
    return Object.assign(copy, { diagnostics }, invalid ? { valid: false, spec: undefined } : {});
  });
}

/**
 * Parses and validates the text of a trunk file: every YAML document separately, then the
 * rules between documents of the file. Never throws; a failure becomes a diagnostic.
 * With `previous` (the same file before an edit, parsed with the same options), documents
 * whose text did not change are taken from it instead of being parsed again; `previous` must
 * not be used afterwards.
 */
export function parseTrunkFile(text: string, options: ParseTrunkFileOptions = {}, previous?: TrunkFile): TrunkFile {
  const lines = new LineIndex(text);
  const documents: TrunkDocument[] = [];
  const claims: TrunkClaim[] = [];
  const fileDiagnostics: TrunkDiagnostic[] = [];
  let read: ReadDocument[] = [];
  let reuse = true;
  try {
    const before = previous && reusable.get(previous);
    const usable = before !== undefined && before.documents.length > 0 && before.optionsKey === optionsKey(options) && !options.wholeFile;
    const split = options.wholeFile ? undefined : usable ? readDocuments(text, lines, options, before) : readDocuments(text, lines, options, undefined, true);
    if (split) {
      read = split;
    } else {
      const whole = readWholeFile(text, lines, options);
      read = whole.read;
      reuse = whole.reusable;
    }
    for (const r of read) {
      if (r.internal) fileDiagnostics.push(r.internal);
      if (!r.doc) continue;
      documents.push(withYaml({ ...r.doc, diagnostics: [...r.own] }, r.yaml!, r.start));
      claims.push(...r.claims);
    }
    documents.splice(0, documents.length, ...withDocumentErrors(documents, crossDocumentDiagnostics(claims)));
  } catch (error) {
    fileDiagnostics.push(internalError(lines, 0, error));
  }
  const diagnostics = [...fileDiagnostics, ...documents.flatMap((d) => d.diagnostics)].sort(byPosition);
  const file = { text, lines, documents, diagnostics, claims };
  if (previous) reusable.delete(previous);
  // Documents of a file read in one parse do not start where a split would: not reusable.
  reusable.set(file, { optionsKey: optionsKey(options), documents: reuse ? read : [] });
  return file;
}
