import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { formatPlanLines, formatPlanPreview } from '../../../../../src/core/documents/plan/format-plan';
import type { SyncDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { applyAll, planAll, pushAll } from '../../../../../src/core/documents/apply/push-all';
import { setDocumentSid } from '../../../../../src/core/documents/edit/set-document-sid';
import { MemorySyncStateStore } from '../../../../../src/core/documents/sync/sync-state';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import { collect } from '../../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const [N1, N2, N3] = ['+14155550101', '+14155550102', '+14155550103'];

/** One file per document, as a workspace usually has them. */
function workspace(...docs: [kind: TrunkKind, spec: object, sid?: string][]): { files: Map<string, string>; documents: SyncDocument[] } {
  const files = new Map<string, string>();
  const documents = docs.map(([kind, spec, sid], i) => {
    const uri = `file:///work/trunk-${String(i).padStart(3, '0')}.trunk.yaml`;
    const text = documentText(kind, spec, sid);
    files.set(uri, text);
    return { uri, document: validDocument(text) };
  });
  return { files, documents };
}

describe('push all', () => {
  describe('bulk planning', () => {
    let h: SyncHarness;
    before(async () => {
      h = await startSyncHarness({ seeding: { trunks: 1_000, numbers: 2_000 } });
    });
    after(() => h.close());

    it('plans 200 documents against 1,000 trunks with one trunk listing, one number listing and one request per document that manages origination URLs', async () => {
      const trunks = (await collect(h.twilio.trunks.list({ pageSize: 1000 }))).slice(0, 200);
      const numbers = await collect(h.twilio.incomingPhoneNumbers.list({ pageSize: 1000 }));
      const docs: [TrunkKind, object, string][] = [];
      for (const [i, trunk] of trunks.entries()) {
        const spec: Record<string, unknown> = {
          friendly_name: trunk.friendly_name,
          secure: i % 40 === 0 ? !trunk.secure : trunk.secure,
          phone_numbers: numbers.filter((n) => n.trunk_sid === trunk.sid).map((n) => n.phone_number),
        };
        if (i < 10) {
          const urls = await collect(h.twilio.originationUrls.list(trunk.sid));
          spec.origination_urls = urls.map(({ friendly_name, sip_url, priority, weight, enabled }) => ({ friendly_name, sip_url, priority, weight, enabled }));
        }
        docs.push(['TwilioTrunk', spec, trunk.sid]);
      }
      const { documents } = workspace(...docs);
      h.emu.stats.reset();

      const combined = await planAll(documents, h.clients);

      const stats = h.emu.stats.snapshot();
      assert.equal(h.emu.stats.count('GET', '/v1/Trunks'), 1);
      assert.equal(h.emu.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json'), 2);
      assert.equal(h.emu.stats.count('GET', '/v1/Trunks/{TrunkSid}/OriginationUrls'), 10);
      assert.equal(stats.total, 13, JSON.stringify(stats.requests));
      const changed = combined.documents.filter((d) => d.outcome.status !== 'planned' || d.outcome.plan.operations.length > 0);
      assert.deepEqual(
        changed.map((d) => d.outcome.status === 'planned' && d.outcome.plan.operations.map((op) => op.description)),
        [0, 40, 80, 120, 160].map(() => ['Update trunk fields: secure']),
      );
      assert.equal(combined.operationCount, 5);
    });
  });

  describe('apply', () => {
    let h: SyncHarness;
    before(async () => {
      h = await startSyncHarness();
    });
    beforeEach(() => h.emu.reset());
    after(() => h.close());

    it('creates, updates and leaves alone, writes each new sid once, and reports per document', async () => {
      const [pn1] = await h.buyNumbers(N1, N2, N3);
      const edge = await h.twilio.trunks.create({ friendly_name: 'Edge', domain_name: 'edge.pstn.twilio.com' });
      await h.twilio.trunkPhoneNumbers.attach(edge.sid, pn1!);
      const same = await h.twilio.trunks.create({ friendly_name: 'Same', domain_name: 'same.pstn.twilio.com' });
      const byoc = await h.twilio.byocTrunks.create({ friendly_name: 'Carrier A' });
      const { files, documents } = workspace(
        ['TwilioTrunk', { friendly_name: 'Acme', domain_name: 'acme.pstn.twilio.com', phone_numbers: [N1] }],
        ['TwilioTrunk', { friendly_name: 'Edge', phone_numbers: [] }, edge.sid],
        ['TwilioTrunk', { friendly_name: 'Same' }, same.sid],
        ['TwilioTrunk', { friendly_name: 'Lab', domain_name: 'lab.pstn.twilio.com', phone_numbers: [N2, '+14155550199'] }],
        ['TwilioTrunk', { friendly_name: 'Spare', domain_name: 'spare.pstn.twilio.com' }],
        ['TwilioByocTrunk', { friendly_name: 'Carrier A', cnam_lookup_enabled: true }, byoc.sid],
        ['CarrierXTrunkGroup', { name: 'EU edge', trunks: [{ name: 'a' }] }],
      );
      const syncState = new MemorySyncStateStore();
      const combined = await planAll(documents, h.clients, { syncState });
      // Five Twilio trunks of one account: planned from one listing, which also names the trunk a number leaves.
      const acme = combined.documents[0]!.outcome;
      assert.ok(acme.status === 'planned');
      assert.deepEqual(formatPlanLines(acme.plan).slice(-2), [`  - Detach ${N1} from trunk ${edge.sid} "Edge" (moving it to this trunk)`, `  + Attach ${N1} (moved from trunk ${edge.sid} "Edge")`]);

      const created: string[] = [];
      const summary = await applyAll(combined, h.clients, {
        syncState,
        onCreated: (plan, sid) => {
          created.push(plan.uri);
          files.set(plan.uri, applyTextEdits(files.get(plan.uri)!, setDocumentSid(files.get(plan.uri)!, plan.index, sid)));
        },
      });
      assert.deepEqual(
        summary.documents.map((d) => [d.title, d.outcome]),
        [
          ['Twilio trunk "Acme"', 'created'],
          ['Twilio trunk "Edge"', 'updated'],
          ['Twilio trunk "Same"', 'unchanged'],
          ['Twilio trunk "Lab"', 'failed'],
          ['Twilio trunk "Spare"', 'created'],
          ['BYOC trunk "Carrier A"', 'updated'],
          ['CarrierX trunk group "EU edge"', 'created'],
        ],
      );
      assert.equal(summary.message, 'Push of 7 documents: 3 created, 2 updated, 1 unchanged, 1 failed.');
      assert.equal(summary.documents[3]!.message, 'Not planned: +14155550199 is not a phone number of account sandbox. Buy or port it in Twilio first, or remove it from phone_numbers.');
      assert.deepEqual(created, [documents[0]!.uri, documents[4]!.uri, documents[6]!.uri]);

      // Everything pushed is in sync, and our own changes are remembered as synced, not as remote changes.
      assert.equal(Object.keys(syncState.toJSON()).length, 6);
      const edited = [...files].filter((_, i) => i !== 3).map(([uri, text]) => ({ uri, document: validDocument(text.replace(/name: (.+)/, 'name: $1 v2')) }));
      const again = await planAll(edited, h.clients, { syncState });
      assert.deepEqual(
        again.documents.map((d) => d.outcome.status === 'planned' && [d.outcome.plan.operations.length, d.outcome.plan.remoteChanged]),
        [[1, undefined], [1, undefined], [1, undefined], [1, undefined], [1, undefined], [1, undefined]],
      );
    });

    it('refuses documents that claim the same number, and skips a remote that changed unless told to overwrite', async () => {
      await h.buyNumbers(N1);
      const trunk = await h.twilio.trunks.create({ friendly_name: 'Acme' });
      const syncState = new MemorySyncStateStore();
      const first = workspace(['TwilioTrunk', { friendly_name: 'Acme' }, trunk.sid]);
      await pushAll(first.documents, h.clients, { syncState });
      await h.twilio.trunks.update(trunk.sid, { secure: true });

      const { documents } = workspace(
        ['TwilioTrunk', { friendly_name: 'Acme 2' }, trunk.sid],
        ['TwilioTrunk', { friendly_name: 'A', phone_numbers: [N1] }],
        ['TwilioTrunk', { friendly_name: 'B', phone_numbers: [N1] }],
      );
      // The first document has the same uri and index as the one pushed before: its sync state applies.
      const { plan, summary } = await pushAll(documents, h.clients, { syncState });
      assert.equal(
        formatPlanPreview(plan.documents.map((d) => d.outcome)),
        [
          `Twilio trunk "Acme 2" (sandbox, ${trunk.sid}): 1 change`,
          '  ! The remote changed since the last push or pull (secure); applying overwrites it.',
          '  ~ Update trunk fields: friendly_name',
          '      friendly_name: "Acme" → "Acme 2"',
          '',
          `Twilio trunk "A" (sandbox): not planned. ${N1} is also claimed by file:///work/trunk-002.trunk.yaml (document 1); one trunk file per number and domain. Remove it from one of them.`,
          '',
          `Twilio trunk "B" (sandbox): not planned. ${N1} is also claimed by file:///work/trunk-001.trunk.yaml (document 1); one trunk file per number and domain. Remove it from one of them.`,
        ].join('\n'),
      );
      assert.deepEqual(summary.documents.map((d) => d.outcome), ['skipped', 'failed', 'failed']);
      assert.match(summary.documents[0]!.message, /changed since it was last pushed or pulled \(secure\)/);
      assert.equal(summary.documents[1]!.message, `Not planned: ${N1} is also claimed by file:///work/trunk-002.trunk.yaml (document 1); one trunk file per number and domain. Remove it from one of them.`);
      assert.equal((await collect(h.twilio.trunks.list())).length, 1);

      const overwrite = await pushAll(documents.slice(0, 1), h.clients, { syncState, overwrite: true });
      assert.deepEqual(overwrite.summary.counts, { created: 0, updated: 1, unchanged: 0, failed: 0, skipped: 0 });
      assert.equal((await h.twilio.trunks.fetch(trunk.sid)).friendly_name, 'Acme 2');
    });
  });
});
