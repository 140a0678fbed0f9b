// Text from trunk files and providers (friendly names, paths, values, messages) goes into
// Markdown that GitHub renders in a pull request. Anyone who can open a pull request writes
// that text, so it must stay text: no table broken by a pipe or a line break, no markup, no
// HTML, no image that calls home, no @-mention that pings a team.

// With [ and ] escaped no link or image can start, so ( ) and ! may stay as they are.
const INLINE_SPECIAL = /[\\`*_[\]|~#]/g;

/** User text as inert Markdown, on one line: safe in a paragraph, a heading, a list item or a table cell. */
export function markdownText(text: string): string {
  return (
    text
      // A line break would end a table row or a heading; other control characters have no business here.
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(INLINE_SPECIAL, (c) => `\\${c}`)
      // A zero-width space after @ keeps GitHub from turning @team into a mention.
      .replace(/@/g, '@&#8203;')
  );
}

/**
 * User text in monospace. Not a code span: inside one a backslash shows as it is, so a pipe
 * escaped for a table cell would show its backslash, and one preceded by a backslash of its
 * own would end the cell. An HTML <code> element holds escaped text, which GitHub renders exactly.
 */
export function markdownCode(text: string): string {
  return `<code>${markdownText(text)}</code>`;
}
