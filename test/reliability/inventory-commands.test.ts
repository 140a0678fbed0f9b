import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ModelStep, SequenceGuard, type WorldSession } from './model-sequence';
import { isProviderError } from '../../src/core/http/provider-error';
import type { CarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import type { TwilioClient } from '../../src/core/providers/twilio/twilio-client';
import type { FaultRule } from '../../src/emulator/faults/fault-rule';
import { assignNumbers } from '../../src/ui/commands/assign-numbers';
import { attachNumbers } from '../../src/ui/commands/attach-numbers';
import type { CommandContext } from '../../src/ui/commands/command';
import { detachNumbers } from '../../src/ui/commands/detach-numbers';
import { unassignNumbers } from '../../src/ui/commands/unassign-numbers';
import type { CommandHarness } from '../support/command-harness';
import type { ScriptedAnswer } from '../support/scripted-user-input';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';
import { recordFigures, scaled } from './reliability-run';
import { routesNodes } from './routes-world';
import { withoutFaults } from './termination-world';

// Assign / Move / Unassign from the number inventory, for Twilio numbers (a trunk association:
// detach, then attach) and CarrierX DIDs (the DID's trunk group), with a colleague moving the
// same number meanwhile, lost answers, 429s and 503s. After every step a number is on exactly
// the trunk (group) the model says, and a confirmed move never takes a number off a trunk the
// user did not see in the confirmation: when the number was moved elsewhere after the user saw
// where it was, the command leaves it there and says so (decided here; see README).

const figures = { sequences: 0, steps: 0, userSteps: 0, faultedSteps: 0, lostAnswers: 0, violations: 0, refusedAfterColleague: 0, askedAfterColleague: 0 };
let emulator: TestEmulator;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 6, byocTrunks: 0, trunkGroups: 3, dids: 6 } });
});
after(async () => {
  await guard.settle();
  recordFigures('inventory-commands', figures);
  await emulator.close();
});

type Fault = 'none' | 'lost' | 'throttle' | 'server-error';
const FAULTS: readonly Fault[] = ['none', 'none', 'lost', 'throttle', 'server-error'];
type Side = 'twilio' | 'carrierx';
type Meanwhile = 'none' | 'colleague moves it elsewhere' | 'colleague moves it to the target' | 'colleague unassigns it';

function faultRules(fault: Fault): FaultRule[] {
  switch (fault) {
    case 'none':
      return [];
    case 'lost':
      return ['POST', 'PATCH', 'DELETE'].map((method) => ({ kind: 'reset-after-commit' as const, method, times: 1 }));
    case 'throttle':
      return [{ kind: 'throttle', retryAfterSeconds: 0, times: 3 }];
    case 'server-error':
      return ['POST', 'PATCH', 'DELETE'].map((method) => ({ kind: 'server-error' as const, method, status: 503 as const, times: 1 }));
  }
}

interface InventoryState {
  /** Twilio numbers by sid: the trunk they are on. */
  twilio: Record<string, string | null>;
  /** CarrierX DIDs by sid: their trunk group. */
  carrierx: Record<string, string | null>;
}

function readInventory(e: TestEmulator): InventoryState {
  const state: InventoryState = { twilio: {}, carrierx: {} };
  for (const n of e.store.twilio.numbers.all.values()) state.twilio[n.sid] = n.trunk_sid ?? null;
  for (const d of e.store.carrierx.dids.values()) state.carrierx[d.did_sid] = d.trunk_group_sid;
  return state;
}

class InventoryWorld {
  readonly model: InventoryState;
  readonly log: string[] = [];

  readonly h: CommandHarness;
  readonly twilio: TwilioClient;
  readonly carrierx: CarrierXClient;

  private constructor(private readonly session: WorldSession) {
    this.h = session.h;
    this.twilio = session.colleague.twilio;
    this.carrierx = session.colleague.carrierx;
    this.model = readInventory(emulator);
  }

  stopped = false;

  static open(): Promise<InventoryWorld> {
    figures.sequences += 1;
    return guard.open(emulator, (session) => new InventoryWorld(session));
  }

