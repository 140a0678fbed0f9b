#!/usr/bin/env node
// @ts-check
// `npm run l10n`: writes l10n/bundle.l10n.json, the run-time strings VS Code translates
// (vscode.l10n), from every `t(…)` call in src/. A translation is then one more file,
// l10n/bundle.l10n.<locale>.json, with the same keys. `--check` writes nothing and exits 1 when
// the bundle is not what src/ needs (a unit test runs it).
//
// @vscode/l10n-dev only recognises `l10n.t(…)` / `vscode.l10n.t(…)`; our code calls `t` from
// src/ui/l10n.ts (so flows run under plain node too), hence this small extractor. Besides
// literal messages it follows `t(TABLE[key])` to a module-level object literal of strings,
// in the same file or imported, so tables of labels stay translatable.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT, repoRelative } from './repo-paths.mjs';

export const BUNDLE_FILE = path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json');
const SRC = path.join(REPO_ROOT, 'src');

/**
 * Calls whose message cannot be known from the source, with why that is acceptable. Anything
 * else that is not a literal or a table of literals fails the check.
 */
const KNOWN_DYNAMIC = new Map([
  // Status labels are made in src/core (no vscode, shared with the CLI), e.g. "3 changes".
  ['src/ui/documents/trunk-code-lens-provider.ts: t(status.label)', 'core status labels, also printed by the CLI'],
]);

/**
 * Calls that translate a schema `title` (field labels in tooltips): their messages are the
 * titles of the trunk-file kind schemas, the single source of truth for a field's words.
 */
const SCHEMA_TITLE_CALLS = new Set(['src/ui/tree/field-labels.ts: t(title)']);
const KIND_SCHEMAS = createRequire(import.meta.url)('./trunk-file-schema.js').kindSchemaFiles();

/** Calls that translate a document kind's `label` (New Trunk File's picker): the labels in src/core/documents/kinds/. */
const DOCUMENT_KIND_LABEL_CALLS = new Set(['src/ui/commands/new-trunk-file.ts: t(documentKind(k).label)']);

/** Every document kind descriptor's `label: '…'`. @returns {string[]} */
function documentKindLabels() {
  const dir = path.join(REPO_ROOT, 'src', 'core', 'documents', 'kinds');
  return fs.readdirSync(dir).flatMap((file) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^ {2}label: '([^'\\]+)',$/gm)].map((m) => /** @type {string} */ (m[1])));
}

/** Every property `title` of the kind schemas. @returns {string[]} */
function schemaTitles() {
  /** @type {Set<string>} */
  const titles = new Set();
  const visit = (/** @type {unknown} */ node, /** @type {boolean} */ isProperty) => {
    if (!node || typeof node !== 'object') return;
    const record = /** @type {Record<string, unknown>} */ (node);
    if (isProperty && typeof record.title === 'string') titles.add(record.title);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'properties' || key === 'definitions') for (const child of Object.values(/** @type {object} */ (value ?? {}))) visit(child, key === 'properties');
      else if (key !== 'title') visit(value, false);
    }
  };
  for (const file of KIND_SCHEMAS) visit(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8')), false);
  return [...titles];
}

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** @param {ts.Node} node @returns {string | undefined} */
function literal(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/**
 * Module-level `const NAME = { key: 'text', … }` tables of a file (values all string literals),
 * and where each imported name comes from.
 * @param {ts.SourceFile} source
 */
function moduleFacts(source) {
  /** @type {Map<string, string[]>} */
  const tables = new Map();
  /** @type {Map<string, { module: string, name: string }>} */
  const imports = new Map();
  let importsT = false;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const name = (element.propertyName ?? element.name).text;
          imports.set(element.name.text, { module, name });
          if (name === 't' && element.name.text === 't' && /(^|\/)l10n$/.test(module)) importsT = true;
        }
      }
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        let init = declaration.initializer;
        while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
        if (!ts.isIdentifier(declaration.name) || !init || !ts.isObjectLiteralExpression(init)) continue;
        const values = init.properties.map((p) => (ts.isPropertyAssignment(p) ? literal(p.initializer) : undefined));
        if (values.length > 0 && values.every((v) => v !== undefined)) tables.set(declaration.name.text, /** @type {string[]} */ (values));
      }
    }
  }
  return { tables, imports, importsT };
}

