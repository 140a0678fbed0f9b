import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CarrierXTrunk } from '../../src/core/providers/carrierx/models';
import type { ByocTrunk } from '../../src/core/providers/twilio/models';
import { isPartlyDone } from '../../src/ui/resources/partly-done-error';
import { assignNumbers } from '../../src/ui/commands/assign-numbers';
import type { CommandContext } from '../../src/ui/commands/command';
import { deleteResource } from '../../src/ui/commands/delete-resource';
import { isProviderError } from '../../src/core/http/provider-error';
import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import { commandHarness, type CommandHarness } from '../support/command-harness';
import type { ScriptedAnswer } from '../support/scripted-user-input';
import { clientsFor } from '../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';
import { recordFigures } from './reliability-run';
import { routesNodes } from './routes-world';
import { terminationNodes } from './termination-world';

// The explorer writes of several requests, stopped between them: the window closed, the
// extension host killed or the user cancelling, played as an abort of the command's progress
// signal the moment its k-th write reaches the emulator (that write is applied, its answer and
// everything after it never arrive), for every k. Right after, whatever the command showed is a
// message; then the same command is run again from the tree, as a user would after a restart,
// and it must finish the job: nothing half-done is left, nothing the user did not ask for is
// changed. Bounded: every kill point of four commands, one run each (~14 runs).

const figures = { kills: 0, unfinished: 0, strayChanges: 0 };
let emulator: TestEmulator;
let colleague: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 4, numbers: 2, byocTrunks: 0, trunkGroups: 1, dids: 0 } });
  colleague = clientsFor(emulator);
});
after(async () => {
  recordFigures('kill-points', figures);
  await colleague.close();
  await emulator.close();
});

/**
 * Runs `run` with its progress signal aborted when the `killAt`-th write request (not GET) of
 * the command reaches the emulator. Returns what was shown when it ended early, and how many
 * writes it sent.
 */
async function runKilledAt(h: CommandHarness, killAt: number, script: ScriptedAnswer[], run: (ctx: CommandContext) => Promise<unknown>): Promise<{ shown?: string; writes: number }> {
  const controller = new AbortController();
  const stats = emulator.stats;
  const record = stats.record.bind(stats);
  let writes = 0;
  stats.record = (method, template, path) => {
    record(method, template, path);
    if (method.toUpperCase() !== 'GET' && ++writes === killAt) controller.abort();
  };
  const progress = h.workbench.withProgress.bind(h.workbench);
  h.workbench.withProgress = (title, task) => progress(title, (report) => task(report, controller.signal));
  h.answers(script);
  try {
    await run(h.context());
    return { writes };
  } catch (e) {
    const shown = isProviderError(e) ? e.toDisplayString() : e instanceof Error ? e.message : String(e);
    assert.ok(shown.trim() && !/\n\s+at\s/.test(shown), `what was shown is a message: ${JSON.stringify(shown)}`);
    if (isPartlyDone(e)) assert.match(shown, /again/, 'a partly done delete says how to finish');
    return { shown, writes };
  } finally {
    stats.record = record;
    h.workbench.withProgress = progress;
  }
}

async function freshHarness(): Promise<CommandHarness> {
  const h = commandHarness(emulator);
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
  return h;
}

/** The command run again from the tree after the kill (a new process); undefined when the thing is gone. */
async function again(node: () => Promise<ExplorerNode>, script: () => ScriptedAnswer[], run: (ctx: CommandContext, n: ExplorerNode) => Promise<unknown>): Promise<void> {
  const h = await freshHarness();
  try {
    let at: ExplorerNode;
    try {
      at = await node.call(undefined);
    } catch {
      return;
    }
    h.answers(script());
    await run(h.context(), at);
  } finally {
    await h.close();
  }
}

