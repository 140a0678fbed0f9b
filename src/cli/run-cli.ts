import { version } from '../../package.json';
import { isProviderError } from '../core/http/provider-error';
import { SecretRedactor } from '../core/http/redacting-logger';
import { applyCommand } from './apply-command';
import { GLOBAL_OPTIONS, isDebugEnv, parseCommandLine, type OutputFormat } from './cli-arguments';
import type { CliCommand } from './cli-command';
import { CliError, UsageError } from './cli-error';
import type { CliIo } from './cli-io';
import { CliRuntime } from './cli-runtime';
import { driftCommand } from './drift-command';
import { ExitCode } from './exit-codes';
import { exportCommand } from './export-command';
import { mainHelp } from './help-text';
import { planCommand } from './plan-command';
import { validateCommand } from './validate-command';

export const COMMANDS: readonly CliCommand[] = [validateCommand, planCommand, applyCommand, exportCommand, driftCommand];

/**
 * Runs `trunkline …` and resolves to the exit code. Every failure ends here as one line on
 * stderr (secrets redacted); a stack trace only with --debug or TRUNKLINE_DEBUG=1.
 */
export async function runCli(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const debug = argv.includes('--debug') || isDebugEnv(io.env);
  let runtime: CliRuntime | undefined;
  let commandName: string | undefined;
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined || name === 'help') {
      const wanted = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      if (wanted) {
        io.stdout.write(wanted.help);
        return ExitCode.ok;
      }
      const line = parseCommandLine(undefined, rest, {}, io.env);
      if (line.version) {
        io.stdout.write(`${version}\n`);
        return ExitCode.ok;
      }
      const asked = name === 'help' || line.help;
      (asked ? io.stdout : io.stderr).write(mainHelp(COMMANDS, version));
      return asked ? ExitCode.ok : ExitCode.setup;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    commandName = command.name;
    const line = parseCommandLine(command.name, rest, command.options, io.env);
    if (line.help) {
      io.stdout.write(command.help);
      return ExitCode.ok;
    }
    if (line.version) {
      io.stdout.write(`${version}\n`);
      return ExitCode.ok;
    }
    checkFormat(command, line.global.format);
    runtime = new CliRuntime(io, line.global);
    return await command.run({ io, line, runtime, signal });
  } catch (error) {
    return reportError(error, io, debug, runtime?.redactor ?? new SecretRedactor(), commandName, signal);
  } finally {
    await runtime?.close();
  }
}

function checkFormat(command: CliCommand, format: OutputFormat): void {
  const formats = command.formats ?? ['text', 'json'];
  if (formats.includes(format)) return;
  const list = `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
  throw new UsageError(`${command.name} has no ${format} output: use --format ${list}.`, command.name);
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

function reportError(error: unknown, io: CliIo, debug: boolean, redactor: SecretRedactor, command: string | undefined, signal: AbortSignal): number {
  const write = (text: string) => io.stderr.write(`${redactor.redact(text)}\n`);
  if (error instanceof UsageError) {
    write(`trunkline: ${error.message}`);
    const about = error.command ?? command;
    write(`Run "trunkline ${about ? `${about} ` : ''}--help" for usage.`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    write(`trunkline: ${error.message}`);
    if (debug && error.stack) write(error.stack);
    return error.exitCode;
  }
  if (signal.aborted) {
    write('trunkline: interrupted.');
    return ExitCode.interrupted;
  }
  if (isProviderError(error)) {
    const hint = error.isAuthError ? ' Check the credentials in the environment.' : '';
    write(`trunkline: ${error.toDisplayString()}.${hint}`);
    if (debug && error.stack) write(error.stack);
    return ExitCode.setup;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`trunkline: unexpected error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && error instanceof Error && error.stack) write(error.stack);
  return ExitCode.setup;
}
