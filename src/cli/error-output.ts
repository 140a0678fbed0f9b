import type { CliErrorCode } from './cli-error';
import type { ExitCodeValue } from './exit-codes';

// ---- JSON (`--format json`): what a run that failed prints on stdout, version 1 ----

/** The one object a failed run prints with --format json; stderr keeps the human line. */
export interface ErrorJson {
  version: 1;
  /** The command that ran, or null when none was recognised. */
  command: string | null;
  error: {
    code: CliErrorCode;
    /** The same message as on stderr (secrets redacted). */
    message: string;
    exitCode: ExitCodeValue;
  };
}

export function errorJson(command: string | undefined, code: CliErrorCode, message: string, exitCode: ExitCodeValue): ErrorJson {
  return { version: 1, command: command ?? null, error: { code, message, exitCode } };
}

/** `--help` with --format json. */
export interface HelpJson {
  version: 1;
  command: string | null;
  help: string;
}

/** `--version` with --format json. */
export interface VersionJson {
  version: 1;
  trunkline: string;
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
