import { schemaTypes } from './schema-at-path';
import type { JsonSchema } from '../file/trunk-schemas';

const TYPE_LABELS: Record<string, string> = {
  object: 'mapping',
  array: 'list',
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
};

function code(value: unknown): string {
  return `\`${value === null ? 'null' : String(value)}\``;
}

/** One-line type of a field, e.g. "string | null" or "list of mapping". */
export function schemaTypeLabel(schema: JsonSchema): string {
  const types = schemaTypes(schema).map((t) => TYPE_LABELS[t] ?? t);
  if (types.length === 0) return schema.const !== undefined ? 'string' : 'any';
  return types.join(' | ');
}

/** Markdown documentation of a field: its description, allowed values and limits. */
export function describeField(name: string, schema: JsonSchema): string {
  const parts = [`**${name}** · ${schemaTypeLabel(schema)}${schema.readOnly ? ' · read-only' : ''}`];
  const description = schema.markdownDescription ?? schema.description;
  if (description) parts.push(description);
  const facts: string[] = [];
  if (schema.enum) facts.push(`Allowed: ${schema.enum.map(code).join(' · ')}`);
  if (schema.const !== undefined) facts.push(`Must be ${code(schema.const)}`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) facts.push(`Range: ${schema.minimum} – ${schema.maximum}`);
  else if (schema.minimum !== undefined) facts.push(`Minimum: ${schema.minimum}`);
  else if (schema.maximum !== undefined) facts.push(`Maximum: ${schema.maximum}`);
  if (schema.maxLength !== undefined) facts.push(`At most ${schema.maxLength} characters`);
  if (schema.pattern !== undefined) facts.push(schema.patternErrorMessage ?? `Pattern: \`${schema.pattern}\``);
  if (schema.default !== undefined) facts.push(`Default: ${code(schema.default)}`);
  if (schema.readOnly) facts.push('Read-only: shown, never sent by Push.');
  if (facts.length > 0) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  return parts.join('\n\n');
}
