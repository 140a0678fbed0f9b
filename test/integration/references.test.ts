import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { runCommand } from './run-command';
import { ACCOUNT_PATH, sandboxCarrierX, sandboxTwilio } from './sandbox-api';
import { writeScratchTrunkFile } from './scratch-trunk-files';
import { waitFor } from './wait-for';

// References between documents in the editor (issues 14 and 17), for the four reference fields
// (a trunk's ip_access_control_lists and credential_lists, a BYOC trunk's connection_policy, a
// CarrierX trunk's endpoint): completion of the account's and the workspace's names, the hover
// of what a name resolves to, Go to Definition to the defining document of a multi-document
// file, and the live diagnostic of a name that resolves to nothing, fixed by its quick fix.

const suffix = Date.now().toString(36);
const ACL = `Refs office ${suffix}`;
const USERS = `refs-users-${suffix}`;
const POLICY = `Refs carrier ${suffix}`;
const ENDPOINT = `refs-edge-${suffix}`;
const FILE_ACL = `Refs lab ${suffix}`;
const FILE_ENDPOINT = `refs-file-edge-${suffix}`;

describe('Reference entries in trunk files', function () {
  this.timeout(40_000);
  const created: vscode.Uri[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  let document: vscode.TextDocument;

  const at = (text: string, nth = 0) => {
    let index = -1;
    for (let i = 0; i <= nth; i++) index = document.getText().indexOf(text, index + 1);
    assert.ok(index >= 0, `${text} is in the file`);
    return document.positionAt(index + 1);
  };
  const rangeOf = (text: string) => {
    const index = document.getText().indexOf(text);
    assert.ok(index >= 0, `${text} is in the file`);
    return new vscode.Range(document.positionAt(index), document.positionAt(index + text.length));
  };
  const completionsAt = async (position: vscode.Position) => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  };
  const hoverAt = async (position: vscode.Position) => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  };
  const definitionAt = async (position: vscode.Position) => {
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    return found.map((l) => ('targetUri' in l ? { uri: l.targetUri, line: l.targetRange.start.line } : { uri: l.uri, line: l.range.start.line }));
  };
  const referenceProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => ['unknown-reference', 'ambiguous-reference'].includes(String(typeof d.code === 'object' ? d.code.value : d.code)));

  before(async () => {
    await runCommand('trunkline.trySandbox');
    const acl = await sandboxTwilio<{ sid: string }>('POST', `${ACCOUNT_PATH}/SIP/IpAccessControlLists.json`, { FriendlyName: ACL });
    cleanups.push(() => sandboxTwilio('DELETE', `${ACCOUNT_PATH}/SIP/IpAccessControlLists/${acl.body.sid}.json`));
    await sandboxTwilio('POST', `${ACCOUNT_PATH}/SIP/IpAccessControlLists/${acl.body.sid}/IpAddresses.json`, { FriendlyName: 'pbx', IpAddress: '203.0.113.70', CidrPrefixLength: '32' });
    const users = await sandboxTwilio<{ sid: string }>('POST', `${ACCOUNT_PATH}/SIP/CredentialLists.json`, { FriendlyName: USERS });
    cleanups.push(() => sandboxTwilio('DELETE', `${ACCOUNT_PATH}/SIP/CredentialLists/${users.body.sid}.json`));
    await sandboxTwilio('POST', `${ACCOUNT_PATH}/SIP/CredentialLists/${users.body.sid}/Credentials.json`, { Username: `alice-${suffix}`, Password: 'Refs-Passw0rd-2931' });
    const policy = await sandboxTwilio<{ sid: string }>('POST', '/v1/ConnectionPolicies', { FriendlyName: POLICY });
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/ConnectionPolicies/${policy.body.sid}`));
    await sandboxTwilio('POST', `/v1/ConnectionPolicies/${policy.body.sid}/Targets`, { Target: 'sip:backup.refs.example.com', Priority: '20', Weight: '10' });
    await sandboxTwilio('POST', `/v1/ConnectionPolicies/${policy.body.sid}/Targets`, { Target: 'sip:main.refs.example.com', Priority: '10', Weight: '10' });
    const endpoint = await sandboxCarrierX<{ endpoint_sid: string }>('POST', '/endpoints', { name: ENDPOINT, type: 'third_party', addresses: [{ ip: '192.0.2.71', port: 5070 }] });
    cleanups.push(() => sandboxCarrierX('DELETE', `/endpoints/${endpoint.body.endpoint_sid}`));
    for (const response of [acl, users, policy, endpoint]) assert.ok(response.status < 300, JSON.stringify(response.body));

    document = await writeScratchTrunkFile(
      created,
      `references-${suffix}.trunk.yaml`,
      [
        'apiVersion: trunkline/v1',
        'kind: TwilioTrunk',
        'account: sandbox',
        'spec:',
        `  friendly_name: Refs trunk ${suffix}`,
        '  ip_access_control_lists:',
        `    - ${FILE_ACL}`,
        '  credential_lists:',
        `    - ${USERS}`,
        '---',
        'apiVersion: trunkline/v1',
        'kind: TwilioByocTrunk',
        'account: sandbox',
        'spec:',
        `  friendly_name: Refs byoc ${suffix}`,
        `  connection_policy: ${POLICY}`,
        '---',
        'apiVersion: trunkline/v1',
        'kind: CarrierXTrunkGroup',
        'account: sandbox',
        'spec:',
        `  name: refs-group-${suffix}`,
        '  trunks:',
        `    - { name: to-pbx, endpoint: ${FILE_ENDPOINT} }`,
        '---',
        '# Defined here, not created yet: Go to Definition lands on these documents.',
        'apiVersion: trunkline/v1',
        'kind: TwilioIpAccessControlList',
        'account: sandbox',
        'spec:',
        `  friendly_name: ${FILE_ACL}`,
        '  ip_addresses:',
        '    - { friendly_name: lab, ip_address: 198.51.100.9, cidr_prefix_length: 32 }',
        '---',
        'apiVersion: trunkline/v1',
        'kind: CarrierXEndpoint',
        'account: sandbox',
        'spec:',
        `  name: ${FILE_ENDPOINT}`,
        '  addresses:',
        '    - { ip: 198.51.100.10, port: 5080, transport: tcp }',
        '',
      ].join('\n'),
    );
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("completion offers the account's and the workspace's names at each of the four fields", async () => {
    const acls = await completionsAt(at(FILE_ACL));
    assert.ok(acls.includes(ACL), `the account's list: ${acls.join(', ')}`);
    assert.ok(acls.includes(FILE_ACL), "the workspace's list");
    assert.ok(!acls.includes(USERS) && !acls.includes(POLICY), 'only IP access control lists');
    assert.ok((await completionsAt(at(USERS))).includes(USERS), "the account's credential list");
    assert.ok((await completionsAt(at(POLICY))).includes(POLICY), "the account's connection policy");
    const endpoints = await completionsAt(at(FILE_ENDPOINT));
    assert.ok(endpoints.includes(ENDPOINT), `the account's endpoint: ${endpoints.join(', ')}`);
    assert.ok(endpoints.includes(FILE_ENDPOINT), "the workspace's endpoint");
  });

  it("the hover shows what the name resolves to: a list's addresses or usernames, the policy's targets in failover order, the endpoint's addresses", async () => {
    const lab = await hoverAt(at(FILE_ACL));
    assert.match(lab, /not created yet/);
    assert.match(lab, /198\.51\.100\.9\/32 \(lab\)/);
    assert.match(await hoverAt(at(USERS)), new RegExp(`alice-${suffix}`));
    const policy = await hoverAt(at(POLICY));
    assert.match(policy, /sip:main\.refs\.example\.com \(priority 10, weight 10, 100% of priority 10\)[\s\S]*sip:backup\.refs\.example\.com \(priority 20/, 'priority 10 before priority 20');
    assert.match(await hoverAt(at(FILE_ENDPOINT)), /198\.51\.100\.10:5080 tcp/);
  });

  it('Go to Definition jumps to the document that defines the name, in a multi-document file', async () => {
    const text = document.getText().split('\n');
    assert.deepEqual(
      (await definitionAt(at(FILE_ACL))).map((l) => [l.uri.toString(), l.line]),
      [[document.uri.toString(), text.indexOf('kind: TwilioIpAccessControlList') - 1]],
    );
    assert.deepEqual(
      (await definitionAt(at(FILE_ENDPOINT))).map((l) => [l.uri.toString(), l.line]),
      [[document.uri.toString(), text.indexOf('kind: CarrierXEndpoint') - 1]],
    );
    assert.deepEqual(await definitionAt(at(POLICY)), [], 'a policy only in the account has no document to go to');
  });

  it('a name that resolves to nothing is an error at the entry while typing; its quick fix clears it', async () => {
    const uri = document.uri;
    // The account's lists arrive with the background status check; until then nothing is said.
    const typo = USERS.replace('users', 'usres');
    let edit = new vscode.WorkspaceEdit();
    edit.replace(uri, rangeOf(USERS), typo);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => referenceProblems(uri).length === 1, 'the unknown-reference error', 20_000);
    const [problem] = referenceProblems(uri);
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(problem!.range), typo);
    assert.match(problem!.message, new RegExp(`No credential list named "${typo}" in account sandbox or in the workspace's trunk files\\. Did you mean "${USERS}"\\?`));

    let fix: vscode.CodeAction | undefined;
    await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem!.range);
      fix = actions.find((a) => a.title === `Change to "${USERS}"`);
      return fix !== undefined;
    }, 'the quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    await waitFor(() => referenceProblems(uri).length === 0, 'the error to clear');

    // The status check listed the policies the file names: a wrong name is an error as soon as it is typed, and goes when fixed.
    const wrong = `Nowhere ${suffix}`;
    edit = new vscode.WorkspaceEdit();
    edit.replace(uri, rangeOf(POLICY), wrong);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => referenceProblems(uri).length === 1, 'the unknown policy error', 5_000);
    assert.match(referenceProblems(uri)[0]!.message, new RegExp(`No connection policy named "${wrong}"`));
    edit = new vscode.WorkspaceEdit();
    edit.replace(uri, rangeOf(wrong), POLICY);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => referenceProblems(uri).length === 0, 'the policy error to clear');
    await document.save();
  });
});
