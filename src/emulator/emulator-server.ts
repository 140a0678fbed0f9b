import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SID_PATTERNS } from '../core/providers/twilio/models';
import { CarrierXFrontend } from './carrierx/carrierx-frontend';
import { FaultInjector } from './faults/fault-injector';
import type { FaultRule, RateLimit } from './faults/fault-rule';
import { IdGenerator } from './random/id-generator';
import { Prng } from './random/prng';
import { RequestPipeline } from './request-pipeline';
import { RequestStats } from './request-stats';
import { SANDBOX_CREDENTIALS, type EmulatorCredentials } from './sandbox-credentials';
import { NO_SEED, seedStore, type SeedCounts } from './seeding/emulator-seeder';
import { EmulatorStore } from './store/emulator-store';
import { readSnapshotFile, SnapshotFileWriter } from './store/snapshot-file';
import { TwilioFrontend } from './twilio/twilio-frontend';

export const DEFAULT_SEED = 'trunkline';
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** Defaults to the Sandbox credentials. */
  credentials?: Partial<EmulatorCredentials>;
  /** Seeds every random choice (SIDs, data, faults); the same seed gives the same run. */
  seed?: string | number;
  /** Data created at start and on reset; nothing by default. Ignored when a persisted state is loaded. */
  seeding?: Partial<SeedCounts>;
  /** A JSON file the state is loaded from at start and written to (atomically) after every change. */
  persistPath?: string;
  faults?: readonly FaultRule[];
  rateLimit?: RateLimit;
  /** Time for dates and the rate limit; the system clock by default. */
  clock?: { now(): number };
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:4010`: serves Twilio (all hosts) and CarrierX (`/core/v2`). */
  readonly baseUrl: string;
  readonly port: number;
  readonly credentials: Readonly<EmulatorCredentials>;
  readonly store: EmulatorStore;
  readonly faults: FaultInjector;
  readonly stats: RequestStats;
  /** Back to the start: seeded data, the configured faults, zero stats. */
  reset(): Promise<void>;
  /** Stops listening, drops open connections and finishes pending state writes. */
  close(): Promise<void>;
}

/** Starts the Twilio + CarrierX emulator in this process. Prints nothing and never exits the process. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) throw new Error(`The emulator listens on loopback only (127.0.0.1, localhost, ::1), not ${host}`);
  const credentials = checkedCredentials({ ...SANDBOX_CREDENTIALS, ...options.credentials });
  const seed = String(options.seed ?? DEFAULT_SEED);
  const clock = options.clock ?? { now: () => Date.now() };
  const seeding: SeedCounts = { ...NO_SEED, ...options.seeding };

  const store = new EmulatorStore(seed);
  const persisted = options.persistPath ? readSnapshotFile(options.persistPath) : undefined;
  if (persisted) store.restore(persisted);
  else seedStore(store, seeding, seed, clock.now());
  const writer = options.persistPath ? new SnapshotFileWriter(options.persistPath, () => store.snapshot()) : undefined;
  if (writer && !persisted) writer.schedule();

  const faults = new FaultInjector(seed, () => clock.now());
  faults.reset(options.faults ?? [], options.rateLimit);
  const stats = new RequestStats();
  const closing = new AbortController();
  let baseUrl = '';

  const reset = () => {
    store.clear();
    seedStore(store, seeding, seed, clock.now());
    faults.reset(options.faults ?? [], options.rateLimit);
    stats.reset();
    writer?.schedule();
  };
  const pipeline = new RequestPipeline({
    frontends: [
      new CarrierXFrontend({
        state: store.carrierx,
        credentials,
        baseUrl: () => baseUrl,
        requestIds: IdGenerator.fromSeed(`${seed}:carrierx-requests`),
        random: Prng.fromSeed(`${seed}:shuffle`),
      }),
    ],
    fallback: new TwilioFrontend({
      state: store.twilio,
      credentials,
      baseUrl: () => baseUrl,
      now: () => clock.now(),
      requestIds: IdGenerator.fromSeed(`${seed}:twilio-requests`),
    }),
    faults,
    stats,
    control: { store, faults, stats, reset },
    onCommit: () => writer?.schedule(),
    closing: closing.signal,
  });

  const server = createServer((req, res) => void pipeline.handle(req, res));
  server.on('connection', () => stats.connected());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    baseUrl,
    port,
    credentials,
    store,
    faults,
    stats,
    reset: async () => {
      reset();
      await writer?.flush();
    },
    close: async () => {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer?.flush();
    },
  };
}

function checkedCredentials(credentials: EmulatorCredentials): EmulatorCredentials {
  if (!SID_PATTERNS.account.test(credentials.accountSid)) throw new Error('The account SID must be AC followed by 32 hex digits');
  if (!SID_PATTERNS.apiKey.test(credentials.apiKeySid)) throw new Error('The API key SID must be SK followed by 32 hex digits');
  for (const [name, value] of [
    ['auth token', credentials.authToken],
    ['API key secret', credentials.apiKeySecret],
    ['CarrierX token', credentials.carrierXToken],
  ] as const) {
    if (!value || /\s/.test(value)) throw new Error(`The ${name} must be a non-empty string without spaces`);
  }
  return credentials;
}
