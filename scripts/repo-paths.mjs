// @ts-check
// Where the test drivers find the repository's pieces, whatever the current directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The folder every VS Code test session opens (sample trunk files live here). */
export const WORKSPACE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
/** The folder `npm start` opens: sample trunk files for a first look. */
export const SAMPLES_DIR = path.join(REPO_ROOT, 'samples', 'workspace');
/** Logs, result files and failure screenshots of the last run (git-ignored). */
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

/** A path as messages show it: relative to the repository root. */
export function repoRelative(/** @type {string} */ file) {
  return path.relative(REPO_ROOT, file) || '.';
}
