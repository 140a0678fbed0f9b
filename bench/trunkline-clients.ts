import { randomUUID } from 'node:crypto';
import { AccountConnections } from '../src/core/accounts/account-connections';
import { AccountRegistry } from '../src/core/accounts/account-registry';
import { DispatcherPool } from '../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor, silentLogger } from '../src/core/http/redacting-logger';
import { createTwilioClient, type TwilioClient } from '../src/core/providers/twilio/twilio-client';
import { ExplorerTree } from '../src/ui/tree/explorer-tree';
import { MemoryKeyValueStore, MemorySecretStore } from '../test/support/command-harness';
import type { BenchEmulator } from './bench-emulator';

/** Where the emulator listens and what it accepts (the sandbox credentials, not secrets). */
export type EmulatorAddress = Pick<BenchEmulator, 'baseUrl' | 'credentials'>;

/**
 * The log every request writes in the extension: formatted and redacted like the real one,
 * dropped at the end instead of reaching an output channel.
 */
export function benchLogger(): { logger: RedactingLogger; redactor: SecretRedactor } {
  const redactor = new SecretRedactor();
  return { logger: new RedactingLogger(silentLogger, redactor), redactor };
}

/** Trunkline's own Twilio client for the emulator, built as AccountConnections builds it. */
export function trunklineClient(emulator: EmulatorAddress, dispatchers = new DispatcherPool()): { twilio: TwilioClient; dispatchers: DispatcherPool } {
  const twilio = createTwilioClient({
    ...benchLogger(),
    accountSid: emulator.credentials.accountSid,
    credentials: { kind: 'authToken', authToken: emulator.credentials.authToken },
    baseUrl: emulator.baseUrl,
    dispatchers,
  });
  return { twilio, dispatchers };
}

/**
 * The explorer model as the extension builds it (services.ts), without the editor: accounts in
 * memory, one Twilio account pointing at the emulator, real connections and the real tree.
 */
export async function explorerFor(emulator: EmulatorAddress, dispatchers: DispatcherPool, pageSize: number, providers: readonly ('twilio' | 'carrierx')[] = ['twilio']): Promise<ExplorerTree> {
  const accounts = new AccountRegistry(new MemoryKeyValueStore(), new MemorySecretStore(), randomUUID);
  const { logger, redactor } = benchLogger();
  const connections = new AccountConnections({ dispatchers, logger, redactor }, (a) => accounts.secretsOf(a.id), () =>
    Promise.reject(new Error('no sandbox in benchmarks')),
  );
  if (providers.includes('twilio')) {
    await accounts.add(
      { name: 'acme-prod', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl },
      { authToken: emulator.credentials.authToken },
    );
  }
  if (providers.includes('carrierx')) {
    await accounts.add({ name: 'acme-carrierx', provider: 'carrierx', baseUrl: emulator.baseUrl }, { carrierxToken: emulator.credentials.carrierXToken });
  }
  return new ExplorerTree(accounts, { connections, log: logger, pageSize: () => pageSize, changed: () => {} });
}