/** Every kill point k = 1..n of one multi-request command, each from a fresh emulator. */
async function everyKillPoint(
  name: string,
  setup: () => Promise<{ writes: number; node: (h: CommandHarness) => Promise<ExplorerNode>; script: () => ScriptedAnswer[]; run: (ctx: CommandContext, n: ExplorerNode) => Promise<unknown>; verify: (k: number) => void }>,
): Promise<void> {
  let k = 1;
  for (;;) {
    await emulator.reset();
    const plan = await setup();
    const h = await freshHarness();
    let writes: number;
    try {
      const node = await plan.node(h);
      ({ writes } = await runKilledAt(h, k, plan.script(), (ctx) => plan.run(ctx, node)));
    } finally {
      await h.close();
    }
    figures.kills += 1;
    await again(
      async () => {
        const h2 = await freshHarness();
        try {
          return await plan.node(h2);
        } finally {
          await h2.close();
        }
      },
      plan.script,
      plan.run,
    );
    try {
      plan.verify(k);
    } catch (e) {
      figures.unfinished += 1;
      throw new Error(`${name}, killed at write ${k} of ${plan.writes}: ${(e as Error).message}`);
    }
    if (k >= plan.writes || writes < k) break;
    k += 1;
  }
}

describe('multi-request explorer writes killed between their requests are finished by the next run', () => {
  test('Delete connection policy that clears the policy of three BYOC trunks first', async () => {
    await everyKillPoint('delete policy', async () => {
      const policy = await colleague.twilio.connectionPolicies.create({ friendly_name: 'Doomed policy' });
      const other = await colleague.twilio.connectionPolicies.create({ friendly_name: 'Kept policy' });
      const users: ByocTrunk[] = [];
      for (const n of [1, 2, 3]) users.push(await colleague.twilio.byocTrunks.create({ friendly_name: `Edge ${n}`, connection_policy_sid: policy.sid }));
      const bystander = await colleague.twilio.byocTrunks.create({ friendly_name: 'Bystander', connection_policy_sid: other.sid });
      return {
        writes: 4,
        node: (h) => routesNodes(h.explorer).policy(policy.sid),
        script: () => [{ confirm: true }],
        run: (ctx, n) => deleteResource.run(ctx, n),
        verify: () => {
          const twilio = emulator.store.twilio;
          assert.equal(twilio.connectionPolicies.get(policy.sid), undefined, 'the policy is deleted');
          for (const u of users) assert.equal(twilio.byocTrunks.get(u.sid)!.connection_policy_sid ?? null, null, `${u.friendly_name} no longer uses it`);
          if (twilio.byocTrunks.get(bystander.sid)!.connection_policy_sid !== other.sid) {
            figures.strayChanges += 1;
            assert.fail('a trunk that used another policy was changed');
          }
        },
      };
    });
  });

  test('Delete IP access control list that unlinks it from three trunks first', async () => {
    await everyKillPoint('delete IP ACL', async () => {
      const list = await colleague.twilio.ipAccessControlLists.create('Doomed ACL');
      const kept = await colleague.twilio.ipAccessControlLists.create('Kept ACL');
      const trunks = emulator.store.twilio.trunks.all.values().map((t) => t.sid);
      for (const sid of trunks.slice(0, 3)) await colleague.twilio.trunkIpAccessControlLists.add(sid, list.sid);
      await colleague.twilio.trunkIpAccessControlLists.add(trunks[3]!, kept.sid);
      return {
        writes: 4,
        node: (h) => terminationNodes(h.explorer).ipAccessControlList(list.sid),
        script: () => [{ confirm: true }],
        run: (ctx, n) => deleteResource.run(ctx, n),
        verify: () => {
          const lists = emulator.store.twilio.authLists;
          assert.equal(lists.lists('ip_access_control_lists').get(list.sid), undefined, 'the list is deleted');
          for (const sid of trunks) assert.ok(!lists.linksOf('ip_access_control_lists', sid).values().some((l) => l.list_sid === list.sid), `${sid} no longer links it`);
          if (!lists.linksOf('ip_access_control_lists', trunks[3]!).values().some((l) => l.list_sid === kept.sid)) {
            figures.strayChanges += 1;
            assert.fail('another list was unlinked');
          }
        },
      };
    });
  });

  test('Delete endpoint that leaves three CarrierX trunks with no endpoint first', async () => {
    await everyKillPoint('delete endpoint', async () => {
      const carrierx = emulator.store.carrierx;
      const group = carrierx.groups.values()[0]!;
      const endpoint = await colleague.carrierx.endpoints.create({ name: 'Doomed PBX', type: 'third_party', addresses: [{ ip: '203.0.113.9' }] });
      const users: CarrierXTrunk[] = [];
      for (const n of [1, 2, 3]) users.push(await colleague.carrierx.trunks.create(group.trunk_group_sid, { name: `doomed-${n}`, endpoint_sid: endpoint.endpoint_sid }));
      const others = carrierx
        .allTrunks()
        .filter((tr) => tr.endpoint_sid && tr.endpoint_sid !== endpoint.endpoint_sid)
        .map((tr) => [tr.trunk_sid, tr.endpoint_sid] as const);
      return {
        writes: 4,
        node: (h) => routesNodes(h.explorer).endpoint(endpoint.endpoint_sid),
        script: () => [{ confirm: true }],
        run: (ctx, n) => deleteResource.run(ctx, n),
        verify: () => {
          assert.equal(carrierx.endpoints.get(endpoint.endpoint_sid), undefined, 'the endpoint is deleted');
          for (const u of users) assert.equal(carrierx.allTrunks().find((tr) => tr.trunk_sid === u.trunk_sid)!.endpoint_sid, null, `${u.name} has no endpoint`);
          for (const [sid, e] of others) {
            if (carrierx.allTrunks().find((tr) => tr.trunk_sid === sid)!.endpoint_sid !== e) {
              figures.strayChanges += 1;
              assert.fail(`trunk ${sid} lost its own endpoint`);
            }
          }
        },
      };
    });
  });

  test('Assign (a move of a Twilio number: detach, then attach)', async () => {
    await everyKillPoint('assign', async () => {
      const [from, to] = emulator.store.twilio.trunks.all.values();
      const number = emulator.store.twilio.numbers.all.values()[0]!;
      if (number.trunk_sid !== from!.sid) {
        if (number.trunk_sid) await colleague.twilio.trunkPhoneNumbers.detach(number.trunk_sid, number.sid);
        await colleague.twilio.trunkPhoneNumbers.attach(from!.sid, number.sid);
      }
      const target = to!.friendly_name || to!.sid;
      return {
        writes: 2,
        node: (h) => routesNodes(h.explorer).incomingNumber(number.sid),
        // The run after the kill finds the number on no trunk (killed after the detach) and
        // assigns it without a move confirmation.
        script: () => (emulator.store.twilio.numbers.get(number.sid)!.trunk_sid === from!.sid ? [{ pick: target }, { confirm: true }] : [{ pick: target }]),
        run: (ctx, n) => assignNumbers.run(ctx, n),
        verify: () => assert.equal(emulator.store.twilio.numbers.get(number.sid)!.trunk_sid, to!.sid, 'the number is on the trunk the user chose'),
      };
    });
  });
});

