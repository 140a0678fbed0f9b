#!/usr/bin/env node
// @ts-check
// Browser e2e: drives the real VS Code workbench (code-server + headless Chromium, the extension
// loaded as a development extension from the built dist/) the way a person clicks, one scene per
// test/e2e/*.scene.mjs, and saves each scene's picture under media/screenshots/.
//
//   node scripts/run-e2e-screenshots.mjs [--grep <pattern in scene title or file>]
//   VERBOSE=1 …   also echo the workbench console
//
// Each scene gets a fresh page (fresh browser storage) on one code-server; scenes run in file
// name order. A failing scene leaves test-results/e2e/<scene>-failure.png. The last line printed
// is always `N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench, startTestSession, startUserWorkbench } from './code-server-workbench.mjs';
import { summaryLine } from './integration-results.mjs';
import { REPO_ROOT, repoRelative, SAMPLES_DIR, TEST_RESULTS_DIR } from './repo-paths.mjs';
import { deferCleanup, failWhenAnyExits, runWithCleanup } from './run-with-cleanup.mjs';
import { WorkbenchPage } from '../test/e2e/workbench-page.mjs';

const SCENES_DIR = path.join(REPO_ROOT, 'test', 'e2e');
const SCREENSHOTS_DIR = path.join(REPO_ROOT, 'media', 'screenshots');
const LOG_DIR = path.join(TEST_RESULTS_DIR, 'e2e');
const EXTENSION_BUNDLE = path.join(REPO_ROOT, 'dist', 'extension.js');

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });
const started = Date.now();
const log = (/** @type {string} */ message) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const tally = { passed: 0, failed: 0 };

await runWithCleanup(runScenes, () => console.log(summaryLine(tally)));

async function runScenes() {
  if (!fs.existsSync(EXTENSION_BUNDLE)) throw new Error(`${repoRelative(EXTENSION_BUNDLE)} is missing; build first: node esbuild.js`);
  const sceneFiles = fs
    .readdirSync(SCENES_DIR)
    .filter((name) => name.endsWith('.scene.mjs'))
    .sort();
  /** @type {Array<{ file: string, scene: import('../test/e2e/workbench-page.mjs').Scene }>} */
  const scenes = [];
  for (const file of sceneFiles) {
    const { scene } = await import(path.join(SCENES_DIR, file));
    if (!scene || typeof scene.run !== 'function') throw new Error(`test/e2e/${file} must export \`scene\` with a run(workbench) function`);
    if (!options.grep || file.includes(options.grep) || scene.title.includes(options.grep)) scenes.push({ file, scene });
  }
  if (scenes.length === 0) throw new Error(options.grep ? `no scene matches --grep ${options.grep}` : 'no scenes in test/e2e/');

  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const { server, browser, consoleLog, died } = await startTestSession({ name: 'e2e', logDir: LOG_DIR, log });
  let serverDied = false;
  died.catch(() => (serverDied = true));
  const url = server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)]]);
  /** @type {Promise<{ url: string, died: Promise<never> }> | undefined} */
  let userWorkbench;
  // Scenes about what a person sees after `npm start` get that workbench: no test options.
  const npmStartWorkbench = () =>
    (userWorkbench ??= (async () => {
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-e2e-start-'));
      deferCleanup('temporary directory (npm start workbench)', () => fs.rmSync(workDir, { recursive: true, force: true }));
      const logFile = path.join(LOG_DIR, 'code-server-npm-start.log');
      const started = await startUserWorkbench({ workDir, logFile, folder: SAMPLES_DIR });
      log(`npm start's workbench at ${started.origin}`);
      return { url: started.workbenchUrl([]), died: failWhenAnyExits([{ name: "npm start's code-server", exited: started.exited, logFile: repoRelative(logFile) }]) };
    })());

  for (const { file, scene } of scenes) {
    const name = file.replace(/\.scene\.mjs$/, '');
    consoleLog.line(`\n===== ${name} =====`);
    const sceneStarted = Date.now();
    /** @type {import('playwright-core').Page | undefined} */
    let page;
    const target = scene.screenshot ? path.join(SCREENSHOTS_DIR, scene.screenshot) : undefined;
    const play = (async () => {
      const sceneUrl = scene.startedAs === 'npm start' ? (await npmStartWorkbench()).url : url;
      ({ page } = await openWorkbench(browser, sceneUrl, { consoleLog }));
      const workbench = new WorkbenchPage(page);
      await workbench.restored();
      await scene.run(workbench);
      if (target) {
        await workbench.settle();
        await page.screenshot({ path: target });
      }
    })();
    play.catch(() => {}); // when a server dies first, `died` reports it
    try {
      await Promise.race([play, died]);
      tally.passed++;
      const saved = target ? ` → ${repoRelative(target)}` : '';
      console.log(`  ✓ ${scene.title}${saved} (${((Date.now() - sceneStarted) / 1000).toFixed(1)}s)`);
    } catch (err) {
      tally.failed++;
      // Playwright colours its call log; this output goes to CI logs and files as plain text.
      const message = (err instanceof Error ? err.message : String(err)).replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
      console.log(`  ✗ ${scene.title}\n    ${message.split('\n').join('\n    ')}`);
      const failureShot = path.join(LOG_DIR, `${name}-failure.png`);
      if (await page?.screenshot({ path: failureShot }).then(() => true, () => false)) {
        console.log(`    page at failure: ${repoRelative(failureShot)}`);
      }
      if (serverDied) break; // the remaining scenes cannot run either
    } finally {
      await page?.context().close();
    }
  }
  log(`logs in ${repoRelative(LOG_DIR)}/`);
  return tally.failed === 0 ? 0 : 1;
}
