// The entry point VS Code's extension host loads through `extensionTestsPath` (both
// scripts/run-vscode-tests.mjs and scripts/run-electron-tests.mjs point it at the bundled
// out/test/integration/index.js). It runs every bundled `*.test.js` under this folder with mocha,
// which stays external and is resolved from node_modules, and settles as VS Code's test contract
// asks: resolve when all pass, reject otherwise (the workbench then reports exit code 1).
//
// The extension host inherits the driver's environment:
//   TRUNKLINE_TEST_RESULTS  where to write the JSON results the driver reads
//   TRUNKLINE_TEST_GREP     run only the tests whose full title matches (npm run test:integration -- --grep x)
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface IntegrationTestResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number }[];
  failures: { title: string; error: string }[];
}

const TEST_TIMEOUT_MS = 20_000;

export function run(): Promise<void> {
  const started = Date.now();
  const results: IntegrationTestResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], failures: [] };
  const finish = (): void => {
    results.durationMs = Date.now() - started;
    const file = process.env.TRUNKLINE_TEST_RESULTS;
    if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const mocha = new Mocha({
        ui: 'bdd',
        reporter: 'spec',
        color: false,
        timeout: TEST_TIMEOUT_MS,
        grep: process.env.TRUNKLINE_TEST_GREP || undefined,
      });
      for (const file of findTestFiles(__dirname)) mocha.addFile(file);
      const runner = mocha.run((failures) => {
        finish();
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('pending', (test) => {
        results.pending++;
        results.tests.push({ title: test.fullTitle(), state: 'pending' });
      });
      runner.on('fail', (test, err: unknown) => {
        results.failed++;
        results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration });
        results.failures.push({ title: test.fullTitle(), error: describeError(err) });
      });
    } catch (err) {
      // A test file that throws while loading lands here, before any test ran.
      results.failed++;
      results.failures.push({ title: 'loading the integration test files', error: describeError(err) });
      finish();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

function describeError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
}
