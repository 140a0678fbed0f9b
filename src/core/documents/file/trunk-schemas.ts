import carrierxTrunkGroupSchema from '../../../../schemas/carrierx-trunk-group.schema.json';
import trunkFileSchema from '../../../../schemas/trunk-file.schema.json';
import twilioByocTrunkSchema from '../../../../schemas/twilio-byoc-trunk.schema.json';
import twilioTrunkSchema from '../../../../schemas/twilio-trunk.schema.json';
import type { TrunkKind } from './trunk-kinds';

// The JSON Schemas in schemas/ are the single source of truth for the file format: validation,
// completion, hover and render order all read them. They are bundled, never read from disk.

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

/** File names as in schemas/: the combined schema refers to the kind schemas by these. */
export const SCHEMA_FILE_BY_KIND: Readonly<Record<TrunkKind, string>> = {
  TwilioTrunk: 'twilio-trunk.schema.json',
  TwilioByocTrunk: 'twilio-byoc-trunk.schema.json',
  CarrierXTrunkGroup: 'carrierx-trunk-group.schema.json',
};
export const TRUNK_FILE_SCHEMA_FILE = 'trunk-file.schema.json';

export const KIND_SCHEMAS: Readonly<Record<TrunkKind, JsonSchema>> = {
  TwilioTrunk: twilioTrunkSchema as JsonSchema,
  TwilioByocTrunk: twilioByocTrunkSchema as JsonSchema,
  CarrierXTrunkGroup: carrierxTrunkGroupSchema as JsonSchema,
};
export const TRUNK_FILE_SCHEMA: JsonSchema = trunkFileSchema as JsonSchema;
