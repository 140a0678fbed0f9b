import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openWalkthroughOnce, WALKTHROUGH_SHOWN_KEY, type FirstRunState } from '../../../../src/ui/walkthrough/open-walkthrough-once';
import { stepDoneBy, WALKTHROUGH_CONTEXT, WALKTHROUGH_ID } from '../../../../src/ui/walkthrough/walkthrough-context';

function memento(): FirstRunState & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => void values.set(key, value) };
}

interface Step {
  id: string;
  completionEvents?: string[];
}
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; steps: Step[] }[] };
};
const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
const eventsOf = (id: string) => walkthrough?.steps.find((s) => s.id === id)?.completionEvents ?? [];

describe('walkthrough: opened once for a new user', () => {
  test('opens on the first run, and never again', async () => {
    const state = memento();
    let opened = 0;
    const open = async () => void opened++;
    assert.equal(await openWalkthroughOnce(state, { accountCount: 0, openOnInstall: true }, open), true);
    assert.equal(await openWalkthroughOnce(state, { accountCount: 0, openOnInstall: true }, open), false);
    assert.equal(opened, 1);
    assert.equal(state.values.get(WALKTHROUGH_SHOWN_KEY), true);
  });

  test('not for someone who already has accounts (an upgrade), nor when VS Code is told not to', async () => {
    let opened = 0;
    const open = async () => void opened++;
    assert.equal(await openWalkthroughOnce(memento(), { accountCount: 2, openOnInstall: true }, open), false);
    assert.equal(await openWalkthroughOnce(memento(), { accountCount: 0, openOnInstall: false }, open), false);
    assert.equal(opened, 0);
  });

  test('not over a command the user is running; offered at a later start instead', async () => {
    const state = memento();
    let opened = 0;
    const open = async () => void opened++;
    assert.equal(await openWalkthroughOnce(state, { accountCount: 0, openOnInstall: true, busy: () => true }, open), false);
    assert.equal(opened, 0);
    assert.equal(state.values.get(WALKTHROUGH_SHOWN_KEY), undefined, 'not recorded as offered');
    assert.equal(await openWalkthroughOnce(state, { accountCount: 0, openOnInstall: true, busy: () => false }, open), true);
    assert.equal(opened, 1);
  });

  test('a walkthrough that failed to open is not offered again', async () => {
    const state = memento();
    await assert.rejects(openWalkthroughOnce(state, { accountCount: 0, openOnInstall: true }, async () => Promise.reject(new Error('no workbench'))));
    assert.equal(await openWalkthroughOnce(state, { accountCount: 0, openOnInstall: true }, async () => undefined), false);
  });
});

