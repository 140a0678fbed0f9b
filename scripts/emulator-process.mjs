// @ts-check
// Starts the built emulator (dist/emulator.js) on a free loopback port for a test run and hands
// its connection details to the tests through environment variables:
//   TRUNKLINE_EMULATOR_URL      the base URL (the emulator's `base-url:` line)
//   TRUNKLINE_EMULATOR_STARTUP  JSON object of every `key: value` line the emulator printed on
//                               start (base-url and the sandbox credentials), keyed as printed
// The credential values are the emulator's own sandbox secrets; they go to the tests and never
// into our logs (the log file gets them redacted).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT, repoRelative } from './repo-paths.mjs';
import { openLog, spawnInOwnGroup } from './run-with-cleanup.mjs';

export const EMULATOR_ENTRY = path.join(REPO_ROOT, 'dist', 'emulator.js');

const STARTUP_TIMEOUT_MS = 20_000;
/** After `base-url:` the emulator prints more start-up lines (credentials); then an empty line, or silence this long. */
const STARTUP_QUIET_MS = 300;
const STARTUP_LINE = /^\s*([A-Za-z][\w .-]*?)\s*:\s+(\S.*?)\s*$/;
const SECRET_KEY = /token|secret|password|passwd|auth|key|credential/i;

/**
 * @typedef {object} RunningEmulator
 * @property {string} baseUrl
 * @property {Record<string, string>} startup every `key: value` line printed on start
 * @property {Record<string, string>} env what a test process needs to reach it
 * @property {Promise<string>} exited resolves if the emulator dies
 */

/**
 * @param {{ logFile: string }} options
 * @returns {Promise<RunningEmulator | undefined>} undefined when dist/emulator.js is not built
 */
export async function startEmulator({ logFile }) {
  if (!fs.existsSync(EMULATOR_ENTRY)) return undefined;
  const log = openLog(logFile);
  const proc = spawnInOwnGroup('emulator', process.execPath, [EMULATOR_ENTRY, '--port', '0'], { cwd: REPO_ROOT });

  /** @type {Record<string, string>} */
  const startup = {};
  /** @type {string[]} */
  const secrets = [];
  const redact = (/** @type {string} */ line) => secrets.reduce((text, secret) => text.split(secret).join('<redacted>'), line);
  const lines = readline.createInterface({ input: proc.child.stdout });
  const baseUrl = await new Promise((resolve, reject) => {
    let settled = false;
    /** @type {NodeJS.Timeout | undefined} */
    let quiet;
    const timeout = setTimeout(
      () => reject(new Error(`the emulator printed no "base-url:" line within ${STARTUP_TIMEOUT_MS / 1000} s; see ${repoRelative(logFile)}`)),
      STARTUP_TIMEOUT_MS,
    );
    const settle = () => {
      settled = true;
      clearTimeout(timeout);
      resolve(startup['base-url']);
    };
    lines.on('line', (line) => {
      const [, key, value] = STARTUP_LINE.exec(line) ?? [];
      if (!settled && key !== undefined && value !== undefined) {
        startup[key] ??= value;
        if (SECRET_KEY.test(key) && value.length >= 4) secrets.push(value);
      }
      log.line(redact(line));
      if (!settled && startup['base-url'] !== undefined) {
        clearTimeout(quiet);
        // It ends its start-up block with an empty line; the quiet period covers one that doesn't.
        if (line.trim() === '') settle();
        else quiet = setTimeout(settle, STARTUP_QUIET_MS);
      }
    });
    readline.createInterface({ input: proc.child.stderr }).on('line', (line) => log.line(redact(line)));
    void proc.exited.then((how) => {
      clearTimeout(timeout);
      clearTimeout(quiet);
      reject(new Error(`the emulator exited during start-up (${how}); see ${repoRelative(logFile)}`));
    });
  });
  return {
    baseUrl,
    startup,
    env: { TRUNKLINE_EMULATOR_URL: baseUrl, TRUNKLINE_EMULATOR_STARTUP: JSON.stringify(startup) },
    exited: proc.exited,
  };
}
