import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

// A trunk row says when the trunk cannot carry calls (issue 17), and its hovered tooltip
// shows the failover order of its origination URLs.

describe('trunk rows: call readiness and failover order', () => {
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

  async function trunkRow(name: string): Promise<ExplorerNode> {
    const sandbox = (await h.explorer.childrenOf(undefined)).find((n) => n.treeItem().label === 'sandbox')!;
    const folder = (await h.explorer.childrenOf(sandbox)).find((n) => n.treeItem().label === 'Elastic SIP Trunks')!;
    const row = (await h.explorer.childrenOf(folder)).find((n) => n.treeItem().label === name);
    assert.ok(row, `no trunk ${name}`);
    return row;
  }

  test('a trunk with no linked list shows a warning icon and says why in its tooltip; linking a list clears that line', async () => {
    const { twilio, close } = clientsFor(emulator);
    try {
      const trunk = await twilio.trunks.create({ friendly_name: 'Refuses calls', domain_name: 'refuses.pstn.twilio.com' });
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const item = (await trunkRow('Refuses calls')).treeItem();
      assert.deepEqual(item.icon, { id: 'warning', color: 'list.warningForeground' });
      assert.match(item.tooltip ?? '', /⚠ Not call-ready: No IP access control list and no credential list\. Twilio refuses every call/);

      const acl = await twilio.ipAccessControlLists.create('office');
      await twilio.trunkIpAccessControlLists.add(trunk.sid, acl.sid);
      h.explorer.refresh(undefined);
      const after = (await trunkRow('Refuses calls')).treeItem();
      assert.doesNotMatch(after.tooltip ?? '', /No IP access control list/);
      // It has no number yet either: still not call-ready, for that reason alone.
      assert.match(after.tooltip ?? '', /⚠ Not call-ready: No phone numbers\./);
    } finally {
      await close();
    }
  });

  test('hovered, the tooltip reads the origination URLs: the failover order, disabled ones struck out', async () => {
    const { twilio, close } = clientsFor(emulator);
    try {
      const trunk = await twilio.trunks.create({ friendly_name: 'Failover', domain_name: 'failover.pstn.twilio.com' });
      const url = (friendly_name: string, priority: number, weight: number, enabled = true) => twilio.originationUrls.create(trunk.sid, { friendly_name, sip_url: `sip:${friendly_name}.example.com`, priority, weight, enabled });
      await url('pbx-a', 10, 20);
      await url('pbx-b', 10, 10);
      await url('dr-site', 20, 10);
      await url('old-pbx', 10, 10, false);
      await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
      const row = await trunkRow('Failover');
      assert.doesNotMatch(row.treeItem().tooltip ?? '', /Failover:/, 'the row alone reads nothing more');
      const tooltip = await row.resolveTooltip!();
      assert.match(tooltip ?? '', /Failover: 1st: pbx-a 67%, pbx-b 33%, ~~old-pbx~~ · then: dr-site 100%/);
    } finally {
      await close();
    }
  });
});
