import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../../src/core/documents/plan/document-plan';
import { keepRemoteKeys, pairElements } from '../../../../../src/core/documents/plan/keep-remote-keys';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

// Hole 2 of issue 12: CarrierX replaces acls, transformations and the other array and object
// attributes whole, resetting the keys an element leaves out. A push must keep the remote values
// of the keys the file does not write, and the plan must show what is sent.

const URI = 'file:///work/east.trunk.yaml';
const RULE_A = '11111111-1111-4111-8111-111111111111';
const RULE_B = '22222222-2222-4222-8222-222222222222';

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

describe('push keeps the remote values of keys the file leaves out of CarrierX array elements', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  const plan = async (spec: object, sid: string) => planned(await planDocument(URI, validDocument(documentText('CarrierXTrunkGroup', spec, sid)), h.clients));

  async function pushAndReplan(spec: object, sid: string): Promise<DocumentPlan> {
    const first = await plan(spec, sid);
    assert.ok(first.operations.length > 0, 'the plan has something to send');
    const result = await applyPlan(first, h.clients);
    assert.equal(result.status, 'applied', result.message);
    return first;
  }

  it('group ACLs: adding an ACL keeps the voice actions a colleague set on the ACL the file writes without them', async () => {
    const group = await h.carrierx.trunkGroups.create({
      name: 'East',
      acls: [{ direction: 'inbound', access_control_rules: [RULE_A], voice_action_true: 'accept', voice_action_false: 'reject403' }],
    });
    const spec = {
      name: 'East',
      acls: [
        { direction: 'inbound', access_control_rules: [RULE_A] },
        { direction: 'outbound', access_control_rules: [RULE_B] },
      ],
    };
    const shown = await pushAndReplan(spec, group.trunk_group_sid);
    // The plan shows what is sent: the kept voice actions are in its `to`.
    const change = shown.operations[0]!.changes.find((c) => c.field === 'acls')!;
    assert.deepEqual((change.to as object[])[0], { access_control_rules: [RULE_A], direction: 'inbound', voice_action_false: 'reject403', voice_action_true: 'accept' });
    const after = await h.carrierx.trunkGroups.fetch(group.trunk_group_sid);
    assert.deepEqual(
      after.acls.map((a) => [a.direction, a.voice_action_true, a.voice_action_false]),
      [
        ['inbound', 'accept', 'reject403'],
        ['outbound', null, null],
      ],
    );
    assert.deepEqual((await plan(spec, group.trunk_group_sid)).operations, []);
  });

  it('trunk transformations: editing operands keeps the direction the file does not write', async () => {
    const group = await h.carrierx.trunkGroups.create({
      name: 'East',
      trunks: [{ name: 'pbx', transformations: [{ action: 'rewrite_to', direction: 'inbound', operands: ['^\\+1', ''] }] }],
    });
    const spec = { name: 'East', trunks: [{ name: 'pbx', transformations: [{ action: 'rewrite_to', operands: ['^\\+44', '0'] }] }] };
    await pushAndReplan(spec, group.trunk_group_sid);
    const [trunk] = (await h.carrierx.trunkGroups.fetch(group.trunk_group_sid, { withTrunks: true })).trunks!;
    assert.deepEqual(trunk!.transformations, [{ action: 'rewrite_to', direction: 'inbound', operands: ['^\\+44', '0'] }]);
    assert.deepEqual((await plan(spec, group.trunk_group_sid)).operations, []);
  });

  it('trunk ACLs: an ACL inserted above an edited one does not take its place; the edited one keeps its keys', async () => {
    const group = await h.carrierx.trunkGroups.create({
      name: 'East',
      trunks: [{ name: 'pbx', acls: [{ direction: 'inbound', access_control_rules: [RULE_A], voice_action_true: 'accept', voice_action_false: 'reject403' }] }],
    });
    const spec = {
      name: 'East',
      trunks: [
        {
          name: 'pbx',
          acls: [
            { direction: 'outbound', access_control_rules: [RULE_B] },
            { direction: 'inbound', access_control_rules: [RULE_A], voice_action_false: 'reject503' },
          ],
        },
      ],
    };
    await pushAndReplan(spec, group.trunk_group_sid);
    const [trunk] = (await h.carrierx.trunkGroups.fetch(group.trunk_group_sid, { withTrunks: true })).trunks!;
    assert.deepEqual(
      trunk!.acls.map((a) => [a.direction, a.voice_action_true, a.voice_action_false]),
      [
        ['outbound', null, null],
        ['inbound', 'accept', 'reject503'],
      ],
    );
  });

  it('group transformations, external_handlers, sip_options_locations and routing_data keep the keys the file leaves out', async () => {
    const group = await h.carrierx.trunkGroups.create({
      name: 'East',
      transformations: [{ action: 'set', direction: 'outbound', operands: ['a'] }],
      external_handlers: [{ url: 'https://hooks.example.com/a', method: 'POST', timeout: 5 }],
      sip_options_locations: [{ location_sid: RULE_A, interval: 30 }],
      routing_data: { strategy: 'lcr', region: 'eu' },
    });
    const spec = {
      name: 'East',
      transformations: [{ action: 'set', operands: ['b'] }],
      external_handlers: [{ url: 'https://hooks.example.com/a', method: 'GET' }],
      sip_options_locations: [{ location_sid: RULE_A, interval: 60 }],
      routing_data: { strategy: 'cheapest' },
    };
    await pushAndReplan(spec, group.trunk_group_sid);
    const after = await h.carrierx.trunkGroups.fetch(group.trunk_group_sid);
    assert.deepEqual(after.transformations, [{ action: 'set', direction: 'outbound', operands: ['b'] }]);
    assert.deepEqual(after.external_handlers, [{ url: 'https://hooks.example.com/a', method: 'GET', timeout: 5 }]);
    assert.deepEqual(after.sip_options_locations, [{ location_sid: RULE_A, interval: 60 }]);
    assert.deepEqual(after.routing_data, { strategy: 'cheapest', region: 'eu' });
    assert.deepEqual((await plan(spec, group.trunk_group_sid)).operations, []);
  });

  it('a key written as null is sent as null: the way to clear a value the file used to leave alone', async () => {
    const group = await h.carrierx.trunkGroups.create({
      name: 'East',
      acls: [{ direction: 'inbound', access_control_rules: [RULE_A], voice_action_true: 'accept' }],
    });
    const spec = { name: 'East', acls: [{ direction: 'inbound', access_control_rules: [RULE_A], voice_action_true: null }] };
    await pushAndReplan(spec, group.trunk_group_sid);
    assert.equal((await h.carrierx.trunkGroups.fetch(group.trunk_group_sid)).acls[0]!.voice_action_true, null);
  });
});

