import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan, type ApplyResult } from '../../../../../src/core/documents/apply/apply-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../../src/core/documents/plan/document-plan';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { AmbiguousCreateError, newResource } from '../../../../../src/core/documents/apply/reconcile-create';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import { collect } from '../../../../../src/core/providers/page';
import type { FaultRule } from '../../../../../src/emulator/faults/fault-rule';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const URI = 'file:///work/acme.trunk.yaml';
const N1 = '+14155550101';

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

describe('creates with an unknown outcome are reconciled, never duplicated', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness({ responseTimeoutMs: 250 });
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  /** Plans and applies one document with `fault` in force; returns the result and the sids reported. */
  async function push(kind: TrunkKind, spec: object, fault: FaultRule, sid?: string): Promise<{ result: ApplyResult; sids: string[] }> {
    const plan = planned(await planDocument(URI, validDocument(documentText(kind, spec, sid)), h.clients));
    h.emu.faults.add({ times: 1, ...fault });
    h.emu.stats.reset();
    const sids: string[] = [];
    const result = await applyPlan(plan, h.clients, { onCreated: (s) => void sids.push(s) });
    return { result, sids };
  }

  for (const fault of [
    { kind: 'reset-after-commit', method: 'POST', path: '/v1/Trunks' },
    { kind: 'hold-response', method: 'POST', path: '/v1/Trunks', holdMs: 3_000 },
  ] as const) {
    it(`a Twilio trunk (${fault.kind}): found by domain_name, created once, sid reported once`, async () => {
      const { result, sids } = await push('TwilioTrunk', { friendly_name: 'Acme', domain_name: 'acme-main.pstn.twilio.com' }, fault);
      assert.equal(result.status, 'applied', result.message);
      const trunks = (await collect(h.twilio.trunks.list())).filter((t) => t.domain_name === 'acme-main.pstn.twilio.com');
      assert.equal(trunks.length, 1);
      assert.deepEqual(sids, [trunks[0]!.sid]);
      assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 1);
      assert.deepEqual(result.reconciled.map((op) => op.type), ['twilio.trunk.create']);
    });
  }

  it('a create that provably did not happen (reset before commit) is sent again, once', async () => {
    const { result, sids } = await push('TwilioTrunk', { domain_name: 'acme-main.pstn.twilio.com' }, { kind: 'reset-before-commit', method: 'POST', path: '/v1/Trunks' });
    assert.equal(result.status, 'applied', result.message);
    assert.equal(sids.length, 1);
    assert.equal((await collect(h.twilio.trunks.list())).length, 1);
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 2);
    assert.deepEqual(result.reconciled, []);
  });

  it('an origination URL (response timeout) is found by sip_url on the trunk', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'T' });
    const url = { friendly_name: 'pbx', sip_url: 'sip:pbx.example.com', priority: 10, weight: 10, enabled: true };
    const { result } = await push('TwilioTrunk', { origination_urls: [url] }, { kind: 'hold-response', method: 'POST', path: '/v1/Trunks/{TrunkSid}/OriginationUrls', holdMs: 3_000 }, trunk.sid);
    assert.equal(result.status, 'applied', result.message);
    assert.equal((await collect(h.twilio.originationUrls.list(trunk.sid))).length, 1);
    assert.deepEqual(result.reconciled.map((op) => op.type), ['twilio.originationUrl.create']);
  });

  it('a number attach (reset after commit) is found on the trunk instead of failing as "already attached"', async () => {
    const [sid] = await h.buyNumbers(N1);
    const trunk = await h.twilio.trunks.create({ friendly_name: 'T' });
    const { result } = await push('TwilioTrunk', { phone_numbers: [N1] }, { kind: 'reset-after-commit', method: 'POST', path: '/v1/Trunks/{TrunkSid}/PhoneNumbers' }, trunk.sid);
    assert.equal(result.status, 'applied', result.message);
    assert.deepEqual((await collect(h.twilio.trunkPhoneNumbers.list(trunk.sid))).map((n) => n.sid), [sid]);
  });

  it('a BYOC trunk (no unique key): the one new same-named trunk is ours, an older namesake is not', async () => {
    const older = await h.twilio.byocTrunks.create({ friendly_name: 'Carrier A' });
    const { result, sids } = await push('TwilioByocTrunk', { friendly_name: 'Carrier A' }, { kind: 'reset-after-commit', method: 'POST', path: '/v1/ByocTrunks' });
    assert.equal(result.status, 'applied', result.message);
    const named = (await collect(h.twilio.byocTrunks.list())).filter((t) => t.friendly_name === 'Carrier A');
    assert.equal(named.length, 2);
    assert.deepEqual(sids, named.filter((t) => t.sid !== older.sid).map((t) => t.sid));
  });

  it('a CarrierX trunk group with its trunks (response timeout), then a trunk added to it (reset after commit)', async () => {
    const spec = { name: 'EU edge', trunks: [{ name: 'a' }] };
    const first = await push('CarrierXTrunkGroup', spec, { kind: 'hold-response', method: 'POST', path: '/core/v2/trunk_groups', holdMs: 3_000 });
    assert.equal(first.result.status, 'applied', first.result.message);
    const groups = await h.carrierx.trunkGroups.findByName('EU edge');
    assert.equal(groups.length, 1);
    assert.deepEqual(first.sids, [groups[0]!.trunk_group_sid]);
    assert.deepEqual(first.result.reconciled.map((op) => op.type), ['carrierx.group.create']);

    const groupSid = groups[0]!.trunk_group_sid;
    const second = await push('CarrierXTrunkGroup', { name: 'EU edge', trunks: [{ name: 'a' }, { name: 'b' }] }, { kind: 'reset-after-commit', method: 'POST', path: '/core/v2/trunk_groups/{trunk_group_sid}/trunks' }, groupSid);
    assert.equal(second.result.status, 'applied', second.result.message);
    assert.deepEqual((await collect(h.carrierx.trunks.list(groupSid))).map((t) => t.name).sort(), ['a', 'b']);
  });

  it('after a crash between create and sid write-back, the next plan adopts the trunk instead of creating another', async () => {
    const spec = { friendly_name: 'Acme', domain_name: 'acme-main.pstn.twilio.com', phone_numbers: [N1] };
    await h.buyNumbers(N1);
    const plan = planned(await planDocument(URI, validDocument(documentText('TwilioTrunk', spec)), h.clients));
    const crashed = await applyPlan(plan, h.clients, { onCreated: () => Promise.reject(new Error('the editor closed')) });
    assert.equal(crashed.status, 'failed');
    assert.match(crashed.message, /^1 of 2 operations applied; the Twilio trunk "Acme" exists as TK[0-9a-f]{32} but writing its sid into the file failed \(the editor closed\)\. Add "sid: TK[0-9a-f]{32}" to the document, then push again to finish\.$/);

    const again = planned(await planDocument(URI, validDocument(documentText('TwilioTrunk', spec)), h.clients));
    assert.deepEqual(again.operations.map((op) => op.type), ['adopt', 'twilio.number.attach']);
    const sids: string[] = [];
    assert.equal((await applyPlan(again, h.clients, { onCreated: (s) => void sids.push(s) })).status, 'applied');
    assert.deepEqual(sids, [crashed.sid]);
    assert.equal((await collect(h.twilio.trunks.list())).length, 1);
  });

  it('refuses to guess when several same-named resources appeared', () => {
    const before = new Set(['a']);
    assert.equal(newResource('trunk group', [{ sid: 'a' }, { sid: 'b' }], (g) => g.sid, before)?.sid, 'b');
    assert.equal(newResource('trunk group', [{ sid: 'a' }], (g) => g.sid, before), undefined);
    assert.throws(() => newResource('trunk group', [{ sid: 'a' }, { sid: 'b' }, { sid: 'c' }], (g) => g.sid, before), AmbiguousCreateError);
  });
});
