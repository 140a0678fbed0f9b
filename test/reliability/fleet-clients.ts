import type { Clock } from '../../src/core/http/clock';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor } from '../../src/core/http/redacting-logger';
import type { RetryPolicy } from '../../src/core/http/retry-policy';
import { fixedSyncClients, type SyncClients } from '../../src/core/documents/apply/sync-clients';
import { createCarrierXClient, type CarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { createTwilioClient, type TwilioClient } from '../../src/core/providers/twilio/twilio-client';
import type { RunningEmulator } from '../../src/emulator/emulator-server';
import { SteppingClock } from '../support/stepping-clock';
import { MemoryLogger } from '../support/test-clients';

export interface FleetClients {
  twilio: TwilioClient;
  carrierx: CarrierXClient;
  clients: SyncClients;
  /** Every line the transport logged (redacted), to count retries and throttles. */
  log: MemoryLogger;
  close(): Promise<void>;
}

/**
 * Three attempts (the shipped policy makes five), without real waiting: enough faults then get
 * through the transport that some pushes fail and their reports can be checked.
 */
export const THIN_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 60_000 };

/**
 * Real clients of one emulator for every account name, as the editor builds them, with a short
 * response timeout so that held answers (fault `hold-response`) time out quickly.
 */
export function fleetClients(
  emulator: RunningEmulator,
  options: { responseTimeoutMs: number; retry?: RetryPolicy; clock?: Clock },
): FleetClients {
  const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: options.responseTimeoutMs });
  const log = new MemoryLogger();
  const redactor = new SecretRedactor();
  const common = {
    baseUrl: emulator.baseUrl,
    dispatchers,
    logger: new RedactingLogger(log, redactor),
    redactor,
    retry: options.retry ?? THIN_RETRY,
    clock: options.clock ?? new SteppingClock(),
    random: () => 0.5,
  };
  const c = emulator.credentials;
  const twilio = createTwilioClient({ ...common, accountSid: c.accountSid, credentials: { kind: 'authToken', authToken: c.authToken } });
  const carrierx = createCarrierXClient({ ...common, token: c.carrierXToken });
  return { twilio, carrierx, clients: fixedSyncClients({ twilio, carrierx }), log, close: () => dispatchers.close() };
}
