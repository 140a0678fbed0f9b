import type { Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { LineIndex } from '../file/line-index';
import type { TextEdit } from './text-edit';
import { nodeSpan } from '../file/yaml-node-lookup';

/**
 * Removes the entry spanning [start, end) from a collection: in block style the whole line(s)
 * with any trailing comment (or just the entry where something such as "- " precedes it on its
 * line), in flow style the entry and one neighbouring comma.
 */
function removeEntryEdit(lines: LineIndex, flow: boolean, start: number, end: number): TextEdit {
  const text = lines.text;
  if (flow) {
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) return { start, end: end + after[0].length, newText: '' };
    const before = /,\s*$/.exec(text.slice(0, start));
    return { start: before ? start - before[0].length : start, end, newText: '' };
  }
  const firstLine = lines.positionAt(start).line;
  const lineStart = lines.lineStart(firstLine);
  const lastLine = lines.positionAt(text[end - 1] === '\n' ? end - 1 : end).line;
  const lineAfter = Math.min(text.length, lines.lineStart(lastLine + 1));
  if (text.slice(lineStart, start).trim() === '') return { start: lineStart, end: lineAfter, newText: '' };
  return { start, end: lineAfter, newText: '\n' };
}

/** Removes a pair from its map. */
export function removePairEdit(lines: LineIndex, map: YAMLMap, pair: Pair): TextEdit | undefined {
  const keySpan = nodeSpan(pair.key);
  if (!keySpan) return undefined;
  return removeEntryEdit(lines, !!map.flow, keySpan[0], nodeSpan(pair.value)?.[1] ?? keySpan[1]);
}

/** Removes an item from a sequence, including its "- " in block style. */
export function removeSeqItemEdit(lines: LineIndex, seq: YAMLSeq, index: number): TextEdit | undefined {
  const span = nodeSpan(seq.items[index]);
  if (!span) return undefined;
  if (seq.flow) return removeEntryEdit(lines, true, span[0], span[1]);
  const dash = /-\s*$/.exec(lines.text.slice(lines.lineStart(lines.positionAt(span[0]).line), span[0]));
  return removeEntryEdit(lines, false, dash ? span[0] - dash[0].length : span[0], span[1]);
}

/** Text of a scalar in the same quoting style as the source it replaces. */
export function sameQuoting(source: string, value: string): string {
  if (source.startsWith('"')) return JSON.stringify(value);
  if (source.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return value;
}
