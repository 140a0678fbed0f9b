import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { FaultRule } from '../../src/emulator/faults/fault-rule';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { ContractWorkspace, VARIANTS, type ApplyReport, type ApplyStep, type Variant } from './contract-workspace';
import { recordFigures, scaled } from './reliability-run';

// The push contract under what real teams do, as a stateful property (fast-check model-based
// commands): random sequences of edits, new documents, moves, reorders, renames, template
// copies and deletions, a colleague's console change at random moments (also while the user
// reads the plan), and faults (resets before and after commit, 5xx, 429, slow answers), all
// through `trunkline apply` as a terminal user runs it, or through the core's planAll/applyAll
// as the editor's Push All runs it (the colleague then strikes between plan and apply), both on
// one sync state file. ContractWorkspace checks the contract
// after every apply against the emulator's own records. Counterexamples fast-check found and
// shrank are kept below as plain regression tests, each naming the hole it shows.

const SEEDS = (process.env.RELIABILITY_CONTRACT_SEEDS ?? scaled('7001,7002,7003', '7001')).split(',').map(Number);
const SEQUENCES = Number(process.env.RELIABILITY_CONTRACT_SEQUENCES ?? scaled(60, 25));
const MAX_COMMANDS = scaled(40, 30);
/** Per seed, shrinking included: the suite stays bounded even when it finds something. */
const TIME_LIMIT_MS = scaled(60_000, 25_000);

const figures = { sequences: 0, steps: 0, applies: 0, violations: 0 };

let h: SyncHarness;
before(async () => {
  h = await startSyncHarness({ responseTimeoutMs: 5_000 });
});
after(async () => {
  recordFigures('contract', figures);
  await h.close();
});

type Cmd = fc.AsyncCommand<ContractWorkspace, ContractWorkspace>;

const FILES = ['a.trunk.yaml', 'b.trunk.yaml', 'team/c.trunk.yaml'];
const RENAMES = ['d.trunk.yaml', 'team/e.trunk.yaml', 'archive/a.trunk.yaml', 'z.trunk.yaml'];

const pickDoc = (ws: ContractWorkspace, n: number) => ws.docs()[n % ws.docs().length]!;
const pickFile = (ws: ContractWorkspace, n: number) => ws.fileNames()[n % ws.fileNames().length]!;
const sharedSids = (ws: ContractWorkspace) => {
  const seen = new Map<string, number>();
  for (const d of ws.docs()) if (d.sid) seen.set(d.sid, (seen.get(d.sid) ?? 0) + 1);
  return ws.docs().filter((d) => d.sid && seen.get(d.sid)! > 1);
};

class Add implements Cmd {
  constructor(readonly variant: Variant, readonly file: number, readonly position: number) {}
  check = () => true;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.add(this.variant, FILES[this.file % FILES.length]!, this.position);
  }
  toString = () => `add(${this.variant}, ${FILES[this.file % FILES.length]}, @${this.position})`;
}

class Edit implements Cmd {
  constructor(readonly doc: number, readonly which: number) {}
  check = (ws: ContractWorkspace) => ws.docs().length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.edit(pickDoc(ws, this.doc).id, this.which);
  }
  toString = () => `edit(doc#${this.doc}, field#${this.which})`;
}

class Move implements Cmd {
  constructor(readonly doc: number, readonly file: number, readonly position: number) {}
  check = (ws: ContractWorkspace) => ws.docs().length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.move(pickDoc(ws, this.doc).id, FILES[this.file % FILES.length]!, this.position);
  }
  toString = () => `move(doc#${this.doc}, ${FILES[this.file % FILES.length]}, @${this.position})`;
}

class Reorder implements Cmd {
  constructor(readonly file: number) {}
  check = (ws: ContractWorkspace) => ws.fileNames().length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.reorder(pickFile(ws, this.file));
  }
  toString = () => `reorder(file#${this.file})`;
}

class Rename implements Cmd {
  constructor(readonly file: number, readonly to: number) {}
  check = (ws: ContractWorkspace) => ws.fileNames().length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.rename(pickFile(ws, this.file), RENAMES[this.to % RENAMES.length]!);
  }
  toString = () => `rename(file#${this.file} → ${RENAMES[this.to % RENAMES.length]})`;
}

