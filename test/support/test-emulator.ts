import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/emulator-server';
import type { SeedCounts } from '../../src/emulator/seeding/emulator-seeder';

/** 2025-01-02T11:23:45Z: every date the test emulator writes derives from this instant. */
export const TEST_EPOCH = Date.UTC(2025, 0, 2, 11, 23, 45);

/** A clock that stands still unless a test moves it. */
export class ManualClock {
  constructor(private time = TEST_EPOCH) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export const TEST_SEEDING: Readonly<SeedCounts> = { trunks: 3, numbers: 12, byocTrunks: 2, trunkGroups: 2 };

export interface TestEmulator extends RunningEmulator {
  clock: ManualClock;
  /** `Authorization` header values for the emulator's credentials. */
  auth: { twilio: string; apiKey: string; carrierX: string };
}

/**
 * An in-process emulator on 127.0.0.1 with a little seeded data (3 trunks, 12 numbers,
 * 2 BYOC trunks, 2 CarrierX groups), a fixed seed and a manual clock. Close it in `after`.
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = new ManualClock();
  const emulator = await startEmulator({ seed: 'test', clock, ...options, seeding: { ...TEST_SEEDING, ...options.seeding } });
  const c = emulator.credentials;
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return Object.assign(emulator, {
    clock,
    auth: { twilio: basic(c.accountSid, c.authToken), apiKey: basic(c.apiKeySid, c.apiKeySecret), carrierX: `Bearer ${c.carrierXToken}` },
  });
}
