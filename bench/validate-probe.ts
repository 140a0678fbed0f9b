import { readFileSync } from 'node:fs';

// One round of the cold-validation row, in a fresh process (see benchmarks/validate-trunk-file.ts):
//   node validate-probe.js <file>
// Loads the trunk-file engine (validate-engine.js, timed apart: in the extension it loads with
// the bundle), then times what the editor does for the first trunk file of a session
// (TrunkFileDiagnostics.check without the editor's own conversion): parseTrunkFile, then the
// workspace index's update and the file's cross-file diagnostics. Prints one JSON line:
// { ms, loadMs, errors }.

const text = readFileSync(process.argv[2] ?? '', 'utf8');
const loadStarted = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require('./validate-engine.js') as typeof import('./validate-engine');
const loadMs = performance.now() - loadStarted;
const uri = 'file:///workspace/acme.trunk.yaml';
const started = performance.now();
const file = engine.parseTrunkFile(text, { knownAccounts: ['acme-prod', 'acme-carrierx'] });
const index = new engine.WorkspaceIndex();
index.update(uri, file.claims);
const crossFile = index.diagnosticsFor(uri);
const ms = performance.now() - started;
const errors = [...file.diagnostics, ...crossFile].filter((d) => d.severity === 'error').length;
process.stdout.write(`${JSON.stringify({ ms, loadMs, errors })}\n`);
