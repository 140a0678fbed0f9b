import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { emulatorConnection } from './emulator-connection';
import { trunklineExtension } from './trunkline-extension';

// The plumbing every feature test relies on: the driver's emulator, reachable from the
// extension host with the credentials it printed.
describe('Test harness', () => {
  it('reaches the emulator the driver started, with its sandbox credentials', async function () {
    if (!fs.existsSync(path.join(trunklineExtension().extensionPath, 'dist', 'emulator.js'))) this.skip();
    const { baseUrl, startup } = emulatorConnection();
    const { 'account-sid': accountSid, 'auth-token': authToken } = startup;
    assert.ok(accountSid && authToken, `the emulator printed no account-sid/auth-token lines: ${Object.keys(startup).join(', ')}`);
    const list = (token: string) =>
      fetch(`${baseUrl}/v1/Trunks?PageSize=1`, {
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${token}`).toString('base64')}` },
      });

    const accepted = await list(authToken);
    assert.equal(accepted.status, 200);
    assert.ok(Array.isArray(((await accepted.json()) as { trunks?: unknown }).trunks));
    assert.equal((await list(`${authToken}-wrong`)).status, 401);
  });
});
