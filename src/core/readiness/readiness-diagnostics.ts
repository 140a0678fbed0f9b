import { isMap, type Node, type YAMLMap } from 'yaml';
import type { TrunkDocument } from '../documents/file/parse-trunk-file';
import type { LineIndex } from '../documents/file/line-index';
import { locatePath, nodeSpan, type YamlPath } from '../documents/file/yaml-node-lookup';
import type { TextEdit } from '../documents/edit/text-edit';
import type { QuickFix, TrunkDiagnostic } from '../documents/validate/trunk-diagnostic';
import { checkReadiness, type ReadinessFinding } from './check-readiness';
import type { ReadinessRemote } from './readiness-facts';
import type { ReadinessFixHint } from './readiness-rule';

// Readiness findings as warnings in the file: at the key to change, or at `spec` when the file
// does not have that key, with the quick fixes a finding allows.

/** What the file alone tells (and, without a sid, what a new resource has): no request. */
export function fileOnlyRemote(document: TrunkDocument): ReadinessRemote {
  return { state: document.sid === undefined ? 'new' : undefined };
}

/** The readiness warnings of a valid document. */
export function readinessDiagnostics(document: TrunkDocument, lines: LineIndex, remote: ReadinessRemote = fileOnlyRemote(document)): TrunkDiagnostic[] {
  if (!document.valid || !document.spec) return [];
  const findings = checkReadiness(document.kind, document.spec, remote);
  if (findings.length === 0) return [];
  const contents = document.yaml.contents;
  return findings.map((finding) => toDiagnostic(finding, contents, lines));
}

function toDiagnostic(finding: ReadinessFinding, contents: unknown, lines: LineIndex): TrunkDiagnostic {
  const span = anchorSpan(contents, finding.path, lines);
  const fixes = finding.fixes.flatMap((hint) => quickFix(hint, contents, lines) ?? []);
  return {
    severity: 'warning',
    code: `readiness-${finding.rule.id}`,
    message: finding.message,
    range: lines.range(span[0], span[1]),
    source: 'trunkline',
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

/** The key at `spec.<path>`, else the deepest item or key on the way there, else `spec`. */
function anchorSpan(contents: unknown, path: YamlPath, lines: LineIndex): [number, number] {
  for (let length = path.length; length >= 0; length--) {
    const located = locatePath(contents, ['spec', ...path.slice(0, length)]);
    if (!located.node && !located.pair) continue;
    const key = located.pair ? nodeSpan(located.pair.key) : undefined;
    if (key) return key;
    const node = nodeSpan(located.node);
    if (node) return [node[0], firstLineEnd(lines, node[0], node[1])];
  }
  return [0, 0];
}

/** A block item's warning underlines its first line only, not every line below it. */
function firstLineEnd(lines: LineIndex, start: number, end: number): number {
  const next = lines.lineStart(lines.positionAt(start).line + 1);
  return Math.min(end, next > start ? next - 1 : end);
}

function quickFix(hint: ReadinessFixHint, contents: unknown, lines: LineIndex): QuickFix | undefined {
  if (hint.type === 'set-value') {
    const span = nodeSpan(locatePath(contents, ['spec', ...hint.path]).node);
    return span ? { title: hint.title, edits: [{ start: span[0], end: span[1], newText: hint.value }], isPreferred: true } : undefined;
  }
  const spec = locatePath(contents, ['spec']).node as Node | undefined;
  if (!isMap(spec) || spec.flow) return undefined;
  const edit = appendKeysEdit(spec, hint.keys, lines);
  return edit ? { title: hint.title, edits: [edit] } : undefined;
}

/** `key: []` lines after the last key of a block map, at its keys' indentation. */
function appendKeysEdit(map: YAMLMap, keys: readonly string[], lines: LineIndex): TextEdit | undefined {
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstKey = first ? nodeSpan(first.key) : undefined;
  const lastEnd = last ? (nodeSpan(last.value) ?? nodeSpan(last.key))?.[1] : undefined;
  if (!firstKey || lastEnd === undefined) return undefined;
  const indent = ' '.repeat(lines.positionAt(firstKey[0]).character);
  const missing = keys.filter((k) => !map.items.some((p) => (p.key as { value?: unknown } | null)?.value === k));
  if (missing.length === 0) return undefined;
  const text = missing.map((k) => `${indent}${k}: []`).join('\n');
  const at = lines.positionAt(lastEnd);
  return at.character === 0 ? { start: lastEnd, end: lastEnd, newText: `${text}\n` } : { start: lastEnd, end: lastEnd, newText: `\n${text}` };
}
