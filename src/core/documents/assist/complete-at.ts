import { cursorContextAt, type CursorContext } from './cursor-context';
import { describeField, schemaTypeLabel } from './schema-documentation';
import { toTrunkYaml } from '../render/to-trunk-yaml';
import { resolveSchema, schemaAtPath, schemaTypes } from './schema-at-path';
import { TRUNK_KINDS, type TrunkKind } from '../file/trunk-kinds';
import { TRUNK_FILE_SCHEMA, type JsonSchema } from '../file/trunk-schemas';

export type CompletionKind = 'property' | 'value' | 'account' | 'phone-number' | 'snippet';

/** A completion as plain data; the editor maps it to its own type. */
export interface CompletionItemData {
  label: string;
  kind: CompletionKind;
  /** Plain text to insert in place of `range`. */
  insertText: string;
  /** The same in VS Code snippet syntax (tab stops, choices), when it helps. */
  snippet?: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Offsets of the text the completion replaces (the token at the cursor). */
  range: { start: number; end: number };
  sortText?: string;
}

export interface PhoneNumberChoice {
  phone_number: string;
  friendly_name?: string | null;
  /** The trunk the number is attached to now, if any. */
  trunk_sid?: string | null;
  /** That trunk's friendly name, when known: shown instead of the bare sid. */
  trunk_name?: string | null;
  /** What `trunk_sid` names: a Twilio trunk (default) or a CarrierX trunk group (a DID). */
  place?: 'trunk' | 'trunk group';
}

export interface CompletionOptions {
  /** Names of the connected accounts. */
  accounts?: readonly string[];
  /** The numbers of an account (e.g. its incoming numbers), asked only where a number goes. */
  phoneNumbers?: (account: string, kind: TrunkKind | undefined) => readonly PhoneNumberChoice[] | Promise<readonly PhoneNumberChoice[]>;
}

/** Keys Push writes or that only make sense as the first lines of a document. */
const NEVER_SUGGESTED_KEYS = new Set(['sid']);

function quoteIfNeeded(value: string): string {
  return /^[A-Za-z_][\w./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}

function keyItems(context: CursorContext): CompletionItemData[] {
  const schema = schemaAtPath(context.rootSchema, context.path);
  if (!schema?.properties) return [];
  const items: CompletionItemData[] = [];
  Object.entries(schema.properties).forEach(([name, raw], position) => {
    const property = resolveSchema(context.rootSchema, raw);
    if (property.readOnly || context.presentKeys.includes(name)) return;
    if (context.path.length === 0 && NEVER_SUGGESTED_KEYS.has(name)) return;
    const item: CompletionItemData = {
      label: name,
      kind: 'property',
      insertText: context.hasColon ? name : `${name}: `,
      detail: schemaTypeLabel(property),
      documentation: describeField(name, property),
      range: context.replace,
      sortText: String(position).padStart(3, '0'),
    };
    if (!context.hasColon) {
      const snippet = keySnippet(name, property, context.rootSchema);
      if (snippet) item.snippet = snippet;
    }
    items.push(item);
  });
  return items;
}

/** Whole-document templates (the combined schema's defaultSnippets) for an empty document. */
function documentSnippets(context: CursorContext): CompletionItemData[] {
  if (context.path.length > 0 || context.presentKeys.length > 0 || context.hasColon) return [];
  return (TRUNK_FILE_SCHEMA.defaultSnippets ?? []).map((snippet, position) => {
    const body = toTrunkYaml(snippet.body).trimEnd();
    return {
      label: `New ${snippet.label ?? 'document'}`,
      kind: 'snippet',
      insertText: body.replace(/\$\{\d+:([^}]*)\}/g, '$1'),
      snippet: body,
      detail: 'trunk file document',
      range: context.replace,
      sortText: `~${position}`,
    };
  });
}

