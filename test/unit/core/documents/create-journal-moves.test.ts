import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyAll, planAll } from '../../../../src/core/documents/apply/push-all';
import { parseTrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import type { PlanDocumentsOptions, SyncDocument } from '../../../../src/core/documents/plan/plan-documents';
import { MemorySyncStateStore } from '../../../../src/core/documents/sync/sync-state';
import type { TrunkKind } from '../../../../src/core/documents/file/trunk-kinds';
import { collect } from '../../../../src/core/providers/page';
import { documentText, startSyncHarness, type SyncHarness } from '../../../support/sync-harness';

// A push died after the provider created a resource and before its sid reached the file (a
// kill, a closed editor). Before the next push the user (or a colleague, or git) moved things:
// a document added above it, the documents reordered, the file renamed or copied as a template,
// the document's name edited. The next push must give the made resource to the document it was
// made for (or refuse and say which sid to write where), and never create it a second time.

const A = 'file:///work/a.trunk.yaml';
const B = 'file:///work/b.trunk.yaml';

interface KindCase {
  kind: TrunkKind;
  spec: (name: string) => object;
  named: (h: SyncHarness, name: string) => Promise<string[]>;
}

const KINDS: KindCase[] = [
  {
    kind: 'TwilioTrunk',
    spec: (name) => ({ friendly_name: name, secure: true }),
    named: async (h, name) => (await collect(h.twilio.trunks.list())).filter((t) => t.friendly_name === name).map((t) => t.sid),
  },
  {
    kind: 'TwilioByocTrunk',
    spec: (name) => ({ friendly_name: name, voice_url: 'https://example.com/voice' }),
    named: async (h, name) => (await collect(h.twilio.byocTrunks.list())).filter((t) => t.friendly_name === name).map((t) => t.sid),
  },
  {
    kind: 'CarrierXTrunkGroup',
    spec: (name) => ({ name, routing_type: 'failover' }),
    named: async (h, name) => (await h.carrierx.trunkGroups.findByName(name)).map((g) => g.trunk_group_sid),
  },
];

/** A file of documents of one kind; a name given as [name, sid] is a document whose sid was written. */
function file(uri: string, kind: TrunkKind, c: KindCase, names: readonly (string | readonly [string, string])[]): SyncDocument[] {
  const text = names.map((n) => (typeof n === 'string' ? documentText(kind, c.spec(n)) : documentText(kind, c.spec(n[0]), n[1]))).join('---\n');
  return parseTrunkFile(text).documents.map((document) => ({ uri, document }));
}

/** Pushes the documents; the write-back of `crashAt`'s sid fails as if the process died there. */
async function pushCrashingAt(h: SyncHarness, documents: SyncDocument[], state: MemorySyncStateStore, crashAt: { uri: string; index: number }) {
  const combined = await planAll(documents, h.clients, { syncState: state });
  const written = new Map<string, string>();
  await applyAll(combined, h.clients, {
    syncState: state,
    concurrency: 1,
    onCreated: (plan, sid) => {
      if (plan.uri === crashAt.uri && plan.index === crashAt.index) throw new Error('killed');
      written.set(`${plan.uri}#${plan.index}`, sid);
    },
  });
  return written;
}

/** Pushes again and returns, per document, the sid written back (or undefined) and the plan's first operation. */
async function pushAgain(h: SyncHarness, documents: SyncDocument[], state: MemorySyncStateStore, options: PlanDocumentsOptions = {}) {
  const combined = await planAll(documents, h.clients, { ...options, syncState: state });
  const written = new Map<string, string>();
  const summary = await applyAll(combined, h.clients, { syncState: state, concurrency: 1, onCreated: (plan, sid) => void written.set(`${plan.uri}#${plan.index}`, sid) });
  const first = new Map(combined.documents.map((d) => [`${d.uri}#${d.document.index}`, d.outcome.status === 'planned' ? (d.outcome.plan.operations[0]?.description ?? '') : `refused: ${d.outcome.refusal.message}`]));
  return { combined, summary, written, first };
}

describe('an interrupted create, resumed after the documents moved', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(() => h.emu.reset());
  after(() => h.close());

  for (const c of KINDS) {
    it(`${c.kind}: a document added above it — the made one goes to its document, the new one is created`, async () => {
      const state = new MemorySyncStateStore();
      await pushCrashingAt(h, file(A, c.kind, c, ['Edge one']), state, { uri: A, index: 0 });
      const made = await c.named(h, 'Edge one');
      assert.equal(made.length, 1);

      const again = await pushAgain(h, file(A, c.kind, c, ['Edge zero', 'Edge one']), state);
      assert.equal(again.written.get(`${A}#1`), made[0], `the document it was made for gets it: ${again.first.get(`${A}#1`)}`);
      assert.match(again.first.get(`${A}#1`)!, /stopped before writing its sid/);
      assert.deepEqual(await c.named(h, 'Edge one'), made, 'not created again');
      const zero = await c.named(h, 'Edge zero');
      assert.equal(zero.length, 1);
      assert.equal(again.written.get(`${A}#0`), zero[0], 'the new document gets its own new resource');
      assert.deepEqual(await state.pendingCreates(), [], 'nothing left in the journal');
    });

    it(`${c.kind}: documents reordered`, async () => {
      const state = new MemorySyncStateStore();
      const first = await pushCrashingAt(h, file(A, c.kind, c, ['Edge one', 'Edge two']), state, { uri: A, index: 0 });
      const one = await c.named(h, 'Edge one');
      const two = first.get(`${A}#1`)!;
      assert.equal(one.length, 1);

      const again = await pushAgain(h, file(A, c.kind, c, [['Edge two', two], 'Edge one']), state);
      assert.equal(again.written.get(`${A}#1`), one[0], again.first.get(`${A}#1`));
      assert.equal(again.written.get(`${A}#0`), undefined, 'the document that has its sid keeps it');
      assert.deepEqual(await c.named(h, 'Edge one'), one);
      assert.deepEqual(await c.named(h, 'Edge two'), [two]);
    });

    it(`${c.kind}: the file renamed (the CLI sees the old file is gone; the editor, that it is not in the workspace)`, async () => {
      const state = new MemorySyncStateStore();
      await pushCrashingAt(h, file(A, c.kind, c, ['Edge one']), state, { uri: A, index: 0 });
      const made = await c.named(h, 'Edge one');
      const renamed = file(B, c.kind, c, ['Edge one']);
      const cli = await planAll(renamed, h.clients, { syncState: state, fileExists: (uri) => uri === B });
      assert.equal(cli.documents[0]!.outcome.status === 'planned' && cli.documents[0]!.outcome.plan.operations[0]?.type, 'adopt');
      const again = await pushAgain(h, renamed, state, { workspaceDocuments: renamed });
      assert.equal(again.written.get(`${B}#0`), made[0], again.first.get(`${B}#0`));
      assert.match(again.first.get(`${B}#0`)!, /when this document was file:\/\/\/work\/a\.trunk\.yaml, document 1/);
      assert.deepEqual(await c.named(h, 'Edge one'), made);
    });

    it(`${c.kind}: the file copied as a template (same names) — the original keeps what was made for it, the copy gets its own`, async () => {
      const state = new MemorySyncStateStore();
      await pushCrashingAt(h, file(A, c.kind, c, ['Edge one']), state, { uri: A, index: 0 });
      const made = await c.named(h, 'Edge one');
      // the copy listed first: position in the push must not decide
      const again = await pushAgain(h, [...file(B, c.kind, c, ['Edge one']), ...file(A, c.kind, c, ['Edge one'])], state);
      assert.equal(again.written.get(`${A}#0`), made[0], again.first.get(`${A}#0`));
      const now = await c.named(h, 'Edge one');
      assert.equal(now.length, 2);
      assert.equal(again.written.get(`${B}#0`), now.find((s) => s !== made[0]));
    });

    it(`${c.kind}: only the copy pushed while the original's file still exists — refused, saying which sid to write where`, async () => {
      const state = new MemorySyncStateStore();
      await pushCrashingAt(h, file(A, c.kind, c, ['Edge one']), state, { uri: A, index: 0 });
      const made = await c.named(h, 'Edge one');
      const combined = await planAll(file(B, c.kind, c, ['Edge one']), h.clients, { syncState: state, fileExists: (uri) => uri === A || uri === B });
      const outcome = combined.documents[0]!.outcome;
      assert.equal(outcome.status, 'refused');
      assert.ok(outcome.status === 'refused' && outcome.refusal.message.includes(made[0]!) && outcome.refusal.message.includes(A), outcome.status === 'refused' ? outcome.refusal.message : '');
      assert.deepEqual(await c.named(h, 'Edge one'), made, 'nothing created');
    });

    it(`${c.kind}: twins in two files, both creates interrupted — each gets the one made for it, nothing is made a third time`, async () => {
      const state = new MemorySyncStateStore();
      await pushCrashingAt(h, file(A, c.kind, c, ['Edge twin']), state, { uri: A, index: 0 });
      const [first] = await c.named(h, 'Edge twin');
      // Push All of both files, killed before any sid reached a file: the twin's create is journaled too.
      const both = [...file(A, c.kind, c, ['Edge twin']), ...file(B, c.kind, c, ['Edge twin'])];
      await applyAll(await planAll(both, h.clients, { syncState: state }), h.clients, {
        syncState: state,
        concurrency: 1,
        onCreated: () => {
          throw new Error('killed');
        },
      });
      const made = await c.named(h, 'Edge twin');
      assert.equal(made.length, 2, 'the twin got its own');
      const second = made.find((sid) => sid !== first)!;

      const again = await pushAgain(h, both, state);
      assert.equal(again.written.get(`${A}#0`), first, `the first file's document gets the first one: ${again.first.get(`${A}#0`)}`);
      assert.equal(again.written.get(`${B}#0`), second, `the twin gets its own: ${again.first.get(`${B}#0`)}`);
      assert.deepEqual((await c.named(h, 'Edge twin')).sort(), made.sort(), 'not created a third time');
    });

    it(`${c.kind}: the document's name edited — it adopts what was made and renames it`, async () => {
      const state = new MemorySyncStateStore();
      await pushCrashingAt(h, file(A, c.kind, c, ['Edge one']), state, { uri: A, index: 0 });
      const made = await c.named(h, 'Edge one');
      const again = await pushAgain(h, file(A, c.kind, c, ['Edge uno']), state);
      assert.equal(again.written.get(`${A}#0`), made[0], again.first.get(`${A}#0`));
      assert.match(again.first.get(`${A}#0`)!, /"Edge one"/, 'the plan says it takes the resource made under the old name');
      assert.deepEqual(await c.named(h, 'Edge uno'), made, 'renamed, not created');
      assert.deepEqual(await c.named(h, 'Edge one'), []);
    });
  }

  it('a colleague made one of the same name after the interrupted create: refused naming both sids, nothing created', async () => {
    const c = KINDS[0]!;
    const state = new MemorySyncStateStore();
    await pushCrashingAt(h, file(A, c.kind, c, ['Edge one']), state, { uri: A, index: 0 });
    const [ours] = await c.named(h, 'Edge one');
    const theirs = (await h.twilio.trunks.create({ friendly_name: 'Edge one' })).sid;
    const again = await pushAgain(h, file(A, c.kind, c, ['Edge one']), state);
    assert.match(again.first.get(`${A}#0`)!, new RegExp(`^refused: .*${ours}.*Nothing was created\\.$`));
    assert.match(again.first.get(`${A}#0`)!, new RegExp(theirs));
    assert.deepEqual((await c.named(h, 'Edge one')).sort(), [ours!, theirs].sort(), 'no third one');
  });
});