class Copy implements Cmd {
  constructor(readonly doc: number, readonly file: number) {}
  check = (ws: ContractWorkspace) => ws.docs().length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.copy(pickDoc(ws, this.doc).id, FILES[this.file % FILES.length]!);
  }
  toString = () => `copy(doc#${this.doc} → ${FILES[this.file % FILES.length]})`;
}

class Detach implements Cmd {
  constructor(readonly doc: number) {}
  check = (ws: ContractWorkspace) => sharedSids(ws).length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    const shared = sharedSids(ws);
    ws.detach(shared[this.doc % shared.length]!.id);
  }
  toString = () => `detachCopy(#${this.doc})`;
}

class Remove implements Cmd {
  constructor(readonly doc: number) {}
  check = (ws: ContractWorkspace) => ws.docs().length > 0;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    ws.remove(pickDoc(ws, this.doc).id);
  }
  toString = () => `remove(doc#${this.doc})`;
}

class Colleague implements Cmd {
  constructor(readonly doc: number) {}
  check = (ws: ContractWorkspace) => ws.docs().some((d) => d.sid);
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    const withSid = ws.docs().filter((d) => d.sid);
    await ws.colleague(withSid[this.doc % withSid.length]!.id);
  }
  toString = () => `colleague(doc#${this.doc})`;
}

class Apply implements Cmd {
  constructor(
    readonly overwrite: boolean,
    readonly race: number | null,
    readonly faults: FaultRule[],
    /** Through the core's planAll/applyAll (as the editor's Push All), not the CLI. */
    readonly core = false,
  ) {}
  check = () => true;
  async run(_m: ContractWorkspace, ws: ContractWorkspace) {
    figures.steps += 1;
    figures.applies += 1;
    const withSid = ws.docs().filter((d) => d.sid);
    const step: ApplyStep = { overwrite: this.overwrite, faults: this.faults };
    if (this.race !== null && withSid.length > 0) step.raceOn = withSid[this.race % withSid.length]!.id;
    const report = this.core ? await ws.applyCore(step) : await ws.apply(step);
    if (report.violations.length > 0) {
      throw new Error(`the push contract was broken:\n  - ${report.violations.join('\n  - ')}\nworkspace: ${ws.describe()}\nstderr: ${report.stderr.slice(-600)}`);
    }
  }
  toString = () => `${this.core ? 'pushAll' : 'apply'}(${[this.overwrite ? 'overwrite' : '', this.race !== null ? `race doc#${this.race}` : '', ...this.faults.map(faultText)].filter(Boolean).join(', ')})`;
}

function faultText(f: FaultRule): string {
  return `${f.kind}${f.status ? ` ${f.status}` : ''} ${f.method ?? '*'} ${f.path ?? '*'} p=${f.probability} ×${f.times}`;
}

const fault: fc.Arbitrary<FaultRule> = fc
  .record({
    kind: fc.constantFrom('reset-after-commit', 'reset-before-commit', 'server-error', 'throttle', 'latency') as fc.Arbitrary<FaultRule['kind']>,
    method: fc.constantFrom(undefined, 'POST', 'GET', 'PATCH'),
    path: fc.constantFrom(undefined, '/v1/Trunks', '/v1/ByocTrunks', '/core/v2/trunk_groups', '/v1/Trunks/{Sid}', '/v1/ByocTrunks/{Sid}', '/core/v2/*'),
    probability: fc.constantFrom(0.3, 0.6, 1),
    times: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ method, path, ...rule }) => ({
    ...rule,
    ...(method ? { method } : {}),
    ...(path ? { path } : {}),
    ...(rule.kind === 'latency' ? { latencyMs: 60, jitterMs: 60 } : {}),
    ...(rule.kind === 'throttle' ? { retryAfterSeconds: 1 } : {}),
  }));

const nat = fc.nat({ max: 50 });
const apply = fc
  .tuple(fc.option(nat, { freq: 4 }), fc.option(fc.array(fault, { minLength: 1, maxLength: 2 }), { freq: 2 }), fc.boolean())
  .map(([race, faults, core]) => new Apply(false, process.env.RELIABILITY_CONTRACT_SKIP?.includes('race') ? null : race, process.env.RELIABILITY_CONTRACT_SKIP?.includes('faults') ? [] : (faults ?? []), core));
