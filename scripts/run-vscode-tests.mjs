#!/usr/bin/env node
// @ts-check
// Runs the integration tests (out/test/integration/**/*.test.js, built by `node esbuild.js --tests`)
// inside a REAL VS Code extension host: code-server's remote Node extension host, with the
// workbench driven by headless Chromium. Offline; every server binds 127.0.0.1.
//
//   node scripts/run-vscode-tests.mjs [--grep <pattern>] [--restricted-mode]
//   --restricted-mode            Workspace Trust on, the folder untrusted: runs out/test/integration-untrusted/
//                                instead (logs in test-results/integration-untrusted/)
//   VERBOSE=1 …                  also echo the workbench / extension-host console
//   KEEP_TMP=1 …                 keep the throwaway user-data dir
//   TRUNKLINE_TEST_TIMEOUT_MS=…  the whole test run (default 180000)
//
// Logs of the last run: test-results/integration/ (results.json, workbench.log with the
// extension host's console, code-server.log, emulator.log). The last line printed is always
// `N passed, N failed`.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench, startTestSession } from './code-server-workbench.mjs';
import { integrationFailure, printIntegrationResults, readIntegrationResults, summaryLine } from './integration-results.mjs';
import { REPO_ROOT, repoRelative, TEST_RESULTS_DIR } from './repo-paths.mjs';
import { delay, runWithCleanup } from './run-with-cleanup.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' }, 'restricted-mode': { type: 'boolean' } } });
const restrictedMode = options['restricted-mode'] === true;
const SUITE = restrictedMode ? 'integration-untrusted' : 'integration';
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', SUITE, 'index.js');
const LOG_DIR = path.join(TEST_RESULTS_DIR, SUITE);
const RESULTS_FILE = path.join(LOG_DIR, 'results.json');
const CONSOLE_LOG = repoRelative(path.join(LOG_DIR, 'workbench.log'));
const RUN_TIMEOUT_MS = Number(process.env.TRUNKLINE_TEST_TIMEOUT_MS ?? 180_000);
/** The results file is written just before run() settles; the exit report follows within moments. */
const EXIT_AFTER_RESULTS_MS = 5_000;

const started = Date.now();
const log = (/** @type {string} */ message) => console.log(`[${SUITE} +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

/** @type {import('./integration-results.mjs').IntegrationTestResults | undefined} */
let results;

await runWithCleanup(runTests, () => console.log(summaryLine(results)));

async function runTests() {
  if (!fs.existsSync(TESTS_ENTRY)) throw new Error(`${repoRelative(TESTS_ENTRY)} is missing; build first: node esbuild.js --tests`);
  const { server, browser, consoleLog, died } = await startTestSession({
    name: SUITE,
    logDir: LOG_DIR,
    env: { TRUNKLINE_TEST_RESULTS: RESULTS_FILE, ...(options.grep ? { TRUNKLINE_TEST_GREP: options.grep } : {}) },
    log,
    restrictedMode,
  });
  const { automationExit } = await Promise.race([
    openWorkbench(
      browser,
      server.workbenchUrl([
        ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
        ['extensionTestsPath', server.remoteUri(TESTS_ENTRY)],
      ]),
      { consoleLog },
    ),
    died,
  ]);
  log('workbench loaded; running the tests in the extension host');

  const resultsWritten = (async () => {
    while (!fs.existsSync(RESULTS_FILE)) await delay(100);
    return Promise.race([automationExit, delay(EXIT_AFTER_RESULTS_MS).then(() => undefined)]);
  })();
  const exitCode = await Promise.race([
    automationExit,
    resultsWritten,
    delay(RUN_TIMEOUT_MS).then(() => {
      throw new Error(`no test results after ${RUN_TIMEOUT_MS / 1000} s; see ${CONSOLE_LOG}`);
    }),
    died,
  ]);

  results = readIntegrationResults(RESULTS_FILE);
  if (!results) {
    throw new Error(`the extension host ended the run (exit code ${exitCode}) without results: the test entry failed to load; see ${CONSOLE_LOG}`);
  }
  printIntegrationResults(results);
  log(`finished; mocha took ${(results.durationMs / 1000).toFixed(1)}s`);
  const failure =
    integrationFailure(results, options.grep) ??
    (exitCode !== undefined && exitCode !== 0 ? `the extension host reported exit code ${exitCode} although no test failed` : undefined);
  if (failure) console.error(`error: ${failure}`);
  return failure ? 1 : 0;
}
