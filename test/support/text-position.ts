/** Line/character (0-based) and offset where the `occurrence`-th `needle` starts in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number; offset: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1), offset };
}

/** The range of the `occurrence`-th `needle` as [line, character, line, character]. */
export function rangeOf(text: string, needle: string, occurrence = 0): [number, number, number, number] {
  const start = positionOf(text, needle, occurrence);
  const lines = needle.split('\n');
  const endLine = start.line + lines.length - 1;
  const endCharacter = lines.length === 1 ? start.character + needle.length : (lines[lines.length - 1] ?? '').length;
  return [start.line, start.character, endLine, endCharacter];
}
