import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../../src/core/documents/plan/document-plan';
import { documentStatus } from '../../../../../src/core/documents/sync/document-status';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { setDocumentSid } from '../../../../../src/core/documents/edit/set-document-sid';
import { MemorySyncStateStore } from '../../../../../src/core/documents/sync/sync-state';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';
import { accountPath, twilio } from '../../../../support/emulator-http';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const URI = 'file:///work/acme.trunk.yaml';
const [N1, N2] = ['+14155550101', '+14155550102'];

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

const FILE = `# Acme trunks: reviewed in PRs
apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: sandbox   # the sandbox
spec:
  friendly_name: Carrier A   # keep
---
# the main trunk
apiVersion: trunkline/v1
kind: TwilioTrunk
account: sandbox
spec:
  friendly_name: Acme main  # shown in the console
  domain_name: acme-main.pstn.twilio.com
  # numbers for the front desk
  phone_numbers: ["${N1}"]
`;

describe('applyPlan', () => {
  let h: SyncHarness;
  let pn: string[];
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(async () => {
    await h.emu.reset();
    pn = await h.buyNumbers(N1, N2);
  });
  after(() => h.close());

  it('creates the trunk, reports its sid once, and the write-back keeps comments and the other document byte-identical', async () => {
    const plan = planned(await planDocument(URI, validDocument(FILE, 1), h.clients));
    let text = FILE;
    const sids: string[] = [];
    const progress: string[] = [];
    const result = await applyPlan(plan, h.clients, {
      onProgress: (p) => progress.push(`${p.stage} ${p.index + 1}/${p.total} ${p.operation.description}`),
      onCreated: (sid) => {
        sids.push(sid);
        text = applyTextEdits(text, setDocumentSid(text, plan.index, sid));
      },
    });
    assert.equal(result.status, 'applied', result.message);
    assert.equal(result.message, '2 operations applied.');
    assert.equal(sids.length, 1);
    assert.deepEqual(progress, [
      'started 1/2 Create Twilio trunk acme-main.pstn.twilio.com',
      'done 1/2 Create Twilio trunk acme-main.pstn.twilio.com',
      `started 2/2 Attach ${N1}`,
      `done 2/2 Attach ${N1}`,
    ]);
    const [trunk] = await Promise.all([h.twilio.trunks.fetch(sids[0]!)]);
    assert.equal(trunk.domain_name, 'acme-main.pstn.twilio.com');
    assert.equal(text, FILE.replace('account: sandbox\nspec:\n  friendly_name: Acme main', `account: sandbox\nsid: ${sids[0]}\nspec:\n  friendly_name: Acme main`));
    assert.equal(text.split('---\n')[0], FILE.split('---\n')[0]);
    assert.deepEqual(planned(await planDocument(URI, validDocument(text, 1), h.clients)).operations, []);
  });

  it('stops before the next operation when the precondition says so, and the next plan does the rest', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Old', domain_name: 'acme.pstn.twilio.com' });
    const text = documentText('TwilioTrunk', { friendly_name: 'New', phone_numbers: [N1, N2] }, trunk.sid);
    const plan = planned(await planDocument(URI, validDocument(text), h.clients));
    assert.equal(plan.operations.length, 3);
    let checks = 0;
    const result = await applyPlan(plan, h.clients, { precondition: () => ++checks <= 1 || 'the file changed on disk' });
    assert.equal(result.status, 'stopped');
    assert.equal(result.message, `1 of 3 operations applied; stopped before Attach ${N1}: the file changed on disk. Push again to finish.`);
    assert.deepEqual(result.applied.map((op) => op.type), ['twilio.trunk.update']);
    assert.deepEqual(result.notApplied.map((op) => op.description), [`Attach ${N1}`, `Attach ${N2}`]);
    const rest = planned(await planDocument(URI, validDocument(text), h.clients));
    assert.deepEqual(rest.operations.map((op) => op.description), [`Attach ${N1}`, `Attach ${N2}`]);
  });

  it('reports what was applied and what not when an operation fails, and the next plan finishes the job', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Old', domain_name: 'acme.pstn.twilio.com' });
    const text = documentText('TwilioTrunk', { friendly_name: 'New', phone_numbers: [N1, N2] }, trunk.sid);
    const plan = planned(await planDocument(URI, validDocument(text), h.clients));
    // The second number is released between plan and apply.
    await twilio(h.emu, 'DELETE', accountPath(h.emu, `/IncomingPhoneNumbers/${pn[1]}.json`));
    const result = await applyPlan(plan, h.clients);
    assert.equal(result.status, 'failed');
    assert.match(result.message, new RegExp(`^2 of 3 operations applied; failed at Attach \\${N2}: Twilio \\d+: .+ \\(HTTP 400\\)\\. Push again to finish\\.$`));
    assert.deepEqual(result.notApplied.map((op) => op.description), [`Attach ${N2}`]);

    await h.buyNumbers(N2);
    const rest = planned(await planDocument(URI, validDocument(text), h.clients));
    assert.deepEqual(rest.operations.map((op) => op.description), [`Attach ${N2}`]);
    assert.equal((await applyPlan(rest, h.clients)).status, 'applied');
  });

  it('stops at once when cancelled, before sending anything', async () => {
    const text = documentText('TwilioTrunk', { friendly_name: 'Never', domain_name: 'never.pstn.twilio.com' });
    const plan = planned(await planDocument(URI, validDocument(text), h.clients));
    h.emu.stats.reset();
    const result = await applyPlan(plan, h.clients, { signal: AbortSignal.abort() });
    assert.equal(result.status, 'cancelled');
    assert.equal(result.message, '0 of 1 operation applied; cancelled before Create Twilio trunk never.pstn.twilio.com. Push again to finish.');
    assert.equal(h.emu.stats.snapshot().total, 0);
  });

  describe('when the remote changed since the last sync', () => {
    it('shows "remote changed" and refuses to apply unless told to overwrite', async () => {
      const syncState = new MemorySyncStateStore();
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme', domain_name: 'acme.pstn.twilio.com' });
      let text = documentText('TwilioTrunk', { friendly_name: 'Acme', secure: true }, trunk.sid);
      const first = await applyPlan(planned(await planDocument(URI, validDocument(text), h.clients, { syncState })), h.clients, { syncState });
      assert.equal(first.status, 'applied');
      assert.equal((await documentStatus({ uri: URI, document: validDocument(text) }, h.clients, { syncState })).label, 'in sync');

      // Someone renames it in the console; the file now changes something else.
      await h.twilio.trunks.update(trunk.sid, { friendly_name: 'Renamed in console' });
      text = documentText('TwilioTrunk', { friendly_name: 'Acme', secure: false }, trunk.sid);
      const status = await documentStatus({ uri: URI, document: validDocument(text) }, h.clients, { syncState });
      assert.equal(status.label, 'remote changed');
      assert.ok(status.state === 'remote-changed');
      assert.deepEqual(status.fields, ['friendly_name']);

      const plan = planned(await planDocument(URI, validDocument(text), h.clients, { syncState }));
      const refused = await applyPlan(plan, h.clients, { syncState });
      assert.equal(refused.status, 'refused');
      assert.equal(refused.message, 'The remote Twilio trunk "Acme" changed since it was last pushed or pulled (friendly_name). Review the remote changes, then Pull them or push again choosing to overwrite them.');
      assert.equal((await h.twilio.trunks.fetch(trunk.sid)).friendly_name, 'Renamed in console');

      const overwritten = await applyPlan(plan, h.clients, { syncState, overwrite: true });
      assert.equal(overwritten.status, 'applied');
      assert.equal((await h.twilio.trunks.fetch(trunk.sid)).friendly_name, 'Acme');
      assert.equal((await documentStatus({ uri: URI, document: validDocument(text) }, h.clients, { syncState })).label, 'in sync');
    });

    it('notices a number attached in the same second through the emulator store (no date_updated change)', async () => {
      const syncState = new MemorySyncStateStore();
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme' });
      const text = documentText('TwilioTrunk', { friendly_name: 'Acme', secure: true }, trunk.sid);
      await applyPlan(planned(await planDocument(URI, validDocument(text), h.clients, { syncState })), h.clients, { syncState });
      const before = (await h.twilio.trunks.fetch(trunk.sid)).date_updated;
      h.emu.store.twilio.attachNumber(trunk.sid, pn[0]!, h.emu.clock.now());
      assert.equal((await h.twilio.trunks.fetch(trunk.sid)).date_updated, before);
      const edited = documentText('TwilioTrunk', { friendly_name: 'Acme', secure: false }, trunk.sid);
      const status = await documentStatus({ uri: URI, document: validDocument(edited) }, h.clients, { syncState });
      assert.ok(status.state === 'remote-changed', status.label);
      assert.deepEqual(status.fields, ['phone_numbers']);
    });
  });
});
