import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { DocumentPlan } from '../../../../../src/core/documents/plan/document-plan';
import { failoverChange, failoverGroups, formatFailover } from '../../../../../src/core/documents/plan/failover-order';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const url = (friendly_name: string, priority: number, weight: number, enabled = true) => ({ friendly_name, sip_url: `sip:${friendly_name}.example.com`, priority, weight, enabled });

describe('failover order', () => {
  it('groups by priority, lowest first, each URL with its share of the group\'s enabled weight; disabled ones marked', () => {
    const groups = failoverGroups([url('dr-site', 20, 10), url('pbx-b', 10, 10), url('pbx-a', 10, 20), url('pbx-old', 10, 50, false)]);
    assert.equal(formatFailover(groups), '1st: pbx-a 67%, pbx-b 33%, pbx-old (disabled) · then: dr-site 100%');
    assert.equal(formatFailover(groups, { name: (n) => n.toUpperCase(), disabled: (n) => `~~${n}~~` }), '1st: PBX-A 67%, PBX-B 33%, ~~PBX-OLD~~ · then: DR-SITE 100%');
    assert.equal(formatFailover([]), 'no origination URLs');
    assert.equal(formatFailover(failoverGroups([url('only', 10, 5, false)])), '1st: only (disabled)');
  });

  describe('of a plan', () => {
    let h: SyncHarness;
    before(async () => {
      h = await startSyncHarness();
    });
    beforeEach(() => h.emu.reset());
    after(() => h.close());

    const planOf = async (urls: object[], sid: string): Promise<DocumentPlan> => {
      const outcome = await planDocument('file:///w/a.trunk.yaml', validDocument(documentText('TwilioTrunk', { friendly_name: 'T', domain_name: 't.pstn.twilio.com', origination_urls: urls }, sid)), h.clients);
      assert.equal(outcome.status, 'planned');
      return (outcome as { plan: DocumentPlan }).plan;
    };

    it('is shown before and after when the plan moves it: added, changed and removed URLs', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'T', domain_name: 't.pstn.twilio.com' });
      for (const u of [url('pbx-a', 10, 20), url('pbx-b', 10, 10), url('dr-site', 20, 10)]) await h.twilio.originationUrls.create(trunk.sid, u);
      const change = failoverChange(await planOf([url('pbx-a', 10, 10), url('pbx-c', 10, 10), url('dr-site', 20, 10, false)], trunk.sid));
      assert.ok(change);
      assert.equal(formatFailover(change.before), '1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%');
      assert.equal(formatFailover(change.after), '1st: pbx-a 50%, pbx-c 50% · then: dr-site (disabled)');
    });

    it('is left out when the URLs are unchanged, or change without moving the order', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'T', domain_name: 't.pstn.twilio.com' });
      await h.twilio.originationUrls.create(trunk.sid, url('pbx-a', 10, 10));
      assert.equal(failoverChange(await planOf([url('pbx-a', 10, 10)], trunk.sid)), undefined);
      // Twice the weight of the only URL of its group: still 100% of it.
      assert.equal(failoverChange(await planOf([url('pbx-a', 10, 20)], trunk.sid)), undefined);
    });
    it('of a connection policy: the targets before (the provider\'s) and after, a left-out field keeping the provider\'s value', async () => {
      const policy = await h.twilio.connectionPolicies.create({ friendly_name: 'P' });
      const target = (friendly_name: string, priority: number, weight: number, enabled = true) => ({ friendly_name, target: `sip:${friendly_name}.example.com`, priority, weight, enabled });
      for (const t of [target('pbx-a', 10, 20), target('pbx-b', 10, 10), target('dr-site', 20, 10)]) await h.twilio.connectionPolicyTargets.create(policy.sid, t);
      const planPolicy = async (targets: object[]): Promise<DocumentPlan> => {
        const outcome = await planDocument('file:///w/p.trunk.yaml', validDocument(documentText('TwilioConnectionPolicy', { friendly_name: 'P', targets }, policy.sid)), h.clients);
        assert.equal(outcome.status, 'planned');
        return (outcome as { plan: DocumentPlan }).plan;
      };
      // dr-site moves first; pbx-b is removed; pbx-c is added with Twilio's default priority and weight (10, 10).
      const change = failoverChange(await planPolicy([target('pbx-a', 10, 20), { target: 'sip:dr-site.example.com', priority: 5 }, { friendly_name: 'pbx-c', target: 'sip:pbx-c.example.com' }]));
      assert.ok(change);
      assert.equal(change.list, 'targets');
      assert.equal(formatFailover(change.before, undefined, change.list), '1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%');
      assert.equal(formatFailover(change.after, undefined, change.list), '1st: dr-site 100% · then: pbx-a 67%, pbx-c 33%');
      // Unchanged targets: no failover line.
      assert.equal(failoverChange(await planPolicy([target('pbx-a', 10, 20), target('pbx-b', 10, 10), target('dr-site', 20, 10)])), undefined);
      // Every target removed: the order after is empty, and says so in the policy's words.
      const emptied = failoverChange(await planPolicy([]));
      assert.ok(emptied);
      assert.equal(formatFailover(emptied.after, undefined, emptied.list), 'no targets');
    });
  });
});
