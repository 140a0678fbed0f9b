import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';

/** The providers' OpenAPI specs, in ../shared/api beside the repository (CI lays it there too). */
export function sharedApiDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared', 'api');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no ../shared/api beside the repository above ${__dirname}`);
  }
}

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }> };
}

/** The form parameters an operation takes, and those it requires, as the spec says. */
export function formParameters(specFile: string, pathTemplate: string, method: 'post'): { names: string[]; required: string[] } {
  const spec = JSON.parse(fs.readFileSync(path.join(sharedApiDir(), specFile), 'utf8')) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const operation = spec.paths[pathTemplate]?.[method];
  if (!operation) throw new Error(`${specFile} has no ${method.toUpperCase()} ${pathTemplate}`);
  const schema = operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema ?? {};
  return { names: Object.keys(schema.properties ?? {}), required: schema.required ?? [] };
}

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.0 `nullable: true` as JSON Schema (the type also admits null), with `$ref`s to the spec's schemas inlined. */
function jsonSchemaOf(node: unknown, schemas: Record<string, JsonSchema>): unknown {
  if (Array.isArray(node)) return node.map((n) => jsonSchemaOf(n, schemas));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as JsonSchema).$ref;
  if (typeof ref === 'string') {
    const target = schemas[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unresolved ${ref}`);
    return jsonSchemaOf({ ...target, ...node, $ref: undefined }, schemas);
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || key === 'nullable' || key === 'x-twilio' || key === 'description' || key === 'format' || key === 'default') continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, jsonSchemaOf(v, schemas)]))
        : jsonSchemaOf(value, schemas);
  }
  const source = node as JsonSchema;
  if (source.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (source.nullable === true && Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
}

/**
 * Checks a response body against a component schema of one of the specs (e.g.
 * `voice.v1.connection_policy`), strictly: a field the spec does not have is an error, as is a
 * missing one (the emulator renders every field); `extraFields` are fields Twilio sends that the
 * spec leaves out (2010 `subresource_uris`); `emptyStringFields` are SIDs Twilio renders as `""`
 * when unset although the spec's pattern forbids it (2010 application SIDs). Returns the problems
 * found, none when valid.
 */
export function openApiResponseChecker(
  specFile: string,
  schemaName: string,
  options: { extraFields?: string[]; emptyStringFields?: string[] } = {},
): (body: unknown) => string[] {
  const spec = JSON.parse(fs.readFileSync(path.join(sharedApiDir(), specFile), 'utf8')) as { components: { schemas: Record<string, JsonSchema> } };
  const source = spec.components.schemas[schemaName];
  if (!source) throw new Error(`${specFile} has no schema ${schemaName}`);
  const schema = jsonSchemaOf(source, spec.components.schemas) as JsonSchema;
  const properties = Object.keys((schema.properties as JsonSchema | undefined) ?? {});
  const extra = Object.fromEntries((options.extraFields ?? []).map((f) => [f, {}]));
  const own = schema.properties as JsonSchema;
  for (const f of options.emptyStringFields ?? []) own[f] = { anyOf: [own[f], { const: '' }] };
  const validate = new Ajv({ strict: false, allErrors: true }).compile({
    ...schema,
    properties: { ...own, ...extra },
    additionalProperties: false,
    required: properties,
  });
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

type JsonObject = Record<string, unknown>;

/**
 * Tightens every object schema that lists its properties: no property the spec does not
 * declare (a password field, a misspelt key) and, when `complete`, every declared one present.
 * Twilio's specs leave both open, which would let almost any body pass.
 */
function tighten(node: unknown, complete: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => tighten(n, complete));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node as JsonObject)) out[k] = k === 'examples' || k === 'example' ? v : tighten(v, complete);
  const properties = out.properties;
  if (out.type === 'object' && properties && typeof properties === 'object' && !Array.isArray(properties)) {
    out.additionalProperties = false;
    if (complete) out.required = Object.keys(properties);
  }
  // Ajv reads OpenAPI's `nullable` only beside a `type`; a nullable `$ref` becomes "that or null".
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

const validators = new Map<string, Ajv>();

function ajvFor(specFile: string, complete: boolean): Ajv {
  const key = `${specFile}:${complete}`;
  let ajv = validators.get(key);
  if (!ajv) {
    const spec = JSON.parse(fs.readFileSync(path.join(sharedApiDir(), specFile), 'utf8')) as JsonObject;
    // OpenAPI 3.0's `nullable` is understood by Ajv; Twilio's formats (date-time-rfc-2822,
    // uri-map) are not JSON Schema formats, so formats are not checked.
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(tighten(spec, complete) as JsonObject, specFile);
    validators.set(key, ajv);
  }
  return ajv;
}

/**
 * The problems of a response body against the operation's response schema in a spec of
 * ../shared/api; empty when it conforms. `complete`: every declared field must be present.
 */
export function responseProblems(
  specFile: string,
  method: 'get' | 'post' | 'delete',
  pathTemplate: string,
  status: number,
  body: unknown,
  options: { complete?: boolean } = {},
): string[] {
  const ajv = ajvFor(specFile, options.complete ?? true);
  const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const ref = `${specFile}#/paths/${pointer(pathTemplate)}/${method}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`${specFile} has no ${status} JSON response for ${method.toUpperCase()} ${pathTemplate}`);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`);
}
