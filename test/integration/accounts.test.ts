import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Account } from '../../src/core/accounts/account';
import { addEmulatorAccount, removeAccount, required } from './emulator-accounts';
import { emulatorConnection } from './emulator-connection';
import { child, childLabels, childrenOf, itemOf, nodeAt } from './explorer-nodes';
import { runCommand, runCommandExpectingError } from './run-command';
import { expectNoPrompts, restorePrompts, scriptPrompts } from './scripted-prompts';
import { trunklineTesting } from './trunkline-testing';
import { waitFor } from './wait-for';

// Accounts as a user connects them: the empty explorer, the sandbox, a Twilio account checked
// against the driver's emulator (standing in for api.twilio.com), credentials that fail.
// This file runs first (file name order), so the explorer starts with no account at all.

const suffix = Date.now().toString(36);

async function rootLabels(): Promise<string[]> {
  return childLabels(undefined);
}

/** A rule of the driver's emulator's fault injector (its /__emulator/faults control API). */
async function addFault(rule: Record<string, unknown>): Promise<() => Promise<void>> {
  const { baseUrl } = emulatorConnection();
  const res = await fetch(`${baseUrl}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
  assert.equal(res.status, 201, 'adding the fault rule');
  const { rules } = (await res.json()) as { rules: { id: string }[] };
  const id = rules[0]!.id;
  return async () => {
    await fetch(`${baseUrl}/__emulator/faults/${encodeURIComponent(id)}`, { method: 'DELETE' });
  };
}

describe('Accounts', () => {
  beforeEach(expectNoPrompts);
  after(restorePrompts);

  it('starts with no account: the explorer has no rows, so VS Code shows the welcome view', async () => {
    assert.deepEqual(await rootLabels(), [], 'an earlier test file left an account behind');
  });

  it('Try the Sandbox connects the sandbox account with its three folders', async () => {
    const account = await runCommand<Account>('trunkline.trySandbox');
    assert.equal(account.provider, 'sandbox');
    const roots = await childrenOf();
    assert.equal(roots.length, 1);
    const item = await itemOf(roots[0]!);
    assert.equal(item.label, account.name);
    assert.equal(item.description, 'Sandbox (local emulator)');
    assert.equal(item.collapsible, 'collapsed');
    assert.deepEqual(await childLabels(roots[0]), ['Elastic SIP Trunks', 'BYOC Trunks', 'Connection Policies', 'Phone Numbers', 'IP Access Control Lists', 'Credential Lists', 'Trunk Groups', 'Endpoints', 'Phone Numbers (CarrierX)']);
  });

  it('Try the Sandbox a second time keeps the one sandbox account', async () => {
    const first = await runCommand<Account>('trunkline.trySandbox');
    const again = await runCommand<Account>('trunkline.trySandbox');
    assert.equal(again.id, first.id);
    assert.equal((await rootLabels()).filter((l) => l === first.name).length, 1);
  });

  it('Escape on VS Code\'s own quick pick ends Add Account quietly', async () => {
    // The real prompts, not the script: a dismissed quick pick must end the command without an error.
    await restorePrompts();
    const testing = await trunklineTesting();
    const errors = testing.commandErrors.length;
    const before = await rootLabels();
    let ended = false;
    const running = Promise.resolve(vscode.commands.executeCommand('trunkline.addAccount')).finally(() => (ended = true));
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen'); // Escape, once the pick is up
      return ended;
    }, 'Add Account to end after Escape');
    assert.equal(await running, undefined);
    assert.deepEqual(testing.commandErrors.slice(errors), []);
    assert.deepEqual(await rootLabels(), before);
  });

  describe('a Twilio account', () => {
    let sandbox: Account;
    const added: string[] = [];

    before(async () => {
      sandbox = await runCommand<Account>('trunkline.trySandbox');
    });

    afterEach(async () => {
      for (const name of added.splice(0)) if ((await rootLabels()).includes(name)) await removeAccount(name);
    });

    it('is added with an Auth Token checked against the provider, and lists that account\'s trunks', async () => {
      const { baseUrl, startup } = emulatorConnection();
      const name = `acme-${suffix}`;
      const input = await scriptPrompts([
        { pick: 'Auth Token' },
        { input: sandbox.name, rejectedWith: /already exists/ },
        { input: 'acme prod', rejectedWith: /letters, digits/ },
        { input: name },
        { input: 'AC123', rejectedWith: /AC followed by 32 hexadecimal/ },
        { input: required(startup, 'account-sid') },
        { input: required(startup, 'auth-token') },
      ]);
      const account = await runCommand<Account>('trunkline.addTwilioAccount', { baseUrl });
      input.assertDone();
      added.push(name);
      assert.equal(account.name, name);
      assert.equal(input.asked.filter((p) => p.kind === 'input').length, 6);

      const row = await child(undefined, name);
      assert.equal((await itemOf(row)).description, `Twilio ${required(startup, 'account-sid')}`);
      assert.deepEqual(await childLabels(row), ['Elastic SIP Trunks', 'BYOC Trunks', 'Connection Policies', 'Phone Numbers', 'IP Access Control Lists', 'Credential Lists'], 'a Twilio account has no CarrierX folder');
      const res = await fetch(`${baseUrl}/v1/Trunks?PageSize=50`, {
        headers: { authorization: `Basic ${Buffer.from(`${required(startup, 'account-sid')}:${required(startup, 'auth-token')}`).toString('base64')}` },
      });
      const remote = ((await res.json()) as { trunks: { friendly_name: string }[] }).trunks.map((t) => t.friendly_name);
      assert.ok(remote.length > 0);
      assert.deepEqual(await childLabels(await child(row, 'Elastic SIP Trunks')), remote);
    });

    it('is added with an API key', async () => {
      const { baseUrl, startup } = emulatorConnection();
      const name = `acme-key-${suffix}`;
      const input = await scriptPrompts([
        { pick: 'API key' },
        { input: name },
        { input: required(startup, 'account-sid') },
        { input: 'AC5a4db0c5a4db0c5a4db0c5a4db0c0001', rejectedWith: /SK followed by 32/ },
        { input: required(startup, 'api-key-sid') },
        { input: required(startup, 'api-key-secret') },
      ]);
      await runCommand('trunkline.addTwilioAccount', { baseUrl });
      input.assertDone();
      added.push(name);
      assert.match((await itemOf(await child(undefined, name))).description ?? '', /\(API key\)$/);
      assert.ok((await childLabels(await nodeAt([name, 'Elastic SIP Trunks']))).length > 0);
    });

    it('with a wrong Auth Token is not saved, and the error says so without the token', async () => {
      const { baseUrl, startup } = emulatorConnection();
      const wrongToken = `${required(startup, 'auth-token').slice(0, -4)}beef`;
      const before = await rootLabels();
      const input = await scriptPrompts([{ input: `wrong-${suffix}` }, { input: required(startup, 'account-sid') }, { input: wrongToken }]);
      const message = await runCommandExpectingError('trunkline.addTwilioAccount', { baseUrl, auth: 'authToken' });
      input.assertDone();
      assert.match(message, /Twilio rejected these credentials \(20003\)\. Check the Account SID and the Auth Token; nothing was saved\./);
      assert.ok(!message.includes(wrongToken), 'the token is not in the message');
      assert.deepEqual(await rootLabels(), before);
    });

    it('keeps its working token when a new one is rejected', async () => {
      const name = `rotate-${suffix}`;
      await addEmulatorAccount(name);
      added.push(name);
      const input = await scriptPrompts([{ input: 'not-the-token', title: new RegExp(`New Auth Token for "${name}"`) }]);
      const message = await runCommandExpectingError('trunkline.updateAccountCredentials', await child(undefined, name));
      input.assertDone();
      assert.equal(message, 'The provider rejected the new Auth Token; the old one is kept.');
      const trunks = await childrenOf(await nodeAt([name, 'Elastic SIP Trunks']));
      assert.ok(trunks.length > 0);
      assert.doesNotMatch((await itemOf(trunks[0]!)).label, /Failed to load/);
    });

    it('that fails to answer shows "Failed to load — click to retry" in its folder; the sandbox still loads; retry recovers', async () => {
      const name = `failing-${suffix}`;
      await addEmulatorAccount(name);
      added.push(name);
      const removeFault = await addFault({ kind: 'server-error', status: 503, method: 'GET', path: '/v1/Trunks' });
      let folderChildren;
      const folder = await nodeAt([name, 'Elastic SIP Trunks']);
      try {
        folderChildren = await childrenOf(folder); // retried a few times, then shown as failed
      } finally {
        await removeFault();
      }
      assert.equal(folderChildren.length, 1);
      const errorNode = folderChildren[0]!;
      const error = await itemOf(errorNode);
      assert.equal(error.label, 'Failed to load — click to retry');
      assert.match(error.description ?? '', /^Twilio 20503: .*\(HTTP 503\)$/);
      assert.equal(error.command?.id, 'trunkline.retryLoad', 'clicking the row retries');
      assert.ok((await childLabels(await nodeAt([name, 'BYOC Trunks']))).length > 0, 'the other folder of the account loads');

      const sandboxTrunks = await childLabels(await nodeAt([sandbox.name, 'Elastic SIP Trunks']));
      assert.ok(sandboxTrunks.length > 0 && !sandboxTrunks.some((l) => /Failed to load/.test(l)), sandboxTrunks.join(', '));

      await runCommand(error.command.id, ...(error.command.arguments ?? []));
      const retried = await childLabels(folder);
      assert.ok(retried.length > 0 && !retried.some((l) => /Failed to load/.test(l)), retried.join(', '));
    });

    it('is renamed and removed from its row; cancelling the removal keeps it', async () => {
      const name = `old-${suffix}`;
      const renamed = `new-${suffix}`;
      await addEmulatorAccount(name);
      added.push(name, renamed);
      let input = await scriptPrompts([{ input: 'a b', rejectedWith: /letters, digits/ }, { input: renamed }]);
      await runCommand('trunkline.renameAccount', await child(undefined, name));
      input.assertDone();
      assert.ok((await rootLabels()).includes(renamed));
      assert.ok(!(await rootLabels()).includes(name));

      input = await scriptPrompts([{ confirm: false, message: new RegExp(`Remove the account "${renamed}"`), detail: /Nothing changes at the provider/ }]);
      assert.equal(await runCommand('trunkline.removeAccount', await child(undefined, renamed)), false);
      input.assertDone();
      assert.ok((await rootLabels()).includes(renamed));

      await removeAccount(renamed);
      assert.ok(!(await rootLabels()).includes(renamed));
    });
  });
});
