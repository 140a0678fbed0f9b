import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEmulatorArgs } from '../../../src/emulator/cli-options';
import { startEmulator } from '../../../src/emulator/emulator-server';
import { SANDBOX_CREDENTIALS } from '../../../src/emulator/sandbox-credentials';
import { SANDBOX_SEED } from '../../../src/emulator/seeding/emulator-seeder';
import { twilio } from '../../support/emulator-http';
import { startTestEmulator } from '../../support/test-emulator';

describe('emulator: startup and command line', () => {
  it('listens on 127.0.0.1 with the Sandbox credentials by default', async () => {
    const emu = await startTestEmulator();
    try {
      assert.match(emu.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(emu.credentials, SANDBOX_CREDENTIALS);
      assert.equal((await twilio(emu, 'GET', '/v1/Trunks')).status, 200);
    } finally {
      await emu.close();
    }
  });

  it('refuses a non-loopback host and malformed credentials', async () => {
    await assert.rejects(startEmulator({ host: '0.0.0.0' }), /loopback only/);
    await assert.rejects(startEmulator({ credentials: { accountSid: 'ACnope' } }), /account SID/);
  });

  it('reads the command line: defaults, credentials, seeding and faults', () => {
    assert.deepEqual(parseEmulatorArgs([]), {
      kind: 'run',
      options: { port: 4010, credentials: {}, seeding: { ...SANDBOX_SEED }, faults: [] },
    });
    const command = parseEmulatorArgs([
      '--port',
      '0',
      '--account-sid',
      `AC${'1'.repeat(32)}`,
      '--seed-trunks',
      '10000',
      '--seed-numbers',
      '5',
      '--latency-ms',
      '50',
      '--error-rate',
      '0.1',
      '--rate-limit',
      '20',
      '--seed',
      'abc',
      '--persist',
      'state.json',
    ]);
    assert.deepEqual(command, {
      kind: 'run',
      options: {
        port: 0,
        credentials: { accountSid: `AC${'1'.repeat(32)}` },
        seeding: { trunks: 10000, numbers: 5, byocTrunks: 0, trunkGroups: 0 },
        faults: [
          { kind: 'latency', latencyMs: 50, jitterMs: 0 },
          { kind: 'server-error', probability: 0.1 },
        ],
        rateLimit: { requestsPerSecond: 20 },
        seed: 'abc',
        persistPath: 'state.json',
      },
    });
    assert.deepEqual(parseEmulatorArgs(['--help']), { kind: 'help' });
    assert.throws(() => parseEmulatorArgs(['--error-rate', '2']), /--error-rate/);
    assert.throws(() => parseEmulatorArgs(['--bogus']), /bogus/);
  });
});