  close(): Promise<void> {
    return this.session.close();
  }

  get nodes() {
    return routesNodes(this.h.explorer);
  }

  numbers(side: Side): string[] {
    return Object.keys(this.model[side]).sort();
  }

  places(side: Side): string[] {
    return side === 'twilio'
      ? emulator.store.twilio.trunks.all
          .values()
          .map((t) => t.sid)
          .sort()
      : emulator.store.carrierx.groups
          .values()
          .map((g) => g.trunk_group_sid)
          .sort();
  }

  placeName(side: Side, sid: string): string {
    if (side === 'twilio') {
      const t = emulator.store.twilio.trunks.all.get(sid)!;
      return t.friendly_name || t.domain_name || t.sid;
    }
    const g = emulator.store.carrierx.groups.get(sid)!;
    return g.name || g.trunk_group_sid;
  }

  /** A colleague puts the number on `place` (or on none) through the API, not behind the user's faults. */
  async colleagueMoves(side: Side, sid: string, place: string | null): Promise<void> {
    const from = this.model[side][sid] ?? null;
    if (from === place) return;
    this.log.push(`  colleague moves ${sid} from ${from} to ${place}`);
    await withoutFaults(emulator, async () => {
      if (side === 'carrierx') {
        await this.carrierx.dids.assign(sid, place);
        return;
      }
      if (from) await this.twilio.trunkPhoneNumbers.detach(from, sid);
      if (place) await this.twilio.trunkPhoneNumbers.attach(place, sid);
    });
    this.model[side][sid] = place;
  }

