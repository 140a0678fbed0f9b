import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { pickAccount } from '../../../../src/ui/pickers/pick-account';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
});
after(async () => {
  await h?.close();
  await emulator.close();
});
beforeEach(async () => {
  await h?.close();
  h = commandHarness(emulator);
  const c = emulator.credentials;
  for (const name of ['alpha', 'beta']) {
    await h.accounts.add({ name, provider: 'twilio', accountSid: c.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: c.authToken });
  }
});

describe('account picker', () => {
  test('the trunkline.defaultAccount setting of the command context is offered first, marked default', async () => {
    h.setDefaultAccount('Beta');
    const input = h.answers([{ pick: 'beta' }]);
    const account = await pickAccount(h.context(), { title: 'Test' });
    assert.equal(account.name, 'beta');
    const offered = input.asked[0]!.offered!;
    assert.deepEqual(offered.map((o) => o.label), ['beta', 'alpha']);
    assert.match(offered[0]!.description ?? '', /· default$/);
  });

  test('without the setting, no account is marked default', async () => {
    const input = h.answers([{ pick: 'alpha' }]);
    await pickAccount(h.context(), { title: 'Test' });
    assert.ok(input.asked[0]!.offered!.every((o) => !/default/.test(o.description ?? '')));
  });
});
