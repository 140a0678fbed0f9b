import { TRUNK_GROUP_READ_ONLY_FIELDS } from '../../providers/carrierx/field-names';
import {
  BYOC_TRUNK_RESPONSE_FIELDS,
  BYOC_TRUNK_WRITABLE_FIELDS,
  ORIGINATION_URL_RESPONSE_FIELDS,
  ORIGINATION_URL_WRITABLE_FIELDS,
  TRUNK_RESPONSE_FIELDS,
  TRUNK_WRITABLE_FIELDS,
} from '../../providers/twilio/field-names';
import { KIND_SCHEMAS, type JsonSchema } from '../file/trunk-schemas';

// Fields the API returns but never accepts. A file may not hold them where the schema does not
// list them (Twilio, BYOC); this table only makes the message say why instead of "unknown key".

interface ReadOnlySet {
  provider: string;
  fields: ReadonlySet<string>;
}

function responseOnly(fields: readonly string[], writable: readonly string[], alsoWritable: readonly string[] = []): Set<string> {
  return new Set(fields.filter((k) => !writable.includes(k) && !alsoWritable.includes(k)));
}

const twilioDefinitions = KIND_SCHEMAS.TwilioTrunk.definitions ?? {};
const byocDefinitions = KIND_SCHEMAS.TwilioByocTrunk.definitions ?? {};
const carrierxDefinitions = KIND_SCHEMAS.CarrierXTrunkGroup.definitions ?? {};

const READ_ONLY_BY_SCHEMA = new Map<JsonSchema | undefined, ReadOnlySet>([
  [twilioDefinitions.spec, { provider: 'Twilio', fields: responseOnly(TRUNK_RESPONSE_FIELDS, TRUNK_WRITABLE_FIELDS, ['recording']) }],
  [twilioDefinitions.originationUrl, { provider: 'Twilio', fields: responseOnly(ORIGINATION_URL_RESPONSE_FIELDS, ORIGINATION_URL_WRITABLE_FIELDS) }],
  [byocDefinitions.spec, { provider: 'Twilio', fields: responseOnly(BYOC_TRUNK_RESPONSE_FIELDS, BYOC_TRUNK_WRITABLE_FIELDS) }],
  [carrierxDefinitions.spec, { provider: 'CarrierX', fields: new Set(TRUNK_GROUP_READ_ONLY_FIELDS) }],
]);

const SID_KEYS = new Set(['sid', 'trunk_group_sid']);

/** Why `key` cannot be written in an object of that schema, if it is a read-only API field. */
export function readOnlyFieldMessage(objectSchema: JsonSchema | undefined, key: string): string | undefined {
  const entry = READ_ONLY_BY_SCHEMA.get(objectSchema);
  if (!entry?.fields.has(key)) return undefined;
  if (objectSchema === twilioDefinitions.spec || objectSchema === byocDefinitions.spec || objectSchema === carrierxDefinitions.spec) {
    if (SID_KEYS.has(key)) return `${key} is set by ${entry.provider}: the SID goes in the document's top-level sid (Push writes it), not in spec.`;
  }
  return `${key} is set by ${entry.provider} and is read-only; a trunk file can't set it. Remove it.`;
}
