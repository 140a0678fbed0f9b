import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import type { Trunk } from '../../../../src/core/providers/twilio/models';
import { attachNumbers } from '../../../../src/ui/commands/attach-numbers';
import { copySid } from '../../../../src/ui/commands/copy-sid';
import { createByocTrunk } from '../../../../src/ui/commands/create-byoc-trunk';
import { createCarrierXTrunk } from '../../../../src/ui/commands/create-carrierx-trunk';
import { createOriginationUrl } from '../../../../src/ui/commands/create-origination-url';
import { createTrunk } from '../../../../src/ui/commands/create-trunk';
import { createTrunkGroup } from '../../../../src/ui/commands/create-trunk-group';
import { deleteResource } from '../../../../src/ui/commands/delete-resource';
import { detachNumbers } from '../../../../src/ui/commands/detach-numbers';
import { editField } from '../../../../src/ui/commands/edit-field';
import { openInConsole } from '../../../../src/ui/commands/open-in-console';
import { renameResource } from '../../../../src/ui/commands/rename-resource';
import { setRecording } from '../../../../src/ui/commands/set-recording';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, byocTrunks: 1, trunkGroups: 1 } });
});
after(() => emulator.close());
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
});

async function twilio() {
  return h.connections.twilio(h.accounts.list()[0]!);
}

async function nodeOf(path: string[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of path) {
    const children = await h.explorer.childrenOf(node);
    node = children.find((c) => c.treeItem().label === label);
    assert.ok(node, `no ${label} in ${children.map((c) => c.treeItem().label).join(', ')}`);
  }
  return node!;
}

