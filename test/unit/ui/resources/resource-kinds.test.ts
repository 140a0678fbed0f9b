import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import packageJson from '../../../../package.json';
import { isRefused } from '../../../../src/ui/resources/resource-kind';
import { descriptorOf, folderIdOf, kindOf, labelOf, RESOURCE_KINDS, treeIdOf } from '../../../../src/ui/resources/resource-kinds';
import type { ExplorerNode } from '../../../../src/ui/tree/explorer-node';
import { refFromNode } from '../../../../src/ui/tree/resource-node';
import { commandHarness, type CommandHarness } from '../../../support/command-harness';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, byocTrunks: 3, trunkGroups: 2 } });
});
after(async () => {
  await h?.close();
  await emulator.close();
});
beforeEach(async () => {
  await h?.close();
  await emulator.reset();
  h = commandHarness(emulator);
});

/** The `viewItem =~ /…/` patterns of the explorer's context menus. */
const MENU_PATTERNS = packageJson.contributes.menus['view/item/context'].flatMap((item) => {
  const match = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(item.when);
  return match ? [{ command: item.command, pattern: new RegExp(match[1]!) }] : [];
});

/** Every node the explorer shows for the sandbox and for a Twilio and a CarrierX account, folders expanded. */
async function walkTree(): Promise<ExplorerNode[]> {
  const c = emulator.credentials;
  // A disabled target too (the seed's are mostly enabled), so Enable's menu has a node to match.
  const { twilio, close } = clientsFor(emulator);
  try {
    const policy = (await twilio.connectionPolicies.page({ pageSize: 1 })).items[0]!;
    const target = (await twilio.connectionPolicyTargets.page(policy.sid, { pageSize: 1 })).items[0]!;
    await twilio.connectionPolicyTargets.update(policy.sid, target.sid, { enabled: false });
  } finally {
    await close();
  }
  await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
  await h.accounts.add({ name: 'acme', provider: 'twilio', accountSid: c.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }, { authToken: c.authToken });
  await h.accounts.add({ name: 'cx', provider: 'carrierx', baseUrl: emulator.baseUrl }, { carrierxToken: c.carrierXToken });
  const nodes: ExplorerNode[] = [];
  const visit = async (node: ExplorerNode | undefined): Promise<void> => {
    for (const child of await h.explorer.childrenOf(node)) {
      nodes.push(child);
      await visit(child);
    }
  };
  await visit(undefined);
  return nodes;
}

