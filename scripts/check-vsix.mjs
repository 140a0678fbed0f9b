// @ts-check
// Builds the .vsix (production bundles, @vscode/vsce) and checks what users would install: only
// the extension bundles (every one the build wrote: the root loads the others on first use),
// schemas, grammars, media, README, CHANGELOG, LICENSE, package.json and the strings VS Code
// translates (package.nls*.json, l10n/);
// no sources, tests, source maps or node_modules; and a size within budget.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-paths.mjs';

const MAX_BYTES = 1024 * 1024;
const VSIX = path.join(REPO_ROOT, 'trunkline.vsix');
const ALLOWED = [/^dist\/extension\.js$/, /^dist\/extension\/[\w.-]+\.js$/, /^schemas\/[\w-]+\.schema\.json$/, /^syntaxes\/[\w.-]+\.json$/, /^media\/[\w/.-]+\.(svg|png|md)$/, /^(README\.md|CHANGELOG\.md|LICENSE|package\.json)$/, /^package\.nls(\.[\w-]+)?\.json$/, /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/];
const REQUIRED = ['dist/extension.js', 'schemas/trunk-file.schema.json', 'syntaxes/trunkline.injection.tmLanguage.json', 'media/icon.png', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json', 'package.nls.json', 'l10n/bundle.l10n.json'];

const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => execFileSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

run('npm', ['run', '--silent', 'package']);
const files = run('npx', ['vsce', 'ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean);
const problems = [];
for (const file of files) if (!ALLOWED.some((re) => re.test(file))) problems.push(`unexpected file in the .vsix: ${file}`);
const bundles = fs.readdirSync(path.join(REPO_ROOT, 'dist', 'extension')).filter((f) => f.endsWith('.js')).map((f) => `dist/extension/${f}`);
for (const file of [...REQUIRED, ...bundles]) if (!files.includes(file)) problems.push(`missing from the .vsix: ${file}`);
const size = fs.statSync(VSIX).size;
if (size > MAX_BYTES) problems.push(`the .vsix is ${(size / 1024).toFixed(0)} KB, over the ${MAX_BYTES / 1024} KB budget`);
console.log(`trunkline.vsix: ${files.length} files, ${(size / 1024).toFixed(0)} KB`);
if (problems.length > 0) {
  for (const p of problems) console.error(`check-vsix: ${p}`);
  process.exit(1);
}
console.log('check-vsix: contents and size OK');
