import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import type { ByocTrunk, ConnectionPolicy, ConnectionPolicyTarget } from '../../../../src/core/providers/twilio/models';
import { addConnectionPolicyTarget } from '../../../../src/ui/commands/add-connection-policy-target';
import { createConnectionPolicy } from '../../../../src/ui/commands/create-connection-policy';
import { deleteResource } from '../../../../src/ui/commands/delete-resource';
import { disableConnectionPolicyTarget } from '../../../../src/ui/commands/disable-connection-policy-target';
import { editConnectionPolicyTarget } from '../../../../src/ui/commands/edit-connection-policy-target';
import { enableConnectionPolicyTarget } from '../../../../src/ui/commands/enable-connection-policy-target';
import { renameResource } from '../../../../src/ui/commands/rename-resource';
import { setConnectionPolicy } from '../../../../src/ui/commands/set-connection-policy';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 1, numbers: 1, byocTrunks: 0, trunkGroups: 0 } });
});
after(async () => {
  await h?.close();
  await emulator.close();
});
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
});

async function twilio() {
  return h.connections.twilio(h.accounts.list()[0]!);
}

const labels = (nodes: ExplorerNode[]) => nodes.map((n) => n.treeItem().label);

const nodeOf = (path: (string | RegExp)[]): Promise<ExplorerNode> => h.nodeAt(path);

/** A policy with targets and BYOC trunks made straight at the API, as a colleague or the console would. */
async function givenPolicy(name: string, targets: { target: string; friendly_name?: string; priority?: number; weight?: number; enabled?: boolean }[] = []) {
  const client = await twilio();
  const policy = await client.connectionPolicies.create({ friendly_name: name });
  const made: ConnectionPolicyTarget[] = [];
  for (const target of targets) made.push(await client.connectionPolicyTargets.create(policy.sid, target));
  return { policy, targets: made };
}

async function givenByocTrunk(name: string, policy?: ConnectionPolicy): Promise<ByocTrunk> {
  return (await twilio()).byocTrunks.create({ friendly_name: name, connection_policy_sid: policy?.sid });
}