/**
 * Every message the source hands to `t`, sorted, and the calls whose message could not be found.
 * @param {string} [root] the folder of the sources (src/)
 */
export function collectMessages(root = SRC) {
  const files = sourceFiles(root);
  /** @type {Map<string, { source: ts.SourceFile } & ReturnType<typeof moduleFacts>>} */
  const modules = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    modules.set(file, { source, ...moduleFacts(source) });
  }
  /** @returns {string[] | undefined} */
  const table = (/** @type {string} */ file, /** @type {string} */ name) => {
    const facts = modules.get(file);
    if (!facts) return undefined;
    const own = facts.tables.get(name);
    if (own) return own;
    const imported = facts.imports.get(name);
    if (!imported || !imported.module.startsWith('.')) return undefined;
    const target = path.resolve(path.dirname(file), `${imported.module}.ts`);
    return target === file ? undefined : table(target, imported.name);
  };

  const messages = new Set();
  /** @type {string[]} */
  const unresolved = [];
  for (const [file, facts] of modules) {
    if (!facts.importsT) continue;
    const visit = (/** @type {ts.Node} */ node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments.length > 0) {
        const arg = /** @type {ts.Expression} */ (node.arguments[0]);
        const call = `${repoRelative(file)}: t(${arg.getText(facts.source)})`;
        const found = SCHEMA_TITLE_CALLS.has(call) ? schemaTitles() : DOCUMENT_KIND_LABEL_CALLS.has(call) ? documentKindLabels() : messagesOf(arg, file);
        if (found.length > 0) for (const m of found) messages.add(m);
        else {
          if (!KNOWN_DYNAMIC.has(call)) {
            const { line } = facts.source.getLineAndCharacterOfPosition(arg.getStart(facts.source));
            unresolved.push(`${repoRelative(file)}:${line + 1}: t(${arg.getText(facts.source)})`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(facts.source);
  }
  return { messages: [...messages].sort(), unresolved };

  /** The messages an argument can be: literals in it, and tables it indexes. @returns {string[]} */
  function messagesOf(/** @type {ts.Expression} */ arg, /** @type {string} */ file) {
    const direct = literal(arg);
    if (direct !== undefined) return direct === '' ? [] : [direct];
    if (ts.isElementAccessExpression(arg) && ts.isIdentifier(arg.expression)) return table(file, arg.expression.text) ?? [];
    if (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return [...messagesOf(arg.left, file), ...messagesOf(arg.right, file)];
    if (ts.isConditionalExpression(arg)) return [...messagesOf(arg.whenTrue, file), ...messagesOf(arg.whenFalse, file)];
    if (ts.isParenthesizedExpression(arg)) return messagesOf(arg.expression, file);
    return [];
  }
}

/** The bundle's text for a list of messages: each message is its own key (English is the source). */
export function bundleText(/** @type {string[]} */ messages) {
  return `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { messages, unresolved } = collectMessages();
  const text = bundleText(messages);
  let failed = false;
  for (const call of unresolved) {
    console.error(`l10n: ${call}: the message is not a string literal (or a table of them), so no translation can be found for it.`);
    failed = true;
  }
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(BUNDLE_FILE) ? /** @type {Record<string, string>} */ (JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'))) : {};
    const missing = messages.filter((m) => !(m in current));
    const stale = Object.keys(current).filter((m) => !messages.includes(m));
    for (const m of missing) console.error(`l10n: missing from ${repoRelative(BUNDLE_FILE)}: ${JSON.stringify(m)}`);
    for (const m of stale) console.error(`l10n: no longer used, still in ${repoRelative(BUNDLE_FILE)}: ${JSON.stringify(m)}`);
    if (missing.length > 0 || stale.length > 0) {
      console.error('l10n: run `npm run l10n` to regenerate the bundle.');
      failed = true;
    } else console.log(`l10n: ${repoRelative(BUNDLE_FILE)} has the ${messages.length} run-time strings of src/.`);
  } else {
    fs.mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
    fs.writeFileSync(BUNDLE_FILE, text);
    console.log(`l10n: wrote ${messages.length} strings to ${repoRelative(BUNDLE_FILE)}.`);
  }
  process.exit(failed ? 1 : 0);
}
