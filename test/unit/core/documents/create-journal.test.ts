import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../src/core/documents/apply/apply-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../src/core/documents/plan/document-plan';
import { planDocument } from '../../../../src/core/documents/plan/plan-documents';
import { MemorySyncStateStore } from '../../../../src/core/documents/sync/sync-state';
import type { TrunkKind } from '../../../../src/core/documents/file/trunk-kinds';
import { collect } from '../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../support/sync-harness';

// BYOC trunks, CarrierX trunk groups and Twilio trunks without domain_name have no unique key to find them by. A push that dies
// after the provider created one but before its sid reached the file must not lead the next
// push to create it again: the create is journaled in the sync state before it is sent.

const URI = 'file:///work/carriers.trunk.yaml';

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

const CASES: { kind: TrunkKind; spec: object; count: (h: SyncHarness) => Promise<string[]> }[] = [
  {
    // a trunk without domain_name is valid, and has no unique key either
    kind: 'TwilioTrunk',
    spec: { friendly_name: 'Trunk J', secure: true },
    count: async (h) => (await collect(h.twilio.trunks.list())).filter((t) => t.friendly_name === 'Trunk J').map((t) => t.sid),
  },
  {
    kind: 'TwilioByocTrunk',
    spec: { friendly_name: 'Carrier J', voice_url: 'https://example.com/voice' },
    count: async (h) => (await collect(h.twilio.byocTrunks.list())).filter((t) => t.friendly_name === 'Carrier J').map((t) => t.sid),
  },
  {
    kind: 'CarrierXTrunkGroup',
    spec: { name: 'Edge J', routing_type: 'failover' },
    count: async (h) => (await h.carrierx.trunkGroups.findByName('Edge J')).map((g) => g.trunk_group_sid),
  },
];

describe('a create interrupted before its sid was written', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  for (const { kind, spec, count } of CASES) {
    it(`${kind}: the next push adopts what the first one made instead of creating it again`, async () => {
      const state = new MemorySyncStateStore();
      const document = validDocument(documentText(kind, spec));
      const first = await applyPlan(planned(await planDocument(URI, document, h.clients, { syncState: state })), h.clients, {
        syncState: state,
        onCreated: () => {
          throw new Error('the editor was closed');
        },
      });
      assert.equal(first.status, 'failed');
      const made = await count(h);
      assert.equal(made.length, 1, 'the provider made it');
      assert.deepEqual(state.pendingCreates().map((p) => [p.uri, p.index]), [[URI, 0]], 'the create is still journaled');

      const again = planned(await planDocument(URI, document, h.clients, { syncState: state }));
      assert.equal(again.operations[0]?.type, 'adopt');
      assert.ok(!again.operations.some((op) => op.type.endsWith('.create')), 'nothing is created again');
      const sids: string[] = [];
      const second = await applyPlan(again, h.clients, { syncState: state, onCreated: (sid) => void sids.push(sid) });
      assert.equal(second.status, 'applied', second.message);
      assert.deepEqual(sids, made);
      assert.deepEqual(await count(h), made, 'still exactly one');
      assert.deepEqual(state.pendingCreates(), [], 'the journal entry is gone once the sid is written');
    });

    it(`${kind}: a same-named resource that existed before the create is not taken for it`, async () => {
      const state = new MemorySyncStateStore();
      const document = validDocument(documentText(kind, spec));
      // someone else's resource with the same name exists first
      const other = planned(await planDocument(URI, document, h.clients));
      assert.equal((await applyPlan(other, h.clients)).status, 'applied');
      const existing = await count(h);

      const first = await applyPlan(planned(await planDocument(URI, document, h.clients, { syncState: state })), h.clients, {
        syncState: state,
        onCreated: () => {
          throw new Error('crash');
        },
      });
      assert.equal(first.status, 'failed');
      const made = (await count(h)).filter((sid) => !existing.includes(sid));
      assert.equal(made.length, 1);
      const again = planned(await planDocument(URI, document, h.clients, { syncState: state }));
      assert.equal(again.operations[0]?.type, 'adopt');
      assert.equal((again.operations[0] as { sid: string }).sid, made[0], 'the one the interrupted push made, not the older one');
    });
  }

  it('without a journal (another machine, no sync state) the same-named resource is only warned about', async () => {
    const { kind, spec } = CASES.find((c) => c.kind === 'TwilioByocTrunk')!;
    const document = validDocument(documentText(kind, spec));
    await applyPlan(planned(await planDocument(URI, document, h.clients)), h.clients, {
      onCreated: () => {
        throw new Error('crash');
      },
    });
    const again = planned(await planDocument(URI, document, h.clients));
    assert.equal(again.operations[0]?.type, 'twilio.byoc.create');
    assert.match(again.warnings.join('\n'), /Carrier J/);
  });

  it('a create the provider refused leaves no journal behind', async () => {
    const state = new MemorySyncStateStore();
    const document = validDocument(documentText('TwilioByocTrunk', { friendly_name: 'Refused' }));
    const plan = planned(await planDocument(URI, document, h.clients, { syncState: state }));
    // A 400 from the provider: a friendly name over 255 characters would be caught by the schema,
    // so the refusal is provoked by the emulator's validation of the connection policy SID instead.
    (plan.operations[0] as { fields: Record<string, unknown> }).fields.connection_policy_sid = 'NYnot-a-sid';
    const result = await applyPlan(plan, h.clients, { syncState: state });
    assert.equal(result.status, 'failed');
    assert.deepEqual(state.pendingCreates(), []);
  });
});