describe('connection policy commands', () => {
  test('create a policy from the palette (a second of the same name is refused), then add a target whose every answer is checked as it is typed', async () => {
    let input = h.answers([{ input: 'Carrier A' }]);
    const policy = (await createConnectionPolicy.run(h.context())) as ConnectionPolicy;
    input.assertDone();
    assert.equal(policy.friendly_name, 'Carrier A');
    assert.match(h.workbench.lastMessage() ?? '', /Add targets to it, then set it on a BYOC trunk/);
    input = h.answers([{ input: 'Carrier A', rejectedWith: /already has a connection policy named "Carrier A"/ }, { cancel: 'input' }]);
    await assert.rejects(createConnectionPolicy.run(h.context()), /Cancelled/);
    assert.equal((await collect((await twilio()).connectionPolicies.list())).filter((p) => p.friendly_name === 'Carrier A').length, 1, 'no duplicate policy');

    input = h.answers([
      { pick: 'Carrier A' },
      { input: 'sips:sbc.carrier-a.example.net', rejectedWith: /does not support sips:/ },
      { input: 'sbc.carrier-a.example.net', rejectedWith: /starting with sip:/ },
      { input: 'sip:sbc.carrier-a.example.net:5060' },
      { input: 'primary' },
      { input: '70000', rejectedWith: /from 0 to 65535/ },
      { input: '20' },
      { input: '0', rejectedWith: /from 1 to 65535/ },
      { input: '5' },
      { pick: 'Disabled' },
    ]);
    await addConnectionPolicyTarget.run(h.context());
    input.assertDone();
    assert.deepEqual(
      input.asked.flatMap((a) => a.step ?? []),
      ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6'],
      'the account is not asked (one account), so six steps are counted',
    );
    const [target] = await collect((await twilio()).connectionPolicyTargets.list(policy.sid));
    assert.deepEqual(
      [target?.target, target?.friendly_name, target?.priority, target?.weight, target?.enabled],
      ['sip:sbc.carrier-a.example.net:5060', 'primary', 20, 5, false],
    );

    // The target is shown at once, below its policy, with its address, priority, weight and state.
    const row = await nodeOf(['sandbox', 'Connection Policies', 'Carrier A', 'primary']);
    assert.equal(row.treeItem().description, 'sip:sbc.carrier-a.example.net:5060 · priority 20, weight 5 · disabled');
    assert.match(row.treeItem().contextValue, /\.disabled$/);
    assert.match(String(row.treeItem().tooltip), /Connection policy · `connection_policy_sid`: Carrier A/);
    assert.ok(h.revealed.some((n) => n.id === row.id), 'the new target is revealed in the view');

    // One address, one target.
    input = h.answers([{ pick: 'Carrier A' }, { input: 'sip:sbc.carrier-a.example.net:5060', rejectedWith: /already has the target/ }, { cancel: 'input' }]);
    await assert.rejects(addConnectionPolicyTarget.run(h.context()), /Cancelled/);
  });

  test('Add Target from a policy node: Back returns to the answer before with it kept; Twilio\'s defaults are offered', async () => {
    await givenPolicy('Carrier B');
    const node = await nodeOf(['sandbox', 'Connection Policies', 'Carrier B']);
    const input = h.answers([
      { input: 'sip:edge1.carrier-b.example.net' },
      { input: 'edge 1' },
      { back: 'input' },
      { input: 'edge one' },
      { input: '10' },
      { input: '10' },
      { pick: 'Enabled' },
    ]);
    await addConnectionPolicyTarget.run(h.context(), node);
    input.assertDone();
    assert.equal(input.asked[0]?.step, '1/5', 'neither account nor policy is asked');
    assert.equal(input.asked[3]?.value, 'edge 1', 'Back opens the name step with what was typed');
    assert.equal(input.asked[4]?.value, '10', 'priority starts at Twilio\'s default');
    assert.deepEqual(labels(await h.explorer.childrenOf(await nodeOf(['sandbox', 'Connection Policies', 'Carrier B']))), ['edge one']);
  });

  test('Add Target to a policy deleted meanwhile: Twilio\'s 404 is the error, not a reason to ask the address again', async () => {
    const { policy } = await givenPolicy('Carrier Z');
    const node = await nodeOf(['sandbox', 'Connection Policies', 'Carrier Z']);
    const input = h.answers([
      { input: 'sip:edge.carrier-z.example.net', then: async () => (await twilio()).connectionPolicies.delete(policy.sid) },
      { input: '' },
      { input: '10' },
      { input: '10' },
      { pick: 'Enabled' },
    ]);
    await assert.rejects(addConnectionPolicyTarget.run(h.context(), node), /20404|not found/i);
    input.assertDone();
  });

  test('Set Connection Policy… on a BYOC trunk: the pick offers the policies and None; the trunk then shows the policy and its targets in failover order', async () => {
    const { policy } = await givenPolicy('Carrier C', [
      { target: 'sip:dr.carrier-c.example.net', friendly_name: 'dr', priority: 20 },
      { target: 'sip:a.carrier-c.example.net', friendly_name: 'a', priority: 10, weight: 10 },
      { target: 'sip:b.carrier-c.example.net', friendly_name: 'b', priority: 10, weight: 30 },
    ]);
    await givenPolicy('Carrier D');
    const trunk = await givenByocTrunk('Voice edge');
    const trunkNode = await nodeOf(['sandbox', 'BYOC Trunks', 'Voice edge']);
    assert.deepEqual(labels(await h.explorer.childrenOf(trunkNode)), ['No connection policy']);

    let input = h.answers([{ pick: 'Carrier C' }]);
    await setConnectionPolicy.run(h.context(), trunkNode);
    input.assertDone();
    assert.deepEqual(input.asked[0]?.offered?.map((o) => o.label), ['Carrier C', 'Carrier D', 'None']);
    assert.equal(input.asked[0]?.offered?.find((o) => o.label === 'None')?.picked, true, 'None is the current choice');
    assert.equal((await (await twilio()).byocTrunks.fetch(trunk.sid)).connection_policy_sid, policy.sid);
    assert.deepEqual(h.resourcesChanged.at(-1), { account: 'sandbox', kind: 'TwilioByocTrunk', sid: trunk.sid });

    // The BYOC Trunks folder was refreshed: the trunk now shows the policy, its targets lowest priority first, the larger weight first.
    const policyNode = await nodeOf(['sandbox', 'BYOC Trunks', 'Voice edge', 'Carrier C']);
    assert.equal(policyNode.treeItem().description, 'connection policy');
    assert.match(policyNode.treeItem().contextValue, /\.routing$/);
    assert.deepEqual(labels(await h.explorer.childrenOf(policyNode)), ['b', 'a', 'dr']);

    // From the policy shown below the trunk: the current one is marked; None is confirmed, since calls then go nowhere.
    input = h.answers([{ pick: 'None' }, { confirm: false, message: /Clear the connection policy of "Voice edge"/, detail: /nowhere to send/ }]);
    await setConnectionPolicy.run(h.context(), policyNode);
    assert.equal(input.asked[0]?.offered?.find((o) => o.label === 'Carrier C')?.picked, true);
    assert.equal((await (await twilio()).byocTrunks.fetch(trunk.sid)).connection_policy_sid, policy.sid, 'declined: unchanged');
    h.answers([{ pick: 'None' }, { confirm: true }]);
    await setConnectionPolicy.run(h.context(), policyNode);
    assert.equal((await (await twilio()).byocTrunks.fetch(trunk.sid)).connection_policy_sid, null);
    const noPolicy = await nodeOf(['sandbox', 'BYOC Trunks', 'Voice edge', 'No connection policy']);
    assert.equal(noPolicy.treeItem().command?.id, 'trunkline.setConnectionPolicy', 'clicking the hint sets one');

    // From the palette: account (only one), then the BYOC trunk, then the policy.
    input = h.answers([{ pick: 'Voice edge' }, { pick: 'Carrier D' }]);
    await setConnectionPolicy.run(h.context());
    input.assertDone();
    assert.equal((await (await twilio()).byocTrunks.fetch(trunk.sid)).connection_policy_sid, (await collect((await twilio()).connectionPolicies.list())).find((p) => p.friendly_name === 'Carrier D')?.sid);
  });

  test('Set Connection Policy… to a policy deleted meanwhile: Twilio\'s refusal is the error, and the trunk keeps its policy', async () => {
    const { policy } = await givenPolicy('Carrier E');
    const { policy: gone } = await givenPolicy('Carrier F');
    const trunk = await givenByocTrunk('Voice core', policy);
    h.answers([{ pick: 'Carrier F', then: async () => (await twilio()).connectionPolicies.delete(gone.sid) }]);
    await assert.rejects(setConnectionPolicy.run(h.context(), await nodeOf(['sandbox', 'BYOC Trunks', 'Voice core'])), /20001|Connection ?Policy/i);
    assert.equal((await (await twilio()).byocTrunks.fetch(trunk.sid)).connection_policy_sid, policy.sid);
  });

  test('Edit Target: every setting opens at its current value; only what changed is sent; nothing changed sends nothing', async () => {
    const { policy, targets } = await givenPolicy('Carrier G', [{ target: 'sip:a.carrier-g.example.net', friendly_name: 'a', priority: 10, weight: 10 }]);
    const before = targets[0]!;
    const node = await nodeOf(['sandbox', 'Connection Policies', 'Carrier G', 'a']);
    let input = h.answers([{ input: 'a' }, { input: '15' }, { input: '40' }, { pick: 'Enabled' }]);
    await editConnectionPolicyTarget.run(h.context(), node);
    input.assertDone();
    assert.deepEqual(input.asked.map((a) => a.value).slice(0, 3), ['a', '10', '10']);
    const after = await (await twilio()).connectionPolicyTargets.fetch(policy.sid, before.sid);
    assert.deepEqual([after.friendly_name, after.target, after.priority, after.weight, after.enabled], ['a', 'sip:a.carrier-g.example.net', 15, 40, true]);
    assert.match(h.workbench.lastMessage() ?? '', /Updated priority = 15, weight = 40 of "a"/);
    assert.deepEqual(labels(await h.explorer.childrenOf(await nodeOf(['sandbox', 'Connection Policies', 'Carrier G']))), ['a']);
    assert.match(String((await nodeOf(['sandbox', 'Connection Policies', 'Carrier G', 'a'])).treeItem().description), /priority 15, weight 40/, 'the row shows the new values');

    const progressBefore = h.workbench.progressTitles.length;
    input = h.answers([{ pick: 'Carrier G' }, { pick: 'a' }, { input: 'a' }, { input: '15' }, { input: '40' }, { pick: 'Enabled' }]);
    await editConnectionPolicyTarget.run(h.context());
    input.assertDone();
    assert.equal(h.workbench.progressTitles.length, progressBefore, 'no request was sent');
    assert.match(h.workbench.lastMessage() ?? '', /Nothing changed in "a"/);
  });

  test('Disable and Enable from the target\'s inline buttons; disabling the last enabled target asks first', async () => {
    const { policy, targets } = await givenPolicy('Carrier H', [
      { target: 'sip:a.carrier-h.example.net', friendly_name: 'a' },
      { target: 'sip:b.carrier-h.example.net', friendly_name: 'b' },
    ]);
    const fetchEnabled = async (i: number) => (await (await twilio()).connectionPolicyTargets.fetch(policy.sid, targets[i]!.sid)).enabled;

    let input = h.answers([]);
    await disableConnectionPolicyTarget.run(h.context(), await nodeOf(['sandbox', 'Connection Policies', 'Carrier H', 'a']));
    input.assertDone();
    assert.equal(await fetchEnabled(0), false, 'another target is still enabled: no question');
    const a = await nodeOf(['sandbox', 'Connection Policies', 'Carrier H', 'a']);
    assert.match(a.treeItem().contextValue, /\.disabled$/, 'the row now offers Enable');
    assert.equal(a.treeItem().icon?.id, 'circle-slash');

    input = h.answers([{ confirm: false, message: /Disable "b", the last enabled target of "Carrier H"/ }]);
    await disableConnectionPolicyTarget.run(h.context(), await nodeOf(['sandbox', 'Connection Policies', 'Carrier H', 'b']));
    input.assertDone();
    assert.equal(await fetchEnabled(1), true, 'declined: still enabled');

    h.answers([]);
    await enableConnectionPolicyTarget.run(h.context(), a);
    assert.equal(await fetchEnabled(0), true);
    assert.doesNotMatch((await nodeOf(['sandbox', 'Connection Policies', 'Carrier H', 'a'])).treeItem().contextValue, /\.disabled/);
  });

  test('rename a policy from its folder: the BYOC trunk that uses it shows the new name too', async () => {
    const { policy } = await givenPolicy('Carrier I', [{ target: 'sip:a.carrier-i.example.net' }]);
    await givenByocTrunk('Voice west', policy);
    await h.explorer.childrenOf(await nodeOf(['sandbox', 'BYOC Trunks', 'Voice west']));
    h.answers([{ input: 'Carrier I (EU)' }]);
    await renameResource.run(h.context(), await nodeOf(['sandbox', 'Connection Policies', 'Carrier I']));
    assert.equal((await (await twilio()).connectionPolicies.fetch(policy.sid)).friendly_name, 'Carrier I (EU)');
    assert.deepEqual(labels(await h.explorer.childrenOf(h.explorer.find((await nodeOf(['sandbox', 'BYOC Trunks', 'Voice west'])).id)!)), ['Carrier I (EU)']);
  });

  test('deleting a policy that BYOC trunks use names them and, after confirmation, clears their policy first', async () => {
    const { policy } = await givenPolicy('Carrier J', [{ target: 'sip:a.carrier-j.example.net' }, { target: 'sip:b.carrier-j.example.net' }]);
    const east = await givenByocTrunk('Voice east', policy);
    const north = await givenByocTrunk('Voice north', policy);
    const node = await nodeOf(['sandbox', 'Connection Policies', 'Carrier J']);

    let input = h.answers([{ confirm: false }]);
    await deleteResource.run(h.context(), node);
    const detail = input.asked[0]?.detail ?? '';
    assert.match(detail, /Its 2 targets go with it/);
    assert.ok(detail.includes('"Voice east"') && detail.includes('"Voice north"'), detail);
    assert.equal((await (await twilio()).byocTrunks.fetch(east.sid)).connection_policy_sid, policy.sid, 'declined: nothing changed');

    input = h.answers([{ confirm: true, detail: /cleared first/ }]);
    await deleteResource.run(h.context(), node);
    input.assertDone();
    await assert.rejects((await twilio()).connectionPolicies.fetch(policy.sid), /not found|20404/i);
    for (const trunk of [east, north]) assert.equal((await (await twilio()).byocTrunks.fetch(trunk.sid)).connection_policy_sid, null);
    assert.deepEqual(labels(await h.explorer.childrenOf(await nodeOf(['sandbox', 'BYOC Trunks', 'Voice east']))), ['No connection policy'], 'the BYOC trunks were refreshed');
  });

  test('removing a target says where calls stop going, and warns when it is the last enabled one', async () => {
    const { policy } = await givenPolicy('Carrier K', [
      { target: 'sip:a.carrier-k.example.net', friendly_name: 'a' },
      { target: 'sip:b.carrier-k.example.net', friendly_name: 'b', enabled: false },
    ]);
    const input = h.answers([{ confirm: true, message: /Delete the connection policy target "a"/, detail: /to sip:a\.carrier-k\.example\.net.*last enabled target of "Carrier K"/ }]);
    await deleteResource.run(h.context(), await nodeOf(['sandbox', 'Connection Policies', 'Carrier K', 'a']));
    input.assertDone();
    assert.deepEqual((await collect((await twilio()).connectionPolicyTargets.list(policy.sid))).map((tg) => tg.friendly_name), ['b']);
    assert.deepEqual(labels(await h.explorer.childrenOf(await nodeOf(['sandbox', 'Connection Policies', 'Carrier K']))), ['b']);
  });
});
