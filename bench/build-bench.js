// Builds what `npm run bench` runs, under out/bench/ (dist/ is not touched):
//   run-benchmarks.js, emulator-process.js, activation-probe.js, vscode-stand-in.js,
//   validate-probe.js + validate-engine.js
//       the benchmarks. Trunkline's code and its npm packages are bundled as in the extension
//       (same options as esbuild.js: keep YAML_ALIAS in step); the peers stay external, loaded
//       from node_modules as their users load them.
//   dist/extension.js (+ dist/extension/), dist/cli.js   the production bundles, as `node esbuild.js --production`
//       (the extension's split bundles come from scripts/extension-bundles.js, as in esbuild.js)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { trunkValidatorPlugin } = require('../scripts/trunk-validator-plugin');
const { buildExtensionBundles, YAML_ALIAS } = require('../scripts/extension-bundles');

const root = path.join(__dirname, '..');
const out = path.join(root, 'out', 'bench');

const PEERS = ['twilio', 'yaml-language-server', 'vscode-languageserver-textdocument'];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  alias: YAML_ALIAS,
  plugins: [trunkValidatorPlugin],
};

const production = (entry, outfile, extra = {}) =>
  esbuild.build({ ...common, entryPoints: [entry], outfile: path.join(out, 'dist', outfile), minify: true, sourcemap: false, ...extra });

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['bench/run-benchmarks.ts', 'bench/emulator-process.ts', 'bench/activation-probe.ts', 'bench/vscode-stand-in.ts', 'bench/validate-probe.ts', 'bench/validate-engine.ts'],
      outdir: out,
      // the validate probe loads the engine's bundle itself, to time loading it apart
      external: [...PEERS, 'vscode', './validate-engine.js'],
      sourcemap: true,
      sourcesContent: false,
    }),
    buildExtensionBundles({ root, outdir: path.join(out, 'dist'), minify: true }),
    ...(fs.existsSync(path.join(root, 'src/cli/main.ts')) ? [production('src/cli/main.ts', 'cli.js', { banner: { js: '#!/usr/bin/env node' } })] : []),
  ]);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
