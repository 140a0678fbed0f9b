import { CliUsageError, parseEmulatorArgs, USAGE } from './cli-options';
import { startEmulator, type RunningEmulator } from './emulator-server';
import { SANDBOX_CREDENTIALS, type EmulatorCredentials } from './sandbox-credentials';

// `npm run emulator -- …`: starts the emulator, prints where it is and how to log in, and
// closes cleanly on SIGINT/SIGTERM.

async function main(): Promise<void> {
  const command = parseEmulatorArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(command.options);
  process.stdout.write(describe(emulator));
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    emulator.close().catch((error: Error) => {
      process.stderr.write(`emulator: ${error.message}\n`);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** One `name: value` line each. Secrets given on the command line are not echoed back. */
function describe(emulator: RunningEmulator): string {
  const c = emulator.credentials;
  const secret = (key: keyof EmulatorCredentials, flag: string) =>
    c[key] === SANDBOX_CREDENTIALS[key] ? c[key] : `(as given with --${flag})`;
  return [
    `base-url: ${emulator.baseUrl}`,
    `account-sid: ${c.accountSid}`,
    `auth-token: ${secret('authToken', 'auth-token')}`,
    `api-key-sid: ${c.apiKeySid}`,
    `api-key-secret: ${secret('apiKeySecret', 'api-key-secret')}`,
    `carrierx-token: ${secret('carrierXToken', 'carrierx-token')}`,
    `carrierx-base-url: ${emulator.baseUrl}/core/v2`,
    '',
  ].join('\n');
}

main().catch((error: Error) => {
  process.stderr.write(`emulator: ${error.message}\n${error instanceof CliUsageError ? `\n${USAGE}\n` : ''}`);
  process.exitCode = error instanceof CliUsageError ? 2 : 1;
});
