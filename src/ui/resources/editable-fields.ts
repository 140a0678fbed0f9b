import { t } from '../l10n';

/**
 * A scalar field the "Edit Field" command can change, read from the trunk-file JSON Schemas
 * (the single source of truth for names, enums, limits and descriptions).
 */
export interface FieldDescriptor {
  key: string;
  description: string;
  type: 'string' | 'boolean' | 'integer';
  nullable: boolean;
  values?: (string | null)[] | undefined;
  pattern?: string | undefined;
  patternMessage?: string | undefined;
  maxLength?: number | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
}

interface PropertySchema {
  type?: string | string[];
  enum?: (string | null)[];
  description?: string;
  pattern?: string;
  patternErrorMessage?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  readOnly?: boolean;
}

/** A trunk-file JSON Schema, where a kind's fields are one of its definitions. */
export type SchemaWithDefinitions = { definitions: Record<string, { properties?: Record<string, PropertySchema> }> };

const cache = new Map<object, FieldDescriptor[]>();

/**
 * The writable scalar fields of one definition of a schema, in schema order (arrays and
 * objects are edited in trunk files).
 */
export function fieldsFromSchema(schema: SchemaWithDefinitions, definition: string): FieldDescriptor[] {
  const properties = schema.definitions[definition]?.properties ?? {};
  let fields = cache.get(properties);
  if (fields) return fields;
  fields = [];
  for (const [key, prop] of Object.entries(properties)) {
    const types = Array.isArray(prop.type) ? prop.type : prop.type ? [prop.type] : [];
    const scalar = types.find((ty) => ty === 'string' || ty === 'boolean' || ty === 'integer');
    if (!scalar || prop.readOnly || key === 'trunk_sid') continue;
    fields.push({
      key,
      description: prop.description ?? '',
      type: scalar as FieldDescriptor['type'],
      nullable: types.includes('null'),
      values: prop.enum,
      pattern: prop.pattern,
      patternMessage: prop.patternErrorMessage,
      maxLength: prop.maxLength,
      minimum: prop.minimum,
      maximum: prop.maximum,
    });
  }
  cache.set(properties, fields);
  return fields;
}

/** Checks typed text for a string or integer field; returns the problem or undefined. */
export function fieldValueProblem(field: FieldDescriptor, text: string): string | undefined {
  if (text === '' && field.nullable) return undefined;
  if (field.type === 'integer') {
    if (!/^-?\d+$/.test(text.trim())) return t('Enter a whole number.');
    const n = Number(text);
    if (field.minimum !== undefined && n < field.minimum) return t('Must be at least {0}.', field.minimum);
    if (field.maximum !== undefined && n > field.maximum) return t('Must be at most {0}.', field.maximum);
    return undefined;
  }
  if (text === '') return t('{0} cannot be empty.', field.key);
  if (field.maxLength !== undefined && text.length > field.maxLength) {
    return t('At most {0} characters ({1} now).', field.maxLength, text.length);
  }
  if (field.pattern && !new RegExp(field.pattern).test(text)) return field.patternMessage ?? t('Does not match {0}.', field.pattern);
  return undefined;
}

/** Turns accepted text into the value to send: integers as numbers, empty nullable text as null. */
export function fieldValueFromText(field: FieldDescriptor, text: string): string | number | null {
  if (text === '' && field.nullable) return null;
  return field.type === 'integer' ? Number(text) : text;
}
