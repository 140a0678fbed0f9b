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
import { commandHarness, type CommandHarness } from '../support/command-harness';
import { startTestEmulator, type TestEmulator } from '../support/test-emulator';
import { recordFigures } from './reliability-run';
import { terminationNodes } from './termination-world';

// The termination commands (SIP auth lists, their addresses and credentials, trunk links) and the
// Add Origination URL wizard under what a provider and a colleague do to them. Here: a create
// whose answer is lost after Twilio made the resource. The user (or the command itself) tries
// again; a second list, address, credential or URL must never come of it.

const figures = { lostAnswers: 0, duplicates: 0 };
let emulator: TestEmulator;
let h: CommandHarness;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 2, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
});
after(async () => {
  recordFigures('termination', figures);
  await h?.close();
  await emulator.close();
});
beforeEach(async () => {
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
    assert.equal(countDuplicates(lists, (l: SipIpAccessControlList) => l.friendly_name ?? ''), 0, `one "Edge SBC", got ${lists.length}`);
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
    assert.equal(countDuplicates(lists, (l: SipCredentialList) => l.friendly_name ?? ''), 0);
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
    assert.equal(countDuplicates(addresses, (a: SipIpAddress) => `${a.ip_address}/${a.cidr_prefix_length}`), 0);
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
    assert.equal(countDuplicates(credentials, (c: SipCredential) => c.username ?? ''), 0);
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
    assert.equal(countDuplicates(urls, (u) => u.sip_url ?? ''), 0);
    assert.equal(urls.length, 1);
    assert.equal(shown, undefined, `the lost answer is resolved by the command, not shown: ${shown}`);
  });
});

