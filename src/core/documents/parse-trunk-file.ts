import { isCollection, isPair, isScalar, parseAllDocuments, YAMLParseError, type Document, type Node, type YAMLError } from 'yaml';
import { documentRuleDiagnostics } from './document-rules';
import { LineIndex, type SourceRange } from './line-index';
import { schemaDiagnostics } from './schema-diagnostics';
import { collectClaims, crossDocumentDiagnostics, type TrunkClaim } from './trunk-claims';
import type { TrunkDiagnostic } from './trunk-diagnostic';
import { isTrunkKind } from './trunk-kinds';
import type { TrunkSpecByKind } from './trunk-specs';
import { validateTrunkValue } from './trunk-validator';
import { nodeSpan } from './yaml-node-lookup';

export interface ParseTrunkFileOptions {
  /** Names of the connected accounts; omitted skips the unknown-account rule. */
  knownAccounts?: readonly string[];
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
 * The file's YAML documents, each with its structure. yaml's errors are Error objects whose
 * stack nobody reads; capturing one each was most of the time of a file with thousands of errors.
 */
function parseYaml(text: string): { document: Document.Parsed; structure: Structure }[] {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }).map((document) => ({ document, structure: inspectStructure(document) }));
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
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
      diagnostics.push(yamlDiagnostic({ code: 'ALIAS_PROPS', message, pos: [span[0], span[0]] }, lines, 'error'));
    }
  }
  const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const kind = isTrunkKind(record.kind) ? record.kind : undefined;
  // Schema errors on top of a syntax error are mostly noise (a half-typed line): fix syntax first.
  if (document.errors.length === 0 && value !== undefined) {
    diagnostics.push(...schemaDiagnostics({ errors: validateTrunkValue(value), value, contents: document.contents, lines }));
    diagnostics.push(...documentRuleDiagnostics({ kind, value, contents: document.contents, lines, knownAccounts: options.knownAccounts }));
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
    return { ...document, diagnostics, ...(invalid ? { valid: false, spec: undefined } : {}) } as TrunkDocument;
  });
}

/**
 * Parses and validates the text of a trunk file: every YAML document separately, then the
 * rules between documents of the file. Never throws; a failure becomes a diagnostic.
 */
export function parseTrunkFile(text: string, options: ParseTrunkFileOptions = {}): TrunkFile {
  const lines = new LineIndex(text);
  const documents: TrunkDocument[] = [];
  const claims: TrunkClaim[] = [];
  const fileDiagnostics: TrunkDiagnostic[] = [];
  try {
    parseYaml(text).forEach(({ document, structure }, index) => {
      if (isEmpty(document) && document.errors.length === 0) return;
      try {
        const { doc, value } = readDocument(document, structure, index, lines, options);
        documents.push(doc);
        if (doc.yaml.errors.length === 0) claims.push(...collectClaims({ index, kind: doc.kind, account: doc.account, value, contents: document.contents }, lines));
      } catch (error) {
        fileDiagnostics.push(internalError(lines, document.range[0], error));
      }
    });
    documents.splice(0, documents.length, ...withDocumentErrors(documents, crossDocumentDiagnostics(claims)));
  } catch (error) {
    fileDiagnostics.push(internalError(lines, 0, error));
  }
  const diagnostics = [...fileDiagnostics, ...documents.flatMap((d) => d.diagnostics)].sort(byPosition);
  return { text, lines, documents, diagnostics, claims };
}
