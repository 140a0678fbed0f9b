import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Account } from '../../src/core/accounts/account';
import { child, childLabels, childrenOf, itemOf, nodeAt } from './explorer-nodes';
import { runCommand } from './run-command';
import { ACCOUNT_PATH, sandboxCarrierX, sandboxTwilio } from './sandbox-api';
import { expectNoPrompts, restorePrompts } from './scripted-prompts';
import { waitFor } from './wait-for';

// The Trunks view as a user expands it, row by row, compared with what the sandbox provider
// answers over HTTP.

const suffix = Date.now().toString(36);

interface RemoteTrunk {
  sid: string;
  friendly_name: string;
  domain_name: string;
}

describe('Explorer tree', () => {
  let sandbox: Account;

  before(async () => {
    sandbox = await runCommand<Account>('trunkline.trySandbox');
  });
  beforeEach(async () => {
    await expectNoPrompts();
    await runCommand('trunkline.refresh');
  });
  after(restorePrompts);

  it('expands a trunk into Phone Numbers and Origination URLs and lists what is on it', async () => {
    const numbers = (await sandboxTwilio<{ incoming_phone_numbers: { trunk_sid: string | null }[] }>('GET', `${ACCOUNT_PATH}/IncomingPhoneNumbers.json?PageSize=1000`)).body
      .incoming_phone_numbers;
    const counts = new Map<string, number>();
    for (const n of numbers) if (n.trunk_sid) counts.set(n.trunk_sid, (counts.get(n.trunk_sid) ?? 0) + 1);
    const [sid, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const trunk = (await sandboxTwilio<RemoteTrunk>('GET', `/v1/Trunks/${sid}`)).body;

    const trunkNode = await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunk.friendly_name]);
    const item = await itemOf(trunkNode);
    assert.equal(item.collapsible, 'collapsed');
    // Words first, the API name beside them (issue 16).
    assert.ok((item.tooltip ?? '').includes(`SID · \`sid\`: ${sid}`), item.tooltip);
    assert.ok((item.tooltip ?? '').includes(`Domain name · \`domain_name\`: ${trunk.domain_name}`), item.tooltip);
    assert.deepEqual(await childLabels(trunkNode), ['Phone Numbers', 'Origination URLs', 'Termination']);

    const numbersFolder = await child(trunkNode, 'Phone Numbers');
    const onTrunk = (await sandboxTwilio<{ phone_numbers: { phone_number: string }[] }>('GET', `/v1/Trunks/${sid}/PhoneNumbers`)).body.phone_numbers;
    assert.equal(onTrunk.length, count);
    assert.deepEqual(await childLabels(numbersFolder), onTrunk.map((n) => n.phone_number));
    const numberItem = await itemOf((await childrenOf(numbersFolder))[0]!);
    assert.match(numberItem.contextValue, /^trunkline:phoneNumber\.twilio\.detachable/, 'the row offers Detach');
    assert.ok((numberItem.tooltip ?? '').includes(`Trunk · \`trunk_sid\`: ${trunk.friendly_name} (\`${sid}\`)`), `a number names its trunk: ${numberItem.tooltip}`);
    assert.equal((await itemOf(numbersFolder)).description, String(count));
    assert.equal((await itemOf(trunkNode)).description, `${trunk.domain_name} · ${count} numbers`, 'the trunk shows the count once loaded');

    const urls = (await sandboxTwilio<{ origination_urls: { friendly_name: string; sip_url: string; priority: number; weight: number; enabled: boolean }[] }>('GET', `/v1/Trunks/${sid}/OriginationUrls`)).body
      .origination_urls;
    assert.ok(urls.length > 0, 'seeded trunks have origination URLs');
    const urlRows = await childrenOf(await child(trunkNode, 'Origination URLs'));
    const shown = await Promise.all(urlRows.map(async (row) => itemOf(row)));
    assert.deepEqual(
      shown.map((i) => `${i.label} | ${i.description}`),
      urls.map((u) => `${u.friendly_name} | ${u.sip_url} · priority ${u.priority}, weight ${u.weight}${u.enabled ? '' : ' · disabled'}`),
    );
  });

  it('lists the BYOC trunks and the CarrierX trunk groups with their trunks', async () => {
    const byoc = (await sandboxTwilio<{ byoc_trunks: { friendly_name: string }[] }>('GET', '/v1/ByocTrunks?PageSize=1000')).body.byoc_trunks;
    assert.deepEqual(await childLabels(await nodeAt([sandbox.name, 'BYOC Trunks'])), byoc.map((b) => b.friendly_name));

    const groups = (await sandboxCarrierX<{ items: { name: string; trunks: { name: string }[] }[] }>('GET', '/trunk_groups?with_trunks=true&limit=1000')).body.items;
    const groupsFolder = await nodeAt([sandbox.name, 'Trunk Groups']);
    assert.deepEqual(await childLabels(groupsFolder), groups.map((g) => g.name));
    const withTrunks = groups.find((g) => g.trunks.length > 0)!;
    const groupNode = await child(groupsFolder, withTrunks.name);
    assert.match((await itemOf(groupNode)).description ?? '', new RegExp(withTrunks.trunks.length === 1 ? '1 trunk$' : `${withTrunks.trunks.length} trunks$`));
    // Its trunks, then the DIDs assigned to it.
    assert.deepEqual(await childLabels(groupNode), [...withTrunks.trunks.map((t) => t.name), 'Phone Numbers']);
  });

  it('loads trunkline.pageSize rows at a time; "Load more…" fetches the next page', async () => {
    const config = vscode.workspace.getConfiguration('trunkline');
    await config.update('pageSize', 2, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => vscode.workspace.getConfiguration('trunkline').get('pageSize') === 2, 'the pageSize setting');
      await runCommand('trunkline.refresh');
      const firstFour = (await sandboxTwilio<{ trunks: RemoteTrunk[] }>('GET', '/v1/Trunks?PageSize=4')).body.trunks.map((t) => t.friendly_name);
      assert.equal(firstFour.length, 4, 'the sandbox has at least four trunks');

      const folder = await nodeAt([sandbox.name, 'Elastic SIP Trunks']);
      let rows = await childrenOf(folder);
      assert.equal(rows.length, 3);
      const loadMore = await itemOf(rows[2]!);
      assert.equal(loadMore.label, 'Load more…');
      assert.equal(loadMore.description, '2 loaded');
      assert.deepEqual(await childLabels(folder), [...firstFour.slice(0, 2), 'Load more…']);
      assert.equal((await itemOf(folder)).description, '2+');

      assert.equal(loadMore.command?.id, 'trunkline.loadMore', 'clicking the row loads more');
      await runCommand(loadMore.command.id, ...(loadMore.command.arguments ?? []));
      rows = await childrenOf(folder);
      assert.deepEqual(await childLabels(folder), [...firstFour, 'Load more…']);
      assert.equal((await itemOf(rows[4]!)).description, '4 loaded');
    } finally {
      await config.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
      await waitFor(() => vscode.workspace.getConfiguration('trunkline').get('pageSize') === 50, 'the default pageSize');
    }
  });

  it('Refresh shows a trunk created outside Trunkline', async () => {
    const folder = await nodeAt([sandbox.name, 'Elastic SIP Trunks']);
    const before = await childLabels(folder);
    const name = `Outside ${suffix}`;
    const created = await sandboxTwilio<RemoteTrunk>('POST', '/v1/Trunks', { FriendlyName: name, DomainName: `outside-${suffix}.pstn.twilio.com` });
    assert.equal(created.status, 201);
    try {
      assert.deepEqual(await childLabels(folder), before, 'loaded rows stay until refreshed');
      await runCommand('trunkline.refresh', folder);
      assert.deepEqual(await childLabels(folder), [...before, name]);
    } finally {
      await sandboxTwilio('DELETE', `/v1/Trunks/${created.body.sid}`);
    }
  });
});
