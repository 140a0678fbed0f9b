import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { firstListingOrigins } from '../../../../src/core/accounts/account-connections';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 5, numbers: 20 } });
});
after(() => emulator.close());

async function until(condition: () => boolean, what: string, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the idle moment after the view lists the accounts', () => {
  test('opens the connections the first expansion uses without a request; the expansion then opens none', async () => {
    const h = commandHarness(emulator);
    try {
      await h.accounts.add({ name: 'acme', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: emulator.credentials.authToken });
      emulator.stats.reset();
      const [account] = await h.explorer.childrenOf(undefined);
      await h.explorer.httpClientReady;
      // The trunks page and the account-wide listing of numbers go out at once: two connections.
      await until(() => emulator.stats.connections === 2, 'two connections');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(emulator.stats.snapshot().total, 0, 'nothing sent before the user expands the account');

      const folders = await h.explorer.childrenOf(account);
      const trunksFolder = folders.find((f) => f.treeItem().label === 'Elastic SIP Trunks') as ExplorerNode;
      const rows = await h.explorer.childrenOf(trunksFolder);
      assert.equal(rows.length, 5);
      assert.match(String(rows[0]!.treeItem().description), /number/, 'rows show their number count (the second listing ran)');
      assert.deepEqual({ requests: emulator.stats.snapshot().total, connections: emulator.stats.connections }, { requests: 2, connections: 2 });
    } finally {
      await h.close();
    }
  });

  test('an account never expanded costs no request', async () => {
    const h = commandHarness(emulator);
    await h.accounts.add({ name: 'acme', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: emulator.credentials.authToken });
    emulator.stats.reset();
    await h.explorer.childrenOf(undefined);
    await h.explorer.httpClientReady;
    await until(() => emulator.stats.connections === 2, 'two connections');
    await h.close();
    assert.equal(emulator.stats.snapshot().total, 0);
  });

  test('which hosts: a Twilio account\'s trunks and numbers hosts, a CarrierX account\'s API; the sandbox none', () => {
    const origins = (urls: URL[]) => urls.map((u) => u.origin);
    assert.deepEqual(origins(firstListingOrigins({ id: 'a', name: 'a', provider: 'twilio', accountSid: 'AC1' })), ['https://trunking.twilio.com', 'https://api.twilio.com']);
    assert.deepEqual(origins(firstListingOrigins({ id: 'a', name: 'a', provider: 'twilio', accountSid: 'AC1', baseUrl: 'http://127.0.0.1:4010' })), ['http://127.0.0.1:4010', 'http://127.0.0.1:4010']);
    assert.deepEqual(origins(firstListingOrigins({ id: 'c', name: 'c', provider: 'carrierx' })), ['https://api.carrierx.com']);
    assert.deepEqual(firstListingOrigins({ id: 's', name: 's', provider: 'sandbox' }), []);
    assert.deepEqual(firstListingOrigins({ id: 'b', name: 'b', provider: 'twilio', baseUrl: 'not a url' }), []);
  });
});
