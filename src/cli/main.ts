import { setMaxListeners } from 'node:events';
import { isDebugEnv, wantsJson } from './cli-arguments';
import { processIo } from './cli-io';
import { errorJson, jsonText } from './error-output';
import { ExitCode } from './exit-codes';
import { runCli } from './run-cli';

// The `trunkline` binary: wires the process to runCli. The first Ctrl-C asks the run to stop
// between requests (so it can say what was applied); a second one ends the process at once.

const controller = new AbortController();
// Every request of a long run listens to it; that is not a leak.
setMaxListeners(0, controller.signal);
// With --format json even these ends print their one JSON object.
const json = wantsJson(process.argv.slice(2));
process.on('SIGINT', () => {
  if (controller.signal.aborted) {
    if (json) process.stdout.write(jsonText(errorJson(undefined, 'interrupted', 'Interrupted at once (a second Ctrl-C): what was sent is not reported.', ExitCode.interrupted)));
    process.exit(ExitCode.interrupted);
  }
  controller.abort();
});

// Nothing may end in a stack trace unless asked for.
const lastResort = (error: unknown) => {
  const debug = process.argv.includes('--debug') || isDebugEnv(process.env);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`trunkline: unexpected error: ${message}\n`);
  if (json) process.stdout.write(jsonText(errorJson(undefined, 'unexpected', `Unexpected error: ${message}`, ExitCode.setup)));
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(ExitCode.setup);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

void runCli(process.argv.slice(2), processIo(), controller.signal).then((code) => {
  process.exitCode = code;
  // Everything is closed by now; should a stray handle remain, do not hang a pipeline over it.
  setTimeout(() => process.exit(code), 2_000).unref();
});
