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

/**
 * The import cycles among `files` (type-only imports count: a child that names its parent's
 * type still cannot be read without it), as strongly connected components (Tarjan).
 */
function importCycles(files: readonly string[]): string[][] {
  const modules = new Set(files.map((f) => path.relative(SRC, f).replace(/\.ts$/, '')));
  const edges = new Map(
    files.map((f) => {
      const from = path.relative(SRC, f).replace(/\.ts$/, '');
      const to = importsOf(f).flatMap((s) => (modules.has(s) ? [s] : modules.has(`${s}/index`) ? [`${s}/index`] : []));
      return [from, to] as const;
    }),
  );
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, order.size);
    low.set(v, order.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v)!.includes(v)) cycles.push(component.sort());
  };
  for (const v of modules) if (!order.has(v)) visit(v);
  return cycles;
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

  test('no import cycle anywhere in src', () => {
    assert.deepEqual(importCycles(sourceFiles(SRC)), []);
  });

  test('the check sees imports at all', () => {
    // a guard against the test passing because it read nothing
    assert.ok(sourceFiles(path.join(SRC, 'core')).length > 50);
    assert.ok(importsOf(path.join(SRC, 'ui', 'services.ts')).includes('vscode'));
    // and the cycle finder finds a cycle when there is one: two files of a scratch folder
    const scratch = fs.mkdtempSync(path.join(SRC, '..', 'out', 'cycle-check-'));
    try {
      fs.writeFileSync(path.join(scratch, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      fs.writeFileSync(path.join(scratch, 'b.ts'), "import { a } from './a';\nexport const b = a;\n");
      fs.writeFileSync(path.join(scratch, 'c.ts'), "import { a } from './a';\n");
      assert.equal(importCycles(sourceFiles(scratch)).length, 1);
      assert.deepEqual(importCycles(sourceFiles(scratch))[0]!.map((m) => path.basename(m)), ['a', 'b']);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