describe('Twilio objects are updated key by key: nothing to keep', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(() => h.close());

  // Twilio updates (trunk, recording, origination URL, BYOC trunk) are form POSTs that change only
  // the parameters sent, and origination URLs list all their keys; so only CarrierX needs merging.
  it('a recording written with mode only keeps the trim set in the console', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Rec', domain_name: 'rec.pstn.twilio.com' });
    await h.twilio.recording.update(trunk.sid, { mode: 'do-not-record', trim: 'trim-silence' });
    const spec = { friendly_name: 'Rec', recording: { mode: 'record-from-answer' } };
    const first = planned(await planDocument(URI, validDocument(documentText('TwilioTrunk', spec, trunk.sid)), h.clients));
    assert.equal((await applyPlan(first, h.clients)).status, 'applied');
    assert.deepEqual(await h.twilio.recording.fetch(trunk.sid), { mode: 'record-from-answer', trim: 'trim-silence' });
  });
});

describe('pairElements: which remote element an element of the file stands for', () => {
  const A = { direction: 'inbound', access_control_rules: [RULE_A], voice_action_true: 'accept' };
  const B = { direction: 'outbound', access_control_rules: [RULE_B], voice_action_true: 'reject403' };
  const identity = ['direction', 'access_control_rules'];

  it('pairs an unchanged element where it is, then where it moved to', () => {
    assert.deepEqual([...pairElements([{ direction: 'outbound' }, { direction: 'inbound' }], [A, B], identity)], [
      [0, 1],
      [1, 0],
    ]);
  });

  it('pairs an edited element by identity, and an element edited in place by position only when the length is kept', () => {
    assert.deepEqual([...pairElements([{ direction: 'any', access_control_rules: [] }, { ...B, voice_action_true: 'accept' }], [B], identity)], [[1, 0]]);
    assert.deepEqual([...pairElements([{ direction: 'any', access_control_rules: [] }], [A], identity)], [[0, 0]]);
    assert.deepEqual([...pairElements([{ direction: 'any', access_control_rules: [] }, { direction: 'any', access_control_rules: [RULE_B] }], [A], identity)], []);
  });

  it('leaves scalars, nulls and arrays of scalars as the file writes them', () => {
    assert.deepEqual(keepRemoteKeys(['X-A'], ['X-A', 'X-B']), ['X-A']);
    assert.equal(keepRemoteKeys(null, { a: 1 }), null);
    assert.deepEqual(keepRemoteKeys({ a: null }, { a: 1, b: 2 }), { a: null, b: 2 });
  });
});
