import type { default as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND, TRUNK_FILE_SCHEMA, TRUNK_FILE_SCHEMA_FILE } from './trunk-schemas';
import { TRUNK_KINDS } from './trunk-kinds';

// One ajv instance and one compiled validator for the whole process: compiling is the slow
// part, validating a document afterwards is cheap. ajv itself is loaded with the first
// validation, not at activation (its module set costs several ms to initialise).

let compiled: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  // Editor annotations (Red Hat YAML / VS Code JSON): ignored by validation, read by hover.
  ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'patternErrorMessage']);
  // Absolute URI; the schemas add a pattern where only http(s) is accepted.
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/);
  for (const kind of TRUNK_KINDS) ajv.addSchema(KIND_SCHEMAS[kind], SCHEMA_FILE_BY_KIND[kind]);
  ajv.addSchema(TRUNK_FILE_SCHEMA, TRUNK_FILE_SCHEMA_FILE);
  const validate = ajv.getSchema(TRUNK_FILE_SCHEMA_FILE);
  if (!validate) throw new Error('trunk file schema did not compile');
  return validate;
}

/** Validates one document's value against the trunk file schema; [] when valid. */
export function validateTrunkValue(value: unknown): ErrorObject[] {
  compiled ??= compile();
  return compiled(value) ? [] : [...(compiled.errors ?? [])];
}
