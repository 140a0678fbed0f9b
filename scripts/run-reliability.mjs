#!/usr/bin/env node
// @ts-check
// Runs the reliability suites (out/test/reliability/*.test.js, built by `node esbuild.js --tests`)
// one after another with node's test runner, then prints ONE summary line of what they measured:
//
//   reliability: 1500 pushes under faults, 0 duplicates, 0 lost updates; 10000 fuzz cases, 0 crashes, …
//
//   node scripts/run-reliability.mjs            full counts (npm run test:reliability, < 10 min on 2 cores)
//   node scripts/run-reliability.mjs --small    smaller counts (inside npm test, < 2 min)
//   … --only faults,fuzzing                     some suites (file names without .test.js)
//
// Suites append their figures as JSON lines to test-results/reliability/figures.jsonl
// (RELIABILITY_FIGURES); the scale reaches them as RELIABILITY_SCALE. Seeds are fixed and printed
// in the test names; RELIABILITY_SEEDS / RELIABILITY_FUZZ_SEED override them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, repoRelative, TEST_RESULTS_DIR } from './repo-paths.mjs';

const SUITES_DIR = path.join(REPO_ROOT, 'out', 'test', 'reliability');
const FIGURES_FILE = path.join(TEST_RESULTS_DIR, 'reliability', 'figures.jsonl');
const SUITE_TIMEOUT_MS = 8 * 60_000;

const { values: options } = parseArgs({ options: { small: { type: 'boolean' }, only: { type: 'string' } } });
const scale = options.small ? 'small' : 'full';

if (!fs.existsSync(SUITES_DIR)) {
  console.error(`${repoRelative(SUITES_DIR)} is missing; build first: node esbuild.js --tests`);
  process.exit(1);
}
const wanted = options.only?.split(',').map((s) => s.trim());
const suites = fs
  .readdirSync(SUITES_DIR)
  .filter((f) => f.endsWith('.test.js'))
  .filter((f) => !wanted || wanted.includes(f.slice(0, -'.test.js'.length)))
  .sort();
if (suites.length === 0) {
  console.error(`no reliability suites${wanted ? ` named ${wanted.join(', ')}` : ''} in ${repoRelative(SUITES_DIR)}`);
  process.exit(1);
}

fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
fs.rmSync(FIGURES_FILE, { force: true });

const started = Date.now();
const failedSuites = [];
for (const suite of suites) {
  console.log(`\n[reliability] ${suite} (${scale})`);
  const code = await runSuite(path.join(SUITES_DIR, suite));
  if (code !== 0) failedSuites.push(suite.slice(0, -'.test.js'.length));
}
console.log(`\n[reliability] ${suites.length} suites in ${((Date.now() - started) / 1000).toFixed(0)} s${failedSuites.length > 0 ? `; FAILED: ${failedSuites.join(', ')}` : ''}`);
console.log(summaryLine(readFigures(), failedSuites));
process.exit(failedSuites.length > 0 ? 1 : 0);

/** @param {string} file */
function runSuite(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', `--test-timeout=${SUITE_TIMEOUT_MS}`, file], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, RELIABILITY_SCALE: scale, RELIABILITY_FIGURES: FIGURES_FILE },
    });
    child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.once('error', () => resolve(1));
  });
}

