import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ModelStep, SequenceGuard } from './model-sequence';
import { recordFigures, scaled } from './reliability-run';
import { FILES, PAIRS, REF_NAMES, ReferencesWorld, TRUNK_NAMES, figures, pointers, referables, trunkNames, type ColleagueAct, type Fault, type Pair, type PushStep, type RefValue } from './references-world';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';

// Pushes of files whose trunks name a connection policy or an endpoint, by name or by sid, as a
// stateful property (fast-check `fc.commands`): the user adds policy/endpoint and trunk
// documents, changes a reference, renames a named document (updating the trunks that name it or
// not), deletes one from its file, and pushes all or one file; a colleague renames, creates (the
// same name: ambiguity), deletes and re-points at the provider, between steps and while the plan
// is on screen; the user's pushes meet lost answers, 503s, 429 bursts and kills at a write-back.
// The invariants (references-world.ts) are checked against the emulator after every step.

const SEEDS = (process.env.RELIABILITY_REFERENCES_SEEDS ?? scaled('9401,9402,9403', '9401')).split(',').map(Number);
const SEQUENCES = Number(process.env.RELIABILITY_REFERENCES_SEQUENCES ?? scaled(80, 25));
const MAX_COMMANDS = scaled(24, 14);
/** Per seed, shrinking included. */
const TIME_LIMIT_MS = scaled(60_000, 20_000);

let emu: TestEmulator;
const guard = new SequenceGuard();
before(async () => {
  emu = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
});
after(async () => {
  await guard.settle();
  recordFigures('references', figures);
  await emu.close();
});

type Step = ModelStep<ReferencesWorld>;
const name = (n: number) => REF_NAMES[n % REF_NAMES.length]!;
const of = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
const refDocs = (w: ReferencesWorld, pair?: Pair) => w.docs.filter((d) => d.role === 'ref' && (!pair || d.pair === pair));
const trunkDocs = (w: ReferencesWorld) => w.docs.filter((d) => d.role === 'trunk');

/** A name from the pool, or (bySid) the sid of a resource of the kind: a document's, else the account's. */
function refValue(w: ReferencesWorld, pair: Pair, n: number, bySid: boolean): RefValue {
  if (bySid) {
    const sids = [...new Set([...refDocs(w, pair).flatMap((d) => (d.sid ? [d.sid] : [])), ...referables(emu.store.snapshot(), pair).keys()])];
    const sid = of(sids, n);
    if (sid) return { by: 'sid', value: sid };
  }
  // Mostly a name that something has (a document or the account), so that pushes link.
  const taken = [...new Set([...refDocs(w, pair).map((d) => d.name), ...referables(emu.store.snapshot(), pair).values()])].filter((x) => REF_NAMES.includes(x));
  return { by: 'name', value: n < 4 && taken.length > 0 ? taken[n % taken.length]! : name(n) };
}

export const addRef = (pair: Pair, n: number, file: number): Step =>
  new ModelStep(`add ${pair} "${name(n)}" to ${FILES[file % FILES.length]}`, () => true, async (w) => {
    figures.steps += 1;
    w.add({ pair, role: 'ref', file: FILES[file % FILES.length]!, name: name(n) });
  });

export const addTrunk = (pair: Pair, t: number, n: number, bySid: boolean, file: number): Step =>
  new ModelStep(`add ${pair} trunk ${TRUNK_NAMES[t % TRUNK_NAMES.length]} naming ${bySid ? 'a sid' : 'a name'} (choice ${n}) to ${FILES[file % FILES.length]}`, () => true, async (w) => {
    figures.steps += 1;
    w.add({ pair, role: 'trunk', file: FILES[file % FILES.length]!, name: TRUNK_NAMES[t % TRUNK_NAMES.length]!, ref: refValue(w, pair, n, bySid) });
  });

export const changeRef = (which: number, n: number, bySid: boolean): Step =>
  new ModelStep(`trunk ${which} now names ${bySid ? 'a sid' : 'a name'} (choice ${n})`, (w) => trunkDocs(w).length > 0, async (w) => {
    figures.steps += 1;
    const doc = of(trunkDocs(w), which)!;
    doc.ref = refValue(w, doc.pair, n, bySid);
  });

