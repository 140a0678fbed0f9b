// Builds the bundles:
//   dist/extension.js  the extension's composition root (vscode is provided by the extension host),
//                      and dist/extension/*.js the bundles it loads on first use (scripts/extension-bundles.js)
//   dist/emulator.js   the local Twilio + CarrierX API emulator (`npm run emulator`)
//   dist/cli.js        the `trunkline` CLI
// and, with --tests, the test files (one bundle per test file, packages left external) under out/.
// Flags: --production (minify, no source maps), --watch, --tests, --only=<extension|emulator|cli>
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { trunkValidatorPlugin } = require('./scripts/trunk-validator-plugin');
const { buildExtensionBundles, YAML_ALIAS } = require('./scripts/extension-bundles');
const { writeTrunkFileSchema } = require('./scripts/trunk-file-schema');

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const tests = args.includes('--tests');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [trunkValidatorPlugin],
};

const bundles = {
  emulator: { entryPoints: ['src/emulator/main.ts'], outfile: 'dist/emulator.js' },
  cli: { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, alias: YAML_ALIAS },
};

function findTests(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

async function main() {
  // The combined schema's kind list follows the kind schemas in schemas/ (scripts/trunk-file-schema.js).
  if (writeTrunkFileSchema()) console.log('[esbuild] schemas/trunk-file.schema.json: kind list updated from schemas/');
  const extension = !only || only === 'extension' ? [buildExtensionBundles({ root: __dirname, outdir: path.join(__dirname, 'dist'), minify: production, watch })] : [];
  const selected = Object.entries(bundles).filter(([name]) => !only || only === name);
  const existing = selected.filter(([, opts]) => opts.entryPoints.every((e) => fs.existsSync(e)));
  const configs = existing.map(([, opts]) => ({ ...common, ...opts }));
  if (tests) {
    // Each test file becomes its own bundle so `node --test` and the extension host can load it;
    // npm packages stay external (resolved from node_modules at run time).
    configs.push({
      ...common,
      sourcemap: true,
      entryPoints: [...findTests('test/unit'), ...findTests('test/integration'), ...findTests('test/integration-untrusted'), ...findTests('test/reliability'), ...findTests('test/support')],
      outbase: 'test',
      outdir: 'out/test',
      packages: 'external',
      external: ['vscode'],
    });
  }
  if (watch) {
    const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
    await Promise.all([...contexts.map((c) => c.watch()), ...extension]);
    console.log('[esbuild] watching for changes…');
    return;
  }
  await Promise.all([...configs.map((c) => esbuild.build(c)), ...extension]);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
