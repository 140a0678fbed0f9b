import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../../src/core/documents/plan/document-plan';
import { formatPlanLines } from '../../../../../src/core/documents/plan/format-plan';
import { planDocument, planDocuments } from '../../../../../src/core/documents/plan/plan-documents';
import { exportStates, exportTargets } from '../../../../../src/core/documents/render/export-resources';
import { renderDocument } from '../../../../../src/core/documents/render/render-document';
import type { Did } from '../../../../../src/core/providers/carrierx/models';
import { collect } from '../../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const URI = 'file:///work/edge.trunk.yaml';

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

const e164 = (d: Did) => `+${d.phonenumber}`;

describe('CarrierXTrunkGroup phone_numbers (DIDs) against the emulator', () => {
  let h: SyncHarness;
  let dids: Did[];
  before(async () => {
    // Seeded groups come with DIDs (eight per group, some unassigned).
    h = await startSyncHarness({ seeding: { trunkGroups: 2 } });
  });
  beforeEach(async () => {
    await h.emu.reset();
    dids = await collect(h.carrierx.dids.list({ pageSize: 100 }));
    // A known start: every DID unassigned.
    for (const d of dids.filter((x) => x.trunk_group_sid)) await h.carrierx.dids.assign(d.did_sid, null);
    h.emu.stats.reset();
  });
  after(() => h.close());

  const plan = (spec: object, sid?: string) => planDocument(URI, validDocument(documentText('CarrierXTrunkGroup', spec, sid)), h.clients);

  it('assigns the file\'s numbers, moves one from another group (saying so), unassigns what the file dropped; then in sync', async () => {
    const edge = await h.carrierx.trunkGroups.create({ name: 'Edge' });
    const other = await h.carrierx.trunkGroups.create({ name: 'Other' });
    const [free, elsewhere, dropped] = dids;
    await h.carrierx.dids.assign(elsewhere!.did_sid, other.trunk_group_sid);
    await h.carrierx.dids.assign(dropped!.did_sid, edge.trunk_group_sid);
    const spec = { name: 'Edge', phone_numbers: [e164(free!), e164(elsewhere!)] };
    const result = planned(await plan(spec, edge.trunk_group_sid));
    assert.deepEqual(formatPlanLines(result).slice(1), [
      `  + Assign ${e164(free!)}`,
      `  + Assign ${e164(elsewhere!)} (moved from trunk group ${other.trunk_group_sid})`,
      `  - Unassign ${e164(dropped!)}`,
    ]);
    const applied = await applyPlan(result, h.clients);
    assert.equal(applied.status, 'applied', applied.message);
    const now = new Map((await collect(h.carrierx.dids.list({ pageSize: 100 }))).map((d) => [d.did_sid, d.trunk_group_sid]));
    assert.deepEqual([now.get(free!.did_sid), now.get(elsewhere!.did_sid), now.get(dropped!.did_sid)], [edge.trunk_group_sid, edge.trunk_group_sid, null]);
    assert.deepEqual(planned(await plan(spec, edge.trunk_group_sid)).operations, []);
  });

  it('a new group is created first, then its numbers assigned to it; the file sends E.164 and CarrierX gets digits', async () => {
    const spec = { name: 'Fresh', phone_numbers: [e164(dids[3]!)] };
    const result = planned(await plan(spec));
    assert.deepEqual(result.operations.map((o) => o.type), ['carrierx.group.create', 'carrierx.did.assign']);
    let sid: string | undefined;
    const applied = await applyPlan(result, h.clients, { onCreated: (s) => void (sid = s) });
    assert.equal(applied.status, 'applied', applied.message);
    const did = await h.carrierx.dids.fetch(dids[3]!.did_sid);
    assert.equal(did.trunk_group_sid, sid);
    assert.equal(did.phonenumber, dids[3]!.phonenumber, 'stored without +');
    assert.deepEqual(planned(await plan(spec, sid)).operations, []);
  });

  it('refuses a number the partner does not rent, at its place in the file', async () => {
    const edge = await h.carrierx.trunkGroups.create({ name: 'Edge' });
    const outcome = await plan({ name: 'Edge', phone_numbers: ['+19995550100'] }, edge.trunk_group_sid);
    assert.equal(outcome.status, 'refused');
    assert.match(outcome.status === 'refused' ? outcome.refusal.message : '', /\+19995550100 is not a phone number \(DID\) of account sandbox\. Rent it in CarrierX first/);
  });

  it('a file without phone_numbers leaves the group\'s DIDs alone', async () => {
    const edge = await h.carrierx.trunkGroups.create({ name: 'Edge' });
    await h.carrierx.dids.assign(dids[0]!.did_sid, edge.trunk_group_sid);
    assert.deepEqual(planned(await plan({ name: 'Edge' }, edge.trunk_group_sid)).operations, []);
  });

  it('many group files list the account\'s DIDs once, however many files name numbers', async () => {
    const groups = [];
    for (let i = 0; i < 6; i++) groups.push(await h.carrierx.trunkGroups.create({ name: `G${i}` }));
    h.emu.stats.reset();
    const documents = groups.map((g, i) => ({
      uri: `file:///work/g${i}.trunk.yaml`,
      document: validDocument(documentText('CarrierXTrunkGroup', { name: `G${i}`, phone_numbers: [e164(dids[i]!)] }, g.trunk_group_sid)),
    }));
    const plans = await planDocuments(documents, h.clients);
    for (const p of plans) assert.deepEqual(planned(p.outcome).operations.map((o) => o.type), ['carrierx.did.assign']);
    assert.equal(h.emu.stats.count('GET', '/core/v2/phonenumber/dids'), 1);
  });

  it('export writes a group\'s DIDs as E.164 phone_numbers, and that file plans in sync', async () => {
    const edge = await h.carrierx.trunkGroups.create({ name: 'Edge' });
    await h.carrierx.dids.assign(dids[1]!.did_sid, edge.trunk_group_sid);
    await h.carrierx.dids.assign(dids[0]!.did_sid, edge.trunk_group_sid);
    const signal = new AbortController().signal;
    const targets = (await exportTargets('sandbox', new Set(['CarrierXTrunkGroup']), h.clients, signal)).filter((t) => t.sid === edge.trunk_group_sid);
    const [state] = await exportStates('sandbox', targets, h.clients, signal);
    const text = renderDocument('CarrierXTrunkGroup', 'sandbox', state!.remote as never);
    const sorted = [e164(dids[0]!), e164(dids[1]!)].sort();
    assert.match(text, new RegExp(`phone_numbers:\\n\\s+- "\\${sorted[0]}"\\n\\s+- "\\${sorted[1]}"`));
    assert.deepEqual(planned(await planDocument(URI, validDocument(text), h.clients)).operations, []);
  });
});
