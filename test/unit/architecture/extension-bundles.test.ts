import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Metafile } from 'esbuild';

// The extension ships as several bundles loaded on first use (scripts/extension-bundles.js). A
// module that holds state (the translator in l10n.ts, the log, the resource-change bus, the
// loaded undici) must exist once: two bundles with a copy each would each have their own, and
// e.g. strings translated in one would stay English in the other. Checked on esbuild's metafile
// of the real build (written to a temporary folder, not dist/).

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const build = createRequire(path.join(ROOT, 'package.json'))('./scripts/extension-bundles.js') as {
  splitOptions(o: { root: string; outdir: string; minify: boolean; sourcemap: boolean }): object;
  undiciOptions(o: { root: string; outdir: string; minify: boolean }): object;
  bootstrapOptions(o: { root: string; outdir: string; minify: boolean; sourcemap: boolean }, buildId: string): object;
};
const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');

/** For each output file, the source modules bundled into it. */
let bundles: Map<string, string[]>;
/** The root bundle's source modules and the bundles it loads at once (static imports). */
let atActivation: string[];
/** The same for the trunk-file engine's bundle (what a trunk file open at start-up loads). */
let withEngine: string[];

before(async () => {
  const outdir = path.join(os.tmpdir(), `trunkline-bundles-${process.pid}`);
  const options = { root: ROOT, outdir, minify: false, sourcemap: false };
  const results = await Promise.all([esbuild.build({ ...build.splitOptions(options), write: false }), esbuild.build({ ...build.undiciOptions(options), write: false })]);
  const outputs = results.flatMap((r) => Object.entries((r.metafile as Metafile).outputs)).filter(([file]) => file.endsWith('.js'));
  bundles = new Map(outputs.map(([file, output]) => [path.basename(file), Object.keys(output.inputs)]));
  const byName = new Map(outputs.map(([file, output]) => [path.basename(file), output]));
  const closure = (entry: string) => {
    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      for (const i of byName.get(name)?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(path.basename(i.path));
    };
    visit(entry);
    return [...loaded].flatMap((name) => bundles.get(name) ?? []);
  };
  atActivation = closure('extension.js');
  const engine = outputs.find(([, output]) => output.entryPoint === 'src/ui/documents/register-trunk-files.ts');
  assert.ok(engine, 'no bundle of its own for the trunk-file engine');
  withEngine = [...atActivation, ...closure(path.basename(engine[0]))];
});

describe('extension bundles', () => {
  test('no module is bundled twice, in particular none that holds state', () => {
    const owners = new Map<string, string[]>();
    for (const [bundle, inputs] of bundles) for (const input of inputs) owners.set(input, [...(owners.get(input) ?? []), bundle]);
    const twice = [...owners].filter(([, where]) => where.length > 1).map(([input, where]) => `${input}: ${where.join(', ')}`);
    assert.deepEqual(twice, []);
    for (const stateful of ['src/ui/l10n.ts', 'src/ui/resource-change-bus.ts', 'src/ui/services.ts', 'src/core/http/load-undici.ts', 'src/core/documents/validate/trunk-validator.ts']) {
      assert.equal(owners.get(stateful)?.length, 1, `${stateful} is in ${owners.get(stateful)?.length ?? 0} bundles`);
    }
  });

  test('activation loads no trunk-file engine, provider models, HTTP client or emulator', () => {
    const heavy = atActivation.filter((input) =>
      /^node_modules\/(yaml|zod|undici)\/|precompiled-trunk-validator|^src\/emulator\/|^src\/core\/providers\/[^/]+\/models\.ts$|^src\/core\/documents\/file\/parse-trunk-file\.ts$/.test(input),
    );
    assert.deepEqual(heavy, []);
  });

  test('a trunk file open loads no provider models (zod), HTTP client, emulator or command code', () => {
    const unneeded = withEngine.filter((input) => /^node_modules\/(zod|undici)\/|^src\/emulator\/|^src\/core\/providers\/[^/]+\/models\.ts$|^src\/ui\/commands\/(?!register-commands)/.test(input));
    assert.deepEqual(unneeded, []);
  });

  test("package.json's main is only the bootstrap: the code-cache loader, which loads every other bundle", async () => {
    const outdir = path.join(os.tmpdir(), `trunkline-bootstrap-${process.pid}`);
    const result = await esbuild.build({ ...build.bootstrapOptions({ root: ROOT, outdir, minify: false, sourcemap: false }, 'test'), write: false });
    const inputs = Object.values((result.metafile as Metafile).outputs).flatMap((o) => Object.keys(o.inputs));
    assert.deepEqual(inputs.sort(), ['src/core/code-cache/bundle-loader.ts', 'src/extension-bootstrap.ts']);
  });

  test('undici is a bundle of its own', () => {
    const withUndici = [...bundles].filter(([, inputs]) => inputs.some((i) => i.startsWith('node_modules/undici/'))).map(([name]) => name);
    assert.deepEqual(withUndici, ['undici.js']);
  });
});