describe('walkthrough: each step checks off when the user has done it', () => {
  test('connecting the sandbox, not just opening its command, checks "Try the sandbox"', () => {
    assert.deepEqual(eventsOf('sandbox'), [`onContext:${WALKTHROUGH_CONTEXT.sandboxConnected}`]);
  });

  test('a connected Twilio or CarrierX account, not a cancelled Add Account, checks "Add a real account"', () => {
    assert.deepEqual(eventsOf('account'), [`onContext:${WALKTHROUGH_CONTEXT.providerAccountConnected}`]);
  });

  test('a trunk file written (by New Trunk File or by hand) checks "Write your first trunk file"', () => {
    assert.deepEqual(eventsOf('trunkFile'), [`onContext:${WALKTHROUGH_CONTEXT.trunkFileWritten}`]);
  });

  test('a push that sent its plan checks "Push it"; one cancelled at the confirmation does not', () => {
    assert.deepEqual(eventsOf('push'), [`onContext:${WALKTHROUGH_CONTEXT.pushed}`]);
    assert.equal(stepDoneBy('trunkline.push', { status: 'applied', sid: 'TK1' }), WALKTHROUGH_CONTEXT.pushed);
    assert.equal(stepDoneBy('trunkline.push', { status: 'cancelled' }), undefined);
    assert.equal(stepDoneBy('trunkline.push', { status: 'remote-changed' }), undefined);
    assert.equal(stepDoneBy('trunkline.pushAll', { counts: { created: 1 } }), WALKTHROUGH_CONTEXT.pushed);
    assert.equal(stepDoneBy('trunkline.pushAll', { counts: undefined }), undefined);
    assert.equal(stepDoneBy('trunkline.push', undefined), undefined);
  });

  test('lists linked to a trunk check "Let calls reach your trunk"; an empty choice does not', () => {
    assert.deepEqual(eventsOf('termination'), [`onContext:${WALKTHROUGH_CONTEXT.terminationLinked}`]);
    assert.equal(stepDoneBy('trunkline.linkAuthLists', { linked: ['AL1'], failed: [] }), WALKTHROUGH_CONTEXT.terminationLinked);
    assert.equal(stepDoneBy('trunkline.linkAuthLists', { linked: [] }), undefined);
    assert.equal(stepDoneBy('trunkline.refresh', undefined), undefined);
  });

  test('a trunk given a route checks "Send calls where they should go"; None, or a cancelled choice, does not', () => {
    assert.deepEqual(eventsOf('routes'), [`onContext:${WALKTHROUGH_CONTEXT.routeSet}`]);
    assert.equal(stepDoneBy('trunkline.setConnectionPolicy', { sid: 'BY1', connection_policy_sid: 'NY1' }), WALKTHROUGH_CONTEXT.routeSet);
    assert.equal(stepDoneBy('trunkline.setConnectionPolicy', { sid: 'BY1', connection_policy_sid: null }), undefined);
    assert.equal(stepDoneBy('trunkline.setTrunkEndpoint', { trunk_sid: 'T1', endpoint_sid: 'E1' }), WALKTHROUGH_CONTEXT.routeSet);
    assert.equal(stepDoneBy('trunkline.setTrunkEndpoint', { trunk_sid: 'T1', endpoint_sid: null }), undefined);
    assert.equal(stepDoneBy('trunkline.setConnectionPolicy', undefined), undefined);
  });

  test('a number found and opened checks "Find any number"; a search left without a choice does not', () => {
    assert.deepEqual(eventsOf('inventory'), [`onContext:${WALKTHROUGH_CONTEXT.numberFound}`]);
    assert.equal(stepDoneBy('trunkline.findNumber', { revealed: 'tree/1', number: '+14155550100', account: 'sandbox' }), WALKTHROUGH_CONTEXT.numberFound);
    assert.equal(stepDoneBy('trunkline.findNumber', undefined), undefined);
  });

  test('every step has a markdown page that exists, and the steps teach routes and the inventory after termination', () => {
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['sandbox', 'account', 'trunkFile', 'push', 'termination', 'routes', 'inventory'],
    );
    for (const step of walkthrough.steps) {
      const media = (step as Step & { media?: { markdown?: string } }).media?.markdown;
      assert.ok(media && existsSync(path.join(process.cwd(), media)), `step ${step.id}: media ${media} is missing`);
    }
  });

  test('every step has completion events, each naming a declared command or a key the extension sets', () => {
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const contexts = new Set<string>(Object.values(WALKTHROUGH_CONTEXT));
    assert.ok(walkthrough, `no walkthrough ${WALKTHROUGH_ID} in package.json`);
    for (const step of walkthrough.steps) {
      assert.ok((step.completionEvents ?? []).length > 0, `step ${step.id} never completes`);
      for (const event of step.completionEvents ?? []) {
        const [type, value = ''] = event.split(/:(.*)/s);
        if (type === 'onCommand') assert.ok(commands.has(value), `${step.id}: ${value} is not a declared command`);
        else if (type === 'onContext') assert.ok(contexts.has(value), `${step.id}: ${value} is not a key the extension sets`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });
});
