import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import type { Account } from '../../src/core/accounts/account';
import { childLabels, nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { ACCOUNT_PATH, sandboxTwilio } from './sandbox-api';
import { expectNoPrompts, restorePrompts, scriptPrompts } from './scripted-prompts';

// Termination from the palette: an IP access control list and a credential list made, filled
// and linked to a trunk through the commands, each step checked at the sandbox over HTTP and in
// the tree. The lists and trunk are the test's own and are removed after it.

const suffix = Date.now().toString(36);

describe('Termination commands', function () {
  this.timeout(40_000);
  let sandbox: Account;
  const cleanups: (() => Promise<unknown>)[] = [];

  before(async () => {
    sandbox = await runCommand<Account>('trunkline.trySandbox');
  });
  beforeEach(async () => {
    await expectNoPrompts();
    await runCommand('trunkline.refresh');
  });
  after(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await restorePrompts();
  });

  it('creates both kinds of list from the palette, sets a password through the prompt, links both to a trunk and shows them under its Termination', async () => {
    const trunkName = `Termination ${suffix}`;
    const created = await sandboxTwilio<{ sid: string }>('POST', '/v1/Trunks', { FriendlyName: trunkName, DomainName: `term-${suffix}.pstn.twilio.com` });
    assert.equal(created.status, 201);
    const trunkSid = created.body.sid;
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}`));

    const aclName = `Office ${suffix}`;
    const clName = `Phones ${suffix}`;
    let input = await scriptPrompts([{ input: aclName }]);
    const acl = await runCommand<{ sid: string }>('trunkline.createIpAccessControlList');
    input.assertDone();
    cleanups.push(() => sandboxTwilio('DELETE', `${ACCOUNT_PATH}/SIP/IpAccessControlLists/${acl.sid}.json`));
    input = await scriptPrompts([{ input: clName }]);
    const cl = await runCommand<{ sid: string }>('trunkline.createCredentialList');
    input.assertDone();
    cleanups.push(() => sandboxTwilio('DELETE', `${ACCOUNT_PATH}/SIP/CredentialLists/${cl.sid}.json`));

    input = await scriptPrompts([{ pick: aclName }, { input: '203.0.113.0/33', rejectedWith: /from 1 to 32/ }, { input: '203.0.113.0/24' }, { input: 'office' }]);
    await runCommand('trunkline.addIpAddress');
    input.assertDone();

    const canary = `Canary${suffix}Pw-42`;
    input = await scriptPrompts([
      { pick: clName },
      { input: 'desk-100' },
      { pick: /Type a password/ },
      { input: 'tooweak', rejectedWith: /at least 12 characters/ },
      { input: canary },
    ]);
    await runCommand('trunkline.addCredential');
    input.assertDone();
    assert.ok(!JSON.stringify(input.asked).includes(canary), 'the password is in no prompt');

    input = await scriptPrompts([{ pick: trunkName }, { pickMany: [aclName, clName] }]);
    await runCommand('trunkline.linkAuthLists');
    input.assertDone();

    const remote = await sandboxTwilio<{ auth_type: string | null; auth_type_set: string[] | null }>('GET', `/v1/Trunks/${trunkSid}`);
    assert.deepEqual([...(remote.body.auth_type_set ?? [])].sort(), ['CREDENTIAL_LIST', 'IP_ACL'], `auth_type ${remote.body.auth_type}`);

    await runCommand('trunkline.refresh');
    const termination = await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunkName, 'Termination']);
    assert.deepEqual((await childLabels(termination)).sort(), [aclName, clName].sort());
    assert.deepEqual(await childLabels(await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunkName, 'Termination', aclName])), ['203.0.113.0/24']);
    assert.deepEqual(await childLabels(await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunkName, 'Termination', clName])), ['desk-100']);

    // Unlinked before the lists are deleted (the sandbox refuses to delete a linked list).
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}/CredentialLists/${cl.sid}`));
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}/IpAccessControlLists/${acl.sid}`));
  });
});