export const renameRef = (which: number, n: number, updateTrunks: boolean): Step =>
  new ModelStep(`rename ${which}th policy/endpoint document to "${name(n)}"${updateTrunks ? ', trunks naming it follow' : ', trunks left as they were'}`, (w) => refDocs(w).length > 0, async (w) => {
    figures.steps += 1;
    const doc = of(refDocs(w), which)!;
    const old = doc.name;
    doc.name = name(n);
    if (updateTrunks) for (const t of trunkDocs(w)) if (t.pair === doc.pair && t.ref?.by === 'name' && t.ref.value === old) t.ref = { by: 'name', value: doc.name };
  });

export const deleteRef = (which: number): Step =>
  new ModelStep(`delete ${which}th policy/endpoint document from its file`, (w) => refDocs(w).length > 0, async (w) => {
    figures.steps += 1;
    w.deleteDoc(of(refDocs(w), which)!);
  });

const actLabel = (a: ColleagueAct) => (a.type === 'create' ? `creates ${a.pair} "${name(a.name)}"` : a.type === 'rename' ? `renames ${a.pair} ${a.which} to "${name(a.to)}"` : a.type === 'delete' ? `deletes ${a.pair} ${a.which}` : `points ${a.pair} trunk ${a.trunk} at ${a.to}`);

export const colleague = (act: ColleagueAct): Step =>
  new ModelStep(`a colleague ${actLabel(act)}`, () => true, async (w) => {
    figures.steps += 1;
    await w.colleague(act);
  });

export const push = (step: PushStep): Step => {
  const parts = [
    step.file === undefined ? 'all' : FILES[step.file % FILES.length],
    step.race ? `a colleague ${actLabel(step.race)} while the plan is on screen` : '',
    step.fault ? `${step.fault} on the user's requests` : '',
    step.killAt !== undefined ? `killed at ${step.killOnRequest ? 'write' : 'write-back'} ${step.killAt}` : '',
    step.overwrite ? 'overwrite' : '',
  ].filter(Boolean);
  return new ModelStep(`push(${parts.join(', ')})`, (w) => w.docs.length > 0, async (w) => {
    figures.steps += 1;
    await w.push(step);
  });
};

const pairArb = fc.constantFrom<Pair>(...PAIRS);
const nat = fc.nat({ max: 5 });
const colleagueArb: fc.Arbitrary<ColleagueAct> = fc.oneof(
  fc.tuple(pairArb, nat, nat).map(([pair, which, to]) => ({ type: 'rename' as const, pair, which, to })),
  fc.tuple(pairArb, nat).map(([pair, n]) => ({ type: 'create' as const, pair, name: n })),
  fc.tuple(pairArb, nat).map(([pair, which]) => ({ type: 'delete' as const, pair, which })),
  fc.tuple(pairArb, nat, nat).map(([pair, trunk, to]) => ({ type: 'point' as const, pair, trunk, to })),
);
const pushArb = fc
  .record({
    file: fc.option(fc.nat({ max: 1 }), { freq: 3, nil: undefined }),
    race: fc.option(colleagueArb, { freq: 2, nil: undefined }),
    fault: fc.option(fc.constantFrom<Fault>('lost', '503', '429'), { freq: 2, nil: undefined }),
    killAt: fc.option(fc.nat({ max: 3 }), { freq: 3, nil: undefined }),
    killOnRequest: fc.boolean().map((b) => b || undefined),
    overwrite: fc.boolean().map((b) => b || undefined),
  })
  .map((s) => push(s));

const commands = [
  fc.tuple(pairArb, nat, fc.nat({ max: 1 })).map(([p, n, f]) => addRef(p, n, f)),
  fc.tuple(pairArb, fc.nat({ max: 1 }), nat, fc.boolean(), fc.nat({ max: 1 })).map(([p, t, n, s, f]) => addTrunk(p, t, n, s, f)),
  fc.tuple(nat, nat, fc.boolean()).map(([w, n, s]) => changeRef(w, n, s)),
  fc.tuple(nat, nat, fc.boolean()).map(([w, n, u]) => renameRef(w, n, u)),
  nat.map((w) => deleteRef(w)),
  colleagueArb.map((a) => colleague(a)),
  pushArb,
  pushArb,
];

