import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { childLabels, nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { sandboxCommandSuite } from './sandbox-command-suite';
import { ACCOUNT_PATH, sandboxTwilio } from './sandbox-api';
import { scriptPrompts } from './scripted-prompts';

// Termination from the palette: an IP access control list and a credential list made, filled
// and linked to a trunk through the commands, each step checked at the sandbox over HTTP and in
// the tree. The lists and trunk are the test's own and are removed after it.

const suffix = Date.now().toString(36);

describe('Termination commands', function () {
  this.timeout(40_000);
  const suite = sandboxCommandSuite();
  const { cleanups } = suite;

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
    const termination = await nodeAt([suite.sandbox().name, 'Elastic SIP Trunks', trunkName, 'Termination']);
    assert.deepEqual((await childLabels(termination)).sort(), [aclName, clName].sort());
    assert.deepEqual(await childLabels(await nodeAt([suite.sandbox().name, 'Elastic SIP Trunks', trunkName, 'Termination', aclName])), ['203.0.113.0/24']);
    assert.deepEqual(await childLabels(await nodeAt([suite.sandbox().name, 'Elastic SIP Trunks', trunkName, 'Termination', clName])), ['desk-100']);

    // Unlinked before the lists are deleted (the sandbox refuses to delete a linked list).
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}/CredentialLists/${cl.sid}`));
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}/IpAccessControlLists/${acl.sid}`));
  });

  it('pushes a folder holding an IP list, a credential list and a trunk that names them: one plan, lists first, the password through the prompt, both linked', async () => {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `termination-${suffix}`);
    cleanups.push(() => Promise.resolve(vscode.workspace.fs.delete(folder, { recursive: true })));
    const aclName = `File office ${suffix}`;
    const clName = `File phones ${suffix}`;
    const domain = `file-term-${suffix}.pstn.twilio.com`;
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    // The trunk's file sorts first: the push orders by reference, not by file name.
    await write('a-trunk.trunk.yaml', `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: ${suite.sandbox().name}\nspec:\n  friendly_name: File trunk ${suffix}\n  domain_name: ${domain}\n  ip_access_control_lists: ["${aclName}"]\n  credential_lists: ["${clName}"]\n`);
    await write('b-office.trunk.yaml', `apiVersion: trunkline/v1\nkind: TwilioIpAccessControlList\naccount: ${suite.sandbox().name}\nspec:\n  friendly_name: ${aclName}\n  ip_addresses:\n    - { friendly_name: pbx, ip_address: 198.51.100.20, cidr_prefix_length: 32 }\n`);
    await write('c-phones.trunk.yaml', `apiVersion: trunkline/v1\nkind: TwilioCredentialList\naccount: ${suite.sandbox().name}\nspec:\n  friendly_name: ${clName}\n  credentials:\n    - username: desk-200\n`);

    const canary = `FileCanary${suffix}Pw-7`;
    const input = await scriptPrompts([
      { confirm: true, message: /^Push All: 3 to create or change \(7 operations\)/, detail: /Create IP access control list[\s\S]*Create credential list[\s\S]*Create Twilio trunk[\s\S]*Link IP access control list "File office [^"]+", created by this push[\s\S]*Link credential list "File phones [^"]+", created by this push/ },
      { pick: /Type a password/ },
      { input: canary },
    ]);
    const result = await runCommand<{ counts: Record<string, number> }>('trunkline.pushAll', folder);
    input.assertDone();
    assert.equal(result.counts.created, 3, JSON.stringify(result.counts));

    const trunkText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'a-trunk.trunk.yaml')));
    const trunkSid = /^sid: (TK[0-9a-f]{32})$/m.exec(trunkText)?.[1];
    assert.ok(trunkSid, trunkText);
    const sidOf = async (name: string) => /^sid: ((AL|CL)[0-9a-f]{32})$/m.exec(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))))?.[1];
    const aclSid = await sidOf('b-office.trunk.yaml');
    const clSid = await sidOf('c-phones.trunk.yaml');
    assert.ok(aclSid && clSid);
    cleanups.push(() => sandboxTwilio('DELETE', `${ACCOUNT_PATH}/SIP/IpAccessControlLists/${aclSid}.json`));
    cleanups.push(() => sandboxTwilio('DELETE', `${ACCOUNT_PATH}/SIP/CredentialLists/${clSid}.json`));
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}`));
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}/CredentialLists/${clSid}`));
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunkSid}/IpAccessControlLists/${aclSid}`));

    const remote = await sandboxTwilio<{ auth_type: string | null; auth_type_set: string[] | null }>('GET', `/v1/Trunks/${trunkSid}`);
    assert.deepEqual([...(remote.body.auth_type_set ?? [])].sort(), ['CREDENTIAL_LIST', 'IP_ACL'], `auth_type ${remote.body.auth_type}`);
    assert.ok(!JSON.stringify(input.asked).includes(canary), 'the password is in no prompt');
    for (const name of ['a-trunk.trunk.yaml', 'b-office.trunk.yaml', 'c-phones.trunk.yaml']) {
      assert.ok(!new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))).includes(canary), `${name} holds the password`);
    }
  });
});
