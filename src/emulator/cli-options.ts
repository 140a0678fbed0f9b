import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './emulator-server';
import type { FaultRule } from './faults/fault-rule';
import type { EmulatorCredentials } from './sandbox-credentials';
import { SANDBOX_SEED, type SeedCounts } from './seeding/emulator-seeder';

export const DEFAULT_CLI_PORT = 4010;

export const USAGE = `Usage: npm run emulator -- [options]

Local Twilio (trunking v1, voice v1 BYOC, 2010 IncomingPhoneNumbers) and CarrierX (Core API v2
trunk groups) emulator on one base URL. Without credential flags it uses the Sandbox credentials.

  --port N                 port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host H                 127.0.0.1 (default), localhost or ::1 — loopback only
  --account-sid AC…        Twilio account SID
  --auth-token T           Twilio auth token
  --api-key-sid SK…        Twilio API key SID (of that account)
  --api-key-secret S       Twilio API key secret
  --carrierx-token T       CarrierX Core API bearer token
  --seed-trunks N          Elastic SIP trunks to create at start
  --seed-numbers N         incoming phone numbers to create (about 60% go on trunks)
  --seed-byoc-trunks N     BYOC trunks to create
  --seed-trunk-groups N    CarrierX trunk groups (1–3 trunks each) to create
                           (no seed flags: the Sandbox's ${SANDBOX_SEED.trunks} trunks, ${SANDBOX_SEED.numbers + (SANDBOX_SEED.inventoryNumbers ?? 0)}
                           numbers, ${SANDBOX_SEED.byocTrunks} BYOC trunks, ${SANDBOX_SEED.trunkGroups} groups, ${SANDBOX_SEED.dids ?? 0} DIDs)
  --seed S                 seed for every random choice (default "trunkline")
  --persist FILE.json      load state from FILE at start, save it after every change
  --latency-ms N           delay every request by N ms
  --jitter-ms N            plus a random 0..N ms
  --error-rate P           answer a fraction P (0..1) of requests with 500/503
  --rate-limit R           allow R requests/s (burst R), answer 429 + Retry-After beyond
  --help                   show this help

Control endpoints (no auth): GET /__emulator/health, /__emulator/state, /__emulator/stats,
/__emulator/faults; POST /__emulator/reset, /__emulator/faults; PUT /__emulator/rate-limit.
See src/emulator/README.md.`;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export type CliCommand = { kind: 'help' } | { kind: 'run'; options: EmulatorOptions & { port: number } };

/** Reads `npm run emulator -- …` flags into emulator options. */
export function parseEmulatorArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        help: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        'account-sid': { type: 'string' },
        'auth-token': { type: 'string' },
        'api-key-sid': { type: 'string' },
        'api-key-secret': { type: 'string' },
        'carrierx-token': { type: 'string' },
        'seed-trunks': { type: 'string' },
        'seed-numbers': { type: 'string' },
        'seed-byoc-trunks': { type: 'string' },
        'seed-trunk-groups': { type: 'string' },
        seed: { type: 'string' },
        persist: { type: 'string' },
        'latency-ms': { type: 'string' },
        'jitter-ms': { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { kind: 'help' };

  const credentials: Partial<EmulatorCredentials> = {};
  const credentialFlags = [
    ['account-sid', 'accountSid'],
    ['auth-token', 'authToken'],
    ['api-key-sid', 'apiKeySid'],
    ['api-key-secret', 'apiKeySecret'],
    ['carrierx-token', 'carrierXToken'],
  ] as const;
  for (const [flag, key] of credentialFlags) if (values[flag] !== undefined) credentials[key] = values[flag];

  const seedFlags = [values['seed-trunks'], values['seed-numbers'], values['seed-byoc-trunks'], values['seed-trunk-groups']];
  const seeding: SeedCounts = seedFlags.some((v) => v !== undefined)
    ? {
        trunks: count('seed-trunks', values['seed-trunks']),
        numbers: count('seed-numbers', values['seed-numbers']),
        byocTrunks: count('seed-byoc-trunks', values['seed-byoc-trunks']),
        trunkGroups: count('seed-trunk-groups', values['seed-trunk-groups']),
      }
    : { ...SANDBOX_SEED };

  const faults: FaultRule[] = [];
  const latencyMs = values['latency-ms'] === undefined ? 0 : count('latency-ms', values['latency-ms']);
  const jitterMs = values['jitter-ms'] === undefined ? 0 : count('jitter-ms', values['jitter-ms']);
  if (latencyMs > 0 || jitterMs > 0) faults.push({ kind: 'latency', latencyMs, jitterMs });
  if (values['error-rate'] !== undefined) faults.push({ kind: 'server-error', probability: fraction('error-rate', values['error-rate']) });
  const rate = values['rate-limit'] === undefined ? undefined : positive('rate-limit', values['rate-limit']);

  return {
    kind: 'run',
    options: {
      port: values.port === undefined ? DEFAULT_CLI_PORT : count('port', values.port, 65535),
      ...(values.host !== undefined ? { host: values.host } : {}),
      credentials,
      seeding,
      faults,
      ...(rate !== undefined ? { rateLimit: { requestsPerSecond: rate } } : {}),
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      ...(values.persist !== undefined ? { persistPath: values.persist } : {}),
    },
  };
}

function count(flag: string, raw: string | undefined, max = 10_000_000): number {
  const value = raw === undefined ? 0 : Number(raw);
  if (!/^\d+$/.test(raw ?? '0') || value > max) throw new CliUsageError(`--${flag} must be a whole number from 0 to ${max}`);
  return value;
}

function fraction(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !(value >= 0 && value <= 1)) throw new CliUsageError(`--${flag} must be a number from 0 to 1`);
  return value;
}

function positive(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !(value > 0)) throw new CliUsageError(`--${flag} must be a positive number`);
  return value;
}
