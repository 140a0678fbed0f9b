import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { applyAll, planAll } from '../../src/core/documents/apply/push-all';
import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import type { SyncDocument } from '../../src/core/documents/plan/plan-documents';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import { MemorySyncStateStore } from '../../src/core/documents/sync/sync-state';
import type { EmulatorSnapshot } from '../../src/emulator/store/emulator-store';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { recordFigures, scaled } from './reliability-run';

// The journal of interrupted creates as a stateful property (fast-check model-based commands):
// random sequences of documents added at any position (few names, so twins happen), reorders,
// renamed files, files copied as templates (sids left out, same names), edited names, and
// pushes (Push All's core: planAll + applyAll on one sync state) killed at a random write-back
// (the resource made, its sid never written, nothing after it sent), some under 429 bursts
// (Retry-After 0) that the request pacer paces. The model knows which
// document each killed create was for. After every push: no resource went to a document other
// than the one it was made for (or an identical twin), no sid in two documents, no resource
// that no document has and no interrupted create owes, every document's resource named as it
// is; a refusal must name the sid it is unsure of (the user then writes it where the model says).
// At the end of each sequence, pushes without kills finish everything: the remote is the files.

const SEEDS = (process.env.RELIABILITY_JOURNAL_SEEDS ?? scaled('5101,5102', '5101')).split(',').map(Number);
const SEQUENCES = Number(process.env.RELIABILITY_JOURNAL_SEQUENCES ?? scaled(60, 30));
const MAX_COMMANDS = scaled(20, 14);
/** Per seed, shrinking included. */
const TIME_LIMIT_MS = scaled(60_000, 20_000);

const figures = { sequences: 0, steps: 0, pushes: 0, kills: 0, bursts: 0, unavailable: 0, adopted: 0, refusals: 0, violations: 0 };

const KINDS = ['TwilioByocTrunk', 'CarrierXTrunkGroup', 'TwilioTrunk'] as const satisfies readonly TrunkKind[];
type Kind = (typeof KINDS)[number];
const NAMES = ['Edge 1', 'Edge 2', 'Edge 3'];
const FILES = ['a.trunk.yaml', 'b.trunk.yaml', 'team/c.trunk.yaml', 'd.trunk.yaml'];

interface ModelDoc {
  id: number;
  kind: Kind;
  name: string;
  sid?: string | undefined;
}

function spec(kind: Kind, name: string): Record<string, unknown> {
  if (kind === 'TwilioByocTrunk') return { friendly_name: name, voice_url: 'https://voice.example.com/in' };
  if (kind === 'CarrierXTrunkGroup') return { name, routing_type: 'failover' };
  return { friendly_name: name, secure: true };
}

/** The resources of each kind in the emulator: sid → name. */
function remote(s: EmulatorSnapshot): Map<string, { kind: Kind; name: string }> {
  const out = new Map<string, { kind: Kind; name: string }>();
  for (const t of s.twilio.byoc_trunks) out.set(t.sid, { kind: 'TwilioByocTrunk', name: t.friendly_name ?? '' });
  for (const g of s.carrierx.trunk_groups) out.set(g.trunk_group_sid, { kind: 'CarrierXTrunkGroup', name: g.name ?? '' });
  for (const t of s.twilio.trunks) out.set(t.sid, { kind: 'TwilioTrunk', name: t.friendly_name ?? '' });
  return out;
}

let h: SyncHarness;
before(async () => {
  h = await startSyncHarness({ responseTimeoutMs: 5_000 });
});
after(async () => {
  recordFigures('journal-model', figures);
  await h.close();
});

/** The workspace, the sync state that outlives kills, and what the model knows. */
class JournalWorld {
  files = new Map<string, ModelDoc[]>();
  readonly state = new MemorySyncStateStore();
  /** Resources made by a killed push, by sid: the document they were made for. */
  readonly owed = new Map<string, ModelDoc>();
  readonly violations: string[] = [];
  private nextId = 1;

