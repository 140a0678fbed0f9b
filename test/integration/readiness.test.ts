import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Account } from '../../src/core/accounts/account';
import { childrenOf, itemOf, nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { expectNoPrompts, restorePrompts, scriptPrompts } from './scripted-prompts';
import { sandboxTwilio } from './sandbox-api';
import { writeScratchTrunkFile } from './scratch-trunk-files';
import { waitFor } from './wait-for';

// Call readiness (issue 17): a trunk that cannot carry calls as configured is flagged in its
// file, at the key to change, and in the tree; the file's quick fix clears the warning.

const suffix = Date.now().toString(36);

describe('Call readiness', function () {
  this.timeout(60_000);
  let sandbox: Account;
  const created: vscode.Uri[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  before(async () => {
    sandbox = await runCommand<Account>('trunkline.trySandbox');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  beforeEach(async () => expectNoPrompts());
  afterEach(async () => restorePrompts());

  const readiness = (uri: vscode.Uri, code: string) => vscode.languages.getDiagnostics(uri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code);

  it('a trunk with no IP access control list and no credential list: a warning on its tree row, and at spec in its file once the status has read it', async () => {
    const trunkName = `Not ready ${suffix}`;
    const trunk = await sandboxTwilio<{ sid: string }>('POST', '/v1/Trunks', { FriendlyName: trunkName, DomainName: `not-ready-${suffix}.pstn.twilio.com` });
    assert.equal(trunk.status, 201);
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunk.body.sid}`));

    await runCommand('trunkline.refresh');
    const row = await itemOf(await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunkName]));
    assert.equal(row.icon?.id, 'warning');
    assert.match(row.tooltip ?? '', /Not call-ready: No IP access control list and no credential list\. Twilio refuses every call/);

    // The file names the trunk and says nothing about its lists: the provider's answer decides.
    const document = await writeScratchTrunkFile(created, `not-ready-${suffix}.trunk.yaml`, `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nsid: ${trunk.body.sid}\nspec:\n  friendly_name: ${trunkName}\n`);
    await waitFor(() => readiness(document.uri, 'readiness-twilio-trunk-no-termination-lists').length === 1, 'the no-lists warning from the status check', 20_000);
    const [warning] = readiness(document.uri, 'readiness-twilio-trunk-no-termination-lists');
    assert.equal(warning!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(warning!.range), 'spec');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, warning!.range.start);
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /If empty, the domain will not receive any traffic\./, 'the hover quotes the provider');
  });

  it('a BYOC trunk with no connection policy and no voice URL: a warning on its tree row, with both reasons in its tooltip', async () => {
    const trunkName = `Nowhere BYOC ${suffix}`;
    const trunk = await sandboxTwilio<{ sid: string }>('POST', '/v1/ByocTrunks', { FriendlyName: trunkName });
    assert.equal(trunk.status, 201);
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/ByocTrunks/${trunk.body.sid}`));

    await runCommand('trunkline.refresh');
    const row = await itemOf(await nodeAt([sandbox.name, 'BYOC Trunks', trunkName]));
    assert.equal(row.icon?.id, 'warning');
    assert.match(row.tooltip ?? '', /Not call-ready: No connection policy\. Twilio has no SIP address/);
    assert.match(row.tooltip ?? '', /Not call-ready: No voice URL and no fallback URL\./);
  });

  it('all origination URLs disabled: a warning at origination_urls, and its quick fix enables one and clears it', async () => {
    const document = await writeScratchTrunkFile(
      created,
      `disabled-urls-${suffix}.trunk.yaml`,
      [
        'apiVersion: trunkline/v1',
        'kind: TwilioTrunk',
        'account: sandbox',
        'spec:',
        `  friendly_name: Disabled URLs ${suffix}`,
        '  origination_urls:',
        '    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 10, enabled: false }',
        '',
      ].join('\n'),
    );
    const code = 'readiness-twilio-trunk-no-origination';
    await waitFor(() => readiness(document.uri, code).length === 1, 'the origination warning');
    const [warning] = readiness(document.uri, code);
    assert.equal(document.getText(warning!.range), 'origination_urls');
    assert.match(warning!.message, /Calls to the trunk’s numbers have nowhere to go/);

    let fix: vscode.CodeAction | undefined;
    await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, warning!.range);
      fix = actions.find((a) => a.title === 'Enable origination URL pbx-a');
      return fix !== undefined;
    }, 'the quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(document.getText(), /enabled: true \}/);
    await waitFor(() => readiness(document.uri, code).length === 0, 'the warning to clear');
    // Saved, so closing the editor asks nothing and the file is deleted after the suite.
    await document.save();
  });

  it('one trunk, its origination URL disabled: the warning on its tree row and in its file; the quick fix clears the file, and once pushed the row', async () => {
    const trunkName = `Disabled route ${suffix}`;
    const trunk = await sandboxTwilio<{ sid: string }>('POST', '/v1/Trunks', { FriendlyName: trunkName });
    assert.equal(trunk.status, 201);
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${trunk.body.sid}`));
    const url = await sandboxTwilio('POST', `/v1/Trunks/${trunk.body.sid}/OriginationUrls`, { FriendlyName: 'pbx-a', SipUrl: 'sip:pbx-a.example.com', Priority: '10', Weight: '10', Enabled: 'false' });
    assert.equal(url.status, 201);

    const rowTooltip = async () => {
      await runCommand('trunkline.refresh');
      const node = await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunkName]);
      await childrenOf(await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunkName, 'Origination URLs']));
      return (await itemOf(node)).tooltip ?? '';
    };
    assert.match(await rowTooltip(), /Not call-ready: No enabled origination URL and no disaster recovery URL/);

    const document = await writeScratchTrunkFile(
      created,
      `disabled-route-${suffix}.trunk.yaml`,
      [
        'apiVersion: trunkline/v1',
        'kind: TwilioTrunk',
        'account: sandbox',
        `sid: ${trunk.body.sid}`,
        'spec:',
        `  friendly_name: ${trunkName}`,
        '  origination_urls:',
        '    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 10, enabled: false }',
        '',
      ].join('\n'),
    );
    const code = 'readiness-twilio-trunk-no-origination';
    await waitFor(() => readiness(document.uri, code).length === 1, 'the origination warning in the file', 20_000);
    const [warning] = readiness(document.uri, code);
    let fix: vscode.CodeAction | undefined;
    await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, warning!.range);
      fix = actions.find((a) => a.title === 'Enable origination URL pbx-a');
      return fix !== undefined;
    }, 'the quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    await waitFor(() => readiness(document.uri, code).length === 0, 'the file warning to clear');
    await document.save();

    const input = await scriptPrompts([{ confirm: true, message: /^Push Twilio trunk/, detail: /pbx-a/ }]);
    const result = await runCommand<{ status: string }>('trunkline.push', document.uri.toString(), 0);
    input.assertDone();
    assert.equal(result.status, 'applied');
    assert.doesNotMatch(await rowTooltip(), /No enabled origination URL/, 'the row no longer warns about the route');
  });
});
