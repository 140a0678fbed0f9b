import type { JsonSchema } from '../file/trunk-schemas';
import { documentKinds } from '../kinds/document-kinds';

// Fields the API returns but never accepts (each kind's fields.responseOnly). A file may not hold
// them where the schema does not list them (Twilio, BYOC); this table only makes the message
// say why instead of "unknown key".

interface ReadOnlySet {
  provider: string;
  fields: ReadonlySet<string>;
  /** The object is the document's spec: a sid there belongs in the document's top-level sid. */
  isSpec: boolean;
}

const PROVIDER_LABELS = { twilio: 'Twilio', carrierx: 'CarrierX' } as const;

const READ_ONLY_BY_SCHEMA = new Map<JsonSchema | undefined, ReadOnlySet>(
  documentKinds().flatMap((kind) =>
    Object.entries(kind.fields.responseOnly).map(([definition, fields]): [JsonSchema | undefined, ReadOnlySet] => [
      kind.schema.definitions?.[definition],
      { provider: PROVIDER_LABELS[kind.provider], fields, isSpec: definition === 'spec' },
    ]),
  ),
);

const SID_KEYS = new Set(['sid', 'trunk_group_sid']);

/** Why `key` cannot be written in an object of that schema, if it is a read-only API field. */
export function readOnlyFieldMessage(objectSchema: JsonSchema | undefined, key: string): string | undefined {
  const entry = READ_ONLY_BY_SCHEMA.get(objectSchema);
  if (!entry?.fields.has(key)) return undefined;
  if (entry.isSpec && SID_KEYS.has(key)) return `${key} is set by ${entry.provider}: the SID goes in the document's top-level sid (Push writes it), not in spec.`;
  return `${key} is set by ${entry.provider} and is read-only; a trunk file can't set it. Remove it.`;
}