  docs(): ModelDoc[] {
    return [...this.files.values()].flat();
  }

  add(kind: Kind, file: string, position: number, name: string): void {
    const docs = this.files.get(file) ?? [];
    docs.splice(position % (docs.length + 1), 0, { id: this.nextId++, kind, name });
    this.files.set(file, docs);
  }

  private documents(): SyncDocument[] {
    return [...this.files].flatMap(([file, docs]) => {
      const text = docs.map((d) => toTrunkYaml({ apiVersion: 'trunkline/v1', kind: d.kind, account: 'sandbox', ...(d.sid ? { sid: d.sid } : {}), spec: spec(d.kind, d.name) })).join('---\n');
      return parseTrunkFile(text).documents.map((document) => ({ uri: file, document }));
    });
  }

  /** Push All; `killAt`: the write-back (0-based) at which the process dies. */
  async push(killAt: number | undefined): Promise<void> {
    figures.pushes += 1;
    const files = this.files;
    const docAt = (uri: string, index: number) => files.get(uri)?.[index];
    const combined = await planAll(this.documents(), h.clients, { syncState: this.state, fileExists: (uri) => files.has(uri) });
    for (const d of combined.documents) {
      const first = d.outcome.status === 'planned' ? d.outcome.plan.operations[0] : undefined;
      if (first?.type === 'adopt' && /made for/.test(first.description)) figures.adopted += 1;
    }
    const killer = new AbortController();
    let writes = 0;
    let killed = false;
    await applyAll(combined, h.clients, {
      syncState: this.state,
      concurrency: 1,
      signal: killer.signal,
      onCreated: (plan, sid) => {
        const doc = docAt(plan.uri, plan.index)!;
        if (killed) throw new Error('dead');
        if (killAt !== undefined && writes++ === killAt) {
          killed = true;
          killer.abort();
          if (!this.docs().some((d) => d.sid === sid)) this.owed.set(sid, doc);
          throw new Error('killed');
        }
        this.receive(doc, sid);
      },
    });
    if (killed) figures.kills += 1;
    // Two documents may be refused over one sid (both could be its document): the user writes it into one.
    const unsure = new Set(this.owed.keys());
    for (const d of combined.documents) {
      if (d.outcome.status !== 'refused') continue;
      // the account could not be read (a 429 burst outlasting the retries): said so, nothing sent, the next push plans it
      if (d.outcome.refusal.reason === 'unavailable') {
        figures.unavailable += 1;
        continue;
      }
      figures.refusals += 1;
      const message = d.outcome.refusal.message;
      const sid = [...unsure].find((s) => message.includes(s));
      if (!sid) {
        this.violations.push(`${d.uri} document ${d.document.index + 1} refused without naming a sid it is unsure of: ${message}`);
        continue;
      }
      // The user follows the advice, writing the sid into the document it was made for.
      const owner = this.owed.get(sid);
      if (owner && this.docs().includes(owner) && owner.sid === undefined) this.receive(owner, sid);
    }
    this.check(killed);
  }

  /** A document gets a sid: the one made for it, for a twin of it, or a new one. */
  private receive(doc: ModelDoc, sid: string): void {
    const owner = this.owed.get(sid);
    if (owner && owner !== doc && (owner.kind !== doc.kind || owner.name !== doc.name) && this.docs().includes(owner)) {
      this.violations.push(`${sid}, made for document #${owner.id} (${owner.kind} "${owner.name}"), went to document #${doc.id} (${doc.kind} "${doc.name}")`);
    }
    this.owed.delete(sid);
    doc.sid = sid;
  }

