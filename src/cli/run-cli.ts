import { version } from '../../package.json';
import { isProviderError } from '../core/http/provider-error';
import { SecretRedactor } from '../core/http/redacting-logger';
import { applyCommand } from './apply-command';
import { GLOBAL_OPTIONS, isDebugEnv, parseCommandLine, wantsJson } from './cli-arguments';
import type { CliCommand } from './cli-command';
import { CliError, UsageError, type CliErrorCode } from './cli-error';
import type { CliIo } from './cli-io';
import { CliRuntime } from './cli-runtime';
import { errorJson, jsonText, type HelpJson, type VersionJson } from './error-output';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { exportCommand } from './export-command';
import { mainHelp } from './help-text';
import { planCommand } from './plan-command';
import { validateCommand } from './validate-command';

export const COMMANDS: readonly CliCommand[] = [validateCommand, planCommand, applyCommand, exportCommand];

/**
 * Runs `trunkline …` and resolves to the exit code. Every failure ends here as one line on
 * stderr (secrets redacted); a stack trace only with --debug or TRUNKLINE_DEBUG=1. With
 * --format json every outcome, failures included, is exactly one JSON object on stdout.
 */
export async function runCli(argv: readonly string[], processIo: CliIo, signal: AbortSignal): Promise<number> {
  const debug = argv.includes('--debug') || isDebugEnv(processIo.env);
  const json = wantsJson(argv);
  let printed = false;
  const stdout = {
    write: (text: string) => {
      printed = true;
      processIo.stdout.write(text);
    },
  };
  const io: CliIo = { ...processIo, stdout };
  const help = (command: string | undefined, text: string) => io.stdout.write(json ? jsonText({ version: 1, command: command ?? null, help: text } satisfies HelpJson) : text);
  const showVersion = () => io.stdout.write(json ? jsonText({ version: 1, trunkline: version } satisfies VersionJson) : `${version}\n`);
  let runtime: CliRuntime | undefined;
  let commandName: string | undefined;
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined || name === 'help') {
      const wanted = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      if (wanted) {
        help(wanted.name, wanted.help);
        return ExitCode.ok;
      }
      const line = parseCommandLine(undefined, rest, {}, io.env);
      if (line.version) {
        showVersion();
        return ExitCode.ok;
      }
      if (name === 'help' || line.help) {
        help(undefined, mainHelp(COMMANDS, version));
        return ExitCode.ok;
      }
      io.stderr.write(mainHelp(COMMANDS, version));
      if (json) {
        const message = `Name a command: ${COMMANDS.map((c) => c.name).join(', ')}.`;
        io.stderr.write(`trunkline: ${message}\n`);
        io.stdout.write(jsonText(errorJson(undefined, 'usage', message, ExitCode.setup)));
      }
      return ExitCode.setup;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    commandName = command.name;
    const line = parseCommandLine(command.name, rest, command.options, io.env);
    if (line.help) {
      help(command.name, command.help);
      return ExitCode.ok;
    }
    if (line.version) {
      showVersion();
      return ExitCode.ok;
    }
    runtime = new CliRuntime(io, line.global);
    return await command.run({ io, line, runtime, signal });
  } catch (error) {
    const redactor = runtime?.redactor ?? new SecretRedactor();
    const { exitCode, code, message } = reportError(error, io, debug, redactor, commandName, signal);
    // A command that already printed its result (apply's, before a late failure) keeps it as the one object.
    if (json && !printed) io.stdout.write(redactor.redact(jsonText(errorJson(commandName, code, message, exitCode))));
    return exitCode;
  } finally {
    await runtime?.close();
  }
}

/** The command is the first argument that is not an option (or an option's value): `trunkline --sandbox plan x`. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  const takesValue = new Set(Object.entries(GLOBAL_OPTIONS).filter(([, o]) => o.type === 'string').map(([n]) => `--${n}`));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (takesValue.has(arg)) i++;
      continue;
    }
    return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

/** Writes the failure to stderr and says what it was, for the exit code and the JSON object. */
function reportError(error: unknown, io: CliIo, debug: boolean, redactor: SecretRedactor, command: string | undefined, signal: AbortSignal): { exitCode: ExitCodeValue; code: CliErrorCode; message: string } {
  const write = (text: string) => io.stderr.write(`${redactor.redact(text)}\n`);
  if (error instanceof UsageError) {
    write(`trunkline: ${error.message}`);
    const about = error.command ?? command;
    write(`Run "trunkline ${about ? `${about} ` : ''}--help" for usage.`);
    return { exitCode: error.exitCode, code: error.code, message: error.message };
  }
  if (error instanceof CliError) {
    write(`trunkline: ${error.message}`);
    if (debug && error.stack) write(error.stack);
    return { exitCode: error.exitCode, code: error.code, message: error.message };
  }
  if (signal.aborted) {
    write('trunkline: interrupted.');
    return { exitCode: ExitCode.interrupted, code: 'interrupted', message: 'Interrupted.' };
  }
  if (isProviderError(error)) {
    const hint = error.isAuthError ? ' Check the credentials in the environment.' : '';
    const message = `${error.toDisplayString()}.${hint}`;
    write(`trunkline: ${message}`);
    if (debug && error.stack) write(error.stack);
    return { exitCode: ExitCode.setup, code: 'provider', message };
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`trunkline: unexpected error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && error instanceof Error && error.stack) write(error.stack);
  return { exitCode: ExitCode.setup, code: 'unexpected', message: `Unexpected error: ${message}` };
}
