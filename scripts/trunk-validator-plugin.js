// The trunk-file schema validator, generated at build time (ajv standalone code): the bundles
// import `trunkline:precompiled-trunk-validator` (every error, for diagnostics) and
// `trunkline:precompiled-trunk-check` (valid or not), modules this esbuild plugin writes from
// schemas/, so no schema is compiled at run time and ajv's compiler is not in any bundle
// (compiling took ~80 ms on the first validation of a session).
const path = require('node:path');

const { kindSchemaFiles, TRUNK_FILE_SCHEMA_FILE } = require('./trunk-file-schema');

const root = path.join(__dirname, '..');
/**
 * The same schema as a yes/no check (no allErrors, no messages, refs not inlined): less than
 * half the code, so the first validation of a session, which V8 compiles as it runs, is
 * cheaper; a valid document never needs the full validator.
 */
const CHECK_MODULE = 'trunkline:precompiled-trunk-check';
/** Every kind schema by file name, as the bundled schemas/*.json modules (file/trunk-schemas.ts). */
const KIND_SCHEMAS_MODULE = 'trunkline:kind-schemas';
/** Absolute URI; the schemas add a pattern where only http(s) is accepted. */
const URI_FORMAT = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** ajv set up exactly as the validator is generated; `code` options only for generation. */
function trunkFileAjv(code, repositoryRoot = root, check = false) {
  const Ajv = require('ajv').default;
  const reporting = check ? { allErrors: false, verbose: false, messages: false, inlineRefs: false } : { allErrors: true, verbose: true };
  const ajv = new Ajv({ ...reporting, strict: true, allowUnionTypes: true, ...(code ? { code } : {}) });
  // Editor annotations (Red Hat YAML / VS Code JSON): ignored by validation, read by hover.
  ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'patternErrorMessage']);
  ajv.addFormat('uri', URI_FORMAT);
  const read = (file) => JSON.parse(require('node:fs').readFileSync(path.join(repositoryRoot, 'schemas', file), 'utf8'));
  for (const file of kindSchemaFiles(repositoryRoot)) ajv.addSchema(read(file), file);
  ajv.addSchema(read(TRUNK_FILE_SCHEMA_FILE), TRUNK_FILE_SCHEMA_FILE);
  return ajv;
}

/** The validator compiled at run time by ajv: what the generated one is tested against. */
function compileTrunkFileValidator(repositoryRoot = root) {
  const validate = trunkFileAjv(undefined, repositoryRoot).getSchema(TRUNK_FILE_SCHEMA_FILE);
  if (!validate) throw new Error('trunk file schema did not compile');
  return validate;
}

/** The yes/no check compiled at run time by ajv: what the generated one is tested against. */
function compileTrunkFileCheck(repositoryRoot = root) {
  const validate = trunkFileAjv(undefined, repositoryRoot, true).getSchema(TRUNK_FILE_SCHEMA_FILE);
  if (!validate) throw new Error('trunk file schema did not compile');
  return validate;
}

/** CommonJS source of the validator, or of the check (module.exports is the validate function). */
function trunkValidatorSource(check = false) {
  const { _, regexpCode } = require('ajv/dist/compile/codegen');
  const standalone = require('ajv/dist/standalone').default;
  const ajv = trunkFileAjv({ source: true, formats: _`{uri: ${regexpCode(URI_FORMAT)}}` }, root, check);
  return withBundledSchemas(standalone(ajv, ajv.getSchema(TRUNK_FILE_SCHEMA_FILE)));
}

/** CommonJS source of the kind schemas module: the same objects as the schemas/*.json imports. */
function kindSchemasSource() {
  return `module.exports = {\n${kindSchemaFiles()
    .map((file) => `  ${JSON.stringify(file)}: require(${JSON.stringify(`./schemas/${file}`)}),\n`)
    .join('')}};\n`;
}

/**
 * The generated code carries a copy of every schema it reports as an error's parentSchema;
 * Trunkline looks schemas up by identity (read-only fields, hover), so each copy is replaced
 * by the same object of the bundled schemas/*.json module (which also keeps the bundle small).
 */
function withBundledSchemas(code) {
  const candidates = [];
  for (const file of [...kindSchemaFiles(), TRUNK_FILE_SCHEMA_FILE]) {
    const schema = JSON.parse(require('node:fs').readFileSync(path.join(root, 'schemas', file), 'utf8'));
    const visit = (value, access) => {
      if (value === null || typeof value !== 'object') return;
      candidates.push({ json: JSON.stringify(value), source: `require("./schemas/${file}")${access}` });
      for (const [key, child] of Object.entries(value)) visit(child, `${access}[${JSON.stringify(Array.isArray(value) ? Number(key) : key)}]`);
    };
    visit(schema, '');
  }
  let out = '';
  let at = 0;
  for (const match of code.matchAll(/const (schema\d+) = \{/g)) {
    const start = match.index + match[0].length - 1;
    if (start < at) continue;
    const end = endOfJsonObject(code, start);
    const json = JSON.stringify(JSON.parse(code.slice(start, end)));
    const found = candidates.filter((c) => c.json === json);
    if (found.length === 0) throw new Error(`trunk validator: ${match[1]} is not a schema of schemas/`);
    // Several equal candidates: the outermost (a whole file, else the shortest path) is the one ajv copied.
    found.sort((a, b) => a.source.length - b.source.length);
    out += `${code.slice(at, start)}${found[0].source}`;
    at = end;
  }
  return out + code.slice(at);
}

/** Index just past the JSON object that starts at `start` (strings may hold braces). */
function endOfJsonObject(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('trunk validator: unterminated schema in the generated code');
}

const trunkValidatorPlugin = {
  name: 'precompiled-trunk-validator',
  setup(build) {
    build.onResolve({ filter: /^trunkline:(precompiled-trunk-validator|precompiled-trunk-check|kind-schemas)$/ }, (args) => ({ path: args.path, namespace: 'trunkline-generated' }));
    build.onLoad({ filter: /.*/, namespace: 'trunkline-generated' }, (args) => ({
      contents: args.path === KIND_SCHEMAS_MODULE ? kindSchemasSource() : trunkValidatorSource(args.path === CHECK_MODULE),
      loader: 'js',
      resolveDir: root,
      watchFiles: [...kindSchemaFiles(), TRUNK_FILE_SCHEMA_FILE].map((f) => path.join(root, 'schemas', f)),
    }));
  },
};

module.exports = { trunkValidatorPlugin, compileTrunkFileValidator, compileTrunkFileCheck };
