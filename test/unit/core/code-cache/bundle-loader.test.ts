import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { BundleLoader } from '../../../../src/core/code-cache/bundle-loader';

// The extension's bundles load through V8's code cache (the extension's global storage). The
// cache is a shortcut only: a damaged, truncated, stale or foreign cache must never break
// loading (a damaged one handed to V8 crashes the process: V8 does not check its checksum in
// release builds), and a bundle is one module whether it is loaded here or by `require`.

let dir: string;
let bundles: string;
let caches: string;

/** Two bundles as the build writes them: `root.js` requires its chunk and a Node module. */
function writeBundles(variant = 'a'): void {
  fs.mkdirSync(bundles, { recursive: true });
  fs.writeFileSync(
    path.join(bundles, 'chunk.js'),
    `"use strict";\nexports.greet = function greet(name) { return ${JSON.stringify(variant)} + ":" + name.split("").reverse().join(""); };\nexports.loads = (exports.loads || 0) + 1;\n`,
  );
  fs.writeFileSync(
    path.join(bundles, 'root.js'),
    `"use strict";\nconst chunk = require("./chunk.js");\nconst p = require("node:path");\nexports.run = function run() { return chunk.greet(p.basename("/x/trunk")); };\nexports.lazy = () => Promise.resolve().then(() => require("./chunk.js"));\n`,
  );
}

function session(buildId = 'build-1'): { loader: BundleLoader; root: { run(): string; lazy(): Promise<unknown> } } {
  for (const name of ['root.js', 'chunk.js']) delete require.cache[path.join(bundles, name)];
  const loader = new BundleLoader({ bundleDir: bundles, cacheDir: caches, buildId, saveDelayMs: 60_000 });
  const root = loader.load(path.join(bundles, 'root.js')) as { run(): string; lazy(): Promise<unknown> };
  return { loader, root };
}

function cacheFiles(): string[] {
  if (!fs.existsSync(caches)) return [];
  return fs.readdirSync(caches, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cache')).map((f) => path.join(caches, f));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-code-cache-'));
  bundles = path.join(dir, 'dist', 'extension');
  caches = path.join(dir, 'global-storage', 'code-cache');
  writeBundles();
});

afterEach(() => {
  for (const name of ['root.js', 'chunk.js']) delete require.cache[path.join(bundles, name)];
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('BundleLoader', () => {
  test('the first session compiles and writes a cache of what ran; the next one uses it', () => {
    const first = session();
    assert.equal(first.root.run(), 'a:knurt');
    assert.deepEqual(first.loader.stats.compiled.sort(), ['chunk.js', 'root.js']);
    assert.deepEqual(cacheFiles(), []);
    first.loader.saveCodeCache();
    assert.deepEqual(first.loader.stats.written.sort(), ['chunk.js', 'root.js']);
    assert.equal(cacheFiles().length, 2);

    const second = session();
    assert.equal(second.root.run(), 'a:knurt');
    assert.deepEqual(second.loader.stats.cached.sort(), ['chunk.js', 'root.js']);
    assert.deepEqual(second.loader.stats.compiled, []);
    // An accepted cache is not written again.
    second.loader.saveCodeCache();
    assert.deepEqual(second.loader.stats.written, []);
  });

  test('a bundle is one module: loaded by a bundle, by `require` or lazily, it is evaluated once', async () => {
    const { root } = session();
    const chunk = require(path.join(bundles, 'chunk.js')) as { loads: number };
    assert.equal(chunk.loads, 1);
    assert.equal(await root.lazy(), chunk);
  });

  test('a damaged cache (bytes changed, same length) is discarded and the bundle compiled from source', () => {
    session().loader.saveCodeCache();
    for (const file of cacheFiles()) {
      const bytes = fs.readFileSync(file);
      for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 64; i++) bytes[i] = bytes[i]! ^ 0x5a;
      fs.writeFileSync(file, bytes);
    }
    const { loader, root } = session();
    assert.equal(root.run(), 'a:knurt');
    assert.deepEqual(loader.stats.cached, []);
    assert.deepEqual(loader.stats.discarded.sort(), ['chunk.js', 'root.js']);
    assert.deepEqual(cacheFiles(), [], 'the damaged files are deleted');
    loader.saveCodeCache();
    assert.equal(session().loader.stats.cached.length, 2, 'and written again from the session that found them');
  });

  test('a truncated or empty cache is discarded', () => {
    session().loader.saveCodeCache();
    const [first, second] = cacheFiles();
    fs.truncateSync(first!, Math.floor(fs.statSync(first!).size / 3));
    fs.writeFileSync(second!, '');
    const { loader, root } = session();
    assert.equal(root.run(), 'a:knurt');
    assert.deepEqual(loader.stats.cached, []);
    assert.equal(loader.stats.discarded.length, 2);
  });

  test('a cache of other code under the same build id (V8 rejects it) is discarded and replaced', () => {
    session().loader.saveCodeCache();
    writeBundles('changed'); // the chunk changes length, the root stays as it was
    const { loader, root } = session();
    assert.equal(root.run(), 'changed:knurt');
    assert.deepEqual(loader.stats.cached, ['root.js']);
    assert.deepEqual(loader.stats.discarded, ['chunk.js']);
    loader.saveCodeCache();
    assert.deepEqual(loader.stats.written, ['chunk.js']);
  });

  test("a new build never reads the old build's cache, and its first save removes it", () => {
    session('build-1').loader.saveCodeCache();
    const old = cacheFiles();
    writeBundles('b'); // the same length as 'a': V8 alone would take the old cache
    const { loader, root } = session('build-2');
    assert.equal(root.run(), 'b:knurt');
    assert.deepEqual(loader.stats.cached, []);
    loader.saveCodeCache();
    assert.ok(old.every((f) => !fs.existsSync(f)));
    assert.equal(cacheFiles().length, 2);
  });

  test('without a storage folder, or one that cannot be written, bundles load without a cache', () => {
    for (const name of ['root.js', 'chunk.js']) delete require.cache[path.join(bundles, name)];
    const none = new BundleLoader({ bundleDir: bundles, cacheDir: undefined, buildId: 'x' });
    assert.equal((none.load(path.join(bundles, 'root.js')) as { run(): string }).run(), 'a:knurt');
    none.saveCodeCache();

    fs.mkdirSync(path.dirname(caches), { recursive: true });
    fs.writeFileSync(caches, 'a file where the folder should be');
    const blocked = session();
    assert.equal(blocked.root.run(), 'a:knurt');
    assert.doesNotThrow(() => blocked.loader.saveCodeCache());
    assert.deepEqual(blocked.loader.stats.written, []);
  });
});
