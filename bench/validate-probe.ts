import { readFileSync } from 'node:fs';
import { parseTrunkFile } from '../src/core/documents/file/parse-trunk-file';

// One round of the cold-validation row, in a fresh process (see benchmarks/validate-trunk-file.ts):
//   node validate-probe.js <file>
// The trunk-file code is already loaded (it loads with the extension); the first validation of
// the session is timed. Prints one JSON line: { ms, errors }.

const text = readFileSync(process.argv[2] ?? '', 'utf8');
const started = performance.now();
const file = parseTrunkFile(text, { knownAccounts: ['acme-prod', 'acme-carrierx'] });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, errors: file.diagnostics.filter((d) => d.severity === 'error').length })}\n`);