describe('trunk commands', () => {
  test('create a trunk from the palette: the domain is checked as it is typed', async () => {
    const input = h.answers([
      { input: 'Acme Main' },
      { input: 'acme.example.com', rejectedWith: /end in \.pstn\.twilio\.com/ },
      { input: '-acme.pstn.twilio.com', rejectedWith: /one label/ },
      { input: 'acme-main.pstn.twilio.com' },
      { pick: 'Secure' },
      { pick: 'sip-only' },
    ]);
    const trunk = (await createTrunk.run(h.context())) as Trunk;
    input.assertDone();
    const remote = await (await twilio()).trunks.fetch(trunk.sid);
    assert.equal(remote.domain_name, 'acme-main.pstn.twilio.com');
    assert.equal(remote.secure, true);
    assert.equal(remote.transfer_mode, 'sip-only');
    assert.match(h.workbench.lastMessage() ?? '', /Created trunk "Acme Main" \(TK/);
    assert.deepEqual(h.workbench.progressTitles, ['Creating trunk "Acme Main"…']);
  });

  test('the wizard counts only the steps it asks: one account means no account step', async () => {
    const input = h.answers([{ input: 'Acme Main' }, { input: 'acme-count.pstn.twilio.com' }, { pick: 'Secure' }, { pick: 'sip-only' }]);
    await createTrunk.run(h.context());
    assert.deepEqual(input.asked.map((a) => a.step), ['1/4', '2/4', '3/4', '4/4'], 'not "2/5" for the first question');
    assert.deepEqual(input.asked.map((a) => a.canGoBack ?? false), [false, true, true, true], 'Back from the second step on');
  });

  test('a domain a trunk of the account already has is refused before anything is sent', async () => {
    const existing = (await (await twilio()).trunks.page()).items[0]!;
    const before = emulator.store.twilio.trunks.all.size;
    const posts = emulator.stats.count('POST', '/v1/Trunks');
    h.answers([
      { input: 'dup' },
      { input: existing.domain_name!, rejectedWith: new RegExp(`"${existing.friendly_name}" \\(${existing.sid}\\) of this account already has`) },
      { cancel: 'input' },
    ]);
    await assert.rejects(createTrunk.run(h.context()), { name: 'UserCancelledError' }); // the user gives up
    assert.equal(emulator.stats.count('POST', '/v1/Trunks'), posts, 'no create was sent');
    assert.equal(emulator.store.twilio.trunks.all.size, before);
  });

  test('a domain another trunk file of the workspace claims is refused, naming the file', async () => {
    h.answers([{ input: 'Claimed' }, { input: 'claimed.pstn.twilio.com', rejectedWith: /claimed by trunks\/main\.trunk\.yaml in this workspace/ }, { cancel: 'input' }]);
    const ctx = { ...h.context(), domainClaimedInWorkspace: (d: string) => (d === 'claimed.pstn.twilio.com' ? ['trunks/main.trunk.yaml'] : []) };
    await assert.rejects(createTrunk.run(ctx), { name: 'UserCancelledError' });
  });

  test('Twilio 21248 (the domain was taken meanwhile) re-opens the wizard at the domain, keeping every answer', async () => {
    const before = emulator.store.twilio.trunks.all.size;
    const takeDomain = async () => void (await (await twilio()).trunks.create({ friendly_name: 'Colleague', domain_name: 'race.pstn.twilio.com' }));
    const input = h.answers([
      { input: 'Race' },
      { input: 'race.pstn.twilio.com', then: takeDomain }, // free when checked; a colleague takes it before Create
      { pick: 'Secure' },
      { pick: 'sip-only' },
      { input: 'race-2.pstn.twilio.com' }, // the wizard again, at the domain
      { pick: 'Secure' },
      { pick: 'sip-only' },
    ]);
    const trunk = (await createTrunk.run(h.context())) as Trunk;
    input.assertDone();
    const again = input.asked[4]!;
    assert.equal(again.value, 'race.pstn.twilio.com', 'the typed domain is kept');
    assert.match(again.problem ?? '', /21248.*already taken|already taken.*21248/i, "the provider's message is shown at the step");
    assert.equal(again.step, '2/4');
    assert.equal(again.canGoBack, true);
    assert.equal(input.asked[5]!.offered!.find((o) => o.picked)?.label, 'Secure', 'the earlier choice is kept');
    assert.equal(input.asked[6]!.offered!.find((o) => o.picked)?.label, 'sip-only');
    assert.equal(trunk.domain_name, 'race-2.pstn.twilio.com');
    assert.equal(trunk.friendly_name, 'Race');
    assert.equal(emulator.store.twilio.trunks.all.size, before + 2, "the colleague's trunk and ours, no more");
  });

  test('Back returns to the previous step with its answer kept', async () => {
    const input = h.answers([{ input: 'First name' }, { back: 'input' }, { input: 'Second name' }, { input: 'second-name.pstn.twilio.com' }, { pick: 'Not secure' }, { back: 'pick' }, { pick: 'Secure' }, { pick: 'disable-all' }]);
    const trunk = (await createTrunk.run(h.context())) as Trunk;
    input.assertDone();
    assert.equal(input.asked[2]!.value, 'First name', 'back at the name, as typed');
    assert.equal(input.asked[3]!.value, 'second-name.pstn.twilio.com', 'the domain suggestion follows the new name');
    assert.equal(input.asked[6]!.offered!.find((o) => o.picked)?.label, 'Not secure');
    assert.equal(trunk.friendly_name, 'Second name');
    assert.equal(trunk.secure, true);
  });

  test('after a create the new trunk is revealed and selected; the message offers Copy SID and Export to Trunk File', async () => {
    h.answers([{ input: 'Shown' }, { input: 'shown.pstn.twilio.com' }, { pick: 'Secure' }, { pick: 'sip-only' }]);
    h.workbench.clickNext = 'Export to Trunk File';
    const trunk = (await createTrunk.run(h.context())) as Trunk;
    const account = h.accounts.list()[0]!;
    assert.deepEqual(h.revealed.map((n) => n.id), [`account/${account.id}/trunks/${trunk.sid}`]);
    assert.deepEqual(h.workbench.messages.at(-1)!.actions, ['Copy SID', 'Export to Trunk File']);
    await new Promise((r) => setImmediate(r));
    assert.equal(h.workbench.commands[0]?.id, 'trunkline.export');
    assert.equal(h.workbench.commands[0]?.args[0], h.revealed[0], 'the export gets the new node');
  });

  test('an ambiguous create (answer lost after commit) does not create a duplicate', async () => {
    emulator.faults.add({ kind: 'reset-after-commit', method: 'POST', path: '/v1/Trunks', times: 1 });
    const before = emulator.store.twilio.trunks.all.size;
    h.answers([{ input: 'Lost' }, { input: 'lost-answer.pstn.twilio.com' }, { pick: 'Not secure' }, { pick: 'disable-all' }]);
    const trunk = (await createTrunk.run(h.context())) as Trunk;
    assert.equal(trunk.domain_name, 'lost-answer.pstn.twilio.com');
    assert.equal(emulator.store.twilio.trunks.all.size, before + 1);
  });

  test('edit a field from a tree node: an enum is picked with the current value marked', async () => {
    const folder = await nodeOf(['sandbox', 'Elastic SIP Trunks']);
    const [trunkNode] = await h.explorer.childrenOf(folder);
    const current = (trunkNode as unknown as { trunk: Trunk }).trunk;
    const input = h.answers([{ pick: 'transfer_caller_id' }, { pick: current.transfer_caller_id === 'from-transferor' ? 'from-transferee' : 'from-transferor' }]);
    await editField.run(h.context(), trunkNode);
    const offered = input.asked[1]!.offered!;
    assert.equal(offered.find((o) => o.label === current.transfer_caller_id)?.description, 'current');
    const fields = input.asked[0]!.offered!.map((o) => o.label);
    assert.ok(fields.includes('domain_name') && fields.includes('secure') && !fields.includes('recording'), 'scalar writable fields only');
    const remote = await (await twilio()).trunks.fetch(current.sid);
    assert.notEqual(remote.transfer_caller_id, current.transfer_caller_id);
    assert.ok(h.changed.some((n) => n?.id === folder.id), 'the trunk folder re-renders');
  });

  test('edit a text field validates it against the schema; empty clears a nullable field', async () => {
    const trunk = (await (await twilio()).trunks.page()).items[0]!;
    h.answers([{ pick: 'Elastic SIP trunk' }, { pick: trunk.friendly_name! }, { pick: 'disaster_recovery_url' }, { input: 'ftp://x', rejectedWith: /http/ }, { input: '' }]);
    await editField.run(h.context());
    assert.equal((await (await twilio()).trunks.fetch(trunk.sid)).disaster_recovery_url, null);
  });

  test('rename, set recording, copy SID', async () => {
    const folder = await nodeOf(['sandbox', 'Elastic SIP Trunks']);
    const [trunkNode] = await h.explorer.childrenOf(folder);
    const sid = (trunkNode as unknown as { trunk: Trunk }).trunk.sid;
    h.answers([{ input: 'x'.repeat(65), rejectedWith: /At most 64/ }, { input: 'Renamed' }]);
    await renameResource.run(h.context(), trunkNode);
    assert.equal((await (await twilio()).trunks.fetch(sid)).friendly_name, 'Renamed');

    h.answers([{ pick: 'record-from-answer-dual' }, { pick: 'trim-silence' }]);
    await setRecording.run(h.context(), trunkNode);
    assert.deepEqual((await (await twilio()).recording.fetch(sid)), { mode: 'record-from-answer-dual', trim: 'trim-silence' });

    h.answers([]);
    await copySid.run(h.context(), trunkNode);
    assert.equal(h.workbench.clipboard, sid);
  });

  test('delete names the trunk and the numbers it frees; cancelling deletes nothing', async () => {
    const client = await twilio();
    const trunks = await collect(client.trunks.list());
    const numbers = await collect(client.incomingPhoneNumbers.list());
    const trunk = trunks.find((t) => numbers.some((n) => n.trunk_sid === t.sid))!;
    const count = numbers.filter((n) => n.trunk_sid === trunk.sid).length;
    const detail = new RegExp(`frees ${count} phone number`);
    h.answers([{ pick: 'Elastic SIP trunk' }, { pick: trunk.friendly_name! }, { confirm: false, message: new RegExp(`Delete the Elastic SIP trunk "${trunk.friendly_name}"`), detail }]);
    assert.equal(await deleteResource.run(h.context()), false);
    assert.ok(await client.trunks.fetch(trunk.sid));
    h.answers([{ pick: 'Elastic SIP trunk' }, { pick: trunk.friendly_name! }, { confirm: true, detail }]);
    assert.equal(await deleteResource.run(h.context()), true);
    await assert.rejects(client.trunks.fetch(trunk.sid), /was not found/);
    const freed = await collect(client.incomingPhoneNumbers.list());
    assert.equal(freed.filter((n) => n.trunk_sid === trunk.sid).length, 0);
  });
});

describe('trunk delete and a colleague', () => {
  test('a number a colleague attaches while the Delete confirmation is open is not freed unnamed: asked again, declining keeps the trunk', async () => {
    const client = await twilio();
    const numbers = await collect(client.incomingPhoneNumbers.list());
    const free = numbers.find((n) => !n.trunk_sid)!;
    const trunk = (await collect(client.trunks.list()))[0]!;
    const attach = () => client.trunkPhoneNumbers.attach(trunk.sid, free.sid).then(() => undefined);
    const input = h.answers([
      { pick: 'Elastic SIP trunk' },
      { pick: trunk.friendly_name! },
      { confirm: true, meanwhile: attach },
      { confirm: false, message: /since you confirmed/, detail: new RegExp(`attached to it after you confirmed, and would be freed too: ${free.phone_number.replace('+', '\\+')}`) },
    ]);
    assert.equal(await deleteResource.run(h.context()), false);
    input.assertDone();
    assert.equal((await client.trunks.fetch(trunk.sid)).sid, trunk.sid, 'the trunk is still there');
    assert.equal((await client.incomingPhoneNumbers.fetch(free.sid)).trunk_sid, trunk.sid, 'the number the colleague attached is still on it');
    assert.match(h.workbench.lastMessage() ?? '', /Nothing was deleted/);

    h.answers([{ pick: 'Elastic SIP trunk' }, { pick: trunk.friendly_name! }, { confirm: true }]);
    assert.equal(await deleteResource.run(h.context()), true, 'named in the confirmation now: deleted without a second question');
    await assert.rejects(client.trunks.fetch(trunk.sid), /was not found/);
  });
});

describe('trunk group delete and its numbers', () => {
  test('the confirmation names the numbers left assigned to no group; one a colleague assigns meanwhile is asked about again', async () => {
    const cx = await h.connections.carrierx(h.accounts.list()[0]!);
    const group = await cx.trunkGroups.create({ name: 'Doomed', routing_type: 'round_robin' });
    const [mine, theirs] = (await collect(cx.dids.list())).filter((d) => d.trunk_group_sid !== group.trunk_group_sid);
    await cx.dids.assign(mine!.did_sid, group.trunk_group_sid);
    const plus = (digits: string) => `\\+${digits}`;
    const input = h.answers([
      { confirm: true, detail: new RegExp(`1 phone number\\(s\\) are left assigned to no trunk group: ${plus(mine!.phonenumber)}`), meanwhile: () => cx.dids.assign(theirs!.did_sid, group.trunk_group_sid).then(() => undefined) },
      { confirm: false, message: /since you confirmed/, detail: new RegExp(`assigned to it after you confirmed.*${plus(theirs!.phonenumber)}`) },
    ]);
    assert.equal(await deleteResource.run(h.context(), await nodeOf(['sandbox', 'Trunk Groups', 'Doomed'])), false);
    input.assertDone();
    assert.equal((await cx.trunkGroups.fetch(group.trunk_group_sid)).trunk_group_sid, group.trunk_group_sid, 'the group is still there');
    assert.equal((await cx.dids.fetch(theirs!.did_sid)).trunk_group_sid, group.trunk_group_sid, "the colleague's number still reaches it");
  });
});

describe('numbers and origination URLs', () => {
  test('attach marks numbers on other trunks and moves them after confirmation; detach asks first', async () => {
    const client = await twilio();
    const target = await client.trunks.create({ friendly_name: 'Target', domain_name: 'target.pstn.twilio.com' });
    const numbers = await collect(client.incomingPhoneNumbers.list());
    const free = numbers.find((n) => !n.trunk_sid)!;
    const taken = numbers.find((n) => n.trunk_sid)!;
    const input = h.answers([{ pick: 'Target' }, { pickMany: [free.phone_number, taken.phone_number] }, { confirm: true, message: /Move 1 number/ }]);
    const result = (await attachNumbers.run(h.context())) as { attached: string[]; failed: unknown[] };
    assert.deepEqual(result.attached.sort(), [free.phone_number, taken.phone_number].sort());
    const offered = input.asked[1]!.offered!;
    assert.match(offered.find((o) => o.label === taken.phone_number)!.description!, /^on trunk "/);
    const onTarget = await collect(client.trunkPhoneNumbers.list(target.sid));
    assert.deepEqual(onTarget.map((n) => n.phone_number).sort(), [free.phone_number, taken.phone_number].sort());

    h.answers([{ pick: 'Target' }, { pickMany: [free.phone_number] }, { confirm: true, detail: /will no longer reach this trunk/ }]);
    await detachNumbers.run(h.context());
    assert.deepEqual((await collect(client.trunkPhoneNumbers.list(target.sid))).map((n) => n.phone_number), [taken.phone_number]);
  });

  test('attach and detach update the number counts of the trunk rows they touch, without a manual refresh', async () => {
    const client = await twilio();
    await client.trunks.create({ friendly_name: 'Target', domain_name: 'target.pstn.twilio.com' });
    const numbers = await collect(client.incomingPhoneNumbers.list());
    const taken = numbers.find((n) => n.trunk_sid)!;
    const sourceCount = numbers.filter((n) => n.trunk_sid === taken.trunk_sid).length;
    const sourceName = (await client.trunks.fetch(taken.trunk_sid!)).friendly_name!;
    const target = await nodeOf(['sandbox', 'Elastic SIP Trunks', 'Target']);
    const source = await nodeOf(['sandbox', 'Elastic SIP Trunks', sourceName]);
    const countOf = (node: ExplorerNode) => node.treeItem().description?.split(' · ')[1];
    const settled = async (node: ExplorerNode, expected: string | undefined) => {
      // The rows render again as VS Code would after the change event, until the recount lands.
      for (let i = 0; i < 100 && countOf(node) !== expected; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return countOf(node);
    };
    const counted = (n: number) => (n === 0 ? undefined : n === 1 ? '1 number' : `${n} numbers`);
    assert.equal(countOf(target), undefined);
    assert.equal(countOf(source), counted(sourceCount));

    h.answers([{ pickMany: [taken.phone_number] }, { confirm: true, message: /Move 1 number/ }]);
    await attachNumbers.run(h.context(), target);
    assert.equal(await settled(target, '1 number'), '1 number', 'the trunk the number went to');
    assert.equal(await settled(source, counted(sourceCount - 1)), counted(sourceCount - 1), 'the trunk the number left');

    h.answers([{ pickMany: [taken.phone_number] }, { confirm: true }]);
    await detachNumbers.run(h.context(), target);
    assert.equal(await settled(target, undefined), undefined, 'no numbers left on it');
  });

  test('add, edit and delete an origination URL from its tree nodes', async () => {
    const client = await twilio();
    await client.trunks.create({ friendly_name: 'Origin', domain_name: 'origin.pstn.twilio.com' });
    const trunkNode = await nodeOf(['sandbox', 'Elastic SIP Trunks', 'Origin']);
    h.answers([
      { input: 'sips:pbx.example.com', rejectedWith: /sip:/ },
      { input: 'sip:pbx.example.com:5060' },
      { input: 'pbx' },
      { input: '70000', rejectedWith: /Between 0 and 65535/ },
      { input: '5' },
      { input: '0', rejectedWith: /Between 1 and 65535/ },
      { input: '50' },
    ]);
    await createOriginationUrl.run(h.context(), trunkNode);
    const [ouFolder] = (await h.explorer.childrenOf(trunkNode)).slice(1);
    const [ouNode] = await h.explorer.childrenOf(ouFolder);
    assert.match(ouNode!.treeItem().description ?? '', /sip:pbx\.example\.com:5060 · priority 5, weight 50/);
    h.answers([{ pick: 'enabled' }, { pick: 'false' }]);
    await editField.run(h.context(), ouNode);
    h.answers([{ confirm: true, message: /Delete the origination URL "pbx"/ }]);
    await deleteResource.run(h.context(), ouNode);
    const trunkSid = (trunkNode as unknown as { trunk: Trunk }).trunk.sid;
    assert.deepEqual(await collect(client.originationUrls.list(trunkSid)), []);
  });
  test('Add Origination URL refuses a URL the trunk already has, and a refused create re-opens at the URL with every answer kept', async () => {
    const client = await twilio();
    const trunk = await client.trunks.create({ friendly_name: 'Wizard origin', domain_name: 'wizard-origin.pstn.twilio.com' });
    await client.originationUrls.create(trunk.sid, { sip_url: 'sip:a.example.com', friendly_name: 'a', priority: 10, weight: 10, enabled: true });
    const trunkNode = await nodeOf(['sandbox', 'Elastic SIP Trunks', 'Wizard origin']);
    const tooLong = `sip:${'x'.repeat(260)}.example.com`;
    const posts = emulator.stats.count('POST', '/v1/Trunks/{TrunkSid}/OriginationUrls');
    const input = h.answers([
      { input: 'sip:A.example.com', rejectedWith: /already sends calls to sip:a\.example\.com/ },
      { input: tooLong }, // passes the local check; Twilio refuses it
      { input: 'Long one' },
      { input: '5' },
      { back: 'input' }, // Back from the weight: the priority as typed
      { input: '6' },
      { input: '20' },
      { input: 'sip:b.example.com' }, // the wizard again, at the URL
      { input: 'Long one' },
      { input: '6' },
      { input: '20' },
    ]);
    const url = (await createOriginationUrl.run(h.context(), trunkNode)) as { sip_url: string; friendly_name: string; priority: number; weight: number };
    input.assertDone();
    const [first, , , , , priorityAgain, , again, nameAgain] = input.asked;
    assert.equal(first!.step, '1/4', 'account and trunk came from the node: four steps, counted honestly');
    assert.equal(priorityAgain!.value, '5', 'Back keeps the typed priority');
    assert.equal(again!.value, tooLong, 'the refused URL is kept to correct');
    assert.match(again!.problem ?? '', /must be a SIP URI/, "the provider's message is shown at the URL step");
    assert.equal(nameAgain!.value, 'Long one', 'the other answers are kept');
    assert.deepEqual([url.sip_url, url.friendly_name, url.priority, url.weight], ['sip:b.example.com', 'Long one', 6, 20]);
    assert.equal(emulator.stats.count('POST', '/v1/Trunks/{TrunkSid}/OriginationUrls') - posts, 2, 'the refused create and ours; the duplicate was never sent');
  });
});

describe('BYOC and CarrierX commands', () => {
  test('Rename and Edit Field refuse a trunk group name another group has, as Create does', async () => {
    const cx = await h.connections.carrierx(h.accounts.list()[0]!);
    await cx.trunkGroups.create({ name: 'Taken', routing_type: 'round_robin' });
    await cx.trunkGroups.create({ name: 'Mine', routing_type: 'round_robin' });
    let input = h.answers([{ input: 'Taken', rejectedWith: /already has a trunk group named "Taken"/ }, { input: 'Mine 2' }]);
    await renameResource.run(h.context(), await nodeOf(['sandbox', 'Trunk Groups', 'Mine']));
    input.assertDone();
    input = h.answers([{ pick: 'name' }, { input: 'Taken', rejectedWith: /already has a trunk group named "Taken"/ }, { cancel: 'input' }]);
    await assert.rejects(editField.run(h.context(), await nodeOf(['sandbox', 'Trunk Groups', 'Mine 2'])), /Cancelled/);
    assert.deepEqual((await collect(cx.trunkGroups.list())).filter((g) => g.name === 'Taken').length, 1);
  });

  test('create a BYOC trunk with a voice URL and method', async () => {
    h.answers([{ input: 'Carrier B' }, { input: 'not a url', rejectedWith: /absolute/ }, { input: 'https://example.com/voice' }, { pick: 'GET' }]);
    const created = (await createByocTrunk.run(h.context())) as { sid: string };
    const remote = await (await twilio()).byocTrunks.fetch(created.sid);
    assert.equal(remote.voice_url, 'https://example.com/voice');
    assert.equal(remote.voice_method, 'GET');
  });

  test('a BYOC trunk without a voice URL asks no method; the new trunk is revealed', async () => {
    const input = h.answers([{ input: 'Carrier C' }, { input: '' }]);
    const created = (await createByocTrunk.run(h.context())) as { sid: string };
    assert.deepEqual(input.asked.map((a) => a.step), ['1/3', '2/3'], 'one account: no account step counted');
    assert.equal(h.revealed.at(-1)?.id, `account/${h.accounts.list()[0]!.id}/byoc-trunks/${created.sid}`);
  });

  test('a trunk group name the account already has is refused before sending; the wizard keeps going', async () => {
    const existing = emulator.store.carrierx.groups.values()[0]!;
    const posts = emulator.stats.count('POST', '/core/v2/trunk_groups');
    const input = h.answers([{ input: existing.name, rejectedWith: /already has a trunk group named/ }, { input: 'Unique group' }, { back: 'pick' }, { input: 'Unique group 2' }, { pick: 'failover' }]);
    const group = (await createTrunkGroup.run(h.context())) as { name: string; trunk_group_sid: string };
    input.assertDone();
    assert.equal(input.asked[2]!.step, '2/2');
    assert.equal(input.asked[3]!.value, 'Unique group', 'Back keeps the name typed');
    assert.equal(group.name, 'Unique group 2');
    assert.equal(emulator.stats.count('POST', '/core/v2/trunk_groups'), posts + 1, 'one create, for the accepted name');
  });

  test('create a trunk group and a trunk in it, edit a capacity, delete the group with its trunks', async () => {
    h.answers([{ input: 'Edge' }, { pick: 'round_robin' }]);
    const group = (await createTrunkGroup.run(h.context())) as { trunk_group_sid: string };
    const groupNode = await nodeOf(['sandbox', 'Trunk Groups', 'Edge']);
    h.answers([{ input: 'east' }, { pick: 'sip_only' }]);
    await createCarrierXTrunk.run(h.context(), groupNode);
    const refreshedGroup = await nodeOf(['sandbox', 'Trunk Groups', 'Edge']);
    const [trunkNode] = await h.explorer.childrenOf(refreshedGroup);
    assert.equal(trunkNode!.treeItem().label, 'east');
    h.answers([{ pick: 'in_capacity' }, { input: '-2', rejectedWith: /at least -1/ }, { input: '-1' }]);
    await editField.run(h.context(), trunkNode);
    const cx = await h.connections.carrierx(h.accounts.list()[0]!);
    const [trunk] = await collect(cx.trunks.list(group.trunk_group_sid));
    assert.equal(trunk!.in_capacity, -1);
    assert.equal(trunk!.call_type, 'sip_only');
    h.answers([{ confirm: true, detail: /Its 1 trunk\(s\) are deleted with it/ }]);
    await deleteResource.run(h.context(), await nodeOf(['sandbox', 'Trunk Groups', 'Edge']));
    await assert.rejects(cx.trunkGroups.fetch(group.trunk_group_sid), /Cannot find item by SID/);
  });

  test('open in console: Twilio deep link; the sandbox has none', async () => {
    const trunkNode = (await h.explorer.childrenOf(await nodeOf(['sandbox', 'Elastic SIP Trunks'])))[0]!;
    h.answers([]);
    await assert.rejects(openInConsole.run(h.context(), trunkNode), /no web console/);
    assert.deepEqual(h.workbench.opened, []);

    const c = emulator.credentials;
    await h.accounts.add({ name: 'acme', provider: 'twilio', accountSid: c.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: c.authToken });
    const acmeTrunk = (await h.explorer.childrenOf(await nodeOf(['acme', 'Elastic SIP Trunks'])))[0]!;
    assert.match(acmeTrunk.treeItem().contextValue, /\.console\b/, 'the menu offers it');
    await openInConsole.run(h.context(), acmeTrunk);
    const sid = (acmeTrunk as unknown as { trunk: Trunk }).trunk.sid;
    assert.deepEqual(h.workbench.opened, [`https://console.twilio.com/us1/develop/sip-trunking/trunks/${sid}`]);
  });
});
