import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BundleLoader } from '../src/core/code-cache/bundle-loader';

// One round of the cold-validation row, in a fresh process (see benchmarks/validate-trunk-file.ts):
//   node validate-probe.js <file> <code-cache-dir>
// Loads the trunk-file engine (validate-engine.js) as the extension loads its bundles, through
// the code-cache loader with the cache folder given (empty: the first session after an install
// or update; written by an earlier round: every later session), timed apart: in the extension
// it loads with the bundle. Then times what the editor does for the first trunk file of a session
// (TrunkFileDiagnostics.check without the editor's own conversion): parseTrunkFile, then the
// workspace index's update and the file's cross-file diagnostics. Then (untimed) writes the code
// cache, as the extension does a few seconds later. Prints one JSON line:
// { ms, loadMs, errors, cached }.

const [file, cacheDir] = process.argv.slice(2);
const text = readFileSync(file ?? '', 'utf8');
const loader = new BundleLoader({ bundleDir: __dirname, cacheDir, buildId: 'bench' });
const loadStarted = performance.now();
const engine = loader.load(path.join(__dirname, 'validate-engine.js')) as typeof import('./validate-engine');
const loadMs = performance.now() - loadStarted;
const uri = 'file:///workspace/acme.trunk.yaml';
const started = performance.now();
const parsed = engine.parseTrunkFile(text, { knownAccounts: ['acme-prod', 'acme-carrierx'] });
const index = new engine.WorkspaceIndex();
index.update(uri, parsed.claims);
const crossFile = index.diagnosticsFor(uri);
const ms = performance.now() - started;
const errors = [...parsed.diagnostics, ...crossFile].filter((d) => d.severity === 'error').length;
const cached = loader.stats.cached.length > 0;
loader.saveCodeCache();
process.stdout.write(`${JSON.stringify({ ms, loadMs, errors, cached })}\n`);