function keySnippet(name: string, property: JsonSchema, root: JsonSchema): string | undefined {
  const choices = property.enum?.filter((v) => v !== null).map(String) ?? (schemaTypes(property).includes('boolean') ? ['true', 'false'] : undefined);
  if (property.const !== undefined) return `${name}: ${String(property.const)}`;
  if (choices && choices.length > 0) {
    const first = property.default !== undefined && choices.includes(String(property.default)) ? String(property.default) : undefined;
    const ordered = first ? [first, ...choices.filter((c) => c !== first)] : choices;
    return `${name}: \${1|${ordered.join(',')}|}`;
  }
  const types = schemaTypes(property);
  if (types.includes('object')) return `${name}:\n  $0`;
  if (types.includes('array')) {
    const items = property.items ? resolveSchema(root, property.items) : undefined;
    if (items && schemaTypes(items).includes('string')) return `${name}:\n  - "$1"`;
    return `${name}:\n  - $0`;
  }
  return undefined;
}

function valueItem(context: CursorContext, label: string, kind: CompletionKind, extra: Partial<CompletionItemData> = {}): CompletionItemData {
  return { label, kind, insertText: quoteIfNeeded(label), range: context.replace, ...extra };
}

async function valueItems(context: CursorContext, options: CompletionOptions): Promise<CompletionItemData[]> {
  const path = context.path;
  const last = path[path.length - 1];
  if (path.length === 1 && last === 'account') return (options.accounts ?? []).map((name) => valueItem(context, name, 'account', { detail: 'connected account' }));
  if (path.length === 1 && last === 'kind') return TRUNK_KINDS.map((kind) => valueItem(context, kind, 'value'));
  if (typeof last === 'number' && path[path.length - 2] === 'phone_numbers') {
    if (!context.account || !options.phoneNumbers) return [];
    const numbers = await options.phoneNumbers(context.account, context.kind);
    return numbers
      .filter((n) => !context.listValues.includes(n.phone_number))
      .map((n) =>
        valueItem(context, n.phone_number, 'phone-number', {
          insertText: JSON.stringify(n.phone_number),
          ...phoneNumberNotes(n),
        }),
      );
  }
  const schema = schemaAtPath(context.rootSchema, path);
  if (!schema || schema.readOnly) return [];
  const name = typeof last === 'string' ? last : String(path[path.length - 2] ?? '');
  const documentation = describeField(name, schema);
  if (schema.const !== undefined) return [valueItem(context, String(schema.const), 'value', { documentation })];
  if (schema.enum) return schema.enum.map((v) => valueItem(context, v === null ? 'null' : String(v), 'value', { documentation, ...(v === schema.default ? { detail: 'default' } : {}) }));
  if (schemaTypes(schema).includes('boolean')) return ['true', 'false'].map((v) => valueItem(context, v, 'value', { documentation, ...(String(schema.default) === v ? { detail: 'default' } : {}) }));
  return [];
}

/** The list line (name, and the trunk the number is on now) and the documentation of a number. */
function phoneNumberNotes(n: PhoneNumberChoice): Pick<CompletionItemData, 'detail' | 'documentation'> {
  const trunk = n.trunk_sid ? (n.trunk_name ?? n.trunk_sid) : undefined;
  const detail = [n.friendly_name && n.friendly_name !== n.phone_number ? n.friendly_name : undefined, trunk ? `on ${trunk}` : undefined].filter(Boolean).join(' · ');
  const place = n.place ?? 'trunk';
  const where = n.trunk_name ? `the ${place} **${escapeMarkdown(n.trunk_name)}** (\`${n.trunk_sid}\`)` : `the ${place} \`${n.trunk_sid}\``;
  return {
    ...(detail ? { detail } : {}),
    ...(n.trunk_sid ? { documentation: `On ${where} now: Push moves it to this ${place}.` } : {}),
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

/**
 * What can be typed at `offset` of a trunk file: keys of the mapping there (with their
 * documentation, none already present, never read-only ones), or values for the key there
 * (enum values, booleans, account names, the account's phone numbers).
 */
export async function completeAt(text: string, offset: number, options: CompletionOptions = {}): Promise<CompletionItemData[]> {
  try {
    const context = cursorContextAt(text, offset);
    if (!context) return [];
    return context.position === 'key' ? [...keyItems(context), ...documentSnippets(context)] : await valueItems(context, options);
  } catch {
    return [];
  }
}
