import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

// The layout's one rule: dependencies point one way. ui → core, cli → core, emulator → core
// models; the core never imports vscode, ui, cli or the emulator. Checked on the sources, so a
// wrong import fails here with the file named, not later in a bundle.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(p) : entry.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file imports (statically or with import()) or requires, resolved to a path under src/ when relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), s)) : s));
}

function violations(room: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(path.join(SRC, room)).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((s) => `${path.relative(ROOT, file)} imports ${s}`),
  );
}

describe('dependency direction', () => {
  test('src/core imports neither vscode nor ui, cli or the emulator', () => {
    assert.deepEqual(violations('core', (s) => s === 'vscode' || /^(ui|cli|emulator)\//.test(s)), []);
  });

  test('the emulator uses nothing of the extension or the CLI', () => {
    assert.deepEqual(violations('emulator', (s) => s === 'vscode' || /^(ui|cli)\//.test(s)), []);
  });

  test('the CLI runs without an editor', () => {
    assert.deepEqual(violations('cli', (s) => s === 'vscode' || /^ui\//.test(s)), []);
  });

  test('commands import no vscode: each runs on a CommandContext, in the editor and in unit tests', () => {
    assert.deepEqual(violations(path.join('ui', 'commands'), (s) => s === 'vscode'), []);
  });

  test('the check sees imports at all', () => {
    // a guard against the test passing because it read nothing
    assert.ok(sourceFiles(path.join(SRC, 'core')).length > 50);
    assert.ok(importsOf(path.join(SRC, 'ui', 'services.ts')).includes('vscode'));
  });
});