/**
 * Runs Delete on `node` while every attempt at the `path` write fails with a 503 (the client's
 * retries included): it must fail saying which trunks were already changed and which were not,
 * and Delete run again (once the provider is back) must finish.
 */
async function deleteStoppedAt(node: (h: CommandHarness) => Promise<ExplorerNode>, rule: { method: string; path: string }): Promise<string> {
  const h = await freshHarness();
  try {
    const at = await node(h);
    h.answers([{ confirm: true }]);
    emulator.faults.set([{ kind: 'server-error', status: 503, method: rule.method, path: rule.path, times: 10 }]);
    try {
      await deleteResource.run(h.context(), at);
    } catch (e) {
      return isProviderError(e) ? e.toDisplayString() : e instanceof Error ? e.message : String(e);
    } finally {
      emulator.faults.set([]);
    }
    return '(it reported success)';
  } finally {
    await h.close();
  }
}

describe('a multi-request delete that fails for good between its trunk updates says which trunks it changed, and Delete again finishes', () => {
  test('Delete connection policy: the second of three trunks cannot be cleared', async () => {
    await emulator.reset();
    const policy = await colleague.twilio.connectionPolicies.create({ friendly_name: 'Half policy' });
    const users: ByocTrunk[] = [];
    for (const n of [1, 2, 3]) users.push(await colleague.twilio.byocTrunks.create({ friendly_name: `Edge ${n}`, connection_policy_sid: policy.sid }));
    const shown = await deleteStoppedAt((h) => routesNodes(h.explorer).policy(policy.sid), { method: 'POST', path: `/v1/ByocTrunks/${users[1]!.sid}` });
    assert.match(shown, /not deleted/, shown);
    assert.match(shown, /no longer use it: "Edge 1"/, shown);
    assert.match(shown, /still use it: "Edge 2", "Edge 3"/, shown);
    assert.match(shown, /again/, shown);
    await again(() => withHarness((h) => routesNodes(h.explorer).policy(policy.sid)), () => [{ confirm: true }], (ctx, n) => deleteResource.run(ctx, n));
    assert.equal(emulator.store.twilio.connectionPolicies.get(policy.sid), undefined);
    for (const u of users) assert.equal(emulator.store.twilio.byocTrunks.get(u.sid)!.connection_policy_sid ?? null, null);
  });

  test('Delete endpoint: the second of three trunks cannot be detached', async () => {
    await emulator.reset();
    const group = emulator.store.carrierx.groups.values()[0]!;
    const endpoint = await colleague.carrierx.endpoints.create({ name: 'Half PBX', type: 'third_party', addresses: [{ ip: '203.0.113.9' }] });
    const users: CarrierXTrunk[] = [];
    for (const n of [1, 2, 3]) users.push(await colleague.carrierx.trunks.create(group.trunk_group_sid, { name: `half-${n}`, endpoint_sid: endpoint.endpoint_sid }));
    const shown = await deleteStoppedAt((h) => routesNodes(h.explorer).endpoint(endpoint.endpoint_sid), {
      method: 'PATCH',
      path: `/core/v2/trunk_groups/${group.trunk_group_sid}/trunks/${users[1]!.trunk_sid}`,
    });
    assert.match(shown, /Trunks: "half-1"/, shown);
    assert.match(shown, /still send calls to it: "half-2", "half-3"/, shown);
    await again(() => withHarness((h) => routesNodes(h.explorer).endpoint(endpoint.endpoint_sid)), () => [{ confirm: true }], (ctx, n) => deleteResource.run(ctx, n));
    assert.equal(emulator.store.carrierx.endpoints.get(endpoint.endpoint_sid), undefined);
  });

  test('Delete IP access control list: the second of three trunks cannot be unlinked', async () => {
    await emulator.reset();
    const list = await colleague.twilio.ipAccessControlLists.create('Half ACL');
    const trunks = emulator.store.twilio.trunks.all.values().slice(0, 3);
    for (const tr of trunks) await colleague.twilio.trunkIpAccessControlLists.add(tr.sid, list.sid);
    const shown = await deleteStoppedAt((h) => terminationNodes(h.explorer).ipAccessControlList(list.sid), {
      method: 'DELETE',
      path: `/v1/Trunks/${trunks[1]!.sid}/IpAccessControlLists/${list.sid}`,
    });
    assert.match(shown, /not deleted/, shown);
    assert.match(shown, new RegExp(`no longer link it: "${trunks[0]!.friendly_name}"`), shown);
    assert.match(shown, /still link it/, shown);
    await again(() => withHarness((h) => terminationNodes(h.explorer).ipAccessControlList(list.sid)), () => [{ confirm: true }], (ctx, n) => deleteResource.run(ctx, n));
    assert.equal(emulator.store.twilio.authLists.lists('ip_access_control_lists').get(list.sid), undefined);
  });
});

async function withHarness<T>(body: (h: CommandHarness) => Promise<T>): Promise<T> {
  const h = await freshHarness();
  try {
    return await body(h);
  } finally {
    await h.close();
  }
}
