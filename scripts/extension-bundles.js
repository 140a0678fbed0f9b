// The extension as several CommonJS bundles that load each other on first use (used by
// esbuild.js and bench/build-bench.js, so the benchmark measures exactly what ships):
//   dist/extension.js            the composition root (package.json "main"): what activate() needs
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

/**
 * Builds the extension's bundles into `outdir` (dist/ or out/bench/dist/). Returns the metafiles
 * of its two builds (keys relative to `root`), for the check that no module is in two bundles.
 * With `watch`, rebuilds on every change instead (and returns undefined).
 */
async function buildExtensionBundles({ root, outdir, minify = false, sourcemap = !minify, watch = false }) {
  const chunkDir = path.join(outdir, CHUNK_DIR);
  fs.rmSync(chunkDir, { recursive: true, force: true });
  fs.mkdirSync(chunkDir, { recursive: true });
  const undici = await esbuild.build(undiciOptions({ root, outdir, minify }));
  const options = splitOptions({ root, outdir, minify, sourcemap });
  if (watch) {
    const rewriteOnEnd = { name: 'cjs-rewrite', setup: (build) => build.onEnd((result) => result.outputFiles && rewriteAsCommonJs(result.outputFiles, outdir, minify)) };
    const context = await esbuild.context({ ...options, plugins: [...options.plugins, rewriteOnEnd] });
    await context.watch();
    return undefined;
  }
  const split = await esbuild.build(options);
  await rewriteAsCommonJs(split.outputFiles, outdir, minify);
  return [split.metafile, undici.metafile];
}

/** Writes the split build's ES modules as CommonJS, the root bundle moved up into `outdir`. */
async function rewriteAsCommonJs(outputFiles, outdir, minify) {
  const maps = new Map(outputFiles.filter((f) => f.path.endsWith('.map')).map((f) => [f.path.slice(0, -'.map'.length), f.text]));
  await Promise.all(
    outputFiles
      .filter((f) => f.path.endsWith('.js'))
      .map(async (file) => {
        // The root bundle sits in outdir itself (package.json "main"); its imports point into CHUNK_DIR.
        const isRoot = path.dirname(file.path) === path.join(outdir, CHUNK_DIR) && path.basename(file.path) === 'extension.js';
        const target = isRoot ? path.join(outdir, 'extension.js') : file.path;
        let code = file.text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
        if (isRoot) code = code.replace(/(from\s*|import\(\s*|import\s*|require\(\s*)"\.\/([^"]+)"/g, `$1"./${CHUNK_DIR}/$2"`);
        const map = maps.get(file.path);
        const input = map ? `${code}//# sourceMappingURL=data:application/json;base64,${Buffer.from(rebase(map, path.dirname(file.path), path.dirname(target))).toString('base64')}\n` : code;
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

/** A source map's sources made relative to where the rewritten file will be. */
function rebase(mapText, from, to) {
  if (from === to) return mapText;
  const map = JSON.parse(mapText);
  map.sources = map.sources.map((s) => path.relative(to, path.resolve(from, s)).split(path.sep).join('/'));
  return JSON.stringify(map);
}

module.exports = { buildExtensionBundles, splitOptions, undiciOptions, CHUNK_DIR, YAML_ALIAS };
