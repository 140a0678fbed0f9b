import { ExitCode, type ExitCodeValue } from './exit-codes';

/**
 * A failure the user can fix, with a message that says how. The CLI prints the message alone
 * (never a stack trace) and exits with `exitCode`.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.setup,
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
    super(message, ExitCode.setup);
  }
}
