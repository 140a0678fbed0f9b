import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Accepted by every command, before or after the command name. */
export const GLOBAL_OPTIONS = {
  config: { type: 'string' },
  sandbox: { type: 'boolean' },
  'sandbox-state': { type: 'string' },
  'no-state': { type: 'boolean' },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpecs;

export type OutputFormat = 'text' | 'json';

export interface GlobalOptions {
  configPath: string | undefined;
  /** Run against the embedded emulator; `--sandbox-state` implies it. */
  sandbox: boolean;
  sandboxState: string | undefined;
  noState: boolean;
  format: OutputFormat;
  quiet: boolean;
  verbose: boolean;
  debug: boolean;
}

export interface CommandLine {
  global: GlobalOptions;
  values: OptionValues;
  positionals: string[];
  help: boolean;
  version: boolean;
}

/** Parses a command's arguments: the global options plus its own; anything else is a usage error. */
export function parseCommandLine(command: string | undefined, argv: readonly string[], options: OptionSpecs, env: NodeJS.ProcessEnv): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(argumentErrorText(error), command);
  }
  const values = parsed.values as OptionValues;
  const format = stringOption(values, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not ${JSON.stringify(format)}.`, command);
  const sandboxState = stringOption(values, 'sandbox-state');
  return {
    global: {
      configPath: stringOption(values, 'config'),
      sandbox: values.sandbox === true || sandboxState !== undefined,
      sandboxState,
      noState: values['no-state'] === true,
      format,
      quiet: values.quiet === true,
      verbose: values.verbose === true,
      debug: values.debug === true || isDebugEnv(env),
    },
    values,
    positionals: parsed.positionals,
    help: values.help === true,
    version: values.version === true,
  };
}

/**
 * Whether the arguments ask for `--format json`, read before (and whatever) parsing fails, so
 * that a usage error too is answered in JSON.
 */
export function wantsJson(argv: readonly string[]): boolean {
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--format') format = argv[++i];
  }
  return format === 'json';
}

export function isDebugEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env.TRUNKLINE_DEBUG;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option, each value possibly comma-separated: `--kind a,b --kind c`. */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

/** node:util's messages are long and talk about positionals; the gist is enough. */
function argumentErrorText(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return message.includes('argument missing') ? `Option ${option} needs a value.` : `Option ${option} takes no value.`;
  }
  return message;
}
