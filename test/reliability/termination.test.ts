import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../src/core/providers/page';
import type { SipCredential, SipCredentialList, SipIpAccessControlList, SipIpAddress } from '../../src/core/providers/twilio/models';
import { addCredential } from '../../src/ui/commands/add-credential';
import { addIpAddress } from '../../src/ui/commands/add-ip-address';
import { createCredentialList } from '../../src/ui/commands/create-credential-list';
import { createIpAccessControlList } from '../../src/ui/commands/create-ip-access-control-list';
import { createOriginationUrl } from '../../src/ui/commands/create-origination-url';
import { passwordMatches } from '../../src/emulator/twilio/password-hash';
import fc from 'fast-check';
import { ModelStep, SequenceGuard, type WorldSession } from './model-sequence';
import { isProviderError } from '../../src/core/http/provider-error';
import type { TwilioClient } from '../../src/core/providers/twilio/twilio-client';
import type { FaultRule } from '../../src/emulator/faults/fault-rule';
import { deleteResource } from '../../src/ui/commands/delete-resource';
import { linkAuthLists } from '../../src/ui/commands/link-auth-lists';
import { renameResource } from '../../src/ui/commands/rename-resource';
import { setCredentialPassword } from '../../src/ui/commands/set-credential-password';
import { unlinkAuthList } from '../../src/ui/commands/unlink-auth-list';
import type { CommandContext } from '../../src/ui/commands/command';
import { UserCancelledError } from '../../src/ui/user-input';
import { commandHarness, type CommandHarness } from '../support/command-harness';
import type { ScriptedAnswer, ScriptedUserInput } from '../support/scripted-user-input';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';
import { recordFigures, scaled } from './reliability-run';
import { duplicatesIn, holdsPassword, readTermination, terminationNodes, withoutFaults, type TerminationState } from './termination-world';

// The termination commands (SIP auth lists, their addresses and credentials, trunk links) and the
// Add Origination URL wizard under what a provider and a colleague do to them. Here: a create
// whose answer is lost after Twilio made the resource. The user (or the command itself) tries
// again; a second list, address, credential or URL must never come of it.

const figures = { lostAnswers: 0, duplicates: 0, sequences: 0, steps: 0, userSteps: 0, faultedSteps: 0, violations: 0 };
let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 2, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
});
after(async () => {
  recordFigures('termination', figures);
  await guard.settle();
  await h?.close();
  await emulator.close();
});
beforeEach(async () => {
  await guard.settle();
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
});

async function twilio() {
  return h.connections.twilio(h.accounts.list()[0]!);
}

/** The next POST to `path` (under the account's 2010 API, or a trunking path) is made, and its answer lost. */
function loseNextAnswer(path: string): void {
  const full = path.startsWith('/v1/') ? path : `/2010-04-01/Accounts/${emulator.credentials.accountSid}${path}`;
  emulator.faults.set([{ kind: 'reset-after-commit', method: 'POST', path: full, times: 1 }]);
  figures.lostAnswers += 1;
}

/**
 * Runs a create whose answer is lost, then, if the command said it failed, runs it again as a
 * user would (same answers). Returns what the first run showed when it failed.
 */
async function createTwice(run: () => Promise<unknown>): Promise<string | undefined> {
  let shown: string | undefined;
  try {
    await run();
  } catch (e) {
    shown = e instanceof Error ? e.message : String(e);
  }
  emulator.faults.set([]);
  if (shown !== undefined) await run();
  return shown;
}

function countDuplicates<T>(items: T[], key: (item: T) => string): number {
  const seen = new Set(items.map(key));
  const duplicates = items.length - seen.size;
  figures.duplicates += duplicates;
  return duplicates;
}

