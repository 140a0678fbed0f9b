import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import type { Account } from '../../src/core/accounts/account';
import { addEmulatorAccount, removeAccount } from './emulator-accounts';
import { child, childLabels, childrenOf, itemOf, nodeAt, type ExplorerNode } from './explorer-nodes';
import { runCommand, runCommandExpectingError } from './run-command';
import { ACCOUNT_PATH, sandboxCarrierX, sandboxTwilio } from './sandbox-api';
import { expectNoPrompts, restorePrompts, scriptPrompts } from './scripted-prompts';

// Create, edit and delete commands run from the rows a user right-clicks (and once from the
// palette), prompts answered by the scripted input; every change is checked at the sandbox
// provider over HTTP and in the tree the command refreshed. Each test makes its own trunks and
// removes them, so the sandbox's seeded data is left as it was.

const suffix = Date.now().toString(36);
let serial = 0;

interface RemoteTrunk {
  sid: string;
  friendly_name: string;
  domain_name: string;
  transfer_mode: string;
  secure: boolean;
  disaster_recovery_url: string | null;
  disaster_recovery_method: string | null;
}

interface RemoteNumber {
  sid: string;
  phone_number: string;
  trunk_sid: string | null;
}

describe('Resource commands', function () {
  this.timeout(30_000);
  let sandbox: Account;
  const cleanups: (() => Promise<unknown>)[] = [];

  before(async () => {
    sandbox = await runCommand<Account>('trunkline.trySandbox');
  });
  beforeEach(async () => {
    await expectNoPrompts();
    await runCommand('trunkline.refresh');
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  after(restorePrompts);

  /** A trunk made directly at the provider for one test, deleted after it. */
  async function sandboxTrunk(label: string): Promise<RemoteTrunk> {
    serial++;
    const name = `${label} ${suffix}-${serial}`;
    const res = await sandboxTwilio<RemoteTrunk>('POST', '/v1/Trunks', { FriendlyName: name, DomainName: `it-${suffix}-${serial}.pstn.twilio.com` });
    assert.equal(res.status, 201, `creating ${name}`);
    cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${res.body.sid}`));
    return res.body;
  }

  async function trunksFolder(): Promise<ExplorerNode> {
    return nodeAt([sandbox.name, 'Elastic SIP Trunks']);
  }

  async function trunkRow(name: string): Promise<ExplorerNode> {
    return nodeAt([sandbox.name, 'Elastic SIP Trunks', name]);
  }

  async function fetchTrunk(sid: string): Promise<RemoteTrunk> {
    const res = await sandboxTwilio<RemoteTrunk>('GET', `/v1/Trunks/${sid}`);
    assert.equal(res.status, 200, `GET trunk ${sid}`);
    return res.body;
  }

  async function numbers(): Promise<RemoteNumber[]> {
    return (await sandboxTwilio<{ incoming_phone_numbers: RemoteNumber[] }>('GET', `${ACCOUNT_PATH}/IncomingPhoneNumbers.json?PageSize=1000`)).body.incoming_phone_numbers;
  }

  async function numbersOn(trunkSid: string): Promise<string[]> {
    return (await sandboxTwilio<{ phone_numbers: RemoteNumber[] }>('GET', `/v1/Trunks/${trunkSid}/PhoneNumbers?PageSize=1000`)).body.phone_numbers.map((n) => n.phone_number);
  }

  async function attachAtProvider(trunkSid: string, number: RemoteNumber): Promise<void> {
    const res = await sandboxTwilio('POST', `/v1/Trunks/${trunkSid}/PhoneNumbers`, { PhoneNumberSid: number.sid });
    assert.equal(res.status, 201, `attaching ${number.phone_number}`);
  }

  describe('Elastic SIP trunks', () => {
    it('creates a trunk from the Elastic SIP Trunks folder; the domain is checked as it is typed', async () => {
      const folder = await trunksFolder();
      const before = await childLabels(folder);
      const name = `Created ${suffix}`;
      const domain = `created-${suffix}.pstn.twilio.com`;
      const input = await scriptPrompts([
        { input: name, title: /Create Elastic SIP Trunk/ },
        { input: 'created.example.com', rejectedWith: /must end in \.pstn\.twilio\.com/ },
        { input: `-created-${suffix}.pstn.twilio.com`, rejectedWith: /letters, digits and "-"/ },
        { input: domain },
        { pick: 'Secure' },
        { pick: 'sip-only' },
      ]);
      const created = await runCommand<RemoteTrunk>('trunkline.createTrunk', folder);
      input.assertDone();
      cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${created.sid}`));

      const remote = await fetchTrunk(created.sid);
      assert.equal(remote.friendly_name, name);
      assert.equal(remote.domain_name, domain);
      assert.equal(remote.secure, true);
      assert.equal(remote.transfer_mode, 'sip-only');
      assert.deepEqual(await childLabels(folder), [...before, name], 'the folder shows the new trunk');
      const row = await itemOf(await child(folder, name));
      // A new trunk links no IP access control list or credential list: Twilio would refuse its
      // calls, so its row warns (the call-readiness check) and its tooltip says why.
      assert.equal(row.icon?.id, 'warning', 'a trunk that cannot take calls yet is marked');
      assert.match(JSON.stringify(row.tooltip), /No IP access control list and no credential list/);
      assert.match(row.description ?? '', new RegExp(`^${domain.replace(/\./g, '\\.')}`));
    });

    it('a taken domain is refused before sending; one taken meanwhile (21248) re-opens the wizard there with the answers kept', async () => {
      const existing = await sandboxTrunk('Taken');
      const folder = await trunksFolder();
      const name = `Kept ${suffix}`;
      const raced = `raced-${suffix}.pstn.twilio.com`;
      const domain = `kept-${suffix}.pstn.twilio.com`;
      const takeMeanwhile = async () => {
        const res = await sandboxTwilio<RemoteTrunk>('POST', '/v1/Trunks', { FriendlyName: `Colleague ${suffix}`, DomainName: raced });
        cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${res.body.sid}`));
      };
      const input = await scriptPrompts([
        { input: name },
        { input: existing.domain_name, rejectedWith: /already has/ },
        { input: raced, then: takeMeanwhile },
        { pick: 'Not secure' },
        { pick: 'enable-all' },
        { input: domain },
        { pick: 'Not secure' },
        { pick: 'enable-all' },
      ]);
      const created = await runCommand<RemoteTrunk>('trunkline.createTrunk', folder);
      input.assertDone();
      cleanups.push(() => sandboxTwilio('DELETE', `/v1/Trunks/${created.sid}`));
      const reopened = input.asked.find((a) => a.problem);
      assert.equal(reopened?.value, raced, 'the wizard re-opens at the domain with what was typed');
      assert.equal(reopened?.problem, 'Twilio 21248: Trunk Domain already taken (HTTP 400)', "the provider's message is shown at the step");
      assert.equal(reopened?.step, '2/4');
      const remote = await fetchTrunk(created.sid);
      assert.deepEqual([remote.friendly_name, remote.domain_name, remote.secure, remote.transfer_mode], [name, domain, false, 'enable-all']);
    });

    it('edits fields from the trunk\'s row: a picked enum with the current value marked, a validated URL', async () => {
      const trunk = await sandboxTrunk('Edit');
      let input = await scriptPrompts([{ pick: 'transfer_mode' }, { pick: 'enable-all' }]);
      await runCommand('trunkline.editField', await trunkRow(trunk.friendly_name));
      input.assertDone();
      const fields = input.asked[0]!.offered!;
      assert.equal(fields.find((f) => f.label === 'transfer_mode')?.description, 'disable-all', 'each field shows its current value');
      assert.ok(!fields.some((f) => f.label === 'recording'), 'only scalar fields are offered');
      assert.equal(input.asked[1]!.offered!.find((o) => o.label === 'disable-all')?.description, 'current');
      assert.equal((await fetchTrunk(trunk.sid)).transfer_mode, 'enable-all');
      assert.match((await itemOf(await trunkRow(trunk.friendly_name))).tooltip ?? '', /Call transfer · `transfer_mode`: enable-all/, 'the row shows the new value');

      input = await scriptPrompts([{ pick: 'disaster_recovery_url' }, { input: 'ftp://dr.example.com', rejectedWith: /./ }, { input: 'https://dr.example.com/voice' }]);
      await runCommand('trunkline.editField', await trunkRow(trunk.friendly_name));
      input.assertDone();
      assert.equal((await fetchTrunk(trunk.sid)).disaster_recovery_url, 'https://dr.example.com/voice');
      const { disaster_recovery_method: method } = await fetchTrunk(trunk.sid);
      assert.ok(
        ((await itemOf(await trunkRow(trunk.friendly_name))).tooltip ?? '').includes(`Disaster recovery URL · \`disaster_recovery_method\` \`disaster_recovery_url\`: ${method} https://dr.example.com/voice`),
        'the method shows with its URL, on one line',
      );
    });

    it('renames a trunk from its row; the tree shows the new name', async () => {
      const trunk = await sandboxTrunk('Rename');
      const renamed = `Renamed ${suffix}`;
      const input = await scriptPrompts([{ input: 'x'.repeat(65), rejectedWith: /At most 64 characters \(65 now\)/ }, { input: renamed }]);
      await runCommand('trunkline.rename', await trunkRow(trunk.friendly_name));
      input.assertDone();
      assert.equal((await fetchTrunk(trunk.sid)).friendly_name, renamed);
      const labels = await childLabels(await trunksFolder());
      assert.ok(labels.includes(renamed) && !labels.includes(trunk.friendly_name), labels.join(', '));
    });

    it('sets the recording; the trunk\'s tooltip shows it', async () => {
      const trunk = await sandboxTrunk('Record');
      const input = await scriptPrompts([{ pick: 'record-from-answer-dual' }, { pick: 'trim-silence' }]);
      await runCommand('trunkline.setRecording', await trunkRow(trunk.friendly_name));
      input.assertDone();
      assert.equal(input.asked[0]!.offered!.find((o) => o.label === 'do-not-record')?.description, 'current');
      assert.deepEqual((await sandboxTwilio('GET', `/v1/Trunks/${trunk.sid}/Recording`)).body, { mode: 'record-from-answer-dual', trim: 'trim-silence' });
      assert.match((await itemOf(await trunkRow(trunk.friendly_name))).tooltip ?? '', /Recording · `recording\.mode` `recording\.trim`: record-from-answer-dual, trim-silence/);
    });

    it('Delete names the numbers the trunk frees; cancelling deletes nothing', async () => {
      const trunk = await sandboxTrunk('Keep');
      const free = (await numbers()).find((n) => !n.trunk_sid)!;
      await attachAtProvider(trunk.sid, free);
      const input = await scriptPrompts([
        {
          confirm: false,
          message: new RegExp(`^Delete the Elastic SIP trunk "${trunk.friendly_name}"\\?$`),
          detail: new RegExp(`frees 1 phone number\\(s\\): \\${free.phone_number}; .*This cannot be undone\\.$`),
        },
      ]);
      assert.equal(await runCommand('trunkline.delete', await trunkRow(trunk.friendly_name)), false);
      input.assertDone();
      assert.equal((await fetchTrunk(trunk.sid)).sid, trunk.sid);
      assert.deepEqual(await numbersOn(trunk.sid), [free.phone_number]);
      assert.ok((await childLabels(await trunksFolder())).includes(trunk.friendly_name));
    });

    it('Delete from the row removes the trunk and frees its numbers', async () => {
      const trunk = await sandboxTrunk('Doomed');
      const free = (await numbers()).find((n) => !n.trunk_sid)!;
      await attachAtProvider(trunk.sid, free);
      const folder = await trunksFolder();
      const input = await scriptPrompts([{ confirm: true, message: new RegExp(`"${trunk.friendly_name}"`) }]);
      assert.equal(await runCommand('trunkline.delete', await child(folder, trunk.friendly_name)), true);
      input.assertDone();
      assert.equal((await sandboxTwilio('GET', `/v1/Trunks/${trunk.sid}`)).status, 404);
      assert.equal((await numbers()).find((n) => n.sid === free.sid)?.trunk_sid, null);
      assert.ok(!(await childLabels(folder)).includes(trunk.friendly_name), 'the row is gone');
    });

    it('from the palette, Delete asks the kind, then the account, then the trunk', async () => {
      const trunk = await sandboxTrunk('Palette');
      const other = `second-${suffix}`;
      await addEmulatorAccount(other);
      cleanups.push(() => removeAccount(other));
      const input = await scriptPrompts([
        { pick: 'Elastic SIP trunk', title: /^Delete$/ },
        { pick: sandbox.name },
        { pick: trunk.friendly_name },
        { confirm: true, message: new RegExp(`Delete the Elastic SIP trunk "${trunk.friendly_name}"`) },
      ]);
      assert.equal(await runCommand('trunkline.delete'), true);
      input.assertDone();
      assert.deepEqual(
        input.asked.map((p) => p.kind),
        ['pick', 'pick', 'pick', 'confirm'],
      );
      assert.deepEqual(input.asked[0]!.offered!.map((o) => o.label), ['Elastic SIP trunk', 'BYOC trunk', 'Origination URL', 'Trunk group', 'CarrierX trunk', 'IP access control list', 'IP address', 'Credential list', 'SIP credential', 'Connection policy', 'Connection policy target', 'Endpoint', 'Endpoint address']);
      assert.deepEqual(input.asked[1]!.offered!.map((o) => o.label).sort(), [sandbox.name, other].sort());
      assert.equal((await sandboxTwilio('GET', `/v1/Trunks/${trunk.sid}`)).status, 404);
    });
  });

  describe('phone numbers and origination URLs', () => {
    it('attaches a free number and moves one from another trunk after a confirmation', async () => {
      const target = await sandboxTrunk('Target');
      const all = await numbers();
      const free = all.find((n) => !n.trunk_sid)!;
      const taken = all.find((n) => n.trunk_sid)!;
      const from = await fetchTrunk(taken.trunk_sid!);
      cleanups.push(async () => {
        await sandboxTwilio('DELETE', `/v1/Trunks/${target.sid}/PhoneNumbers/${taken.sid}`);
        await attachAtProvider(from.sid, taken);
      });
      const folder = await nodeAt([sandbox.name, 'Elastic SIP Trunks', target.friendly_name, 'Phone Numbers']);
      assert.deepEqual(await childLabels(folder), ['No phone numbers']);

      const input = await scriptPrompts([
        { pickMany: [free.phone_number, taken.phone_number], title: new RegExp(`Attach Numbers: ${target.friendly_name}`) },
        { confirm: true, message: new RegExp(`^Move 1 number\\(s\\) to "${target.friendly_name}"\\?$`), detail: new RegExp(`\\${taken.phone_number} from "${from.friendly_name}"`) },
      ]);
      const result = await runCommand<{ attached: string[]; failed: unknown[] }>('trunkline.attachNumbers', folder);
      input.assertDone();
      assert.deepEqual(result.failed, []);
      const offered = input.asked[0]!.offered!;
      assert.equal(offered.find((o) => o.label === taken.phone_number)?.description, `on trunk "${from.friendly_name}"`);

      const expected = [free.phone_number, taken.phone_number].sort();
      assert.deepEqual((await numbersOn(target.sid)).sort(), expected);
      assert.ok(!(await numbersOn(from.sid)).includes(taken.phone_number), 'moved, not copied');
      assert.deepEqual((await childLabels(folder)).sort(), expected, 'the folder shows both');
    });

    it('detaches a number from its row, and others from the Phone Numbers folder', async () => {
      const trunk = await sandboxTrunk('Detach');
      const [first, second, third] = (await numbers()).filter((n) => !n.trunk_sid);
      assert.ok(first && second && third, 'the sandbox has three free numbers');
      for (const n of [first, second, third]) await attachAtProvider(trunk.sid, n);
      const folder = await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunk.friendly_name, 'Phone Numbers']);

      let input = await scriptPrompts([
        { confirm: true, message: new RegExp(`^Detach \\${first.phone_number} from "${trunk.friendly_name}"\\?$`), detail: /will no longer reach this trunk/ },
      ]);
      await runCommand('trunkline.detachNumbers', await child(folder, first.phone_number));
      input.assertDone();
      assert.deepEqual((await numbersOn(trunk.sid)).sort(), [second.phone_number, third.phone_number].sort());
      assert.deepEqual((await childLabels(folder)).sort(), [second.phone_number, third.phone_number].sort());

      input = await scriptPrompts([{ pickMany: [second.phone_number, third.phone_number] }, { confirm: true, message: /^Detach 2 numbers from/ }]);
      const result = await runCommand<{ detached: string[] }>('trunkline.detachNumbers', folder);
      input.assertDone();
      assert.deepEqual(result.detached.sort(), [second.phone_number, third.phone_number].sort());
      assert.deepEqual(await numbersOn(trunk.sid), []);
      assert.deepEqual(await childLabels(folder), ['No phone numbers']);
    });

    it('Detach from a row a colleague made stale: the number they moved to their trunk stays there', async () => {
      const trunk = await sandboxTrunk('Stale detach');
      const theirs = await sandboxTrunk('Colleague');
      const number = (await numbers()).find((n) => !n.trunk_sid);
      assert.ok(number, 'the sandbox has a free number');
      await attachAtProvider(trunk.sid, number);
      const folder = await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunk.friendly_name, 'Phone Numbers']);
      const row = await child(folder, number.phone_number);
      // The colleague moves it in their console; the explorer still lists it on this trunk.
      assert.equal((await sandboxTwilio('DELETE', `/v1/Trunks/${trunk.sid}/PhoneNumbers/${number.sid}`)).status, 204);
      await attachAtProvider(theirs.sid, number);

      const input = await scriptPrompts([{ confirm: true, message: /^Detach / }]);
      const result = await runCommand<{ detached: string[]; left: string[] }>('trunkline.detachNumbers', row);
      input.assertDone();
      assert.deepEqual(result.detached, []);
      assert.deepEqual(result.left, [number.phone_number]);
      assert.deepEqual(await numbersOn(theirs.sid), [number.phone_number], "still on the colleague's trunk");
    });

    it('adds an origination URL from the Origination URLs folder and deletes it from its row', async () => {
      const trunk = await sandboxTrunk('Origin');
      const folder = await nodeAt([sandbox.name, 'Elastic SIP Trunks', trunk.friendly_name, 'Origination URLs']);
      assert.deepEqual(await childLabels(folder), ['No origination URLs']);
      const sipUrl = `sip:pbx-${suffix}.example.com:5060`;
      let input = await scriptPrompts([
        { input: `sips:pbx-${suffix}.example.com`, rejectedWith: /sip: URI/ },
        { input: sipUrl },
        { input: 'PBX' },
        { input: '70000', rejectedWith: /Between 0 and 65535/ },
        { input: '5' },
        { input: '0', rejectedWith: /Between 1 and 65535/ },
        { input: '50' },
      ]);
      await runCommand('trunkline.createOriginationUrl', folder);
      input.assertDone();
      const remote = (await sandboxTwilio('GET', `/v1/Trunks/${trunk.sid}/OriginationUrls`)).body.origination_urls as Record<string, unknown>[];
      assert.deepEqual(
        remote.map((u) => [u.sip_url, u.friendly_name, u.priority, u.weight, u.enabled]),
        [[sipUrl, 'PBX', 5, 50, true]],
      );
      const row = await child(folder, 'PBX');
      assert.equal((await itemOf(row)).description, `${sipUrl} · priority 5, weight 50`);

      input = await scriptPrompts([{ confirm: true, message: /^Delete the origination URL "PBX"\?$/, detail: new RegExp(`stops sending calls of "${trunk.friendly_name}" to ${sipUrl}`) }]);
      await runCommand('trunkline.delete', row);
      input.assertDone();
      assert.deepEqual((await sandboxTwilio('GET', `/v1/Trunks/${trunk.sid}/OriginationUrls`)).body.origination_urls, []);
      assert.deepEqual(await childLabels(folder), ['No origination URLs']);
    });
  });

  describe('BYOC and CarrierX', () => {
    it('creates a BYOC trunk from its folder and deletes it from its row', async () => {
      const folder = await nodeAt([sandbox.name, 'BYOC Trunks']);
      const name = `Carrier ${suffix}`;
      let input = await scriptPrompts([
        { input: name },
        { input: 'not a url', rejectedWith: /absolute http/ },
        { input: 'https://example.com/voice' },
        { pick: 'GET' },
      ]);
      const created = await runCommand<{ sid: string }>('trunkline.createByocTrunk', folder);
      input.assertDone();
      cleanups.push(() => sandboxTwilio('DELETE', `/v1/ByocTrunks/${created.sid}`));
      const remote = (await sandboxTwilio('GET', `/v1/ByocTrunks/${created.sid}`)).body;
      assert.equal(remote.friendly_name, name);
      assert.equal(remote.voice_url, 'https://example.com/voice');
      assert.equal(remote.voice_method, 'GET');
      const row = await child(folder, name);
      assert.equal((await itemOf(row)).description, 'https://example.com/voice');

      input = await scriptPrompts([{ confirm: true, message: new RegExp(`^Delete the BYOC trunk "${name}"\\?$`) }]);
      await runCommand('trunkline.delete', row);
      input.assertDone();
      assert.equal((await sandboxTwilio('GET', `/v1/ByocTrunks/${created.sid}`)).status, 404);
      assert.ok(!(await childLabels(folder)).includes(name));
    });

    it('creates a trunk group and a trunk in it, then deletes both', async () => {
      const groups = await nodeAt([sandbox.name, 'Trunk Groups']);
      const name = `Edge ${suffix}`;
      let input = await scriptPrompts([{ input: name }, { pick: 'failover' }]);
      const group = await runCommand<{ trunk_group_sid: string }>('trunkline.createTrunkGroup', groups);
      input.assertDone();
      cleanups.push(() => sandboxCarrierX('DELETE', `/trunk_groups/${group.trunk_group_sid}`));
      const remoteGroup = (await sandboxCarrierX('GET', `/trunk_groups/${group.trunk_group_sid}`)).body;
      assert.equal(remoteGroup.name, name);
      assert.equal(remoteGroup.routing_type, 'failover');
      assert.deepEqual(await childLabels(await child(groups, name)), ['No trunks', 'Phone Numbers']);

      input = await scriptPrompts([{ input: 'east' }, { pick: 'sip_only' }]);
      await runCommand('trunkline.createCarrierXTrunk', await child(groups, name));
      input.assertDone();
      const trunks = (await sandboxCarrierX('GET', `/trunk_groups/${group.trunk_group_sid}/trunks`)).body.items as Record<string, unknown>[];
      assert.deepEqual(trunks.map((t) => [t.name, t.call_type]), [['east', 'sip_only']]);
      const groupRow = await child(groups, name);
      assert.match((await itemOf(groupRow)).description ?? '', /failover · 1 trunk$/);
      const trunkRow = await child(groupRow, 'east');
      assert.match((await itemOf(trunkRow)).description ?? '', /^sip_only · /);

      input = await scriptPrompts([{ confirm: true, message: /^Delete the CarrierX trunk "east"\?$/ }]);
      await runCommand('trunkline.delete', trunkRow);
      input.assertDone();
      assert.deepEqual((await sandboxCarrierX('GET', `/trunk_groups/${group.trunk_group_sid}/trunks`)).body.items, []);

      input = await scriptPrompts([{ confirm: true, message: new RegExp(`^Delete the trunk group "${name}"\\?$`), detail: /^The group has no trunks\./ }]);
      await runCommand('trunkline.delete', await child(groups, name));
      input.assertDone();
      assert.equal((await sandboxCarrierX('GET', `/trunk_groups/${group.trunk_group_sid}`)).status, 404);
      assert.ok(!(await childLabels(groups)).includes(name));
    });
  });

  describe('the scripted prompts', () => {
    it('fail the command on a prompt the script did not expect, and the test on an answer never asked for', async () => {
      const trunk = await sandboxTrunk('Strict');
      await scriptPrompts([]);
      const shown = await runCommandExpectingError('trunkline.rename', await trunkRow(trunk.friendly_name));
      assert.match(shown, /^Unexpected input prompt: "Rename: /);
      assert.equal((await fetchTrunk(trunk.sid)).friendly_name, trunk.friendly_name, 'nothing was sent');
      await assert.rejects(runCommand('trunkline.rename', await trunkRow(trunk.friendly_name)), /Unexpected input prompt/);

      const input = await scriptPrompts([{ input: `Strict renamed ${suffix}` }, { confirm: true }]);
      await runCommand('trunkline.rename', await trunkRow(trunk.friendly_name));
      assert.throws(() => input.assertDone(), /1 scripted answer\(s\) were never asked for/);
    });
  });
});
