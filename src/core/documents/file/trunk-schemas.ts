import trunkFileSchema from '../../../../schemas/trunk-file.schema.json';
import { TRUNK_KINDS, type TrunkKind } from './trunk-kinds';

// The JSON Schemas in schemas/ are the single source of truth for the file format: validation,
// completion, hover and render order all read them. They are bundled, never read from disk:
// the build's `trunkline:kind-schemas` module (scripts/trunk-validator-plugin.js) holds every
// kind schema of schemas/, and the combined schema says which file is which kind's.

/** The subset of JSON Schema draft-07 (plus the editor annotations) the schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  patternErrorMessage?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  readOnly?: boolean;
  definitions?: Record<string, JsonSchema>;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  defaultSnippets?: { label?: string; body: unknown }[];
  title?: string;
}

export const TRUNK_FILE_SCHEMA: JsonSchema = trunkFileSchema as JsonSchema;
export const TRUNK_FILE_SCHEMA_FILE = 'trunk-file.schema.json';

/** The kind whose schema the combined schema's `allOf` entry applies ($ref). */
function refOfKind(kind: TrunkKind): string {
  const entry = TRUNK_FILE_SCHEMA.allOf?.find((e) => e.if?.properties?.kind?.const === kind);
  const ref = entry?.then?.$ref;
  if (!ref) throw new Error(`schemas/trunk-file.schema.json has no schema for kind ${kind}: run node esbuild.js.`);
  return ref;
}

/** File names as in schemas/: the combined schema refers to the kind schemas by these. */
export const SCHEMA_FILE_BY_KIND: Readonly<Record<TrunkKind, string>> = Object.fromEntries(TRUNK_KINDS.map((kind) => [kind, refOfKind(kind)])) as Record<TrunkKind, string>;

const SCHEMA_BY_FILE = require('trunkline:kind-schemas') as Readonly<Record<string, JsonSchema>>;

export const KIND_SCHEMAS: Readonly<Record<TrunkKind, JsonSchema>> = Object.fromEntries(TRUNK_KINDS.map((kind) => [kind, SCHEMA_BY_FILE[SCHEMA_FILE_BY_KIND[kind]]])) as Record<TrunkKind, JsonSchema>;
