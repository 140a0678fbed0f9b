/** A tooltip: a bold title, then one `name: value` line per field that has a value. */
export function markdownFields(title: string, fields: readonly (readonly [string, unknown])[]): string {
  const lines = fields
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${escapeMarkdown(name)}: \`${formatValue(value).replace(/`/g, "'")}\``);
  return [`**${escapeMarkdown(title)}**`, '', lines.join('  \n')].join('\n');
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