describe('a create whose answer is lost (the resource was made): tried again, nothing is made twice', () => {
  test('Create IP Access Control List', async () => {
    loseNextAnswer('/SIP/IpAccessControlLists.json');
    const created: unknown[] = [];
    const shown = await createTwice(async () => {
      h.answers([{ input: 'Edge SBC' }]);
      created.push(await createIpAccessControlList.run(h.context(), undefined));
    });
    const lists = await (await twilio()).ipAccessControlLists.findByFriendlyName('Edge SBC');
    assert.equal(
      countDuplicates(lists, (l: SipIpAccessControlList) => l.friendly_name ?? ''),
      0,
      `one "Edge SBC", got ${lists.length}`,
    );
    assert.equal(shown, undefined, `the lost answer is resolved by the command, not shown: ${shown}`);
    assert.equal((created[0] as SipIpAccessControlList).sid, lists[0]!.sid, 'the command returns the list Twilio made');
  });

  test('Create Credential List', async () => {
    loseNextAnswer('/SIP/CredentialLists.json');
    const created: unknown[] = [];
    const shown = await createTwice(async () => {
      h.answers([{ input: 'Desk phones' }]);
      created.push(await createCredentialList.run(h.context(), undefined));
    });
    const lists = await (await twilio()).credentialLists.findByFriendlyName('Desk phones');
    assert.equal(
      countDuplicates(lists, (l: SipCredentialList) => l.friendly_name ?? ''),
      0,
    );
    assert.equal(shown, undefined, `the lost answer is resolved by the command, not shown: ${shown}`);
    assert.equal((created[0] as SipCredentialList).sid, lists[0]!.sid);
  });

  test('Add IP Address', async () => {
    const client = await twilio();
    const list = await client.ipAccessControlLists.create('Edge SBC');
    const node = await terminationNodes(h.explorer).ipAccessControlList(list.sid);
    loseNextAnswer(`/SIP/IpAccessControlLists/${list.sid}/IpAddresses.json`);
    const created: unknown[] = [];
    const shown = await createTwice(async () => {
      h.answers([{ input: '203.0.113.0/24' }, { input: 'office' }]);
      created.push(await addIpAddress.run(h.context(), node));
    });
    const addresses = await collect(client.ipAddresses.list(list.sid));
    assert.equal(
      countDuplicates(addresses, (a: SipIpAddress) => `${a.ip_address}/${a.cidr_prefix_length}`),
      0,
    );
    assert.equal(addresses.length, 1);
    assert.equal(shown, undefined, `the lost answer is resolved by the command, not shown: ${shown}`);
    assert.equal((created[0] as SipIpAddress).sid, addresses[0]!.sid);
  });

  test('Add Credential: the username is found, and the password just sent is set on it', async () => {
    const client = await twilio();
    const list = await client.credentialLists.create('Desk phones');
    const node = await terminationNodes(h.explorer).credentialList(list.sid);
    loseNextAnswer(`/SIP/CredentialLists/${list.sid}/Credentials.json`);
    const created: unknown[] = [];
    const typed = [{ input: 'desk-1' }, { pick: /Type a password/ }, { input: 'Lost-Answer-Pass-9' }];
    const shown = await createTwice(async () => {
      h.answers(typed);
      created.push(await addCredential.run(h.context(), node));
    });
    const credentials = await collect(client.credentials.list(list.sid));
    assert.equal(
      countDuplicates(credentials, (c: SipCredential) => c.username ?? ''),
      0,
    );
    assert.equal(credentials.length, 1);
    assert.equal(shown, undefined, `the lost answer is resolved by the command, not shown: ${shown}`);
    assert.equal((created[0] as SipCredential).sid, credentials[0]!.sid);
    const stored = emulator.store.twilio.authLists.credentialsOf(list.sid).get(credentials[0]!.sid)!;
    assert.ok(passwordMatches('Lost-Answer-Pass-9', stored.password_salt, stored.password_hash), 'the password typed is the one Twilio holds');
  });

  test('Add Origination URL', async () => {
    const client = await twilio();
    const trunk = (await client.trunks.page({ pageSize: 1 })).items[0]!;
    const node = await terminationNodes(h.explorer).trunk(trunk.sid);
    loseNextAnswer(`/v1/Trunks/${trunk.sid}/OriginationUrls`);
    const created: unknown[] = [];
    const typed = [{ input: 'sip:pbx-a.example.com' }, { input: 'pbx-a' }, { input: '10' }, { input: '10' }];
    const shown = await createTwice(async () => {
      h.answers(typed);
      created.push(await createOriginationUrl.run(h.context(), node));
    });
    const urls = (await collect(client.originationUrls.list(trunk.sid))).filter((u) => u.sip_url === 'sip:pbx-a.example.com');
    assert.equal(
      countDuplicates(urls, (u) => u.sip_url ?? ''),
      0,
    );
    assert.equal(urls.length, 1);
    assert.equal(shown, undefined, `the lost answer is resolved by the command, not shown: ${shown}`);
  });
});

// ---------------------------------------------------------------------------------------------
// The model: random sequences of the termination commands (as a user runs them from the
// explorer, prompts answered by ScriptedUserInput) and of a colleague's changes through the API
// (between the user's steps, and while a prompt of the user's is open), with a fault on the
// user's requests (an answer lost after Twilio committed, a 429 burst, a 503). After every step,
// from the emulator's own records: it is what the model says, nothing is there twice, every
// credential holds the password last set, a failed step said so (a message, not a stack trace)
// and no password is anywhere a user or a log reader sees.

const SEEDS = (process.env.RELIABILITY_TERMINATION_SEEDS ?? scaled('8101,8102,8103', '8101')).split(',').map(Number);
const SEQUENCES = Number(process.env.RELIABILITY_TERMINATION_SEQUENCES ?? scaled(40, 12));
const MAX_COMMANDS = scaled(30, 20);
/** Per seed, shrinking included. */
const TIME_LIMIT_MS = scaled(60_000, 20_000);

type Fault = 'none' | 'lost' | 'throttle' | 'server-error';
const FAULTS: readonly Fault[] = ['none', 'none', 'lost', 'throttle', 'server-error'];
type ListKind = 'acls' | 'cls';
type Expected = 'ok' | 'fail' | 'either' | 'cancelled';

const ACL_NAMES = ['Edge SBC', 'HQ PBX', 'Branch office', 'Carrier B', 'Lab'];
const CL_NAMES = ['Desk phones', 'Softphones', 'Branch phones', 'Contact center', 'Lobby'];
/** Typed as the user types them, and as Twilio keeps them. */
const ADDRESSES: readonly [string, string][] = [
  ['203.0.113.10', '203.0.113.10/32'],
  ['203.0.113.0/24', '203.0.113.0/24'],
  ['198.51.100.7/32', '198.51.100.7/32'],
  ['198.51.100.0/28', '198.51.100.0/28'],
];
const USERNAMES = ['desk-1', 'desk-2', 'agent-7', 'lobby'];
const SIP_URLS = ['sip:pbx-a.example.com', 'sip:pbx-b.example.com:5060', 'sip:sbc.example.net'];

function faultRules(fault: Fault): FaultRule[] {
  switch (fault) {
    case 'none':
      return [];
    case 'lost':
      return [
        { kind: 'reset-after-commit', method: 'POST', times: 1 },
        { kind: 'reset-after-commit', method: 'DELETE', times: 1 },
      ];
    case 'throttle':
      return [{ kind: 'throttle', retryAfterSeconds: 0, times: 3 }];
    case 'server-error':
      return [
        { kind: 'server-error', method: 'POST', status: 503, times: 1 },
        { kind: 'server-error', method: 'DELETE', status: 503, times: 1 },
      ];
  }
}

const sorted = (values: Iterable<string>) => [...values].sort();

/** The model and the real world in one: fast-check hands both to each step. */
class TerminationWorld {
  /** What the emulator should hold. */
  readonly model: TerminationState;
  /** The password each credential should hold, by "list sid/username". */
  readonly passwords = new Map<string, string>();
  /** Every password typed, generated or set by the colleague: found nowhere a user or log reader sees. */
  readonly secrets = new Set<string>();
  readonly inputs: ScriptedUserInput[] = [];
  readonly errorsShown: string[] = [];
  readonly log: string[] = [];
  private colleagueTrunks = 0;

  readonly h: CommandHarness;
  readonly colleague: TwilioClient;