  private check(killed: boolean): void {
    const resources = remote(h.emu.store.snapshot());
    const bySid = new Map<string, ModelDoc>();
    for (const d of this.docs()) {
      if (!d.sid) continue;
      if (bySid.has(d.sid)) this.violations.push(`${d.sid} is in documents #${bySid.get(d.sid)!.id} and #${d.id}`);
      bySid.set(d.sid, d);
      const r = resources.get(d.sid);
      if (!r) this.violations.push(`document #${d.id}'s ${d.sid} does not exist`);
      else if (!killed && r.name !== d.name) this.violations.push(`document #${d.id} says "${d.name}", its resource ${d.sid} is "${r.name}"`);
    }
    for (const [sid, r] of resources) {
      if (!bySid.has(sid) && !this.owed.has(sid)) this.violations.push(`${r.kind} "${r.name}" ${sid} belongs to no document and to no interrupted create: a duplicate`);
    }
  }

  /** Pushes without kills until nothing is left; then the remote must be exactly the files. */
  async finish(): Promise<void> {
    for (let round = 0; round < 3 && this.docs().some((d) => !d.sid); round++) await this.push(undefined);
    const missing = this.docs().filter((d) => !d.sid);
    if (missing.length > 0) this.violations.push(`after three clean pushes, documents without sid: ${missing.map((d) => `#${d.id} "${d.name}"`).join(', ')}`);
    const resources = remote(h.emu.store.snapshot());
    if (resources.size !== this.docs().length) this.violations.push(`${resources.size} resources for ${this.docs().length} documents after the clean pushes`);
  }
}

type Cmd = fc.AsyncCommand<JournalWorld, JournalWorld>;
const fileOf = (w: JournalWorld, n: number) => [...w.files.keys()][n % w.files.size]!;

class Add implements Cmd {
  constructor(readonly kind: Kind, readonly file: number, readonly position: number, readonly name: number) {}
  check = () => true;
  async run(_m: JournalWorld, w: JournalWorld) {
    figures.steps += 1;
    w.add(this.kind, FILES[this.file % FILES.length]!, this.position, NAMES[this.name % NAMES.length]!);
  }
  toString = () => `add(${this.kind}, ${FILES[this.file % FILES.length]}, @${this.position}, ${NAMES[this.name % NAMES.length]})`;
}

class Reorder implements Cmd {
  constructor(readonly file: number) {}
  check = (w: Readonly<JournalWorld>) => w.files.size > 0;
  async run(_m: JournalWorld, w: JournalWorld) {
    figures.steps += 1;
    w.files.get(fileOf(w, this.file))!.reverse();
  }
  toString = () => `reorder(${this.file})`;
}

class Rename implements Cmd {
  constructor(readonly file: number, readonly to: number) {}
  check = (w: Readonly<JournalWorld>) => w.files.size > 0;
  async run(_m: JournalWorld, w: JournalWorld) {
    figures.steps += 1;
    const from = fileOf(w, this.file);
    const to = `renamed-${this.to}-${from.replace(/\//g, '-')}`;
    if (w.files.has(to)) return;
    w.files = new Map([...w.files].map(([k, v]) => (k === from ? [to, v] : [k, v])));
  }
  toString = () => `rename(${this.file} → ${this.to})`;
}

class CopyAsTemplate implements Cmd {
  constructor(readonly file: number, readonly to: number) {}
  check = (w: Readonly<JournalWorld>) => w.files.size > 0;
  async run(_m: JournalWorld, w: JournalWorld) {
    figures.steps += 1;
    const from = fileOf(w, this.file);
    const to = `copy-${this.to}-${from.replace(/\//g, '-')}`;
    if (w.files.has(to)) return;
    for (const d of w.files.get(from)!) w.add(d.kind, to, Number.MAX_SAFE_INTEGER, d.name);
  }
  toString = () => `copyAsTemplate(${this.file} → ${this.to})`;
}

class EditName implements Cmd {
  constructor(readonly doc: number, readonly name: number) {}
  check = (w: Readonly<JournalWorld>) => w.docs().length > 0;
  async run(_m: JournalWorld, w: JournalWorld) {
    figures.steps += 1;
    const docs = w.docs();
    docs[this.doc % docs.length]!.name = NAMES[this.name % NAMES.length]!;
  }
  toString = () => `editName(${this.doc}, ${NAMES[this.name % NAMES.length]})`;
}

class Push implements Cmd {
  /** `burst`: the provider answers 429 (Retry-After 0) to some requests of this push, so the request pacer paces the account. */
  constructor(readonly killAt: number | undefined, readonly burst = false) {}
  check = (w: Readonly<JournalWorld>) => w.files.size > 0;
  async run(_m: JournalWorld, w: JournalWorld) {
    figures.steps += 1;
    if (this.burst) {
      figures.bursts += 1;
      h.emu.faults.set([{ kind: 'throttle', probability: 0.4, times: 6, retryAfterSeconds: 0 }]);
    }
    try {
      await w.push(this.killAt);
    } finally {
      if (this.burst) h.emu.faults.set([]);
    }
    assert.deepEqual(w.violations, []);
  }
  toString = () => `push(${this.killAt === undefined ? 'no kill' : `kill at write-back ${this.killAt}`}${this.burst ? ', 429 burst' : ''})`;
}

const nat = fc.nat({ max: 7 });
const commands = [
  fc.tuple(fc.constantFrom(...KINDS), nat, nat, nat).map(([k, f, p, n]) => new Add(k, f, p, n)),
  fc.tuple(fc.constantFrom(...KINDS), nat, nat, nat).map(([k, f, p, n]) => new Add(k, f, p, n)),
  nat.map((f) => new Reorder(f)),
  fc.tuple(nat, nat).map(([f, t]) => new Rename(f, t)),
  fc.tuple(nat, nat).map(([f, t]) => new CopyAsTemplate(f, t)),
  fc.tuple(nat, nat).map(([d, n]) => new EditName(d, n)),
  fc.option(fc.nat({ max: 3 }), { freq: 4 }).map((k) => new Push(k ?? undefined)),
  fc.tuple(fc.nat({ max: 3 }), fc.boolean()).map(([k, burst]) => new Push(k, burst)),
];

describe('the journal of interrupted creates under moves, copies and renames (model-based)', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: ${SEQUENCES} sequences of up to ${MAX_COMMANDS} steps, pushes killed at random write-backs (rerun with RELIABILITY_JOURNAL_SEEDS=${seed})`, async () => {
      const details = await fc.check(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          await h.emu.reset();
          const w = new JournalWorld();
          await fc.asyncModelRun(() => ({ model: w, real: w }), cmds);
          await w.finish();
          assert.deepEqual(w.violations, []);
        }),
        { seed, numRuns: SEQUENCES, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      figures.sequences += details.numRuns;
      if (details.failed) {
        figures.violations += 1;
        const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(`seed ${seed}: ${details.numShrinks} shrinks, counterexample (path ${details.counterexamplePath}):\n${fc.stringify(details.counterexample)}\n${message}`);
      }
    });
  }
});

describe('regressions: counterexamples the model found', () => {
  async function replay(steps: Cmd[]): Promise<string[]> {
    await h.emu.reset();
    const w = new JournalWorld();
    for (const step of steps) if (step.check(w)) await step.run(w, w).catch(() => undefined);
    await w.finish();
    figures.violations += w.violations.length;
    return w.violations;
  }

  // Seed 5101 before the journal was keyed by content: the journal entry stayed with the old
  // file name, the renamed document created its trunk again.
  test('a create killed before its sid was written, then the file renamed and reordered: no duplicate', async () => {
    assert.deepEqual(await replay([new Add('TwilioByocTrunk', 0, 0, 0), new Push(0), new Rename(0, 0), new Reorder(0)]), []);
  });

  // Seed 5101/5102 (a hole in the model, kept because the behaviour is the point): the original
  // renamed and a template copy of it, both "Edge 1": either could be the one, so both are
  // refused naming the sid; the user writes it into one, the other is created.
  test('a template copy and the renamed original both fit the interrupted create: refused with the sid, then one each', async () => {
    assert.deepEqual(await replay([new Add('TwilioByocTrunk', 0, 0, 0), new CopyAsTemplate(0, 0), new Push(0), new Rename(0, 0)]), []);
  });
});
