// @ts-check
// Test drivers start servers (emulator, code-server with its extension host and pty host) and a
// browser. Each server runs in its own process group so that stopping the group also stops the
// children it spawned; Ctrl-C only reaches our own foreground group, so an interrupted run must
// stop the others itself. Every resource registers its cleanup here and `runWithCleanup` runs
// them (newest first) on success, failure, SIGINT and SIGTERM alike.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** @type {Array<{ name: string, fn: () => unknown }>} */
const cleanups = [];
/** @type {Promise<void> | undefined} */
let cleaning;

/** Registers work to undo when the run ends, whatever way it ends. */
export function deferCleanup(/** @type {string} */ name, /** @type {() => unknown} */ fn) {
  cleanups.push({ name, fn });
}

/** Runs the cleanups once; a second caller (a signal during a normal finish) waits for the same run. */
function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const { name, fn } = /** @type {{ name: string, fn: () => unknown }} */ (cleanups.pop());
      try {
        await fn();
      } catch (err) {
        console.error(`cleanup of ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}

/**
 * @typedef {object} OwnedProcess
 * @property {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} child
 * @property {Promise<string>} exited resolves with "exit code N" / "signal S" when the group leader exits
 */

/**
 * Spawns `command` as the leader of a new process group. At cleanup the whole group gets
 * SIGTERM, then SIGKILL after a grace period.
 * @param {string} name for messages
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {OwnedProcess}
 */
export function spawnInOwnGroup(name, command, args, options = {}) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`));
    child.once('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  deferCleanup(name, async () => {
    if (child.pid === undefined) return;
    signalGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, delay(3000)]);
    // The leader may be gone while children it spawned (extension host) linger in the group.
    signalGroup(child.pid, 'SIGKILL');
  });
  return { child, exited };
}

/**
 * Rejects as soon as one of the servers a run depends on exits, so that the run fails at once
 * with the right log to read instead of timing out. Race it against each step.
 * @param {Array<{ name: string, exited: Promise<string>, logFile: string }>} servers
 * @returns {Promise<never>}
 */
export function failWhenAnyExits(servers) {
  const died = Promise.race(
    servers.map(({ name, exited, logFile }) =>
      exited.then((how) => {
        throw new Error(`${name} died during the run (${how}); see ${logFile}`);
      }),
    ),
  );
  died.catch(() => {}); // reported by whichever race it loses first; not unhandled meanwhile
  return died;
}

function signalGroup(/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the whole group has already exited.
  }
}

/**
 * @typedef {object} LogFile
 * @property {import('node:stream').Writable} stream for piping a child's output into
 * @property {(text: string) => void} line appends a line; dropped once the log is closed
 */

/**
 * A log file that is flushed and closed at cleanup, after everything registered later (the
 * processes and pages writing to it) has stopped.
 * @returns {LogFile}
 */
export function openLog(/** @type {string} */ file) {
  const stream = fs.createWriteStream(file);
  deferCleanup(`log ${file}`, () => new Promise((resolve) => stream.end(resolve)));
  return {
    stream,
    line: (text) => {
      if (!stream.writableEnded) stream.write(`${text}\n`);
    },
  };
}

export function delay(/** @type {number} */ ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `main`, then every registered cleanup, then `epilogue` (so that its output is the last
 * line), then exits with main's exit code (1 if it threw).
 * @param {() => Promise<number>} main
 * @param {() => void} [epilogue]
 */
export async function runWithCleanup(main, epilogue) {
  /** @type {number | undefined} */
  let interrupted;
  for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
    process.once(signal, () => {
      interrupted = code;
      console.error(`\n${signal}: stopping everything this run started…`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
  // A bug in a driver must not leave servers running either.
  for (const event of /** @type {const} */ (['uncaughtException', 'unhandledRejection'])) {
    process.once(event, (err) => {
      console.error(`error (${event}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      void runCleanups().finally(() => process.exit(1));
    });
  }
  let exitCode = 1;
  try {
    exitCode = await main();
  } catch (err) {
    // After a signal, main fails because its servers were stopped under it: not news.
    if (interrupted === undefined) console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  await runCleanups();
  if (interrupted !== undefined) process.exit(interrupted);
  epilogue?.();
  process.exit(exitCode);
}