  async user(label: string, fault: Fault, script: ScriptedAnswer[], run: (ctx: CommandContext) => Promise<unknown>): Promise<{ failed: boolean; message: string }> {
    figures.userSteps += 1;
    if (fault !== 'none') figures.faultedSteps += 1;
    if (fault === 'lost') figures.lostAnswers += 1;
    this.log.push(`${label} [${fault}]`);
    const input = this.h.answers(script);
    const before = this.h.workbench.messages.length;
    emulator.faults.set(faultRules(fault));
    let error: unknown;
    try {
      await run(this.h.context());
    } catch (e) {
      error = e;
    } finally {
      emulator.faults.set([]);
    }
    const warned = this.h.workbench.messages.slice(before).filter((m) => m.level === 'warn');
    const message = error === undefined ? warned.map((m) => m.text).join(' ') : isProviderError(error) ? error.toDisplayString() : error instanceof Error ? error.message : String(error);
    const failed = error !== undefined || warned.length > 0;
    this.log.push(`  → ${failed ? `failed: ${message}` : 'done'}`);
    if (error !== undefined && /Unexpected|Scripted answer|script expected|No item/.test(message)) this.violation(`${label}: the prompts were not what a user sees: ${message}`);
    if (failed && (!message.trim() || /\n\s+at\s/.test(message) || /\[object /.test(message))) this.violation(`${label}: the failure shown is not a message: ${JSON.stringify(message)}`);
    if (!failed) input.assertDone();
    return { failed, message };
  }

  check(label: string): void {
    figures.steps += 1;
    try {
      assert.deepEqual(readInventory(emulator), this.model);
    } catch (e) {
      this.violation(`${label}: a number is not on the trunk the model says:\n${(e as Error).message}`);
    }
  }

  violation(message: string): never {
    figures.violations += 1;
    throw new Error(`${message}\nsteps:\n${this.log.join('\n')}`);
  }
}

type Cmd = fc.AsyncCommand<InventoryWorld, InventoryWorld>;
const guard = new SequenceGuard();

class Step extends ModelStep<InventoryWorld> {
  constructor(label: string, act: (w: InventoryWorld) => Promise<void>) {
    super(label, () => true, act);
  }
}

const fault = fc.constantFrom(...FAULTS);
const index = fc.nat(20);
const side = fc.constantFrom<Side>('twilio', 'carrierx');
const meanwhile = fc.constantFrom<Meanwhile>('none', 'none', 'colleague moves it elsewhere', 'colleague moves it to the target', 'colleague unassigns it');

/**
 * Assign (a move when the number is on another trunk or group) from the number's row in the
 * inventory. The colleague acts while the confirmation is open, or, for a number on nothing
 * (no confirmation), right after the user picked the trunk.
 */
function assignStep({ s, n, p, m, f }: { s: Side; n: number; p: number; m: Meanwhile; f: Fault }): Step {
  return new Step(`user assigns ${s} number #${n} to #${p}, ${m} [${f}]`, async (w) => {
    const sid = w.numbers(s)[n % w.numbers(s).length]!;
    const places = w.places(s);
    const seen = w.model[s][sid] ?? null;
    const target = places[p % places.length]!;
    if (seen === target) return;
    const elsewhere = places.find((x) => x !== target && x !== seen) ?? null;
    const colleague = async () => {
      if (m === 'colleague moves it elsewhere') await w.colleagueMoves(s, sid, elsewhere);
      if (m === 'colleague moves it to the target') await w.colleagueMoves(s, sid, target);
      if (m === 'colleague unassigns it') await w.colleagueMoves(s, sid, null);
    };
    const node = s === 'twilio' ? await w.nodes.incomingNumber(sid) : await w.nodes.did(sid);
    const script: ScriptedAnswer[] = seen
      ? [{ pick: w.placeName(s, target) }, { confirm: true, message: /Move 1 number/, meanwhile: colleague }]
      : [{ pick: w.placeName(s, target), then: colleague }];
    const now = () => w.model[s][sid] ?? null;
    const { failed, message } = await w.user(`assign ${sid} (on ${seen}) to ${target}, ${m}`, f, script, (ctx) => assignNumbers.run(ctx, node));
    const movedAway = now() !== seen && now() !== null && now() !== target;
    if (movedAway) {
      // Moved by the colleague to a place the user never saw: left there, and said so.
      figures.refusedAfterColleague += 1;
      if (!failed || !/meanwhile/.test(message)) w.violation(`assign ${sid}: it was moved to ${now()} meanwhile; expected it left there with a message, got ${failed ? message : 'success'}`);
      return;
    }
    if (failed) w.violation(`assign ${sid} to ${target}: failed (${message})`);
    w.model[s][sid] = target;
  });
}
const assign = fc.record({ s: side, n: index, p: index, m: meanwhile, f: fault }).map(assignStep);

function unassignStep({ s, n, m, f }: { s: Side; n: number; m: Meanwhile; f: Fault }): Step {
  return new Step(`user unassigns ${s} number #${n}, ${m} [${f}]`, async (w) => {
    const assigned = w.numbers(s).filter((x) => w.model[s][x]);
    if (assigned.length === 0) return;
    const sid = assigned[n % assigned.length]!;
    const seen = w.model[s][sid]!;
    const elsewhere = w.places(s).find((x) => x !== seen)!;
    const colleague = async () => {
      if (m === 'colleague moves it elsewhere' || m === 'colleague moves it to the target') await w.colleagueMoves(s, sid, elsewhere);
      if (m === 'colleague unassigns it') await w.colleagueMoves(s, sid, null);
    };
    const node = s === 'twilio' ? await w.nodes.incomingNumber(sid) : await w.nodes.did(sid);
    const { failed, message } = await w.user(`unassign ${sid} (on ${seen}), ${m}`, f, [{ confirm: true, meanwhile: colleague }], (ctx) => unassignNumbers.run(ctx, node));
    const now = w.model[s][sid] ?? null;
    if (now !== null && now !== seen) {
      figures.refusedAfterColleague += 1;
      if (!failed || !/meanwhile/.test(message)) w.violation(`unassign ${sid}: it was moved to ${now} meanwhile; expected it left there with a message, got ${failed ? message : 'success'}`);
      return;
    }
    if (failed) w.violation(`unassign ${sid}: failed (${message})`);
    w.model[s][sid] = null;
  });
}
const unassign = fc.record({ s: side, n: index, m: meanwhile, f: fault }).map(unassignStep);

/** A Twilio number's phone number, as pick lists and messages show it. */
function phoneOf(sid: string): string {
  return emulator.store.twilio.numbers.all.get(sid)!.phone_number;
}

type Choice = 'move them too' | 'leave them there';

/**
 * Attach Numbers from a trunk's row: the user picks the number in the list (loaded then), and
 * confirms the move when it is on another trunk. The colleague acts right after the pick, or
 * while the Move confirmation is open. A number the colleague put on a trunk the user was not
 * shown is taken off it only when the user answers "Move Them Too" in a question that names it.
 */
function attachStep({ n, p, m, c, f }: { n: number; p: number; m: Meanwhile; c: Choice; f: Fault }): Step {
  return new Step(`user attaches twilio number #${n} to trunk #${p}, ${m}, ${c} [${f}]`, async (w) => {
    const sid = w.numbers('twilio')[n % w.numbers('twilio').length]!;
    const places = w.places('twilio');
    const seen = w.model.twilio[sid] ?? null;
    const target = places[p % places.length]!;
    if (seen === target) return;
    const elsewhere = places.find((x) => x !== target && x !== seen) ?? null;
    const after = m === 'colleague moves it elsewhere' ? elsewhere : m === 'colleague moves it to the target' ? target : m === 'colleague unassigns it' ? null : seen;
    const colleague = () => w.colleagueMoves('twilio', sid, after);
    const node = await w.nodes.trunk(target);
    const asked = after !== null && after !== seen && after !== target;
    const script: ScriptedAnswer[] = seen
      ? [{ pickMany: [phoneOf(sid)] }, { confirm: true, message: /Move 1 number/, meanwhile: colleague }]
      : [{ pickMany: [phoneOf(sid)], then: colleague }];
    if (asked) script.push({ ask: c === 'move them too' ? 'Move Them Too' : 'Leave Them There', message: /moved to another trunk since they were listed/ });
    const { failed, message } = await w.user(`attach ${sid} (on ${seen}) to ${target}, ${m}, ${c}`, f, script, (ctx) => attachNumbers.run(ctx, node));
    if (asked) figures.askedAfterColleague += 1;
    if (failed) w.violation(`attach ${sid} to ${target}: failed (${message})`);
    if (asked && c === 'leave them there') {
      if (!/left where they are now/.test(w.h.workbench.lastMessage() ?? '')) w.violation(`attach ${sid}: left on ${after}, but the message does not say so: ${w.h.workbench.lastMessage()}`);
      return;
    }
    w.model.twilio[sid] = target;
  });
}
const attach = fc.record({ n: index, p: index, m: meanwhile, c: fc.constantFrom<Choice>('move them too', 'leave them there'), f: fault }).map(attachStep);

/**
 * Detach Numbers from the number's row below its trunk (what the tree listed), or from the
 * trunk's row (a pick of its numbers). A number the colleague moved to another trunk meanwhile
 * stays there, and so does one they detached; the user is told.
 */
function detachStep({ n, m, row, f }: { n: number; m: Meanwhile; row: boolean; f: Fault }): Step {
  return new Step(`user detaches twilio number #${n} from ${row ? 'its row' : 'its trunk'}, ${m} [${f}]`, async (w) => {
    const attached = w.numbers('twilio').filter((x) => w.model.twilio[x]);
    if (attached.length === 0) return;
    const sid = attached[n % attached.length]!;
    const seen = w.model.twilio[sid]!;
    const elsewhere = w.places('twilio').find((x) => x !== seen)!;
    const after = m === 'colleague moves it elsewhere' || m === 'colleague moves it to the target' ? elsewhere : m === 'colleague unassigns it' ? null : seen;
    const colleague = () => w.colleagueMoves('twilio', sid, after);
    const node = row ? await w.nodes.trunkNumber(seen, sid) : await w.nodes.trunk(seen);
    const script: ScriptedAnswer[] = [...(row ? [] : [{ pickMany: [phoneOf(sid)] }]), { confirm: true, message: /^Detach /, meanwhile: colleague }];
    const { failed, message } = await w.user(`detach ${sid} from ${seen}, ${m}`, f, script, (ctx) => detachNumbers.run(ctx, node));
    if (after !== seen) {
      figures.refusedAfterColleague += 1;
      if (!failed || !/no longer on/.test(message)) w.violation(`detach ${sid}: it was ${after ? `moved to ${after}` : 'detached'} meanwhile; expected it left there with a message, got ${failed ? message : 'success'}`);
      return;
    }
    if (failed) w.violation(`detach ${sid} from ${seen}: failed (${message})`);
    w.model.twilio[sid] = null;
  });
}
const detach = fc.record({ n: index, m: meanwhile, row: fc.boolean(), f: fault }).map(detachStep);

const colleagueMoves = fc.record({ s: side, n: index, p: fc.option(index, { nil: undefined }) }).map(
  ({ s, n, p }) =>
    new Step(`colleague moves ${s} number #${n} to #${p ?? 'none'}`, async (w) => {
      const sid = w.numbers(s)[n % w.numbers(s).length]!;
      await w.colleagueMoves(s, sid, p === undefined ? null : w.places(s)[p % w.places(s).length]!);
    }),
);

const ACTIONS: fc.Arbitrary<Cmd>[] = [assign, assign, assign, unassign, unassign, attach, attach, detach, detach, colleagueMoves];

const SEEDS = (process.env.RELIABILITY_INVENTORY_SEEDS ?? scaled('9301,9302,9303', '9301')).split(',').map(Number);
const SEQUENCES = Number(process.env.RELIABILITY_INVENTORY_SEQUENCES ?? scaled(40, 10));
const MAX_COMMANDS = scaled(30, 15);
const TIME_LIMIT_MS = scaled(45_000, 15_000);

async function scenario(body: (w: InventoryWorld) => Promise<void>): Promise<void> {
  const world = await InventoryWorld.open();
  try {
    await body(world);
  } finally {
    await world.close();
  }
}

describe('the number inventory writes under random user, colleague and network actions (model-based)', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: ${SEQUENCES} sequences of up to ${MAX_COMMANDS} steps keep every number on the trunk the model says (rerun with RELIABILITY_INVENTORY_SEEDS=${seed})`, async () => {
      const details = await fc.check(
        fc.asyncProperty(fc.commands(ACTIONS, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          const world = await InventoryWorld.open();
          try {
            await fc.asyncModelRun(() => ({ model: world, real: world }), cmds);
          } finally {
            await world.close();
          }
        }),
        { seed, numRuns: SEQUENCES, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      if (details.failed) {
        const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(
          `seed ${seed}: ${details.numShrinks} shrinks, counterexample (replay with RELIABILITY_INVENTORY_SEEDS=${seed}, path ${details.counterexamplePath}):\n${fc.stringify(details.counterexample)}\n${message}`,
        );
      }
    });
  }
});

describe('regressions: one hole each', () => {
  test('a CarrierX DID a colleague moves while the Move confirmation is open is not taken off the group the user never saw', () =>
    scenario(async (w) => {
      const sid = w.numbers('carrierx').find((x) => w.model.carrierx[x])!;
      await assignStepFor(w, 'carrierx', sid, 'colleague moves it elsewhere', 'none');
    }));
  test('a Twilio number a colleague moves while the Move confirmation is open is left on the colleague\'s trunk, and the user is told', () =>
    scenario(async (w) => {
      const sid = w.numbers('twilio').find((x) => w.model.twilio[x])!;
      await assignStepFor(w, 'twilio', sid, 'colleague moves it elsewhere', 'none');
    }));
  test('a Twilio number a colleague took off its trunk meanwhile is still assigned where the user asked', () =>
    scenario(async (w) => {
      const sid = w.numbers('twilio').find((x) => w.model.twilio[x])!;
      await assignStepFor(w, 'twilio', sid, 'colleague unassigns it', 'none');
    }));
  test('a Twilio move whose attach meets a 503 after the detach is looked up and sent again, not left on no trunk', () =>
    scenario(async (w) => {
      const sid = w.numbers('twilio').find((x) => w.model.twilio[x])!;
      await assignStepFor(w, 'twilio', sid, 'none', 'server-error');
    }));
  test('Unassign of a DID a colleague moved to another group meanwhile leaves it there, and says so', () =>
    scenario(async (w) => {
      const sid = w.numbers('carrierx').find((x) => w.model.carrierx[x])!;
      await unassignStep({ s: 'carrierx', n: w.numbers('carrierx').filter((x) => w.model.carrierx[x]).indexOf(sid), m: 'colleague moves it elsewhere', f: 'none' }).run(w);
    }));
});

describe('regressions: Attach and Detach Numbers act on where a number is, not where the tree listed it', () => {
  const onTrunk = (w: InventoryWorld) => w.numbers('twilio').find((x) => w.model.twilio[x])!;
  const free = (w: InventoryWorld) => w.numbers('twilio').find((x) => !w.model.twilio[x])!;
  const attachFor = (w: InventoryWorld, sid: string, m: Meanwhile, c: Choice) => {
    const places = w.places('twilio');
    const p = places.findIndex((x) => x !== w.model.twilio[sid]);
    return attachStep({ n: w.numbers('twilio').indexOf(sid), p, m, c, f: 'none' }).run(w);
  };
  test('a number a colleague attached elsewhere after the pick is left on their trunk when the user says so', () =>
    scenario((w) => attachFor(w, free(w), 'colleague moves it elsewhere', 'leave them there')));
  test('a number a colleague moved while the Move confirmation was open is taken off their trunk only after a question naming it', () =>
    scenario((w) => attachFor(w, onTrunk(w), 'colleague moves it elsewhere', 'move them too')));
  test('a number a colleague detached meanwhile is attached without a detach from the trunk it left', () =>
    scenario((w) => attachFor(w, onTrunk(w), 'colleague unassigns it', 'move them too')));
  test('Detach from a number\'s row: a number a colleague moved to another trunk meanwhile stays there, and the user is told', () =>
    scenario(async (w) => {
      const sid = onTrunk(w);
      const attached = w.numbers('twilio').filter((x) => w.model.twilio[x]);
      await detachStep({ n: attached.indexOf(sid), m: 'colleague moves it elsewhere', row: true, f: 'none' }).run(w);
    }));
  test('Detach of two numbers, one moved by a colleague meanwhile: asks, detaches the other, leaves the moved one', () =>
    scenario(async (w) => {
      const trunk = w.places('twilio').find((p) => w.numbers('twilio').filter((x) => w.model.twilio[x] === p).length >= 2)!;
      const [moved, other] = w.numbers('twilio').filter((x) => w.model.twilio[x] === trunk);
      const elsewhere = w.places('twilio').find((p) => p !== trunk)!;
      const node = await w.nodes.trunk(trunk);
      const script: ScriptedAnswer[] = [
        { pickMany: [phoneOf(moved!), phoneOf(other!)] },
        { confirm: true, meanwhile: () => w.colleagueMoves('twilio', moved!, elsewhere) },
        { ask: 'Detach the Others', message: /1 of the numbers are no longer on/ },
      ];
      const { failed, message } = await w.user(`detach ${moved} and ${other} from ${trunk}`, 'none', script, (ctx) => detachNumbers.run(ctx, node));
      assert.equal(failed, false, message);
      w.model.twilio[other!] = null;
      w.check('after the detach');
      assert.match(w.h.workbench.lastMessage() ?? '', new RegExp(`Detached ${phoneOf(other!).replace('+', '\\+')}.*${phoneOf(moved!).replace('+', '\\+')} is now on`));
    }));
});

/** The assign step on one number, to a place other than where it is. */
function assignStepFor(w: InventoryWorld, s: Side, sid: string, m: Meanwhile, f: Fault): Promise<void> {
  const places = w.places(s);
  const p = places.findIndex((x) => x !== w.model[s][sid]);
  return assignStep({ s, n: w.numbers(s).indexOf(sid), p, m, f }).run(w);
}
