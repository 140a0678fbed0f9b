import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { addAccount } from '../../../../src/ui/commands/add-account';
import { addCarrierXAccount } from '../../../../src/ui/commands/add-carrierx-account';
import { addTwilioAccount } from '../../../../src/ui/commands/add-twilio-account';
import { importTwilioCliProfiles } from '../../../../src/ui/commands/import-twilio-cli-profiles';
import { removeAccount } from '../../../../src/ui/commands/remove-account';
import { renameAccount } from '../../../../src/ui/commands/rename-account';
import { trySandbox } from '../../../../src/ui/commands/try-sandbox';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator();
});
after(() => emulator.close());
beforeEach(async () => {
  await h?.close();
  h = commandHarness(emulator);
});

function allStoredText(h: CommandHarness): string {
  return JSON.stringify([...h.state.values.entries()]) + h.sink.lines.join('\n') + JSON.stringify(h.workbench.messages);
}

describe('account commands', () => {
  test('add a Twilio account with an Auth Token: checked, then saved with the token in secret storage only', async () => {
    const c = emulator.credentials;
    const input = h.answers([
      { pick: 'Auth Token' },
      { input: 'bad name!', rejectedWith: /letters, digits/ },
      { input: 'acme-prod' },
      { input: 'AC123', rejectedWith: /AC followed by 32/ },
      { input: c.accountSid },
      { input: c.authToken },
    ]);
    await addTwilioAccount.run(h.context(), { baseUrl: emulator.baseUrl });
    input.assertDone();
    const [account] = h.accounts.list();
    assert.equal(account?.name, 'acme-prod');
    assert.equal(account?.accountSid, c.accountSid);
    assert.deepEqual(await h.accounts.secretsOf(account!.id), { authToken: c.authToken });
    assert.ok(!allStoredText(h).includes(c.authToken), 'the token is only in secret storage');
    assert.match(h.workbench.lastMessage() ?? '', /Connected Twilio account "acme-prod"/);
    assert.ok(input.asked.some((p) => p.kind === 'input' && /Auth Token/.test(p.title)));
  });

  test('a rejected token saves nothing and says what to check', async () => {
    const c = emulator.credentials;
    h.answers([{ pick: 'Auth Token' }, { input: 'acme' }, { input: c.accountSid }, { input: 'ffffffffffffffffffffffffffffffff' }]);
    await assert.rejects(addTwilioAccount.run(h.context(), { baseUrl: emulator.baseUrl }), /Twilio rejected these credentials \(20003\).*nothing was saved/);
    assert.deepEqual(h.accounts.list(), []);
    assert.equal(h.secrets.values.size, 0);
  });

  test('add a Twilio account with an API key', async () => {
    const c = emulator.credentials;
    h.answers([{ pick: 'API key' }, { input: 'acme-key' }, { input: c.accountSid }, { input: c.apiKeySid }, { input: c.apiKeySecret }]);
    const account = (await addTwilioAccount.run(h.context(), { baseUrl: emulator.baseUrl })) as { id: string; apiKeySid: string };
    assert.equal(account.apiKeySid, c.apiKeySid);
    assert.deepEqual(await h.accounts.secretsOf(account.id), { apiKeySecret: c.apiKeySecret });
  });

  test('add a CarrierX account; a wrong token saves nothing', async () => {
    h.answers([{ input: 'cx' }, { input: 'nope-nope-nope' }]);
    await assert.rejects(addCarrierXAccount.run(h.context(), { baseUrl: emulator.baseUrl }), /CarrierX rejected this token/);
    assert.deepEqual(h.accounts.list(), []);
    h.answers([{ input: 'cx' }, { input: emulator.credentials.carrierXToken }]);
    await addCarrierXAccount.run(h.context(), { baseUrl: emulator.baseUrl });
    assert.deepEqual(h.accounts.list().map((a) => [a.name, a.provider]), [['cx', 'carrierx']]);
  });

  test('"Add Account" asks for the provider; the sandbox needs nothing else', async () => {
    const input = h.answers([{ pick: 'Sandbox' }]);
    await addAccount.run(h.context());
    input.assertDone();
    assert.deepEqual(h.accounts.list().map((a) => [a.name, a.provider]), [['sandbox', 'sandbox']]);
    h.answers([]);
    await trySandbox.run(h.context());
    assert.equal(h.accounts.list().length, 1, 'trying the sandbox twice does not add a second one');
  });

  test('a prompt the script did not expect fails the flow', async () => {
    h.answers([{ pick: 'Auth Token' }]);
    await assert.rejects(addTwilioAccount.run(h.context(), { baseUrl: emulator.baseUrl }), /Unexpected input prompt/);
  });

  test('rename checks clashes; remove asks first and deletes the secrets', async () => {
    const a = await h.accounts.add({ name: 'one', provider: 'carrierx', baseUrl: emulator.baseUrl }, { carrierxToken: emulator.credentials.carrierXToken });
    await h.accounts.add({ name: 'two', provider: 'sandbox' }, {});
    h.answers([{ pick: 'one' }, { input: 'TWO', rejectedWith: /already exists/ }, { input: 'uno' }]);
    await renameAccount.run(h.context());
    assert.equal(h.accounts.get(a.id)?.name, 'uno');

    h.answers([{ pick: 'uno' }, { confirm: false, message: /Remove the account "uno"/, detail: /Nothing changes at the provider/ }]);
    await removeAccount.run(h.context());
    assert.ok(h.accounts.get(a.id), 'cancelled: still there');
    h.answers([{ pick: 'uno' }, { confirm: true }]);
    await removeAccount.run(h.context());
    assert.equal(h.accounts.get(a.id), undefined);
    assert.equal(await h.secrets.get(`trunkline.account.${a.id}`), undefined, 'its secrets are gone');
  });

  test('imports twilio-cli profiles: secrets from the file or asked for, each checked', async () => {
    const c = emulator.credentials;
    h.setTwilioCliConfig(
      JSON.stringify({
        activeProfile: 'prod',
        profiles: {
          prod: { accountSid: c.accountSid, apiKey: c.apiKeySid, apiSecret: c.apiKeySecret },
          'keychain one': { accountSid: c.accountSid, apiKey: `SK${'0'.repeat(31)}1` },
          broken: { accountSid: 'nope' },
        },
      }),
    );
    const input = h.answers([{ pickMany: ['prod', 'keychain one'] }, { input: 'the-keychain-secret' }]);
    // the keychain profile's secret is asked for; its key is unknown to the emulator, so only prod is imported
    const imported = await importTwilioCliProfiles.run(h.context(), { baseUrl: emulator.baseUrl });
    input.assertDone();
    assert.deepEqual(imported, ['prod']);
    assert.match(h.workbench.lastMessage() ?? '', /Imported "prod"\. Not imported: Twilio rejected the API key of the profile "keychain one"/);
    assert.ok(input.asked.some((p) => p.kind === 'input' && /keychain one/.test(p.title)));
    const offered = input.asked[0]!.offered!.map((o) => o.label);
    assert.deepEqual(offered, ['prod', 'keychain one'], 'unreadable profiles are skipped');
    const [account] = h.accounts.list();
    assert.equal(account?.twilioAuth, 'apiKey');
    assert.deepEqual(await h.accounts.secretsOf(account!.id), { apiKeySecret: c.apiKeySecret });

    h.answers([]);
    h.setTwilioCliConfig(undefined);
    assert.deepEqual(await importTwilioCliProfiles.run(h.context(), { baseUrl: emulator.baseUrl }), []);
    assert.match(h.workbench.lastMessage() ?? '', /No twilio-cli profiles found/);
  });
});
