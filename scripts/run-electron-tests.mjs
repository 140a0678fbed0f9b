#!/usr/bin/env node
// @ts-check
// The same integration suite (out/test/integration) in desktop VS Code, through
// @vscode/test-electron, for people who have a display and either internet access (it downloads
// VS Code into .vscode-test/) or VS Code installed (VSCODE_EXECUTABLE_PATH=/path/to/code).
// `npm test` and CI use scripts/run-vscode-tests.mjs instead, which needs neither.
//
//   node scripts/run-electron-tests.mjs [--grep <pattern>]
//   VSCODE_TEST_VERSION=1.90.0 …   a specific VS Code to download (default: stable)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { EMULATOR_ENTRY, startEmulator } from './emulator-process.mjs';
import { integrationFailure, printIntegrationResults, readIntegrationResults, summaryLine } from './integration-results.mjs';
import { REPO_ROOT, repoRelative, TEST_RESULTS_DIR, WORKSPACE_DIR } from './repo-paths.mjs';
import { deferCleanup, runWithCleanup } from './run-with-cleanup.mjs';

const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const LOG_DIR = path.join(TEST_RESULTS_DIR, 'electron');
const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });
/** @type {import('./integration-results.mjs').IntegrationTestResults | undefined} */
let results;

await runWithCleanup(runElectronTests, () => console.log(summaryLine(results)));

async function runElectronTests() {
  if (!fs.existsSync(TESTS_ENTRY)) throw new Error(`${repoRelative(TESTS_ENTRY)} is missing; build first: node esbuild.js --tests`);
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-electron-'));
  deferCleanup('temporary directory', () => fs.rmSync(workDir, { recursive: true, force: true }));
  const resultsFile = path.join(LOG_DIR, 'results.json');

  const emulator = await startEmulator({ logFile: path.join(LOG_DIR, 'emulator.log') });
  if (!emulator) console.log(`emulator not built (${repoRelative(EMULATOR_ENTRY)} missing): tests that need it will fail`);

  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
  if (vscodeExecutablePath && !fs.existsSync(vscodeExecutablePath)) {
    throw new Error(`VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
  }
  let runError;
  try {
    await runTests({
      vscodeExecutablePath,
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: {
        ...emulator?.env,
        TRUNKLINE_TEST_HOST: 'electron',
        TRUNKLINE_TEST_RESULTS: resultsFile,
        ...(options.grep ? { TRUNKLINE_TEST_GREP: options.grep } : {}),
      },
      launchArgs: [
        WORKSPACE_DIR,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--user-data-dir', path.join(workDir, 'user-data'),
        '--extensions-dir', path.join(workDir, 'extensions'),
      ],
    });
  } catch (err) {
    runError = err;
  }

  results = readIntegrationResults(resultsFile);
  if (!results) {
    if (runError && !(runError instanceof TestRunFailedError) && !vscodeExecutablePath) {
      throw new Error(
        `could not get VS Code to test in (${errorMessage(runError)}).\n` +
          '  @vscode/test-electron downloads it from update.code.visualstudio.com, which needs internet access.\n' +
          '  Use an installed VS Code instead: VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:electron\n' +
          '  or run the same suite offline in code-server: npm run test:integration',
      );
    }
    const display = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    throw new Error(
      `VS Code ended without test results${runError ? ` (${errorMessage(runError)})` : ''}.` +
        (display ? '\n  There is no display: run it under xvfb-run, or use npm run test:integration.' : ''),
    );
  }
  printIntegrationResults(results);
  const failure = integrationFailure(results, options.grep);
  if (failure) console.error(`error: ${failure}`);
  return failure ? 1 : 0;
}

function errorMessage(/** @type {unknown} */ err) {
  return err instanceof Error ? err.message : String(err);
}
