import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

// BYOC trunk rows and CarrierX trunk group and trunk rows (issue 17): they name their policy or
// endpoint, show the policy's failover order and the endpoint's addresses, and warn when they
// cannot carry calls — from what the explorer has loaded, and once hovered, from what the hover read.

const WARNING = { id: 'warning', color: 'list.warningForeground' };

describe('route rows: BYOC trunks and CarrierX trunk groups', () => {
  let emulator: TestEmulator;
  let h: CommandHarness;
  before(async () => {
    emulator = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
  });
  after(() => emulator.close());
  beforeEach(async () => {
    await h?.close();
    await emulator.reset();
    h = commandHarness(emulator);
  });

  async function folder(label: string): Promise<ExplorerNode> {
    const sandbox = (await h.explorer.childrenOf(undefined)).find((n) => n.treeItem().label === 'sandbox')!;
    const node = (await h.explorer.childrenOf(sandbox)).find((n) => n.treeItem().label === label);
    assert.ok(node, `no folder ${label}`);
    return node;
  }
  async function row(parent: ExplorerNode, label: string): Promise<ExplorerNode> {
    const node = (await h.explorer.childrenOf(parent)).find((n) => n.treeItem().label === label);
    assert.ok(node, `no row ${label}`);
    return node;
  }

  test('a BYOC trunk names its policy from the loaded Connection Policies (no request), and hovered shows its failover order', async () => {
    const { twilio, close } = clientsFor(emulator);
    try {
      const policy = await twilio.connectionPolicies.create({ friendly_name: 'Carrier routes' });
      for (const [friendly_name, priority, weight, enabled] of [['pbx-a', 10, 20, true], ['pbx-b', 10, 10, true], ['dr-site', 20, 10, true], ['old-pbx', 10, 10, false]] as const) {
        await twilio.connectionPolicyTargets.create(policy.sid, { friendly_name, target: `sip:${friendly_name}.example.com`, priority, weight, enabled });
      }
      await twilio.byocTrunks.create({ friendly_name: 'Routed', voice_url: 'https://example.com/voice', connection_policy_sid: policy.sid });
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      await h.explorer.childrenOf(await folder('Connection Policies'));
      const trunk = await row(await folder('BYOC Trunks'), 'Routed');
      const fetches = emulator.stats.count('GET', '/v1/ConnectionPolicies/{Sid}');
      const item = trunk.treeItem();
      assert.match(item.tooltip ?? '', new RegExp(`Carrier routes \\(\`${policy.sid}\`\\)`), 'the policy by its name, the sid beside it');
      assert.notDeepEqual(item.icon, WARNING);
      const tooltip = await trunk.resolveTooltip!();
      assert.match(tooltip ?? '', /Failover: 1st: pbx-a 67%, pbx-b 33%, ~~old-pbx~~ · then: dr-site 100%/);
      assert.doesNotMatch(tooltip ?? '', /Not call-ready/);
      assert.equal(emulator.stats.count('GET', '/v1/ConnectionPolicies/{Sid}'), fetches, 'the listed policy is not fetched again');
    } finally {
      await close();
    }
  });

  test('a BYOC trunk with no policy and no voice URL warns at once; one whose policy has no enabled target warns once its targets are read', async () => {
    const { twilio, close } = clientsFor(emulator);
    try {
      const dead = await twilio.connectionPolicies.create({ friendly_name: 'Dead routes' });
      await twilio.connectionPolicyTargets.create(dead.sid, { friendly_name: 'gone', target: 'sip:gone.example.com', enabled: false });
      await twilio.byocTrunks.create({ friendly_name: 'Nowhere' });
      await twilio.byocTrunks.create({ friendly_name: 'Dead end', voice_url: 'https://example.com/voice', connection_policy_sid: dead.sid });
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const trunks = await folder('BYOC Trunks');
      const nowhere = (await row(trunks, 'Nowhere')).treeItem();
      assert.deepEqual(nowhere.icon, WARNING);
      assert.match(nowhere.tooltip ?? '', /⚠ Not call-ready: No connection policy\. Twilio has no SIP address/);
      assert.match(nowhere.tooltip ?? '', /⚠ Not call-ready: No voice URL and no fallback URL\./);

      const deadEnd = await row(trunks, 'Dead end');
      assert.notDeepEqual(deadEnd.treeItem().icon, WARNING, 'its targets are not known yet: no warning from a guess');
      const tooltip = await deadEnd.resolveTooltip!();
      assert.match(tooltip ?? '', /Dead routes/);
      assert.match(tooltip ?? '', /Failover: 1st: ~~gone~~/);
      assert.match(tooltip ?? '', /⚠ Not call-ready: The connection policy has no enabled target\./);
      assert.deepEqual(deadEnd.treeItem().icon, WARNING, 'the row warns too once the hover read the targets');
    } finally {
      await close();
    }
  });

  test('a CarrierX group warns for a trunk with no endpoint at once, and for an endpoint with no address and no DIDs once hovered; its trunk rows name the endpoint and its addresses', async () => {
    const { carrierx, close } = clientsFor(emulator);
    try {
      const empty = await carrierx.endpoints.create({ name: 'empty-pbx', type: 'third_party', addresses: [] });
      const pbx = await carrierx.endpoints.create({ name: 'office-pbx', type: 'third_party', addresses: [{ ip: '203.0.113.10', port: 5060, transport: 'udp' }] });
      await carrierx.trunkGroups.create({ name: 'Not ready', trunks: [{ name: 'a', endpoint_sid: empty.endpoint_sid }, { name: 'b' }] });
      await carrierx.trunkGroups.create({ name: 'Office', trunks: [{ name: 'main', endpoint_sid: pbx.endpoint_sid }] });
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const groups = await folder('Trunk Groups');
      const group = await row(groups, 'Not ready');
      const item = group.treeItem();
      assert.deepEqual(item.icon, WARNING);
      assert.match(item.tooltip ?? '', /⚠ Not call-ready: Trunk "b": no endpoint\./);
      assert.doesNotMatch(item.tooltip ?? '', /has no address|DIDs/, 'not read yet: no warning from a guess');

      const tooltip = await group.resolveTooltip!();
      assert.match(tooltip ?? '', /⚠ Not call-ready: Trunk "a": its endpoint has no address\./);
      assert.match(tooltip ?? '', /⚠ Not call-ready: No phone numbers \\\(DIDs\\\) assigned\./, 'markdown-escaped');

      const [a, b] = await h.explorer.childrenOf(group);
      assert.deepEqual(b!.treeItem().icon, WARNING, 'trunk b has no endpoint');
      assert.match(b!.treeItem().tooltip ?? '', /Trunk "b": no endpoint/);
      const aTooltip = a!.treeItem().tooltip ?? '';
      assert.match(aTooltip, new RegExp(`empty-pbx \\(\`${empty.endpoint_sid}\`\\)`), 'the endpoint by its name');
      assert.match(aTooltip, /Addresses: none/);
      assert.match(aTooltip, /Trunk "a": its endpoint has no address/);
      assert.doesNotMatch(aTooltip, /DIDs/, 'a group rule is not a trunk\'s');

      // The endpoint listed in the account's Endpoints names the trunk's without a request.
      await h.explorer.childrenOf(await folder('Endpoints'));
      const fetches = emulator.stats.count('GET', '/core/v2/endpoints/{endpoint_sid}');
      const [main] = await h.explorer.childrenOf(await row(groups, 'Office'));
      const mainTooltip = main!.treeItem().tooltip ?? '';
      assert.match(mainTooltip, /office-pbx \(`/);
      assert.match(mainTooltip, /Addresses: 203\.0\.113\.10 · 5060 · udp/);
      assert.notDeepEqual(main!.treeItem().icon, WARNING);
      await main!.resolveTooltip!();
      assert.equal(emulator.stats.count('GET', '/core/v2/endpoints/{endpoint_sid}'), fetches, 'no fetch of a listed endpoint');
    } finally {
      await close();
    }
  });
});