  private constructor(private readonly session: WorldSession) {
    this.h = session.h;
    this.colleague = session.colleague.twilio;
    this.model = readTermination(emulator);
  }

  stopped = false;

  static open(): Promise<TerminationWorld> {
    figures.sequences += 1;
    return guard.open(emulator, (session) => new TerminationWorld(session));
  }

  close(): Promise<void> {
    return this.session.close();
  }

  get nodes() {
    return terminationNodes(this.h.explorer);
  }

  sids(kind: ListKind | 'trunks'): string[] {
    return sorted(Object.keys(this.model[kind]));
  }

  pickSid(kind: ListKind | 'trunks', i: number): string | undefined {
    const sids = this.sids(kind);
    return sids.length === 0 ? undefined : sids[i % sids.length];
  }

  nameTaken(kind: ListKind, name: string): boolean {
    return Object.values(this.model[kind]).some((l) => l.name === name);
  }

  // The model's changes.
  addList(kind: ListKind, sid: string, name: string): void {
    this.model[kind][sid] = { name, entries: [] };
  }

  removeList(kind: ListKind, sid: string): void {
    delete this.model[kind][sid];
    for (const tr of Object.values(this.model.trunks)) tr[kind] = tr[kind].filter((s) => s !== sid);
    for (const key of [...this.passwords.keys()]) if (key.startsWith(`${sid}/`)) this.passwords.delete(key);
  }

  addEntry(kind: ListKind, sid: string, entry: string): void {
    const list = this.model[kind][sid]!;
    list.entries = sorted([...list.entries, entry]);
  }

  removeEntry(kind: ListKind, sid: string, entry: string): void {
    const list = this.model[kind][sid]!;
    list.entries = list.entries.filter((e) => e !== entry);
    if (kind === 'cls') this.passwords.delete(`${sid}/${entry}`);
  }

  link(trunkSid: string, kind: ListKind, listSid: string): void {
    const tr = this.model.trunks[trunkSid]!;
    tr[kind] = sorted(new Set([...tr[kind], listSid]));
  }

  unlink(trunkSid: string, kind: ListKind, listSid: string): void {
    const tr = this.model.trunks[trunkSid]!;
    tr[kind] = tr[kind].filter((s) => s !== listSid);
  }

  // A colleague, through the API, not behind the user's faults.
  colleagueDeletesList(kind: ListKind, sid: string): Promise<void> {
    return withoutFaults(emulator, async () => {
      const links = kind === 'acls' ? this.colleague.trunkIpAccessControlLists : this.colleague.trunkCredentialLists;
      for (const [trunkSid, tr] of Object.entries(this.model.trunks)) if (tr[kind].includes(sid)) await links.remove(trunkSid, sid);
      await (kind === 'acls' ? this.colleague.ipAccessControlLists : this.colleague.credentialLists).delete(sid);
      this.removeList(kind, sid);
      this.log.push(`  colleague deleted ${kind} ${sid}`);
    });
  }

  colleagueLinks(trunkSid: string, kind: ListKind, listSid: string): Promise<void> {
    return withoutFaults(emulator, async () => {
      await (kind === 'acls' ? this.colleague.trunkIpAccessControlLists : this.colleague.trunkCredentialLists).add(trunkSid, listSid);
      this.link(trunkSid, kind, listSid);
      this.log.push(`  colleague linked ${listSid} to ${trunkSid}`);
    });
  }

  colleagueDeletesTrunk(trunkSid: string): Promise<void> {
    return withoutFaults(emulator, async () => {
      await this.colleague.trunks.delete(trunkSid);
      delete this.model.trunks[trunkSid];
      this.log.push(`  colleague deleted trunk ${trunkSid}`);
    });
  }

  async colleagueCreatesTrunk(): Promise<void> {
    const trunk = await withoutFaults(emulator, () => this.colleague.trunks.create({ friendly_name: `Colleague trunk ${++this.colleagueTrunks}` }));
    this.model.trunks[trunk.sid] = { acls: [], cls: [], urls: [] };
  }

