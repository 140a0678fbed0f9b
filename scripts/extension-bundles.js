// The extension as several CommonJS bundles that load each other on first use (used by
// esbuild.js and bench/build-bench.js, so the benchmark measures exactly what ships):
//   dist/extension.js            package.json "main": a small bootstrap (src/extension-bootstrap.ts)
//                                that loads the others through V8's code cache (bundle-loader.ts);
//                                it carries the build's id, a hash of the bundles below, so a cache
//                                is only used with the code that wrote it
//   dist/extension/extension.js  the composition root (src/extension.ts): what activate() needs
//   dist/extension/<name>-<hash>.js  one bundle per `import()` in the sources (the trunk-file engine,
//                                the commands, the provider clients, the sandbox emulator…) and the
//                                chunks they share; each module is in exactly one of them, so a
//                                module's state (the translator, the log, the resource-change bus)
//                                exists once
//   dist/extension/undici.js     undici, `require`d on the first request (load-undici.ts)
// esbuild splits code only for ES modules, so the split build is ESM and each output file is
// then rewritten as CommonJS (static imports become `require`, `import()` a `require` in a
// promise), which the extension host loads. Source maps are chained through the rewrite.
const esbuild = require('esbuild');
const fs = require('node:fs');
const crypto = require('node:crypto');
const path = require('node:path');
const { trunkValidatorPlugin } = require('./trunk-validator-plugin');

/** Where the lazily loaded bundles go, next to the root bundle. */
const CHUNK_DIR = 'extension';
/** yaml's browser build is the same code minus a process.env read per token (~20% of parse time). */
const YAML_ALIAS = { yaml: './node_modules/yaml/browser/index.js' };

/** `require('undici')` in the sources resolves to its own bundle instead of being inlined. */
const undiciApart = {
  name: 'undici-apart',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) => (args.kind === 'require-call' ? { path: './undici.js', external: true } : undefined));
  },
};

/** esbuild options of the split build (ESM, before the rewrite); `metafile` tells what went where. */
function splitOptions({ root, outdir, minify, sourcemap }) {
  return {
    absWorkingDir: root,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: path.join(outdir, CHUNK_DIR),
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify,
    sourcemap: sourcemap ? 'external' : false,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['vscode'],
    alias: YAML_ALIAS,
    plugins: [trunkValidatorPlugin, undiciApart],
    metafile: true,
    write: false,
  };
}

/** esbuild options of undici's own bundle. */
function undiciOptions({ root, outdir, minify }) {
  return {
    absWorkingDir: root,
    stdin: { contents: "module.exports = require('undici');", resolveDir: root, sourcefile: 'undici-bundle.js' },
    outfile: path.join(outdir, CHUNK_DIR, 'undici.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}

/** esbuild options of the bootstrap (package.json "main"), given the build's id. */
function bootstrapOptions({ root, outdir, minify, sourcemap = !minify }, buildId) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/extension-bootstrap.ts'],
    outfile: path.join(outdir, 'extension.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify,
    sourcemap,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['vscode'],
    define: { TRUNKLINE_BUILD_ID: JSON.stringify(buildId) },
    metafile: true,
  };
}

/** A hash of every bundle the bootstrap loads (their names and contents). */
function buildIdOf(chunkDir) {
  const hash = crypto.createHash('sha256');
  for (const name of fs.readdirSync(chunkDir).filter((f) => f.endsWith('.js')).sort()) hash.update(name).update('\0').update(fs.readFileSync(path.join(chunkDir, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Writes the bootstrap for the bundles now in `outdir`. */
async function buildBootstrap(options) {
  return (await esbuild.build(bootstrapOptions(options, buildIdOf(path.join(options.outdir, CHUNK_DIR))))).metafile;
}

/**
 * Builds the extension's bundles into `outdir` (dist/ or out/bench/dist/). Returns the metafiles
 * of its three builds (keys relative to `root`), for the check that no module is in two bundles.
 * With `watch`, rebuilds on every change instead (and returns undefined).
 */
async function buildExtensionBundles({ root, outdir, minify = false, sourcemap = !minify, watch = false }) {
  const chunkDir = path.join(outdir, CHUNK_DIR);
  fs.rmSync(chunkDir, { recursive: true, force: true });
  fs.mkdirSync(chunkDir, { recursive: true });
  const undici = await esbuild.build(undiciOptions({ root, outdir, minify }));
  const options = splitOptions({ root, outdir, minify, sourcemap });
  if (watch) {
    const rewriteOnEnd = {
      name: 'cjs-rewrite',
      setup: (build) =>
        build.onEnd(async (result) => {
          if (!result.outputFiles) return;
          await rewriteAsCommonJs(result.outputFiles, minify);
          await buildBootstrap({ root, outdir, minify, sourcemap });
        }),
    };
    const context = await esbuild.context({ ...options, plugins: [...options.plugins, rewriteOnEnd] });
    await context.watch();
    return undefined;
  }
  const split = await esbuild.build(options);
  await rewriteAsCommonJs(split.outputFiles, minify);
  const bootstrap = await buildBootstrap({ root, outdir, minify, sourcemap });
  return [split.metafile, undici.metafile, bootstrap];
}

/** Writes the split build's ES modules as CommonJS, where esbuild put them (the root too). */
async function rewriteAsCommonJs(outputFiles, minify) {
  const maps = new Map(outputFiles.filter((f) => f.path.endsWith('.map')).map((f) => [f.path.slice(0, -'.map'.length), f.text]));
  await Promise.all(
    outputFiles
      .filter((f) => f.path.endsWith('.js'))
      .map(async (file) => {
        const target = file.path;
        const code = file.text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
        const map = maps.get(file.path);
        const input = map ? `${code}//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n` : code;
        const result = await esbuild.transform(input, {
          format: 'cjs',
          // import() of a bundle becomes a require in a promise: Node's ES module loader would
          // re-read each CommonJS file with its export lexer (~10× the cost of require)
          supported: { 'dynamic-import': false },
          platform: 'node',
          target: 'node20',
          minify,
          sourcemap: map ? 'external' : false,
          sourcefile: path.basename(target),
          legalComments: 'none',
          logLevel: 'warning',
        });
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, map ? `${result.code}//# sourceMappingURL=${path.basename(target)}.map\n` : result.code);
        if (map) fs.writeFileSync(`${target}.map`, result.map);
      }),
  );
}

module.exports = { buildExtensionBundles, splitOptions, undiciOptions, bootstrapOptions, CHUNK_DIR, YAML_ALIAS };
