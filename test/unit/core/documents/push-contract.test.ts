import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../src/core/documents/apply/apply-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../src/core/documents/plan/document-plan';
import { parseTrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import { planDocument, planDocuments, type SyncDocument } from '../../../../src/core/documents/plan/plan-documents';
import { applyAll, planAll, pushAll } from '../../../../src/core/documents/apply/push-all';
import { MemorySyncStateStore } from '../../../../src/core/documents/sync/sync-state';
import { WorkspaceIndex } from '../../../../src/core/documents/validate/workspace-index';
import { collect } from '../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../support/sync-harness';

// The push contract under what real teams do (issue 12): one resource, one document; no race
// between the plan shown and the writes sent; drift that follows the resource; a lost create
// that never adopts another document's resource.

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

const A = 'file:///work/a.trunk.yaml';
const B = 'file:///work/b.trunk.yaml';

describe('the push contract', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness({ responseTimeoutMs: 250 });
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  describe('one resource, one document', () => {
    it('a file copied as a template: both sids are errors, in one file and across files, and neither document is planned', async () => {
      const group = await h.carrierx.trunkGroups.create({ name: 'EU edge', trunks: [{ name: 'a' }, { name: 'b' }] });
      const original = documentText('CarrierXTrunkGroup', { name: 'EU edge', trunks: [{ name: 'a' }, { name: 'b' }] }, group.trunk_group_sid);
      const copy = documentText('CarrierXTrunkGroup', { name: 'US edge', trunks: [{ name: 'c' }] }, group.trunk_group_sid);

      // In one file: both documents carry the error at their sid, and both are invalid.
      const file = parseTrunkFile(`${original}---\n${copy}`);
      const sidErrors = file.diagnostics.filter((d) => d.code === 'duplicate-sid');
      assert.equal(sidErrors.length, 2);
      for (const [i, d] of sidErrors.entries()) {
        const sidLine = file.documents[i]!.yaml.contents ? file.text.split('\n')[d.range.start.line] : '';
        assert.equal(sidLine, `sid: ${group.trunk_group_sid}`);
        assert.equal(file.text.slice(d.range.start.offset, d.range.end.offset), group.trunk_group_sid);
        assert.equal(d.severity, 'error');
      }
      assert.deepEqual(file.documents.map((d) => d.valid), [false, false]);

      // Across files: the workspace index reports it in both.
      const index = new WorkspaceIndex();
      index.update(A, parseTrunkFile(original).claims);
      index.update(B, parseTrunkFile(copy).claims);
      assert.deepEqual(index.diagnosticsFor(A).map((d) => d.code), ['duplicate-sid']);
      assert.deepEqual(index.diagnosticsFor(B).map((d) => d.code), ['duplicate-sid']);
      assert.match(index.diagnosticsFor(B)[0]!.message, /one resource, one document/);

      // Planned together (as the CLI and Push All do), neither is planned and nothing is sent.
      h.emu.stats.reset();
      const plans = await planDocuments(
        [
          { uri: A, document: validDocument(original) },
          { uri: B, document: validDocument(copy) },
        ],
        h.clients,
      );
      assert.deepEqual(plans.map((p) => p.outcome.status), ['refused', 'refused']);
      assert.match((plans[1]!.outcome as { refusal: { message: string } }).refusal.message, new RegExp(`${group.trunk_group_sid} is also claimed by ${A}`));
      const summary = await applyAll({ documents: plans, operationCount: 0 }, h.clients);
      assert.deepEqual(summary.counts, { created: 0, updated: 0, unchanged: 0, failed: 2, skipped: 0 });
      assert.equal(h.emu.stats.count('PATCH', '/core/v2/trunk_groups/{trunk_group_sid}') + h.emu.stats.count('DELETE', '/core/v2/trunk_groups/{trunk_group_sid}/trunks/{trunk_sid}'), 0);
      const after = await h.carrierx.trunkGroups.fetch(group.trunk_group_sid, { withTrunks: true });
      assert.deepEqual(after.trunks?.map((t) => t.name).sort(), ['a', 'b'], 'the group keeps its trunks');
    });
  });

  describe('no race between the plan shown and the writes sent', () => {
    it('a colleague\'s change made while the plan is on screen stops the push before anything is sent', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme', secure: false });
      const document = validDocument(documentText('TwilioTrunk', { friendly_name: 'Acme 2', secure: false }, trunk.sid));
      const plan = planned(await planDocument(A, document, h.clients));
      assert.deepEqual(plan.operations.map((op) => op.type), ['twilio.trunk.update']);

      // ... the user reads the plan; meanwhile a colleague turns on secure in the console
      await h.twilio.trunks.update(trunk.sid, { secure: true });
      h.emu.stats.reset();
      const result = await applyPlan(plan, h.clients);

      assert.equal(result.status, 'outdated');
      assert.deepEqual(result.movedFields, ['secure']);
      assert.match(result.message, /changed after the plan was made \(secure\); nothing was sent/);
      assert.equal(h.emu.stats.count('POST', '/v1/Trunks/{TrunkSid}'), 0, 'nothing sent');
      const remote = await h.twilio.trunks.fetch(trunk.sid);
      assert.equal(remote.secure, true, "the colleague's change stands");
      assert.equal(remote.friendly_name, 'Acme');

      // Planned again, the new plan shows the colleague's value and applies.
      const again = planned(await planDocument(A, document, h.clients));
      assert.deepEqual(again.operations[0]!.changes.map((c) => c.field).sort(), ['friendly_name', 'secure']);
      assert.equal((await applyPlan(again, h.clients)).status, 'applied');
    });

    it('Push All skips, as outdated, only the documents that moved after the plan', async () => {
      const moved = await h.twilio.trunks.create({ friendly_name: 'Moved' });
      const still = await h.twilio.trunks.create({ friendly_name: 'Still' });
      const combined = await planAll(
        [
          { uri: A, document: validDocument(documentText('TwilioTrunk', { friendly_name: 'Moved 2' }, moved.sid)) },
          { uri: B, document: validDocument(documentText('TwilioTrunk', { friendly_name: 'Still 2' }, still.sid)) },
        ],
        h.clients,
      );
      await h.twilio.trunks.update(moved.sid, { transfer_mode: 'enable-all' });
      const summary = await applyAll(combined, h.clients);
      assert.deepEqual(summary.documents.map((d) => [d.outcome, d.apply?.status]), [
        ['skipped', 'outdated'],
        ['updated', 'applied'],
      ]);
      assert.equal((await h.twilio.trunks.fetch(moved.sid)).friendly_name, 'Moved');
      assert.equal((await h.twilio.trunks.fetch(still.sid)).friendly_name, 'Still 2');
    });

    it('after a push, a key someone else changed meanwhile stays "remote changed" instead of being absorbed and reverted next time', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme', secure: false });
      const document = validDocument(documentText('TwilioTrunk', { friendly_name: 'Acme 2', secure: false }, trunk.sid));
      const state = new MemorySyncStateStore();
      await pushAll([{ uri: A, document: validDocument(documentText('TwilioTrunk', { friendly_name: 'Acme', secure: false }, trunk.sid)) }], h.clients, { syncState: state });

      let colleague = false;
      const result = await applyPlan(planned(await planDocument(A, document, h.clients, { syncState: state })), h.clients, {
        syncState: state,
        // after the re-check, before the read-back: the colleague's change lands
        precondition: async () => {
          if (!colleague) await h.twilio.trunks.update(trunk.sid, { secure: true });
          colleague = true;
          return true;
        },
      });
      assert.equal(result.status, 'applied', result.message);

      const next = planned(await planDocument(A, document, h.clients, { syncState: state }));
      assert.deepEqual(next.remoteChanged, { fields: ['secure'] }, 'the next push would revert it: it must say so');
      assert.equal((await applyPlan(next, h.clients, { syncState: state })).status, 'refused');
      assert.equal((await h.twilio.trunks.fetch(trunk.sid)).secure, true);
    });
  });

  describe('drift follows the resource, not its position', () => {
    it('a document moved below another, into a renamed file, keeps its drift warning', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme' });
      const state = new MemorySyncStateStore();
      const text = documentText('TwilioTrunk', { friendly_name: 'Acme' }, trunk.sid);
      await pushAll([{ uri: A, document: validDocument(text) }], h.clients, { syncState: state });
      await h.twilio.trunks.update(trunk.sid, { friendly_name: 'Acme (console)' });

      // the file is renamed and a new document is added above it
      const moved = `${documentText('TwilioByocTrunk', { friendly_name: 'Carrier' })}---\n${text}`;
      const doc = parseTrunkFile(moved).documents[1]!;
      assert.equal(doc.index, 1);
      const plan = planned(await planDocument('file:///work/renamed/acme.trunk.yaml', doc, h.clients, { syncState: state }));
      assert.deepEqual(plan.remoteChanged, { fields: ['friendly_name'] });
      const result = await applyPlan(plan, h.clients, { syncState: state });
      assert.equal(result.status, 'refused', 'the console change is not overwritten without asking');
      assert.equal((await h.twilio.trunks.fetch(trunk.sid)).friendly_name, 'Acme (console)');
    });

    it('a state written by 0.1.0 (keyed by file and index) still detects drift, and moves to identity keys', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme' });
      const text = documentText('TwilioTrunk', { friendly_name: 'Acme' }, trunk.sid);
      const fresh = new MemorySyncStateStore();
      await pushAll([{ uri: A, document: validDocument(text) }], h.clients, { syncState: fresh });
      const fingerprint = fresh.toJSON()[`sandbox/TwilioTrunk/${trunk.sid}`];
      assert.ok(fingerprint);

      const { legacyEntriesBySid } = await import('../../../../src/core/documents/sync/sync-state');
      const old = new MemorySyncStateStore({}, {}, legacyEntriesBySid({ [`${A}#3#${trunk.sid}`]: fingerprint }));
      await h.twilio.trunks.update(trunk.sid, { friendly_name: 'Acme (console)' });
      const plan = planned(await planDocument(B, validDocument(text), h.clients, { syncState: old }));
      assert.deepEqual(plan.remoteChanged, { fields: ['friendly_name'] });
    });
  });

  describe('a lost create never adopts another document\'s resource', () => {
    it('two new BYOC trunks with the same name, the first create lost before it reached the provider: two trunks, one each', async () => {
      const spec = { friendly_name: 'Carrier X', voice_url: 'https://example.com/voice' };
      const documents: SyncDocument[] = [
        { uri: A, document: validDocument(documentText('TwilioByocTrunk', spec)) },
        { uri: B, document: validDocument(documentText('TwilioByocTrunk', spec)) },
      ];
      h.emu.faults.add({ times: 1, kind: 'reset-before-commit', method: 'POST', path: '/v1/ByocTrunks' });
      const sids = new Map<string, string>();
      const { summary } = await pushAll(documents, h.clients, { onCreated: (plan, sid) => void sids.set(plan.uri, sid) });

      const made = (await collect(h.twilio.byocTrunks.list())).filter((t) => t.friendly_name === 'Carrier X').map((t) => t.sid).sort();
      assert.equal(made.length, 2, summary.message);
      assert.deepEqual([...sids.values()].sort(), made, 'each document has its own trunk');
      assert.deepEqual(summary.counts, { created: 2, updated: 0, unchanged: 0, failed: 0, skipped: 0 });
    });

    it('a journaled create whose only new same-named resource is a sibling document\'s is not adopted', async () => {
      const spec = { name: 'Edge', routing_type: 'failover' };
      const state = new MemorySyncStateStore();
      // The push journaled A's create and died before sending it; B's create went through and its sid was written.
      state.setPendingCreate({ uri: A, index: 0, kind: 'CarrierXTrunkGroup', account: 'sandbox', name: 'Edge', before: [] });
      const sibling = await h.carrierx.trunkGroups.create({ name: 'Edge', routing_type: 'failover' });
      const plans = await planDocuments(
        [
          { uri: A, document: validDocument(documentText('CarrierXTrunkGroup', spec)) },
          { uri: B, document: validDocument(documentText('CarrierXTrunkGroup', spec, sibling.trunk_group_sid)) },
        ],
        h.clients,
        { syncState: state },
      );
      const plan = planned(plans[0]!.outcome);
      assert.equal(plan.operations[0]?.type, 'carrierx.group.create', 'A creates its own group');

      // The same when the sibling is in another file the editor knows about, but not in this push.
      const alone = planned(await planDocument(A, validDocument(documentText('CarrierXTrunkGroup', spec)), h.clients, { syncState: state, claimedSids: [sibling.trunk_group_sid] }));
      assert.equal(alone.operations[0]?.type, 'carrierx.group.create');
    });

    it('a new trunk never takes over the trunk owning its domain when another document manages that trunk', async () => {
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Main', domain_name: 'acme-main.pstn.twilio.com' });
      const plans = await planDocuments(
        [
          { uri: A, document: validDocument(documentText('TwilioTrunk', { friendly_name: 'Main' }, trunk.sid)) },
          { uri: B, document: validDocument(documentText('TwilioTrunk', { friendly_name: 'Copy', domain_name: 'acme-main.pstn.twilio.com' })) },
        ],
        h.clients,
      );
      assert.equal(plans[0]!.outcome.status, 'planned');
      assert.equal(plans[1]!.outcome.status, 'refused');
      assert.match((plans[1]!.outcome as { refusal: { message: string } }).refusal.message, new RegExp(`Domain acme-main.pstn.twilio.com belongs to trunk ${trunk.sid}, which another trunk document manages`));
    });
  });
});