  /**
   * Runs one user command with `fault` on its requests; checks that it ended as `expected`
   * (a failure says what happened in a message, never a stack trace). Returns its value, or
   * undefined when it failed.
   */
  async user(
    label: string,
    fault: Fault,
    expected: Expected,
    script: ScriptedAnswer[],
    run: (ctx: CommandContext) => Promise<unknown>,
  ): Promise<{ value?: unknown; failed: boolean }> {
    figures.userSteps += 1;
    if (fault !== 'none') figures.faultedSteps += 1;
    this.log.push(`${label} [${fault}] expecting ${expected}`);
    const input = this.h.answers(script);
    this.inputs.push(input);
    const warnings = this.h.workbench.messages.length;
    emulator.faults.set(faultRules(fault));
    let value: unknown;
    let error: unknown;
    try {
      value = await run(this.h.context());
    } catch (e) {
      error = e;
    } finally {
      emulator.faults.set([]);
    }
    const warned = this.h.workbench.messages.slice(warnings).filter((m) => m.level === 'warn' && /fail/i.test(m.text));
    const message =
      error === undefined ? warned.map((m) => m.text).join(' ') : isProviderError(error) ? error.toDisplayString() : error instanceof Error ? error.message : String(error);
    if (error !== undefined) this.errorsShown.push(message);
    const failed = error !== undefined || warned.length > 0;
    this.log.push(`  → ${failed ? `failed: ${message}` : 'done'}`);
    if (expected === 'cancelled') {
      if (!(error instanceof UserCancelledError)) this.violation(`${label}: expected the prompt to refuse the answer and the user to cancel, got ${failed ? message : 'success'}`);
      input.assertDone();
      return { failed: true };
    }
    if (error instanceof UserCancelledError) this.violation(`${label}: an unexpected prompt was cancelled`);
    if (error !== undefined && /Unexpected|Scripted answer|script expected|No item/.test(message)) this.violation(`${label}: the prompts were not what a user sees: ${message}`);
    if (failed && expected === 'ok') this.violation(`${label}: failed (${message})`);
    if (!failed && expected === 'fail') this.violation(`${label}: reported success, but it cannot have succeeded`);
    if (failed && (!message.trim() || /\n\s+at\s/.test(message) || /\[object /.test(message)))
      this.violation(`${label}: the failure shown is not a message: ${JSON.stringify(message)}`);
    if (!failed) input.assertDone();
    return failed ? { failed } : { value, failed };
  }

  /** The invariants, after every step. */
  check(label: string): void {
    figures.steps += 1;
    const actual = readTermination(emulator);
    const duplicates = duplicatesIn(actual);
    if (duplicates.length > 0) {
      figures.duplicates += duplicates.length;
      this.violation(`${label}: duplicates: ${duplicates.join('; ')}`);
    }
    try {
      assert.deepEqual(actual, this.model);
    } catch (e) {
      this.violation(`${label}: the emulator is not what the steps so far should have left:\n${(e as Error).message}`);
    }
    for (const [key, password] of this.passwords) {
      const [listSid, username] = key.split('/') as [string, string];
      const credential = emulator.store.twilio.authLists
        .credentialsOf(listSid)
        .values()
        .find((c) => c.username === username);
      if (!credential || !holdsPassword(emulator, listSid, credential.sid, password)) this.violation(`${label}: ${username} in ${listSid} does not hold the password last set`);
    }
    const seen = JSON.stringify([
      this.h.workbench.messages,
      this.h.workbench.progressTitles,
      this.inputs.map((i) => i.asked),
      this.h.sink.lines,
      this.errorsShown,
      [...this.h.state.values],
      [...this.h.secrets.values],
      this.h.resourcesChanged,
    ]);
    for (const secret of this.secrets) if (seen.includes(secret)) this.violation(`${label}: a password is in what the user or the log sees`);
  }

  violation(message: string): never {
    throw new Error(`${message}\nsteps:\n${this.log.join('\n')}`);
  }
}

type Cmd = fc.AsyncCommand<TerminationWorld, TerminationWorld>;
const guard = new SequenceGuard();

class Step extends ModelStep<TerminationWorld> {}

const fault = fc.constantFrom(...FAULTS);
const kind = fc.constantFrom<ListKind>('acls', 'cls');
const index = fc.nat(20);
const noun = (k: ListKind) => (k === 'acls' ? 'IP access control list' : 'credential list');
const hasList = (k: ListKind) => (w: TerminationWorld) => w.sids(k).length > 0;
const hasTrunk = (w: TerminationWorld) => w.sids('trunks').length > 0;

const createList = fc.record({ k: kind, n: fc.nat(4), f: fault }).map(
  ({ k, n, f }) =>
    new Step(
      `user creates ${noun(k)} ${n} [${f}]`,
      () => true,
      async (w) => {
        const name = (k === 'acls' ? ACL_NAMES : CL_NAMES)[n]!;
        const command = k === 'acls' ? createIpAccessControlList : createCredentialList;
        if (w.nameTaken(k, name)) {
          await w.user(`create ${noun(k)} "${name}" (taken)`, f, 'cancelled', [{ input: name, rejectedWith: /already has a list named/ }, { cancel: 'input' }], (ctx) =>
            command.run(ctx),
          );
          return;
        }
        const { value } = await w.user(`create ${noun(k)} "${name}"`, f, 'ok', [{ input: name }], (ctx) => command.run(ctx));
        w.addList(k, (value as { sid: string }).sid, name);
      },
    ),
);

const renameList = fc.record({ k: kind, i: index, n: fc.nat(4), meanwhile: fc.constantFrom('none', 'none', 'colleague renames it', 'colleague deletes it'), f: fault }).map((r) => renameListStep(r));

function renameListStep({ k, i, n, meanwhile, f }: { k: ListKind; i: number; n: number; meanwhile: string; f: Fault }): Step {
  return new Step(`user renames ${noun(k)} #${i} to ${n}, ${meanwhile} [${f}]`, hasList(k), async (w) => {
      const sid = w.pickSid(k, i)!;
      const name = `${(k === 'acls' ? ACL_NAMES : CL_NAMES)[n]!} (renamed)`;
      const current = w.model[k][sid]!.name;
      if (current === name) return;
      const node = k === 'acls' ? await w.nodes.ipAccessControlList(sid) : await w.nodes.credentialList(sid);
      if (w.nameTaken(k, name)) {
        // Refused at the prompt, as Create refuses it (it had been sent: an IP list got a second of the name).
        await w.user(`rename ${sid} → "${name}" (taken)`, f, 'cancelled', [{ input: name, rejectedWith: /already has a list named/ }, { cancel: 'input' }], (ctx) => renameResource.run(ctx, node));
        return;
      }
      const then = async () => {
        if (meanwhile === 'colleague deletes it') await w.colleagueDeletesList(k, sid);
        else if (meanwhile === 'colleague renames it') {
          await withoutFaults(emulator, () => (k === 'acls' ? w.colleague.ipAccessControlLists : w.colleague.credentialLists).update(sid, `${current} (colleague)`));
        }
      };
      const expected = meanwhile === 'colleague deletes it' ? 'fail' : 'ok';
      const { failed } = await w.user(`rename ${sid} "${current}" → "${name}", ${meanwhile}`, f, expected, [{ input: name, then }], (ctx) => renameResource.run(ctx, node));
      if (!failed) w.model[k][sid]!.name = name;
    });
}

/**
 * Delete List. A trunk a colleague links while the confirmation is open was not named in it:
 * the delete stops before any write and asks again naming it; the user agrees (`again`) or
 * keeps everything as it is.
 */
function deleteListStep({ k, i, meanwhile, again = true, f }: { k: ListKind; i: number; meanwhile: string; again?: boolean; f: Fault }): Step {
  return new Step(`user deletes ${noun(k)} #${i}, ${meanwhile}${again ? '' : ', declines the second question'} [${f}]`, hasList(k), async (w) => {
    const sid = w.pickSid(k, i)!;
    const node = k === 'acls' ? await w.nodes.ipAccessControlList(sid) : await w.nodes.credentialList(sid);
    const added = meanwhile === 'colleague links it to a trunk' ? w.sids('trunks').find((t) => !w.model.trunks[t]![k].includes(sid)) : undefined;
    const during = async () => {
      if (meanwhile === 'colleague deletes it') await w.colleagueDeletesList(k, sid);
      if (added) await w.colleagueLinks(added, k, sid);
    };
    const script: ScriptedAnswer[] = [{ confirm: true, meanwhile: during }];
    if (added) {
      const name = emulator.store.twilio.trunks.all.get(added)!.friendly_name || added;
      script.push({ confirm: again, message: /since you confirmed/, detail: new RegExp(`linked it after you confirmed.*"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`) });
    }
    const declined = added !== undefined && !again;
    const expected = meanwhile === 'colleague deletes it' ? 'either' : 'ok';
    await w.user(`delete ${sid}, ${meanwhile}${declined ? ', declined' : ''}`, f, expected, script, (ctx) => deleteResource.run(ctx, node));
    if (declined) return;
    if (w.model[k][sid]) w.removeList(k, sid);
  });
}
const deleteList = fc
  .record({ k: kind, i: index, meanwhile: fc.constantFrom('none', 'none', 'colleague links it to a trunk', 'colleague deletes it'), again: fc.boolean(), f: fault })
  .map(deleteListStep);

function addAddressStep({ i, a, meanwhile, f }: { i: number; a: number; meanwhile: 'none' | 'colleague deletes the list' | 'colleague adds the same address'; f: Fault }): Step {
  return new Step(`user adds address ${a} to list #${i}, ${meanwhile} [${f}]`, hasList('acls'), async (w) => {
    const sid = w.pickSid('acls', i)!;
    const [typed, kept] = ADDRESSES[a]!;
    const node = await w.nodes.ipAccessControlList(sid);
    if (w.model.acls[sid]!.entries.includes(kept)) {
      await w.user(`add ${typed} to ${sid} (there)`, f, 'cancelled', [{ input: typed, rejectedWith: /already in this list/ }, { cancel: 'input' }], (ctx) =>
        addIpAddress.run(ctx, node),
      );
      return;
    }
    const then = async () => {
      if (meanwhile === 'colleague deletes the list') await w.colleagueDeletesList('acls', sid);
      if (meanwhile === 'colleague adds the same address') {
        const [ip, prefix] = kept.split('/');
        await withoutFaults(emulator, () => w.colleague.ipAddresses.create(sid, { friendly_name: 'colleague', ip_address: ip!, cidr_prefix_length: Number(prefix) }));
        w.addEntry('acls', sid, kept);
      }
    };
    // The same address added by a colleague meanwhile is refused (21238), or, after a lost
    // answer, found and taken as this create's: either way it is there once.
    const expected = meanwhile === 'colleague deletes the list' ? 'fail' : meanwhile === 'none' ? 'ok' : 'either';
    const { failed } = await w.user(`add ${typed} to ${sid}, ${meanwhile}`, f, expected, [{ input: typed }, { input: 'office', then }], (ctx) => addIpAddress.run(ctx, node));
    if (!failed && !w.model.acls[sid]!.entries.includes(kept)) w.addEntry('acls', sid, kept);
  });
}
const addAddress = fc
  .record({ i: index, a: fc.nat(ADDRESSES.length - 1), meanwhile: fc.constantFrom('none', 'none', 'colleague deletes the list', 'colleague adds the same address'), f: fault })
  .map(addAddressStep);

let passwordCounter = 0;
const password = fc.oneof(
  fc.constant<'generate'>('generate'),
  fc.nat(999).map((n) => `Canary${n}-Sip-Secret`),
);

function addCredentialStepOf({
  i,
  u,
  pw,
  meanwhile,
  f,
}: {
  i: number;
  u: number;
  pw: string;
  meanwhile: 'none' | 'colleague deletes the list' | 'colleague adds the same username';
  f: Fault;
}): Step {
  return new Step(`user adds credential ${u} to list #${i} (${pw === 'generate' ? 'generated' : 'typed'}), ${meanwhile} [${f}]`, hasList('cls'), async (w) => {
    const sid = w.pickSid('cls', i)!;
    const username = USERNAMES[u]!;
    const node = await w.nodes.credentialList(sid);
    if (w.model.cls[sid]!.entries.includes(username)) {
      await w.user(`add ${username} to ${sid} (there)`, f, 'cancelled', [{ input: username, rejectedWith: /already in this list/ }, { cancel: 'input' }], (ctx) =>
        addCredential.run(ctx, node),
      );
      return;
    }
    const typed = pw === 'generate' ? undefined : `${pw}${++passwordCounter}`;
    if (typed) w.secrets.add(typed);
    const then = async () => {
      if (meanwhile === 'colleague deletes the list') await w.colleagueDeletesList('cls', sid);
      if (meanwhile === 'colleague adds the same username') {
        const theirs = `Colleague${++passwordCounter}-Pass-word`;
        w.secrets.add(theirs);
        await withoutFaults(emulator, () => w.colleague.credentials.create(sid, { username, password: theirs }));
        w.addEntry('cls', sid, username);
        w.passwords.set(`${sid}/${username}`, theirs);
      }
    };
    const script: ScriptedAnswer[] = typed ? [{ input: username }, { pick: /Type a password/ }, { input: typed, then }] : [{ input: username }, { pick: /Generate/, then }];
    const clipboard = w.h.workbench.clipboard;
    // The same username added by a colleague meanwhile is refused (21243), or, after a lost
    // answer, found and given the user's password (what the user was told is set).
    const expected = meanwhile === 'none' ? 'ok' : meanwhile === 'colleague deletes the list' ? 'fail' : 'either';
    const { failed } = await w.user(`add ${username} to ${sid}, ${meanwhile}`, f, expected, script, (ctx) => addCredential.run(ctx, node));
    if (failed) return;
    const set = typed ?? w.h.workbench.clipboard;
    if (!typed && set === clipboard) w.violation(`add ${username}: a generated password was not handed over`);
    w.secrets.add(set);
    if (!w.model.cls[sid]!.entries.includes(username)) w.addEntry('cls', sid, username);
    w.passwords.set(`${sid}/${username}`, set);
  });
}
const addCredentialStep = fc
  .record({
    i: index,
    u: fc.nat(USERNAMES.length - 1),
    pw: password,
    meanwhile: fc.constantFrom('none', 'none', 'colleague deletes the list', 'colleague adds the same username'),
    f: fault,
  })
  .map(addCredentialStepOf);

const setPassword = fc.record({ i: index, c: index, pw: password, meanwhile: fc.constantFrom('none', 'none', 'none', 'colleague deletes the credential'), f: fault }).map(
  ({ i, c, pw, meanwhile, f }) =>
    new Step(
      `user sets the password of credential #${c} in list #${i} (${pw === 'generate' ? 'generated' : 'typed'}), ${meanwhile} [${f}]`,
      (w) => Object.values(w.model.cls).some((l) => l.entries.length > 0),
      async (w) => {
        const withEntries = w.sids('cls').filter((s) => w.model.cls[s]!.entries.length > 0);
        const sid = withEntries[i % withEntries.length]!;
        const username = w.model.cls[sid]!.entries[c % w.model.cls[sid]!.entries.length]!;
        const credentialSid = emulator.store.twilio.authLists
          .credentialsOf(sid)
          .values()
          .find((x) => x.username === username)!.sid;
        const node = await w.nodes.credential(sid, credentialSid);
        const typed = pw === 'generate' ? undefined : `${pw}${++passwordCounter}`;
        if (typed) w.secrets.add(typed);
        const then = async () => {
          if (meanwhile !== 'colleague deletes the credential') return;
          await withoutFaults(emulator, () => w.colleague.credentials.delete(sid, credentialSid));
          w.removeEntry('cls', sid, username);
        };
        const script: ScriptedAnswer[] = typed ? [{ pick: /Type a password/ }, { input: typed, then }] : [{ pick: /Generate/, then }];
        const clipboard = w.h.workbench.clipboard;
        const { failed } = await w.user(`set the password of ${username} in ${sid}, ${meanwhile}`, f, meanwhile === 'none' ? 'ok' : 'fail', script, (ctx) =>
          setCredentialPassword.run(ctx, node),
        );
        if (failed) return;
        const set = typed ?? w.h.workbench.clipboard;
        if (!typed && set === clipboard) w.violation(`set password of ${username}: a generated password was not handed over`);
        w.secrets.add(set);
        w.passwords.set(`${sid}/${username}`, set);
      },
    ),
);

function deleteEntryStep({ k, i, e, f }: { k: ListKind; i: number; e: number; f: Fault }): Step {
  return new Step(
    `user deletes entry #${e} of ${noun(k)} #${i} [${f}]`,
    (w) => Object.values(w.model[k]).some((l) => l.entries.length > 0),
    async (w) => {
      const withEntries = w.sids(k).filter((s) => w.model[k][s]!.entries.length > 0);
      const sid = withEntries[i % withEntries.length]!;
      const entry = w.model[k][sid]!.entries[e % w.model[k][sid]!.entries.length]!;
      const lists = emulator.store.twilio.authLists;
      const entrySid =
        k === 'acls'
          ? lists
              .ipAddressesOf(sid)
              .values()
              .find((a) => `${a.ip_address}/${a.cidr_prefix_length}` === entry)!.sid
          : lists
              .credentialsOf(sid)
              .values()
              .find((c) => c.username === entry)!.sid;
      const node = k === 'acls' ? await w.nodes.ipAddress(sid, entrySid) : await w.nodes.credential(sid, entrySid);
      await w.user(`delete ${entry} of ${sid}`, f, 'ok', [{ confirm: true }], (ctx) => deleteResource.run(ctx, node));
      w.removeEntry(k, sid, entry);
    },
  );
}
const deleteEntry = fc.record({ k: kind, i: index, e: index, f: fault }).map(deleteEntryStep);

function linkStep({ t, pick, f }: { t: number; pick: number[]; f: Fault }): Step {
  return new Step(`user links lists ${pick.join(',')} to trunk #${t} [${f}]`, hasTrunk, async (w) => {
    const trunkSid = w.pickSid('trunks', t)!;
    const tr = w.model.trunks[trunkSid]!;
    const free = (['acls', 'cls'] as const).flatMap((k) =>
      w
        .sids(k)
        .filter((s) => !tr[k].includes(s))
        .map((s) => ({ k, sid: s, name: w.model[k][s]!.name })),
    );
    const chosen = [
      ...new Map(
        pick
          .filter(() => free.length > 0)
          .map((p) => free[p % free.length]!)
          .map((c) => [c.sid, c]),
      ).values(),
    ];
    if (chosen.length === 0) return;
    const node = await w.nodes.trunk(trunkSid);
    await w.user(`link ${chosen.map((c) => c.sid).join(', ')} to ${trunkSid}`, f, 'ok', [{ pickMany: chosen.map((c) => c.name) }], (ctx) => linkAuthLists.run(ctx, node));
    for (const c of chosen) w.link(trunkSid, c.k, c.sid);
  });
}
const linkLists = fc.record({ t: index, pick: fc.array(index, { minLength: 1, maxLength: 2 }), f: fault }).map(linkStep);

const unlinkList = fc.record({ t: index, l: index, meanwhile: fc.constantFrom('none', 'none', 'colleague unlinks it'), f: fault }).map(
  ({ t, l, meanwhile, f }) =>
    new Step(
      `user unlinks list #${l} from trunk #${t}, ${meanwhile} [${f}]`,
      (w) => Object.values(w.model.trunks).some((tr) => tr.acls.length + tr.cls.length > 0),
      async (w) => {
        const linking = w.sids('trunks').filter((s) => w.model.trunks[s]!.acls.length + w.model.trunks[s]!.cls.length > 0);
        const trunkSid = linking[t % linking.length]!;
        const tr = w.model.trunks[trunkSid]!;
        const links = [...tr.acls.map((sid) => ({ k: 'acls' as const, sid })), ...tr.cls.map((sid) => ({ k: 'cls' as const, sid }))];
        const { k, sid } = links[l % links.length]!;
        const node = await w.nodes.linkedList(trunkSid, sid);
        const during = async () => {
          if (meanwhile !== 'colleague unlinks it') return;
          await withoutFaults(emulator, () => (k === 'acls' ? w.colleague.trunkIpAccessControlLists : w.colleague.trunkCredentialLists).remove(trunkSid, sid));
          w.unlink(trunkSid, k, sid);
        };
        await w.user(`unlink ${sid} from ${trunkSid}, ${meanwhile}`, f, meanwhile === 'none' ? 'ok' : 'either', [{ confirm: true, meanwhile: during }], (ctx) =>
          unlinkAuthList.run(ctx, node),
        );
        w.unlink(trunkSid, k, sid);
      },
    ),
);

function addOriginationUrlStep({
  t,
  u,
  meanwhile,
  f,
}: {
  t: number;
  u: number;
  meanwhile: 'none' | 'colleague adds the same URL' | 'colleague deletes the trunk';
  f: Fault;
}): Step {
  return new Step(`user adds origination URL ${u} to trunk #${t}, ${meanwhile} [${f}]`, hasTrunk, async (w) => {
    const trunkSid = w.pickSid('trunks', t)!;
    const url = SIP_URLS[u]!;
    const node = await w.nodes.trunk(trunkSid);
    if (w.model.trunks[trunkSid]!.urls.includes(url)) {
      await w.user(`add ${url} to ${trunkSid} (there)`, f, 'cancelled', [{ input: url, rejectedWith: /already sends calls/ }, { cancel: 'input' }], (ctx) =>
        createOriginationUrl.run(ctx, node),
      );
      return;
    }
    const then = async () => {
      if (meanwhile === 'colleague deletes the trunk') await w.colleagueDeletesTrunk(trunkSid);
      if (meanwhile === 'colleague adds the same URL') {
        await withoutFaults(emulator, () => w.colleague.originationUrls.create(trunkSid, { sip_url: url, friendly_name: 'colleague', priority: 20, weight: 5, enabled: true }));
        w.model.trunks[trunkSid]!.urls = sorted([...w.model.trunks[trunkSid]!.urls, url]);
      }
    };
    // The same URL added by a colleague while the wizard is open: the wizard re-opens at the
    // SIP URL with the reason, and the user gives up.
    const same = meanwhile === 'colleague adds the same URL';
    const expected = meanwhile === 'colleague deletes the trunk' ? 'fail' : same ? 'cancelled' : 'ok';
    const script: ScriptedAnswer[] = [{ input: url }, { input: 'pbx' }, { input: '10' }, { input: '10', then }, ...(same ? [{ cancel: 'input' as const }] : [])];
    const { failed } = await w.user(`add ${url} to ${trunkSid}, ${meanwhile}`, f, expected, script, (ctx) => createOriginationUrl.run(ctx, node));
    const reopened = w.inputs.at(-1)!.asked.at(-1);
    if (same && !/already sends calls/.test(reopened?.problem ?? '')) w.violation(`add ${url}: the wizard did not say why it re-opened (${JSON.stringify(reopened)})`);
    if (!failed && meanwhile === 'none') w.model.trunks[trunkSid]!.urls = sorted([...w.model.trunks[trunkSid]!.urls, url]);
  });
}
const addOriginationUrl = fc
  .record({ t: index, u: fc.nat(SIP_URLS.length - 1), meanwhile: fc.constantFrom('none', 'none', 'colleague adds the same URL', 'colleague deletes the trunk'), f: fault })
  .map(addOriginationUrlStep);

// A colleague's changes between the user's steps.
const colleagueCreatesList = fc.record({ k: kind, n: fc.nat(4) }).map(
  ({ k, n }) =>
    new Step(
      `colleague creates ${noun(k)} ${n}`,
      () => true,
      async (w) => {
        const name = `${(k === 'acls' ? ACL_NAMES : CL_NAMES)[n]!} (colleague)`;
        if (w.nameTaken(k, name)) return;
        const list = await (k === 'acls' ? w.colleague.ipAccessControlLists : w.colleague.credentialLists).create(name);
        w.addList(k, list.sid, name);
      },
    ),
);
const colleagueDeletesList = fc
  .record({ k: kind, i: index })
  .map(({ k, i }) => new Step(`colleague deletes ${noun(k)} #${i}`, hasList(k), (w) => w.colleagueDeletesList(k, w.pickSid(k, i)!)));
const colleagueLinks = fc.record({ t: index, k: kind, i: index }).map(
  ({ t, k, i }) =>
    new Step(
      `colleague links ${noun(k)} #${i} to trunk #${t}`,
      (w) => hasTrunk(w) && hasList(k)(w),
      async (w) => {
        const trunkSid = w.pickSid('trunks', t)!;
        const sid = w.pickSid(k, i)!;
        if (!w.model.trunks[trunkSid]![k].includes(sid)) await w.colleagueLinks(trunkSid, k, sid);
      },
    ),
);
const colleagueDeletesTrunk = index.map((t) => new Step(`colleague deletes trunk #${t}`, hasTrunk, (w) => w.colleagueDeletesTrunk(w.pickSid('trunks', t)!)));
const colleagueCreatesTrunk = fc.constant(
  new Step(
    'colleague creates a trunk',
    (w) => w.sids('trunks').length < 4,
    (w) => w.colleagueCreatesTrunk(),
  ),
);

const ACTIONS: fc.Arbitrary<Cmd>[] = [
  createList,
  createList,
  renameList,
  deleteList,
  addAddress,
  addAddress,
  addCredentialStep,
  addCredentialStep,
  setPassword,
  deleteEntry,
  linkLists,
  linkLists,
  unlinkList,
  addOriginationUrl,
  colleagueCreatesList,
  colleagueDeletesList,
  colleagueLinks,
  colleagueDeletesTrunk,
  colleagueCreatesTrunk,
];

describe('the termination commands and Add Origination URL under random user, colleague and network actions (model-based)', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}: ${SEQUENCES} sequences of up to ${MAX_COMMANDS} steps keep the emulator what the model says (rerun with RELIABILITY_TERMINATION_SEEDS=${seed})`, async () => {
      const details = await fc.check(
        fc.asyncProperty(fc.commands(ACTIONS, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          const world = await TerminationWorld.open();
          try {
            await fc.asyncModelRun(() => ({ model: world, real: world }), cmds);
          } finally {
            await world.close();
          }
        }),
        { seed, numRuns: SEQUENCES, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );
      if (details.failed) {
        figures.violations += 1;
        const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(
          `seed ${seed}: ${details.numShrinks} shrinks, counterexample (replay with RELIABILITY_TERMINATION_SEEDS=${seed}, path ${details.counterexamplePath}):\n${fc.stringify(details.counterexample)}\n${message}`,
        );
      }
    });
  }
});

describe('regressions: counterexamples the model found and shrank, one hole each', () => {
  async function scenario(body: (w: TerminationWorld) => Promise<void>): Promise<void> {
    const world = await TerminationWorld.open();
    try {
      await body(world);
    } finally {
      await world.close();
    }
  }
  test('hole: Rename gives an IP access control list the name of another one no more (Create refuses it too)', () =>
    scenario(async (w) => {
      const lists = w.sids('acls');
      assert.ok(lists.length >= 2, 'two IP lists');
      const taken = `${ACL_NAMES[0]!} (renamed)`;
      await withoutFaults(emulator, () => w.colleague.ipAccessControlLists.update(lists[1]!, taken));
      w.model.acls[lists[1]!]!.name = taken;
      await renameListStep({ k: 'acls', i: 0, n: 0, meanwhile: 'none', f: 'none' }).run(w);
    }));
  test('hole: Delete List unlinks no trunk a colleague linked it to after the confirmation without asking again, naming it', () =>
    scenario(async (w) => {
      await deleteListStep({ k: 'acls', i: 0, meanwhile: 'colleague links it to a trunk', again: false, f: 'none' }).run(w);
      await deleteListStep({ k: 'cls', i: 0, meanwhile: 'colleague links it to a trunk', again: true, f: 'none' }).run(w);
    }));

  // Hole 1 (seed 8101, one step). Link Lists to Trunk sent the link, the answer was lost, and
  // the command warned "Linked 0 of 1 list(s); failed: … may or may not have been applied" while
  // the trunk did link the list. Now the link is looked up (GET by the list's sid) first.
  test('hole 1: a link whose answer was lost is found, not reported as failed', () => scenario((w) => linkStep({ t: 0, pick: [0], f: 'lost' }).run(w)));

  // Hole 2 (seed 8101, one step). Delete on an IP address: the DELETE's answer was lost, the
  // transport retried it (a DELETE may be sent twice), met 404, and the command said the delete
  // failed with "was not found" although the address was gone. The same held for lists and
  // Unlink. Now a 404 after an attempt that may have been applied is the delete done.
  test('hole 2: a delete whose answer was lost is done, not "was not found"', () => scenario((w) => deleteEntryStep({ k: 'acls', i: 0, e: 0, f: 'lost' }).run(w)));

  // Hole 3 (read off seed 8101's counterexample for addresses: a colleague adds the same address
  // while the prompt is open, and the user's create loses its answer). For credentials the
  // look-up after the lost answer adopted the colleague's username and handed over a generated
  // password Twilio did not hold. Now the password is set again on the credential found.
  test("hole 3: Add Credential after a lost answer and a colleague's same username: the password handed over is the one Twilio holds", () =>
    scenario(async (w) => {
      const list = await w.colleague.credentialLists.create('Fresh list');
      w.addList('cls', list.sid, 'Fresh list');
      await addCredentialStepOf({ i: w.sids('cls').indexOf(list.sid), u: 0, pw: 'generate', meanwhile: 'colleague adds the same username', f: 'lost' }).run(w);
    }));

  // Hole 4 (seed 8102, one step). Add Origination URL checked the trunk's URLs when the wizard
  // opened; a colleague added the same SIP URL while it was open, and the create added it a
  // second time (Twilio takes duplicates). Now the URLs are read again just before the create,
  // and the wizard re-opens at the SIP URL saying why.
  test('hole 4: a SIP URL a colleague adds while the wizard is open is not added twice', () =>
    scenario((w) => addOriginationUrlStep({ t: 0, u: 0, meanwhile: 'colleague adds the same URL', f: 'none' }).run(w)));

  // Hole 5 (seed 8103, one step). Add Origination URL adopted a URL only after a lost answer;
  // a 503 (which Twilio may answer after committing) was shown as a failure. Now every unknown
  // outcome goes through the same look-up as Push (createWithoutDuplicates).
  // Hole 6 (seeds 8101 and 8103). Add IP Address with an address the list already had (a seeded
  // one): Twilio refuses it (21238), but after a lost answer or a 503 the look-up found the old
  // entry and the command said "Added". Now the prompt refuses an address already in the list,
  // so what the look-up finds is this create's.
  test('hole 6: an address already in the list is refused at the prompt, also when the create would have met a 503', () =>
    scenario(async (w) => {
      const sid = w.sids('acls').find((s) => w.model.acls[s]!.entries.length > 0)!;
      const kept = w.model.acls[sid]!.entries[0]!;
      const node = await w.nodes.ipAccessControlList(sid);
      await w.user(`add ${kept} to ${sid} (there)`, 'server-error', 'cancelled', [{ input: kept, rejectedWith: /already in this list/ }, { cancel: 'input' }], (ctx) =>
        addIpAddress.run(ctx, node),
      );
      w.check('add an address already there');
    }));

  test('hole 5: a 503 on Add Origination URL is looked up and sent again, not shown', () =>
    scenario((w) => addOriginationUrlStep({ t: 0, u: 0, meanwhile: 'none', f: 'server-error' }).run(w)));
});