async function openWorld(): Promise<ReferencesWorld> {
  return guard.open(emu, (session) => new ReferencesWorld(emu, session));
}

describe('pushes of files that name policies and endpoints, under a colleague and faults (model-based)', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: ${SEQUENCES} sequences of up to ${MAX_COMMANDS} steps (rerun with RELIABILITY_REFERENCES_SEEDS=${seed})`, async () => {
      const details = await fc.check(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          const w = await openWorld();
          try {
            await fc.asyncModelRun(() => ({ model: w, real: w }), cmds);
            await w.finish();
          } finally {
            await w.close();
          }
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

describe('references: directed sequences', () => {
  async function replay(steps: Step[]): Promise<ReferencesWorld> {
    const w = await openWorld();
    try {
      for (const step of steps) if (step.check(w)) await step.run(w);
      await w.finish();
      return w;
    } finally {
      figures.violations += w.violations.length;
      await w.close();
    }
  }

  test('a policy and an endpoint, each named by a trunk in another file, one push: each trunk points at its own', async () => {
    const w = await replay([addRef('policy', 0, 0), addRef('endpoint', 1, 0), addTrunk('policy', 0, 0, false, 1), addTrunk('endpoint', 1, 1, false, 1), push({})]);
    const s = emu.store.snapshot();
    const policy = [...referables(s, 'policy')].find(([, n]) => n === 'Edge')![0];
    const endpoint = [...referables(s, 'endpoint')].find(([, n]) => n === 'Core')![0];
    assert.deepEqual(w.docs.map((d) => d.sid === undefined), [false, false, false, false]);
    assert.deepEqual([...pointers(s, 'policy').values(), ...pointers(s, 'endpoint').values()], [policy, endpoint]);
  });
});

describe('regressions: counterexamples the references model found', () => {
  // Seed 9402 (shrunk): the plan resolved "Core" to the colleague's policy; while it was on
  // screen the colleague renamed that policy to "Edge"; the new BYOC trunk was created on it
  // anyway (references-moved.ts never saw the name: the BYOC and CarrierX planners dropped a
  // reference once its sid was known). Now the trunk is outdated: nothing sent, plan again.
  test('hole 1: the policy a new trunk names renamed while the plan is on screen: nothing sent to it', async () => {
    const w = await openWorld();
    try {
      for (const step of [addTrunk('policy', 0, 1, false, 0), colleague({ type: 'create', pair: 'policy', name: 1 }), push({ race: { type: 'rename', pair: 'policy', which: 0, to: 0 } })]) await step.run(w);
      assert.deepEqual(w.violations, []);
      assert.equal(figures.outdated > 0, true, 'the push said the trunk was outdated');
      await w.finish();
      assert.deepEqual(w.violations, []);
    } finally {
      figures.violations += w.violations.length;
      await w.close();
    }
  });

  // Seed 9401 (shrunk): two identical BYOC trunk documents ("T1" naming "Core") in two files.
  // A push of one file is killed after creating its trunk (journaled); Push All then creates the
  // twin's trunk and is killed before its sid is written. The next plan found two same-named
  // trunks that the first journal entry could have made (its own and the twin's), gave up on it
  // and created a third: the first one was left behind, a duplicate. Now a resource that is the
  // only candidate of one document is taken out of the others' (plan-documents.ts settleCandidates).
  test('hole 2: twin documents in two files, both creates interrupted: each gets its own, nothing made a third time', async () => {
    const w = await openWorld();
    try {
      const steps = [addRef('endpoint', 0, 0), addTrunk('policy', 0, 4, false, 0), addRef('policy', 1, 1), addTrunk('policy', 0, 0, false, 1), push({ file: 1, killAt: 1 }), push({ killAt: 1 })];
      for (const step of steps) await step.run(w);
      await w.finish();
      assert.deepEqual(w.violations, []);
      const trunks = [...trunkNames(emu.store.snapshot(), 'policy').values()];
      assert.equal(trunks.length, 2, `two trunks for the two documents: ${trunks.join(', ')}`);
      assert.equal(new Set(w.docs.filter((d) => d.role === 'trunk').map((d) => d.sid)).size, 2, 'each document has its own');
    } finally {
      figures.violations += w.violations.length;
      await w.close();
    }
  });
});