describe('resource kinds', () => {
  test('every kind has every capability: done, or refused with a message that says what to do', () => {
    assert.deepEqual(RESOURCE_KINDS.map((d) => d.kind).sort(), [
      'byocTrunk',
      'carrierxTrunk',
      'connectionPolicy',
      'connectionPolicyTarget',
      'credential',
      'credentialList',
      'did',
      'endpoint',
      'endpointAddress',
      'incomingNumber',
      'ipAccessControlList',
      'ipAddress',
      'originationUrl',
      'phoneNumber',
      'trunk',
      'trunkGroup',
    ]);
    for (const d of RESOURCE_KINDS) {
      assert.equal(kindOf(d.kind), d, `${d.kind} is registered under its own name`);
      assert.ok(d.displayName().length > 0, `${d.kind} has a name`);
      assert.ok(d.provider === 'twilio' || d.provider === 'carrierx');
      for (const fn of [d.sid, d.label, d.record, d.change, d.place, d.pick, d.console.link, d.tree.icon, d.tree.description, d.tree.tooltip]) {
        assert.equal(typeof fn, 'function', `${d.kind}: ${fn?.name ?? 'a function'} is missing`);
      }
      if (isRefused(d.rename)) assert.ok(d.rename.refused().length > 10, `${d.kind}: rename says why not`);
      else assert.ok(d.rename.key.length > 0);
      if (isRefused(d.edit)) assert.ok(d.edit.refused().length > 10, `${d.kind}: edit says why not`);
      else assert.ok(d.edit.fields().length > 0, `${d.kind}: edit has fields from the schema`);
      if (isRefused(d.delete)) assert.ok(d.delete.refused().length > 10, `${d.kind}: delete says why not`);
      else assert.equal(typeof d.delete.remove, 'function');
      assert.match(d.tree.contextValue, new RegExp(`^trunkline:${d.kind}(\\.[a-z]+)*$`), `${d.kind}: its contextValue starts with its kind`);
      // A kind that can be edited shows the Edit and Rename menus, one that cannot does not.
      assert.equal(/\.editable\b/.test(d.tree.contextValue), !isRefused(d.edit), `${d.kind}: .editable matches the edit capability`);
      assert.equal(/\.deletable\b/.test(d.tree.contextValue), !isRefused(d.delete), `${d.kind}: .deletable matches the delete capability`);
    }
  });

  test('menus and descriptors agree: every menu pattern matches a node the tree shows, every capability is used by a menu', async () => {
    const shown = new Set((await walkTree()).map((n) => n.treeItem().contextValue));
    for (const { command, pattern } of MENU_PATTERNS) {
      assert.ok([...shown].some((value) => pattern.test(value)), `the menu of ${command} (${pattern}) matches no node: ${[...shown].join(', ')}`);
    }
    for (const d of RESOURCE_KINDS) {
      const values = [d.tree.contextValue, ...(d.tree.console ? [`${d.tree.contextValue}.console`] : [])];
      for (const value of values) {
        assert.ok(shown.has(value), `${value} (${d.kind}) is shown by some node`);
        const [, ...tags] = value.split('.');
        for (const tag of tags.filter((tg) => tg !== 'twilio' && tg !== 'carrierx')) {
          const users = MENU_PATTERNS.filter(({ pattern }) => pattern.test(value) && !pattern.test(value.replace(`.${tag}`, '')));
          assert.ok(users.length > 0, `${d.kind}: the capability .${tag} is not what any menu looks for`);
        }
      }
    }
  });

  test('tree ids round-trip: the id of a node is the id of its resource, below its folder, and reveals it', async () => {
    const nodes = await walkTree();
    const resources = nodes.filter((n) => refFromNode(n));
    assert.deepEqual([...new Set(resources.map((n) => refFromNode(n)!.kind))].sort(), RESOURCE_KINDS.map((d) => d.kind).sort(), 'the walk met every kind');
    for (const node of resources) {
      const ref = refFromNode(node)!;
      assert.equal(treeIdOf(ref), node.id, `${ref.kind} ${labelOf(ref)}`);
      assert.ok(node.id.startsWith(`${node.parent!.id}/`), `${node.id} is below its parent ${node.parent!.id}`);
      assert.ok(node.id.endsWith(`/${descriptorOf(ref).sid(ref)}`));
      assert.equal(node.treeItem().label, labelOf(ref));
      const folder = h.explorer.find(folderIdOf(ref));
      assert.ok(folder, `the folder of ${node.id} (${folderIdOf(ref)}) is a node of the tree`);
      assert.ok(node.id.startsWith(`${folder.id}/`));
    }
    // From a fresh tree, the id alone finds the node (what a create does to show its result).
    h = commandHarness(emulator);
    await h.accounts.add({ name: 'sandbox', provider: 'sandbox' }, {});
    const deepest = resources.filter((n) => refFromNode(n)!.account.provider === 'sandbox' && refFromNode(n)!.kind === 'carrierxTrunk')[0]!;
    const sandboxId = h.accounts.list()[0]!.id;
    const ref = refFromNode(deepest)!;
    const revealed = await h.explorer.reveal(treeIdOf({ ...ref, account: { ...ref.account, id: sandboxId } }));
    assert.equal(revealed && refFromNode(revealed)?.kind, 'carrierxTrunk');
  });
});
