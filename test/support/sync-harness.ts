import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import type { RetryPolicy } from '../../src/core/http/retry-policy';
import { createCarrierXClient, type CarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { createTwilioClient, type TwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { fixedSyncClients, type SyncClients } from '../../src/core/documents/apply/sync-clients';
import { parseTrunkFile, type TrunkDocument } from '../../src/core/documents/file/parse-trunk-file';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import type { TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import type { EmulatorOptions } from '../../src/emulator/emulator-server';
import { accountPath, twilio } from './emulator-http';
import { SteppingClock } from './stepping-clock';
import { startTestEmulator, type TestEmulator } from './test-emulator';

/** Retries without waiting: the stepping clock returns from every backoff at once. */
const FAST_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 60_000 };

export interface SyncHarness {
  emu: TestEmulator;
  twilio: TwilioClient;
  carrierx: CarrierXClient;
  /** Both clients for any account name (documents say `account: sandbox`). */
  clients: SyncClients;
  /** Buys numbers on the emulated account; returns their PN SIDs in order. */
  buyNumbers(...numbers: string[]): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * An emulator with no seeded data and real clients on it, for push, plan and status tests.
 * `responseTimeoutMs` makes held responses (fault `hold-response`) time out quickly.
 */
export async function startSyncHarness(options: EmulatorOptions & { responseTimeoutMs?: number } = {}): Promise<SyncHarness> {
  const { responseTimeoutMs, ...emulatorOptions } = options;
  const emu = await startTestEmulator({ ...emulatorOptions, seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0, ...emulatorOptions.seeding } });
  const dispatchers = new DispatcherPool({ responseTimeoutMs: responseTimeoutMs ?? 5_000 });
  const common = { baseUrl: emu.baseUrl, dispatchers, retry: FAST_RETRY, clock: new SteppingClock(), random: () => 0.5 };
  const twilioClient = createTwilioClient({ ...common, accountSid: emu.credentials.accountSid, credentials: { kind: 'authToken', authToken: emu.credentials.authToken } });
  const carrierxClient = createCarrierXClient({ ...common, token: emu.credentials.carrierXToken });
  return {
    emu,
    twilio: twilioClient,
    carrierx: carrierxClient,
    clients: fixedSyncClients({ twilio: twilioClient, carrierx: carrierxClient }),
    async buyNumbers(...numbers) {
      const sids: string[] = [];
      for (const number of numbers) {
        const res = await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), { PhoneNumber: number });
        if (res.status !== 201) throw new Error(`buying ${number}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        sids.push(res.body.sid);
      }
      return sids;
    },
    async close() {
      await emu.close();
      await dispatchers.close();
    },
  };
}

/** The text of one trunk document (`account: sandbox`), as Export would write it. */
export function documentText(kind: TrunkKind, spec: object, sid?: string): string {
  return toTrunkYaml({ apiVersion: 'trunkline/v1', kind, account: 'sandbox', ...(sid ? { sid } : {}), spec });
}

/** Parses a file and returns its `index`-th document, failing loudly when it is not valid. */
export function validDocument(text: string, index = 0): TrunkDocument {
  const doc = parseTrunkFile(text).documents[index];
  if (!doc) throw new Error(`no document ${index} in:\n${text}`);
  if (!doc.valid) throw new Error(`document ${index} is not valid: ${doc.diagnostics.map((d) => d.message).join('; ')}`);
  return doc;
}