const ACTIONS: [string, fc.Arbitrary<Cmd>][] = [
  ['add', fc.tuple(fc.constantFrom(...VARIANTS), nat, nat).map(([v, f, p]) => new Add(v, f, p))],
  ['add', fc.tuple(fc.constantFrom(...VARIANTS), nat, nat).map(([v, f, p]) => new Add(v, f, p))],
  ['edit', fc.tuple(nat, nat).map(([d, w]) => new Edit(d, w))],
  ['edit', fc.tuple(nat, nat).map(([d, w]) => new Edit(d, w))],
  ['move', fc.tuple(nat, nat, nat).map(([d, f, p]) => new Move(d, f, p))],
  ['reorder', nat.map((f) => new Reorder(f))],
  ['rename', fc.tuple(nat, nat).map(([f, t]) => new Rename(f, t))],
  ['copy', fc.tuple(nat, nat).map(([d, f]) => new Copy(d, f))],
  ['detach', nat.map((d) => new Detach(d))],
  ['remove', nat.map((d) => new Remove(d))],
  ['colleague', nat.map((d) => new Colleague(d))],
  ['colleague', nat.map((d) => new Colleague(d))],
  ['apply', apply],
  ['apply', apply],
  ['apply', apply],
  ['overwrite', fc.tuple(fc.option(nat, { freq: 4 }), fc.boolean()).map(([race, core]) => new Apply(true, race, [], core))],
];
/**
 * RELIABILITY_CONTRACT_SKIP=colleague,copy leaves actions out: to hunt for a second hole while
 * the first one found is still open. Race, faults: `race`, `faults` (apply without them).
 */
const SKIP = new Set((process.env.RELIABILITY_CONTRACT_SKIP ?? '').split(',').filter(Boolean));
const commands = ACTIONS.filter(([name]) => !SKIP.has(name)).map(([, arb]) => arb);

