import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

// Loads the extension's own CommonJS bundles (dist/extension/*.js) through V8's code cache.
// Without it every session compiles the code it runs afresh: the first validation of a trunk
// file spent ~2/3 of its time compiling the engine's functions. `vm.Script` accepts the bytecode
// a previous session produced (`createCachedData()`, taken after the code ran, so it holds the
// functions that were compiled lazily, not only the top level); Node 20 has no module compile
// cache of its own. Every other `require` goes to Node as before, and each bundle is entered in
// `require.cache` under its own file name, so a bundle loaded here or by a plain `require` is
// the same single module either way.
//
// A cache that does not fit is never used: the file name says which build, V8 version and
// architecture wrote it (V8 itself only checks the source's length), its header carries the
// data's length and checksum, and V8 may still reject it (flags); any such file is deleted and
// written again from this session.

/** The header of a cache file: magic, data length, SHA-1 of the data (V8 itself does not check it: a damaged cache crashes the process). */
const MAGIC = 0x54_4c_43_31; // "TLC1"
const DIGEST_BYTES = 20;
const HEADER_BYTES = 8 + DIGEST_BYTES;

export interface BundleLoaderOptions {
  /** The folder holding the bundles this loader loads (every `.js` file directly in it). */
  readonly bundleDir: string;
  /** Where caches are read and written: one folder per build; undefined loads without a cache. */
  readonly cacheDir: string | undefined;
  /** Which build the bundles are, e.g. a hash of their contents; part of the cache's name. */
  readonly buildId: string;
  /** How long after the last bundle loaded its cache is written (the code it ran is then compiled). */
  readonly saveDelayMs?: number;
}

/** What the loader did, for the benchmark and the tests. */
export interface BundleLoaderStats {
  /** Bundles whose cache V8 accepted. */
  readonly cached: string[];
  /** Bundles compiled from source (no cache, or one that did not fit). */
  readonly compiled: string[];
  /** Cache files found unfit and deleted (wrong header, checksum or length, or rejected by V8). */
  readonly discarded: string[];
  /** Cache files written. */
  readonly written: string[];
}

interface LoadedScript {
  readonly script: vm.Script;
  /** The cache file to write, or undefined when the one read was accepted. */
  readonly writeTo: string | undefined;
}

export class BundleLoader {
  private readonly bundleDir: string;
  private readonly cacheDir: string | undefined;
  private readonly saveDelayMs: number;
  private readonly scripts = new Map<string, LoadedScript>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly counts = { cached: [] as string[], compiled: [] as string[], discarded: [] as string[], written: [] as string[] };

  constructor(options: BundleLoaderOptions) {
    this.bundleDir = path.resolve(options.bundleDir);
    this.cacheDir = options.cacheDir && path.join(options.cacheDir, `${options.buildId}-v8-${process.versions.v8}-${process.arch}`);
    this.saveDelayMs = options.saveDelayMs ?? 10_000;
  }

  get stats(): BundleLoaderStats {
    return { cached: [...this.counts.cached], compiled: [...this.counts.compiled], discarded: [...this.counts.discarded], written: [...this.counts.written] };
  }

  /** The exports of a bundle of `bundleDir` (loaded once, like `require`). */
  load(filename: string): unknown {
    const file = path.resolve(filename);
    const known = require.cache[file];
    if (known) return known.exports;
    const source = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const cacheFile = this.cacheDir && path.join(this.cacheDir, `${name}.cache`);
    const cachedData = cacheFile ? this.readCache(cacheFile) : undefined;
    const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
    const accepted = cachedData !== undefined && !script.cachedDataRejected;
    if (cachedData && !accepted) this.discard(cacheFile!);
    (accepted ? this.counts.cached : this.counts.compiled).push(name);

    const module = new Module(file);
    module.filename = file;
    module.paths = nodeModulePaths(path.dirname(file));
    require.cache[file] = module;
    try {
      const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
      wrapper.call(module.exports, module.exports, this.requireFor(module), module, file, path.dirname(file));
    } catch (e) {
      delete require.cache[file];
      throw e;
    }
    module.loaded = true;
    this.scripts.set(name, { script, writeTo: accepted ? undefined : cacheFile });
    if (cacheFile && !accepted) this.scheduleSave();
    return module.exports;
  }

  /**
   * Writes the cache of every bundle loaded without one (at most once each). Called a while
   * after the last load and when the extension deactivates; never throws: a cache is only ever
   * a shortcut.
   */
  saveCodeCache(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.cacheDir) return;
    for (const [name, loaded] of this.scripts) {
      if (!loaded.writeTo) continue;
      this.scripts.set(name, { script: loaded.script, writeTo: undefined });
      try {
        writeCache(loaded.writeTo, loaded.script.createCachedData());
        this.counts.written.push(name);
      } catch {
        // A read-only or full disk: the next session compiles as this one did.
      }
    }
    removeOtherBuilds(this.cacheDir);
  }

  /** A bundle's `require`: the bundles next to it through this loader, anything else through Node. */
  private requireFor(module: Module): NodeJS.Require {
    const nodeRequire = Module.createRequire(module.filename);
    const bundleRequire = ((request: string) => {
      if (request.startsWith('./') && request.endsWith('.js')) {
        const file = path.resolve(path.dirname(module.filename), request);
        if (path.dirname(file) === this.bundleDir) return this.load(file);
      }
      return module.require(request);
    }) as NodeJS.Require;
    return Object.assign(bundleRequire, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions });
  }

  private readCache(file: string): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    const data = bytes.subarray(HEADER_BYTES);
    const fits = bytes.length > HEADER_BYTES && bytes.readUInt32LE(0) === MAGIC && bytes.readUInt32LE(4) === data.length && digest(data).equals(bytes.subarray(8, HEADER_BYTES));
    if (fits) return data;
    this.discard(file);
    return undefined;
  }

  private discard(file: string): void {
    this.counts.discarded.push(path.basename(file, '.cache'));
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Left for the next write to replace.
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveCodeCache(), this.saveDelayMs);
    this.saveTimer.unref?.();
  }
}

/** Where Node would look for packages from `dir` (the bundles only ever ask it for `vscode`). */
function nodeModulePaths(dir: string): string[] {
  const internals = Module as unknown as { _nodeModulePaths?: (dir: string) => string[] };
  return internals._nodeModulePaths?.(dir) ?? [];
}

/** The data's SHA-1 (native: ~0.5 ms for a 250 KB cache; a loop in JavaScript took several ms cold). */
function digest(data: Buffer): Buffer {
  return createHash('sha1').update(data).digest();
}

/** Writes a cache file whole or not at all (another window may read it at the same moment). */
function writeCache(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(data.length, 4);
  digest(data).copy(header, 8);
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, Buffer.concat([header, data]));
  fs.renameSync(partial, file);
}

/** The caches of earlier builds or V8 versions are never read again. */
function removeOtherBuilds(cacheDir: string): void {
  try {
    const parent = path.dirname(cacheDir);
    for (const entry of fs.readdirSync(parent)) if (entry !== path.basename(cacheDir)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  } catch {
    // Nothing to tidy.
  }
}
