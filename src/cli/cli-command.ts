import type { CommandLine, OptionSpecs, OutputFormat } from './cli-arguments';
import type { CliIo } from './cli-io';
import type { CliRuntime } from './cli-runtime';

/** One `trunkline <name>` command: its own options and help, and what it does. */
export interface CliCommand {
  name: string;
  /** One line for `trunkline --help`. */
  summary: string;
  /** `trunkline <name> --help`. */
  help: string;
  options: OptionSpecs;
  /** The --format values it writes; default text and json. */
  formats?: readonly OutputFormat[];
  /** Resolves to the exit code; a CliError thrown is printed as its message. */
  run(context: CommandContext): Promise<number>;
}

export interface CommandContext {
  io: CliIo;
  line: CommandLine;
  runtime: CliRuntime;
  /** Fires on Ctrl-C: long runs stop between requests and report what was done. */
  signal: AbortSignal;
}
