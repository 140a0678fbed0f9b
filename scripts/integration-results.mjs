// @ts-check
// Reading and judging the results file test/integration/index.ts writes, the same way for
// every driver (code-server and Electron).
import fs from 'node:fs';

/** @typedef {import('../test/integration/index').IntegrationTestResults} IntegrationTestResults */

/** @returns {IntegrationTestResults | undefined} undefined when the run wrote none */
export function readIntegrationResults(/** @type {string} */ file) {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Prints every test, then each failure with its stack. */
export function printIntegrationResults(/** @type {IntegrationTestResults} */ results) {
  const marks = { passed: '✓', failed: '✗', pending: '-' };
  for (const test of results.tests) console.log(`  ${marks[test.state]} ${test.title}`);
  for (const [i, failure] of results.failures.entries()) {
    console.log(`\n${i + 1}) ${failure.title}\n${failure.error.replace(/^/gm, '   ')}`);
  }
  if (results.failures.length > 0) console.log('');
  if (results.pending > 0) console.log(`${results.pending} pending`);
}

/**
 * A run passes only if at least one test ran and none failed; an empty run (every test
 * filtered out, or none found) is a failure so that a broken build cannot pass silently.
 * @returns {string | undefined} why the run failed
 */
export function integrationFailure(/** @type {IntegrationTestResults} */ results, /** @type {string | undefined} */ grep) {
  if (results.failed > 0) return `${results.failed} integration test(s) failed`;
  if (results.passed === 0) return grep ? `no integration test matches --grep ${grep}` : 'no integration tests ran';
  return undefined;
}

/** The line every driver ends with. */
export function summaryLine(/** @type {{ passed: number, failed: number } | undefined} */ tally) {
  return `${tally?.passed ?? 0} passed, ${tally?.failed ?? 0} failed`;
}
