import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { schemaAtPath } from './schema-at-path';
import { isTrunkKind, type TrunkKind } from '../file/trunk-kinds';
import { KIND_SCHEMAS, TRUNK_FILE_SCHEMA, type JsonSchema } from '../file/trunk-schemas';
import { keyText } from '../file/yaml-node-lookup';

// Where the cursor is in terms of the schema, even in a half-typed line: a marker is put at the
// cursor (as a key where a key fits), the document is parsed, and the marker's path is read back.

const MARK = 'TRUNKLINE_CURSOR_7f3a';

export interface CursorContext {
  kind: TrunkKind | undefined;
  account: string | undefined;
  /** 'key': path of the mapping the key goes in; 'value': path of the value itself. */
  position: 'key' | 'value';
  path: (string | number)[];
  /** The schema of the document (kind's, or the combined one while `kind` is unknown). */
  rootSchema: JsonSchema;
  /** What is typed of the token at the cursor, quotes removed. */
  prefix: string;
  /** The whole token at the cursor: what a completion replaces. */
  replace: { start: number; end: number };
  /** A `:` already follows the token (a key is being renamed, not added). */
  hasColon: boolean;
  /** Keys already present in the mapping (position 'key'). */
  presentKeys: string[];
  /** Values already in the list that holds the value (position 'value' in a list). */
  listValues: unknown[];
}

interface Found {
  position: 'key' | 'value';
  path: (string | number)[];
  presentKeys: string[];
  listValues: unknown[];
}

function findMark(node: unknown, path: (string | number)[]): Found | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key?.includes(MARK)) {
        const presentKeys = node.items.map(keyText).filter((k): k is string => k !== undefined && !k.includes(MARK));
        return { position: 'key', path, presentKeys, listValues: [] };
      }
      if (key === undefined) continue;
      const inner = findMark(pair.value, [...path, key]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (isScalar(item) && typeof item.value === 'string' && item.value.includes(MARK)) {
        const listValues = node.items.filter((other, j) => j !== i && isScalar(other)).map((other) => (other as { value: unknown }).value);
        return { position: 'value', path: [...path, i], presentKeys: [], listValues };
      }
      const inner = findMark(item, [...path, i]);
      if (inner) return inner;
    }
  } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes(MARK)) {
    return { position: 'value', path, presentKeys: [], listValues: [] };
  }
  return undefined;
}

/** [start, end) of the YAML document (between `---` lines) that holds `offset`. */
function documentBounds(text: string, offset: number): [number, number] {
  const marker = /^(?:---|\.\.\.)(?=\s|$)[^\n]*\n?/gm;
  let start = 0;
  let end = text.length;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match.index + match[0].length <= offset) start = match.index + match[0].length;
    else if (match.index >= offset) {
      end = match.index;
      break;
    }
  }
  return [start, end];
}

function unclosedFlow(before: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const char of before) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') break;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
  }
  return depth > 0;
}

export function cursorContextAt(text: string, offset: number): CursorContext | undefined {
  const [docStart, docEnd] = documentBounds(text, offset);
  const doc = text.slice(docStart, docEnd);
  const at = offset - docStart;
  let tokenStart = at;
  while (tokenStart > 0 && !/[\s,[\]{}]/.test(doc[tokenStart - 1] ?? ' ')) tokenStart--;
  let tokenEnd = at;
  while (tokenEnd < doc.length && !/[\s,[\]{}]/.test(doc[tokenEnd] ?? ' ') && !(doc[tokenEnd] === ':' && /[\s]/.test(doc[tokenEnd + 1] ?? ' '))) tokenEnd++;
  // A key being typed right before its colon (`secu|: true`): the colon ends the token.
  if (doc[tokenEnd - 1] === ':' && tokenEnd === at) tokenEnd--;
  const lineStart = doc.lastIndexOf('\n', tokenStart - 1) + 1;
  const before = doc.slice(lineStart, tokenStart);
  const lineEnd = doc.indexOf('\n', tokenEnd) === -1 ? doc.length : doc.indexOf('\n', tokenEnd);
  const after = doc.slice(tokenEnd, lineEnd);
  const hasColon = /^:(\s|$)/.test(after);
  const keyLike = /^\s*(?:-\s+)*$/.test(before) && !unclosedFlow(before) && !doc.slice(tokenStart, at).startsWith('"');
  const flowKeyLike = unclosedFlow(before) && /[{,]\s*$/.test(before) && lastOpen(before) === '{';

  const withMark = (suffix: string): string => doc.slice(0, at) + MARK + doc.slice(at, tokenEnd) + suffix + doc.slice(tokenEnd);
  const variants: string[] = [];
  if ((keyLike || flowKeyLike) && !hasColon) variants.push(withMark(flowKeyLike ? ': ' : ':'));
  variants.push(withMark(''));

  const prefixRaw = doc.slice(tokenStart, at);
  const base = {
    prefix: prefixRaw.replace(/^["']/, ''),
    replace: { start: docStart + tokenStart, end: docStart + tokenEnd },
    hasColon,
  };
  let fallback: CursorContext | undefined;
  for (const variant of variants) {
    let parsed;
    try {
      parsed = parseDocument(variant, { prettyErrors: false });
    } catch {
      continue;
    }
    const found = findMark(parsed.contents as Node | null, []);
    if (!found) continue;
    const root = parsed.contents;
    const kindValue: unknown = isMap(root) ? root.get('kind') : undefined;
    const accountValue: unknown = isMap(root) ? root.get('account') : undefined;
    const kind = isTrunkKind(kindValue) ? kindValue : undefined;
    const rootSchema = kind ? KIND_SCHEMAS[kind] : TRUNK_FILE_SCHEMA;
    const context: CursorContext = {
      ...base,
      ...found,
      kind,
      account: typeof accountValue === 'string' ? accountValue : undefined,
      rootSchema,
    };
    // A marker parsed as a key where only scalars fit (a list of numbers): try it as a value.
    if (found.position === 'key' && !schemaAtPath(rootSchema, found.path)?.properties) {
      fallback ??= context;
      continue;
    }
    return context;
  }
  return fallback;
}

function lastOpen(before: string): string | undefined {
  const stack: string[] = [];
  for (const char of before) {
    if (char === '[' || char === '{') stack.push(char);
    else if (char === ']' || char === '}') stack.pop();
  }
  return stack[stack.length - 1];
}
