import { isMap, isScalar } from 'yaml';
import { documentAt } from '../file/document-at';
import type { TextEdit } from './text-edit';
import { findPair, nodeSpan } from '../file/yaml-node-lookup';

/**
 * Writes `sid` into one document after Push created its resource: replaces an existing `sid`
 * value, or inserts `sid:` on the line after `account` (after `kind` without an account).
 * Only that line changes; comments, order and the other documents stay as they are.
 */
export function setDocumentSid(text: string, documentIndex: number, sid: string): TextEdit[] {
  if (!/^[A-Za-z0-9-]+$/.test(sid)) throw new Error(`Not a SID: ${JSON.stringify(sid)}`);
  const { document, lines } = documentAt(text, documentIndex);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const root = document.contents;
  if (!isMap(root)) throw new Error(`Document ${documentIndex + 1} is not a mapping; cannot write its sid.`);

  const existing = findPair(root, 'sid');
  if (existing) {
    const span = nodeSpan(existing.value);
    if (span && span[1] > span[0] && isScalar(existing.value)) return [{ start: span[0], end: span[1], newText: sid }];
    const keyEnd = nodeSpan(existing.key)?.[1] ?? 0;
    const colon = text.indexOf(':', keyEnd);
    return [{ start: colon + 1, end: span && span[1] > span[0] ? span[1] : colon + 1, newText: ` ${sid}` }];
  }

  const anchor = findPair(root, 'account') ?? findPair(root, 'kind');
  const anchorEnd = anchor ? (nodeSpan(anchor.value)?.[1] ?? nodeSpan(anchor.key)?.[1]) : undefined;
  if (root.flow) {
    const at = anchorEnd ?? (nodeSpan(root)?.[0] ?? 0) + 1;
    return [{ start: at, end: at, newText: anchor ? `, sid: ${sid}` : ` sid: ${sid},` }];
  }
  const firstKey = nodeSpan(root.items[0]?.key);
  const indentOf = (offset: number): string => ' '.repeat(lines.positionAt(offset).character);
  if (anchorEnd === undefined || !anchor) {
    const start = firstKey?.[0] ?? 0;
    return [{ start, end: start, newText: `sid: ${sid}${eol}${indentOf(start)}` }];
  }
  const indent = indentOf(nodeSpan(anchor.key)?.[0] ?? 0);
  const line = lines.positionAt(text[anchorEnd - 1] === '\n' ? anchorEnd - 1 : anchorEnd).line;
  if (line + 1 < lines.lineCount) {
    const at = lines.lineStart(line + 1);
    return [{ start: at, end: at, newText: `${indent}sid: ${sid}${eol}` }];
  }
  return [{ start: text.length, end: text.length, newText: `${eol}${indent}sid: ${sid}` }];
}
