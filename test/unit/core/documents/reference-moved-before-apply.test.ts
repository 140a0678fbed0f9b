import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyAll, planAll } from '../../../../src/core/documents/apply/push-all';
import { applyPlan } from '../../../../src/core/documents/apply/apply-plan';
import type { SyncDocument } from '../../../../src/core/documents/plan/plan-documents';
import { collect } from '../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../support/sync-harness';

// A trunk file names an IP access control list by name. Between the plan (shown, confirmed)
// and the apply, a colleague renames that list and makes another one with the name, or deletes
// it. The link the plan showed ("Office" = AL1) is no longer what the file says ("Office" =
// AL2): the apply must not link either silently; it stops before sending and says why.

const URI = 'file:///work/trunk.trunk.yaml';

describe('a referenced list renamed, replaced or deleted between plan and apply', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  async function setup(): Promise<{ documents: SyncDocument[]; office: string }> {
    const office = (await h.twilio.ipAccessControlLists.create('Office')).sid;
    const document = validDocument(documentText('TwilioTrunk', { friendly_name: 'Main', ip_access_control_lists: ['Office'] }));
    return { documents: [{ uri: URI, document }], office };
  }
  const linked = async () => {
    const trunks = await collect(h.twilio.trunks.list());
    return trunks.length === 0 ? [] : (await collect(h.twilio.trunkIpAccessControlLists.list(trunks[0]!.sid))).map((l) => l.sid);
  };

  it('Push All: renamed and replaced by another "Office": nothing sent, the result says the name now names another list', async () => {
    const { documents, office } = await setup();
    const combined = await planAll(documents, h.clients);
    await h.twilio.ipAccessControlLists.update(office, 'Office (old)');
    const replacement = (await h.twilio.ipAccessControlLists.create('Office')).sid;
    const summary = await applyAll(combined, h.clients);
    const result = summary.documents[0]!;
    assert.equal(result.outcome, 'skipped', result.message);
    assert.equal(result.apply?.status, 'outdated');
    assert.match(result.message, new RegExp(`"Office".*${office}.*${replacement}`));
    assert.deepEqual(await collect(h.twilio.trunks.list()), [], 'nothing sent');
    // planned again, it links the list the name names now
    const again = await applyAll(await planAll(documents, h.clients), h.clients);
    assert.equal(again.documents[0]!.outcome, 'created', again.documents[0]!.message);
    assert.deepEqual(await linked(), [replacement]);
  });

  it('Push (one document): the list deleted: nothing sent, it says so', async () => {
    const { documents, office } = await setup();
    const combined = await planAll(documents, h.clients);
    await h.twilio.ipAccessControlLists.delete(office);
    const plan = combined.documents[0]!.outcome;
    assert.equal(plan.status, 'planned');
    const result = await applyPlan(plan.status === 'planned' ? plan.plan : assert.fail(), h.clients);
    assert.equal(result.status, 'outdated', result.message);
    assert.match(result.message, new RegExp(`"Office".*${office}.*(deleted|no longer)`));
    assert.deepEqual(await collect(h.twilio.trunks.list()), [], 'nothing sent');
  });

  it('renamed only (no other "Office"): nothing sent, it says the name names no list now', async () => {
    const { documents, office } = await setup();
    const combined = await planAll(documents, h.clients);
    await h.twilio.ipAccessControlLists.update(office, 'HQ');
    const summary = await applyAll(combined, h.clients);
    assert.equal(summary.documents[0]!.apply?.status, 'outdated', summary.documents[0]!.message);
    assert.deepEqual(await collect(h.twilio.trunks.list()), []);
  });
});

// Found by the references model (test/reliability/references.test.ts, seed 9402): a new BYOC
// trunk naming a policy by name was created on the policy the plan showed after a colleague had
// renamed it; the same for a CarrierX trunk and its endpoint, created or updated.
describe('a policy or endpoint that a trunk names renamed between plan and apply', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  it('a new BYOC trunk: nothing sent, the result says the name names no policy now', async () => {
    const policy = (await h.twilio.connectionPolicies.create({ friendly_name: 'Core' })).sid;
    const document = validDocument(documentText('TwilioByocTrunk', { friendly_name: 'T1', voice_url: 'https://voice.example.com/in', connection_policy: 'Core' }));
    const combined = await planAll([{ uri: URI, document }], h.clients);
    await h.twilio.connectionPolicies.update(policy, { friendly_name: 'Edge' });
    const summary = await applyAll(combined, h.clients);
    assert.equal(summary.documents[0]!.apply?.status, 'outdated', summary.documents[0]!.message);
    assert.match(summary.documents[0]!.message, new RegExp(`"Core".*${policy}`));
    assert.deepEqual(await collect(h.twilio.byocTrunks.list()), [], 'nothing sent');
  });

  it('an existing BYOC trunk moved to a policy by name: nothing sent', async () => {
    const policy = (await h.twilio.connectionPolicies.create({ friendly_name: 'Core' })).sid;
    const trunk = (await h.twilio.byocTrunks.create({ friendly_name: 'T1' })).sid;
    const document = validDocument(documentText('TwilioByocTrunk', { friendly_name: 'T1', connection_policy: 'Core' }, trunk));
    const combined = await planAll([{ uri: URI, document }], h.clients);
    await h.twilio.connectionPolicies.update(policy, { friendly_name: 'Edge' });
    const summary = await applyAll(combined, h.clients);
    assert.equal(summary.documents[0]!.apply?.status, 'outdated', summary.documents[0]!.message);
    assert.equal((await h.twilio.byocTrunks.fetch(trunk)).connection_policy_sid, null, 'nothing sent');
  });

  it('a new CarrierX trunk group naming an endpoint: nothing sent', async () => {
    const endpoint = (await h.carrierx.endpoints.create({ name: 'Core', type: 'third_party' })).endpoint_sid;
    const document = validDocument(documentText('CarrierXTrunkGroup', { name: 'T1', routing_type: 'failover', trunks: [{ name: 'to-pbx', endpoint: 'Core' }] }));
    const combined = await planAll([{ uri: URI, document }], h.clients);
    await h.carrierx.endpoints.update(endpoint, { name: 'Edge' });
    const summary = await applyAll(combined, h.clients);
    assert.equal(summary.documents[0]!.apply?.status, 'outdated', summary.documents[0]!.message);
    assert.deepEqual(await collect(h.carrierx.trunkGroups.list()), [], 'nothing sent');
  });
});