/** @returns {Map<string, Record<string, number>[]>} figures records by suite */
function readFigures() {
  const bySuite = new Map();
  if (!fs.existsSync(FIGURES_FILE)) return bySuite;
  for (const line of fs.readFileSync(FIGURES_FILE, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { suite, ...figures } = JSON.parse(line);
    bySuite.set(suite, [...(bySuite.get(suite) ?? []), figures]);
  }
  return bySuite;
}

/**
 * @param {Map<string, Record<string, number>[]>} bySuite
 * @param {string[]} failed
 */
function summaryLine(bySuite, failed) {
  const sum = (/** @type {string} */ suite, /** @type {string} */ key) => {
    const records = bySuite.get(suite);
    if (!records) return 'n/a';
    return records.reduce((n, r) => n + (r[key] ?? 0), 0);
  };
  const max = (/** @type {string} */ suite, /** @type {string} */ key) => {
    const records = bySuite.get(suite)?.filter((r) => r[key] !== undefined);
    if (!records || records.length === 0) return 'n/a';
    return Math.max(...records.map((r) => r[key] ?? 0));
  };
  const ms = (/** @type {number | string} */ v) => (typeof v === 'number' ? `${Math.round(v)} ms` : v);
  const inYaml = sum('fuzzing', 'overBudgetInYaml');
  // Only the suites that ran (`--only`) are named.
  /** @type {[string, string][]} */
  const parts = [
    ['faults', `${sum('faults', 'pushes')} pushes under faults, ${sum('faults', 'duplicates')} duplicates, ${sum('faults', 'lostUpdates')} lost updates, ${sum('faults', 'reportedFailures')} failures reported on the way`],
    ['fuzzing', `${sum('fuzzing', 'cases')} fuzz cases, ${sum('fuzzing', 'crashes')} crashes, ${sum('fuzzing', 'requests')} requests from invalid documents, max parse ${ms(max('fuzzing', 'maxParseMs'))}${inYaml ? ` (${inYaml} over 100 ms inside yaml itself)` : ''}`],
    ['secrets', `${sum('secrets', 'leaks')} secret leaks in ${sum('secrets', 'outputs')} outputs`],
    ['trust', `${sum('trust', 'leaks')} requests from ${sum('trust', 'documents')} files naming hosts or credentials`],
    ['transport', `${sum('transport', 'violations')} transport violations in ${sum('transport', 'checks')} checks`],
    ['conflicts', `${sum('conflicts', 'lost')} lost edits and ${sum('conflicts', 'duplicates')} duplicates in ${sum('conflicts', 'cases')} conflict cases`],
    ['contract', `${sum('contract', 'violations')} contract violations in ${sum('contract', 'sequences')} model-based sequences (${sum('contract', 'steps')} steps, ${sum('contract', 'applies')} applies)`],
    ['termination', `${sum('termination', 'violations')} violations in ${sum('termination', 'sequences')} termination sequences (${sum('termination', 'steps')} steps, ${sum('termination', 'faultedSteps')} with a fault), ${sum('termination', 'duplicates')} duplicates after ${sum('termination', 'lostAnswers')} lost answers`],
    ['routes-commands', `${sum('routes-commands', 'violations')} violations in ${sum('routes-commands', 'sequences')} policy/endpoint sequences (${sum('routes-commands', 'steps')} steps, ${sum('routes-commands', 'faultedSteps')} with a fault), ${sum('routes-commands', 'duplicates')} duplicates after ${sum('routes-commands', 'lostAnswers')} lost answers`],
    ['inventory-commands', `${sum('inventory-commands', 'violations')} violations in ${sum('inventory-commands', 'sequences')} number inventory sequences (${sum('inventory-commands', 'steps')} steps, ${sum('inventory-commands', 'refusedAfterColleague')} numbers left where a colleague moved them)`],
    ['references', `${sum('references', 'violations')} violations in ${sum('references', 'sequences')} reference push sequences (${sum('references', 'pushes')} pushes, ${sum('references', 'faultedPushes')} with a fault, ${sum('references', 'kills')} killed, ${sum('references', 'races')} raced by a colleague), ${sum('references', 'refusalsNamingTheName')} refusals naming the name`],
    ['kill-points', `${sum('kill-points', 'unfinished')} unfinished and ${sum('kill-points', 'strayChanges')} stray changes after ${sum('kill-points', 'kills')} kills between explorer requests`],
    ['journal-model', `${sum('journal-model', 'violations')} violations in ${sum('journal-model', 'sequences')} interrupted-create sequences (${sum('journal-model', 'pushes')} pushes, ${sum('journal-model', 'kills')} killed, ${sum('journal-model', 'adopted')} creates resumed, ${sum('journal-model', 'refusals')} refused naming the sid)`],
    ['journal-kill', `${sum('journal-kill', 'duplicates')} duplicates and ${sum('journal-kill', 'misattached')} resources given to the wrong document after ${sum('journal-kill', 'kills')} kills during a create`],
    ['kill', `${sum('kill', 'duplicates')} duplicates, ${sum('kill', 'lostChanges')} lost changes and ${sum('kill', 'unparseable')} unparseable files after ${sum('kill', 'kills')} SIGKILLs`],
    ['emulator-load', `${sum('emulator-load', 'requests')} requests under load, ${sum('emulator-load', 'errors')} errors, p50 ${ms(max('emulator-load', 'p50Ms'))}, p99 ${ms(max('emulator-load', 'p99Ms'))}`],
  ];
  return `reliability: ${parts.filter(([suite]) => bySuite.has(suite)).map(([, text]) => text).join('; ')}${failed.length > 0 ? `; FAILED: ${failed.join(', ')}` : ''}`;
}
