import { ExitCode, type ExitCodeValue } from './exit-codes';

/**
 * What kind of failure ended a run: the `error.code` of `--format json`, stable for scripts.
 * - `usage`: wrong arguments; `config`: the config file; `account`: an unknown account or
 *   missing, malformed credentials; `io`: a file or folder that cannot be read or written;
 *   `not-found`: arguments that name no trunk file; `provider`: the provider refused or could
 *   not be reached; `not-confirmed`: apply without a terminal to confirm on and no --yes;
 *   `locked`: another apply holds the lock; `missing-secret`: apply needs a password from an
 *   environment variable that is not set; `interrupted`: Ctrl-C; `unexpected`: a bug;
 * `failed`: any other failure the message explains.
 */
export type CliErrorCode = 'usage' | 'config' | 'account' | 'io' | 'not-found' | 'provider' | 'not-confirmed' | 'locked' | 'missing-secret' | 'interrupted' | 'unexpected' | 'failed';

/**
 * A failure the user can fix, with a message that says how. The CLI prints the message alone
 * (never a stack trace) and exits with `exitCode`.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.setup,
    readonly code: CliErrorCode = 'failed',
  ) {
    super(message);
  }
}

/** Wrong arguments: the message is followed by a pointer to the command's help. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message, ExitCode.setup, 'usage');
  }
}

/** Runs `read`; a CliError it throws without a code of its own gets `code` (e.g. every failure of reading the config is a config error). */
export function withErrorCode<T>(code: CliErrorCode, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CliError && !(error instanceof UsageError) && error.code === 'failed') throw new CliError(error.message, error.exitCode, code);
    throw error;
  }
}
