import * as path from 'node:path';
import type { SandboxEndpoint } from '../../core/accounts/account-connections';
import type { Logger } from '../../core/http/redacting-logger';
import type { RunningEmulator } from '../../emulator/emulator-server';

/**
 * Runs the emulator in-process for the Sandbox account, started on first use (never at
 * activation) on 127.0.0.1 with a free port. Its data lives in the extension's global
 * storage, so what a user creates in the sandbox survives restarts.
 */
export class SandboxHost {
  private running: Promise<RunningEmulator> | undefined;

  constructor(
    private readonly storageDir: string,
    private readonly log: Logger,
  ) {}

  endpoint(): Promise<SandboxEndpoint> {
    // The emulator's code (an HTTP server, the providers' routes) loads with the first sandbox request.
    this.running ??= Promise.all([import('../../emulator/emulator-server'), import('../../emulator/seeding/emulator-seeder')])
      .then(([{ startEmulator }, { SANDBOX_SEED }]) =>
        startEmulator({
          seeding: SANDBOX_SEED,
          persistPath: path.join(this.storageDir, 'sandbox-state.json'),
        }),
      )
      .then(
      (emulator) => {
        this.log.info(`Sandbox emulator listening on ${emulator.baseUrl}`);
        return emulator;
      },
      (e: unknown) => {
        this.running = undefined;
        throw e;
      },
    );
    return this.running.then((emulator) => ({
      baseUrl: emulator.baseUrl,
      accountSid: emulator.credentials.accountSid,
      authToken: emulator.credentials.authToken,
      carrierxToken: emulator.credentials.carrierXToken,
    }));
  }

  async dispose(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) await (await running).close();
  }
}
