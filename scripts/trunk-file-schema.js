// The kind list of schemas/trunk-file.schema.json (the `kind` enum, its description and one
// if/then $ref per kind) is generated from the kind schemas in schemas/, so that adding a kind
// is adding its schema: `node esbuild.js` rewrites the file when the list is stale, and a unit
// test (trunk-file-schema.test.ts) fails when the checked-in file differs from the generated one.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const TRUNK_FILE_SCHEMA_FILE = 'trunk-file.schema.json';

/** A kind schema is one whose `kind` is a constant: schemas/<kind>.schema.json, e.g. twilio-trunk.schema.json. */
function kindSchemas(repositoryRoot = root) {
  const dir = path.join(repositoryRoot, 'schemas');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.schema.json') && file !== TRUNK_FILE_SCHEMA_FILE)
    .sort()
    .map((file) => ({ file, schema: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }))
    .filter(({ schema }) => typeof schema.properties?.kind?.const === 'string')
    .map(({ file, schema }) => ({ file, kind: schema.properties.kind.const }));
}

/** The kind schema files, in the order of the combined schema's `kind` enum. */
function kindSchemaFiles(repositoryRoot = root) {
  const byKind = new Map(kindSchemas(repositoryRoot).map((k) => [k.kind, k.file]));
  return kindOrder(repositoryRoot).map((kind) => byKind.get(kind));
}

/** Kinds already listed keep their place (messages list them in this order); new ones follow. */
function kindOrder(repositoryRoot = root) {
  const kinds = kindSchemas(repositoryRoot).map((k) => k.kind);
  const listed = readTrunkFileSchema(repositoryRoot).properties?.kind?.enum ?? [];
  return [...listed.filter((k) => kinds.includes(k)), ...kinds.filter((k) => !listed.includes(k))];
}

function readTrunkFileSchema(repositoryRoot) {
  return JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'schemas', TRUNK_FILE_SCHEMA_FILE), 'utf8'));
}

/** The combined schema's text with its kind list made from schemas/ (everything else kept). */
function trunkFileSchemaText(repositoryRoot = root) {
  const schema = readTrunkFileSchema(repositoryRoot);
  const files = new Map(kindSchemas(repositoryRoot).map((k) => [k.kind, k.file]));
  const kinds = kindOrder(repositoryRoot);
  const named = kinds.map((k) => `\`${k}\``);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named.join('');
  schema.properties.kind = { ...schema.properties.kind, description: `What the document describes: ${list}.`, enum: kinds };
  schema.allOf = kinds.map((kind) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { $ref: files.get(kind) },
  }));
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Rewrites schemas/trunk-file.schema.json when its kind list is stale; true when it did. */
function writeTrunkFileSchema(repositoryRoot = root) {
  const file = path.join(repositoryRoot, 'schemas', TRUNK_FILE_SCHEMA_FILE);
  const text = trunkFileSchemaText(repositoryRoot);
  if (fs.readFileSync(file, 'utf8') === text) return false;
  fs.writeFileSync(file, text);
  return true;
}

module.exports = { kindSchemaFiles, trunkFileSchemaText, writeTrunkFileSchema, TRUNK_FILE_SCHEMA_FILE };
