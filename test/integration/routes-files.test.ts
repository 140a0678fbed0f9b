import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { runCommand } from './run-command';
import { sandboxCarrierX, sandboxTwilio } from './sandbox-api';
import { expectNoPrompts, restorePrompts, scriptPrompts } from './scripted-prompts';

// Routes as trunk files: a BYOC trunk and the connection policy it names, a CarrierX trunk group
// and the endpoint its trunk names, each pair in one file pushed by one Push All of its folder.
// The named document is created first and the trunk points at it; an endpoint's password is
// given through the prompt and never lands in the file. Checked at the sandbox over HTTP.

const suffix = Date.now().toString(36);

describe('Route trunk files', function () {
  this.timeout(40_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  const folders: vscode.Uri[] = [];

  /** A folder of its own with one trunk file, so that Push All pushes only it. */
  async function routesFile(name: string, text: string): Promise<{ folder: vscode.Uri; file: vscode.Uri }> {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `routes-${name}-${suffix}`);
    const file = vscode.Uri.joinPath(folder, `${name}.trunk.yaml`);
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    folders.push(folder);
    return { folder, file };
  }

  before(async () => {
    await runCommand('trunkline.trySandbox');
  });
  beforeEach(async () => expectNoPrompts());
  after(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const folder of folders) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restorePrompts();
  });

  it("creates a BYOC trunk's connection policy and its targets from a file, and the trunk on it, in one Push All", async () => {
    const policyName = `Carrier ${suffix} routes`;
    const { folder, file } = await routesFile(
      'byoc',
      [
        '# The trunk names its policy by name: Push All creates the policy first.',
        'apiVersion: trunkline/v1',
        'kind: TwilioByocTrunk',
        'account: sandbox',
        'spec:',
        `  friendly_name: Carrier ${suffix}`,
        '  voice_url: https://example.com/voice',
        `  connection_policy: ${policyName}`,
        '---',
        'apiVersion: trunkline/v1',
        'kind: TwilioConnectionPolicy',
        'account: sandbox',
        'spec:',
        `  friendly_name: ${policyName}`,
        '  targets:',
        '    - { friendly_name: primary, target: "sip:primary.example.com:5060", priority: 1, weight: 30 }',
        '    - { friendly_name: backup, target: "sip:backup.example.com", priority: 2, enabled: false }',
        '',
      ].join('\n'),
    );
    const input = await scriptPrompts([{ confirm: true, message: /Push All: 2 to create or change/, detail: /Create connection policy[\s\S]*Add target sip:primary\.example\.com:5060[\s\S]*Create BYOC trunk/ }]);
    const result = await runCommand<{ counts: { created: number; failed: number } }>('trunkline.pushAll', folder.toString());
    input.assertDone();
    assert.equal(result.counts.created, 2, JSON.stringify(result.counts));

    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const [byocSid] = /BY[0-9a-f]{32}/.exec(text) ?? [];
    const [policySid] = /NY[0-9a-f]{32}/.exec(text) ?? [];
    assert.ok(byocSid && policySid, `both sids written back:\n${text}`);
    assert.match(text, new RegExp(`connection_policy: ${policyName}`), 'the file still names the policy by name');
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/ConnectionPolicies/${policySid}`));
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/ByocTrunks/${byocSid}`));

    const byoc = await sandboxTwilio<{ connection_policy_sid: string }>('GET', `/v1/ByocTrunks/${byocSid}`);
    assert.equal(byoc.body.connection_policy_sid, policySid);
    const targets = await sandboxTwilio<{ targets: { target: string; priority: number; weight: number; enabled: boolean }[] }>('GET', `/v1/ConnectionPolicies/${policySid}/Targets`);
    assert.deepEqual(
      targets.body.targets.map((t) => [t.target, t.priority, t.weight, t.enabled]).sort(),
      [
        ['sip:backup.example.com', 2, 10, false],
        ['sip:primary.example.com:5060', 1, 30, true],
      ],
    );
  });

  it('creates a CarrierX endpoint from a file, its password given through the prompt, and the trunk that names it', async () => {
    const endpointName = `PBX ${suffix}`;
    const canary = `Canary${suffix}Pw-7`;
    const { folder, file } = await routesFile(
      'carrierx',
      [
        'apiVersion: trunkline/v1',
        'kind: CarrierXTrunkGroup',
        'account: sandbox',
        'spec:',
        `  name: group-${suffix}`,
        '  trunks:',
        `    - { name: to-pbx, endpoint: ${endpointName} }`,
        '---',
        'apiVersion: trunkline/v1',
        'kind: CarrierXEndpoint',
        'account: sandbox',
        'spec:',
        `  name: ${endpointName}`,
        '  addresses:',
        '    - { ip: 192.0.2.44, port: 5060, transport: udp, sip_username: pbx-in }',
        '',
      ].join('\n'),
    );
    const input = await scriptPrompts([
      { confirm: true, message: /Push All: 2 to create or change/ },
      { pick: /Type a password/, title: /the SIP password of pbx-in at endpoint/ },
      { input: '', rejectedWith: /cannot be empty/ },
      { input: canary },
    ]);
    const result = await runCommand<{ counts: { created: number } }>('trunkline.pushAll', folder.toString());
    input.assertDone();
    assert.equal(result.counts.created, 2, JSON.stringify(result.counts));
    assert.ok(!JSON.stringify(input.asked).includes(canary), 'the password is in no prompt');

    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.ok(!text.includes(canary), 'the password is not in the file');
    const endpoints = await sandboxCarrierX<{ items: { endpoint_sid: string; name: string; addresses: { sip_password: string | null }[] }[] }>('GET', '/endpoints?limit=1000');
    const endpoint = endpoints.body.items.find((e) => e.name === endpointName);
    assert.ok(endpoint, 'the endpoint was created');
    assert.equal(endpoint.addresses[0]?.sip_password, canary);
    const groups = await sandboxCarrierX<{ items: { trunk_group_sid: string; name: string; trunks?: { endpoint_sid: string | null }[] }[] }>('GET', '/trunk_groups?limit=1000&with_trunks=true');
    const group = groups.body.items.find((g) => g.name === `group-${suffix}`);
    assert.ok(group, 'the trunk group was created');
    cleanups.push(() => sandboxCarrierX('DELETE', `/endpoints/${endpoint.endpoint_sid}`));
    cleanups.push(() => sandboxCarrierX('DELETE', `/trunk_groups/${group.trunk_group_sid}`));
    assert.equal(group.trunks?.[0]?.endpoint_sid, endpoint.endpoint_sid);
    assert.match(text, new RegExp(`sid: ${endpoint.endpoint_sid}`));
  });
});