describe('the push contract under random team workflows (model-based)', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: ${SEQUENCES} sequences of up to ${MAX_COMMANDS} user and world actions keep the contract (rerun with RELIABILITY_CONTRACT_SEEDS=${seed})`, async () => {
      const details = await fc.check(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          const ws = await ContractWorkspace.open(h);
          try {
            await fc.asyncModelRun(() => ({ model: ws, real: ws }), cmds);
          } finally {
            ws.close();
          }
        }),
        { seed, numRuns: SEQUENCES, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      figures.sequences += details.numRuns;
      if (details.failed) {
        const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        figures.violations += (message.match(/^\s+- /gm) ?? []).length || 1;
        assert.fail(`seed ${seed}: ${details.numShrinks} shrinks, counterexample (replay with RELIABILITY_CONTRACT_SEEDS=${seed}, path ${details.counterexamplePath}):\n${fc.stringify(details.counterexample)}\n${message}`);
      }
    });
  }
});

describe('regressions: counterexamples the model found, one hole each', () => {
  /** Runs `steps` in a fresh workspace; the violations of every apply, in order. */
  async function scenario(steps: (ws: ContractWorkspace) => Promise<void>): Promise<string[]> {
    const ws = await ContractWorkspace.open(h);
    try {
      await steps(ws);
      figures.violations += ws.violations.length;
      return ws.violations;
    } finally {
      ws.close();
    }
  }
  const first = (ws: ContractWorkspace) => ws.docs()[0]!.id;
  /** The last apply of a scenario, for what the user was told. */
  let last: ApplyReport | undefined;

  // Hole 1 (seed 7002: add, apply, copy, apply). A document copied as a template keeps the
  // sid: both documents plan, and every apply writes the copy's values over the original's.
  test('hole 1: a document copied with its sid is refused, and nothing is written to the resource both claim', async () => {
    const violations = await scenario(async (ws) => {
      ws.add('trunk', 'a.trunk.yaml', 0);
      await ws.apply();
      ws.copy(first(ws), 'b.trunk.yaml');
      await ws.apply();
      ws.edit(ws.docs()[1]!.id, 0);
      last = await ws.apply();
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(last!.plan.map((d) => d.status), ['not-planned', 'not-planned'], 'both documents are refused');
  });

  test('hole 1: a CarrierX group copied with its sid into the same file is refused too', async () => {
    const violations = await scenario(async (ws) => {
      ws.add('group', 'a.trunk.yaml', 0);
      await ws.apply();
      ws.copy(first(ws), 'a.trunk.yaml');
      ws.edit(ws.docs()[1]!.id, 0);
      last = await ws.apply();
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(last!.plan.map((d) => d.status), ['not-planned', 'not-planned'], 'both documents are refused');
  });

  // Hole 3 (seed 7001: …, edit, apply with a colleague's change at the prompt). What the user
  // confirmed was planned against a remote that moved while they read it.
  test('hole 3: a colleague\'s change made while the user reads the plan is not overwritten', async () => {
    const violations = await scenario(async (ws) => {
      ws.add('group', 'a.trunk.yaml', 0);
      await ws.apply();
      ws.edit(first(ws), 0); // hard_failure_codes, the field the colleague changes too
      last = await ws.apply({ raceOn: first(ws) });
    });
    assert.deepEqual(violations, []);
    assert.deepEqual([last!.prompts, last!.results.map((r) => r.outcome)], [2, ['skipped']], 'asked again with the new plan, then skipped (remote changed)');
  });

  test('hole 3: a colleague\'s change to a field the plan did not touch is not absorbed into the sync state (the next apply must not revert it)', async () => {
    const violations = await scenario(async (ws) => {
      ws.add('trunk', 'a.trunk.yaml', 0);
      await ws.apply();
      ws.edit(first(ws), 1); // secure; the colleague renames the trunk at the prompt
      await ws.apply({ raceOn: first(ws) });
      ws.edit(first(ws), 1);
      last = await ws.apply();
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(last!.results.map((r) => r.outcome), ['skipped'], 'the colleague\'s rename is still a remote change');
  });

  test('hole 3, Push All through the core: a colleague\'s change between the plan and the apply is not overwritten', async () => {
    const violations = await scenario(async (ws) => {
      ws.add('byoc', 'a.trunk.yaml', 0);
      ws.add('trunk', 'b.trunk.yaml', 0);
      await ws.applyCore();
      ws.edit(first(ws), 0); // voice_url, the field the colleague changes too
      last = await ws.applyCore({ raceOn: first(ws) });
    });
    assert.deepEqual(violations, []);
    assert.deepEqual([last!.prompts, last!.results.map((r) => r.outcome)], [2, ['skipped', 'unchanged']], 'planned again, then skipped (remote changed)');
  });

  // Hole 4 (found by every seed with colleague changes and a move). The sync state is keyed by
  // file and position: the drift warning is lost and the colleague's change overwritten.
  for (const [what, move] of [
    ['a document added above it', (ws: ContractWorkspace) => void ws.add('byoc', 'a.trunk.yaml', 0)],
    ['its file reordered', (ws: ContractWorkspace) => (ws.add('byoc', 'a.trunk.yaml', 1), ws.reorder('a.trunk.yaml'))],
    ['its file renamed', (ws: ContractWorkspace) => ws.rename('a.trunk.yaml', 'team/e.trunk.yaml')],
    ['it moved to another file', (ws: ContractWorkspace) => ws.move(first(ws), 'b.trunk.yaml', 0)],
  ] as const) {
    test(`hole 4: drift follows the resource: after ${what}, a colleague's change is still not overwritten`, async () => {
      const violations = await scenario(async (ws) => {
        ws.add('trunk', 'a.trunk.yaml', 0);
        await ws.apply();
        const trunk = first(ws);
        await ws.colleague(trunk);
        move(ws);
        ws.edit(trunk, 1);
        last = await ws.apply();
      });
      assert.deepEqual(violations, []);
      const id = last!.results.find((r) => r.outcome !== 'created');
      assert.equal(id?.outcome, 'skipped', 'the moved document is skipped: its remote changed');
    });
  }

  // Hole 5: two new documents with one name (a template copied before its first push), the
  // first create's answer lost. Today the first apply rightly stops ("2 new resources
  // appeared"), but the next one creates a third resource instead of adopting the one no
  // document claims: a duplicate. (Hole 6, the crash of a create without a unique key, is
  // kill.test.ts's regression: a lost answer alone is reconciled in process.)
  for (const variant of ['byoc', 'trunk-without-domain', 'group'] as const) {
    test(`hole 5: ${variant}, two new same-named documents and a lost create answer: each gets its own resource`, async () => {
      const path = variant === 'byoc' ? '/v1/ByocTrunks' : variant === 'group' ? '/core/v2/trunk_groups' : '/v1/Trunks';
      const violations = await scenario(async (ws) => {
        ws.add(variant, 'a.trunk.yaml', 0);
        ws.copy(first(ws), 'a.trunk.yaml');
        await ws.apply({ faults: [{ kind: 'reset-after-commit', method: 'POST', path, times: 1 }] });
        await ws.apply();
      });
      assert.deepEqual(violations, []);
    });
  }
});
