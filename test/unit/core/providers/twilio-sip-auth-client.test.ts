import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DispatcherPool } from '../../../../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor } from '../../../../src/core/http/redacting-logger';
import { collect } from '../../../../src/core/providers/page';
import { isSipIpv4Address, sipPasswordProblems } from '../../../../src/core/providers/twilio/sip-auth-rules';
import { createTwilioClient } from '../../../../src/core/providers/twilio/twilio-client';
import { expectProviderError } from '../../../support/expect-provider-error';
import { responseProblems } from '../../../support/openapi-specs';
import { json, startScriptedServer } from '../../../support/scripted-server';
import { SteppingClock } from '../../../support/stepping-clock';
import { clientsFor, MemoryLogger } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';

const SIP_SPEC = 'twilio_api_v2010_sip_auth_lists.json';
const TRUNKING_SPEC = 'twilio_trunking_v1.json';
const SIP = '/2010-04-01/Accounts/{AccountSid}/SIP';
const CANARY = 'CanaryClientPassw0rd';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 2, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
  clients = clientsFor(emulator);
});
after(async () => {
  await clients.close();
  await emulator.close();
});

/**
 * What a client method returned, checked against the spec's response schema with every field
 * required: the zod models drop fields they do not declare, so this fails when a model misses one.
 */
function assertComplete(spec: string, method: 'get' | 'post', template: string, status: number, value: unknown): void {
  assert.deepEqual(responseProblems(spec, method, template, status, value), [], `${method.toUpperCase()} ${template}`);
}

describe('Twilio IP access control lists and their addresses', () => {
  test('create, rename, list across pages and delete a list; add, change and remove addresses', async () => {
    const { ipAccessControlLists: acls, ipAddresses } = clients.twilio;
    const created = await acls.create('Client SBCs');
    assertComplete(SIP_SPEC, 'post', `${SIP}/IpAccessControlLists.json`, 201, created);
    assert.match(created.sid, /^AL[0-9a-f]{32}$/);
    const renamed = await acls.update(created.sid, 'Client SBCs (EU)');
    assertComplete(SIP_SPEC, 'post', `${SIP}/IpAccessControlLists/{Sid}.json`, 200, renamed);
    assert.equal((await acls.fetch(created.sid)).friendly_name, 'Client SBCs (EU)');
    assert.deepEqual((await acls.findByFriendlyName('Client SBCs (EU)')).map((l) => l.sid), [created.sid]);
    const all = await collect(acls.list({ pageSize: 1 }));
    assert.equal(all.length, emulator.store.twilio.authLists.lists('ip_access_control_lists').size, 'followed next_page_uri to the end');
    for (const list of all) assertComplete(SIP_SPEC, 'get', `${SIP}/IpAccessControlLists/{Sid}.json`, 200, list);

    const a = await ipAddresses.create(created.sid, { friendly_name: 'sbc-a', ip_address: '203.0.113.20' });
    assertComplete(SIP_SPEC, 'post', `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`, 201, a);
    assert.equal(a.cidr_prefix_length, 32);
    const b = await ipAddresses.create(created.sid, { friendly_name: 'media', ip_address: '198.51.100.0', cidr_prefix_length: 26 });
    const c = await ipAddresses.create(created.sid, { friendly_name: 'sbc-b', ip_address: '203.0.113.21', cidr_prefix_length: 32 });
    const firstPage = await ipAddresses.page(created.sid, { pageSize: 2 });
    assert.deepEqual(firstPage.items.map((x) => x.sid), [a.sid, b.sid]);
    assert.ok(firstPage.nextCursor, 'a relative next_page_uri becomes the cursor');
    assert.deepEqual((await collect(ipAddresses.list(created.sid, { pageSize: 2 }))).map((x) => x.sid), [a.sid, b.sid, c.sid]);

    const changed = await ipAddresses.update(created.sid, b.sid, { cidr_prefix_length: 24 });
    assertComplete(SIP_SPEC, 'post', `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json`, 200, changed);
    assert.equal(changed.cidr_prefix_length, 24);
    assert.equal((await ipAddresses.fetch(created.sid, b.sid)).cidr_prefix_length, 24);
    await ipAddresses.delete(created.sid, c.sid);
    assert.equal((await expectProviderError(ipAddresses.fetch(created.sid, c.sid))).status, 404);

    await acls.delete(created.sid);
    const gone = await expectProviderError(acls.fetch(created.sid));
    assert.equal(gone.isNotFound, true);
  });

  test('a bad address, a bad prefix and a 101st address are ProviderErrors with Twilio\'s codes', async () => {
    const { ipAccessControlLists: acls, ipAddresses } = clients.twilio;
    const list = await acls.create('Full list');
    const ipv6 = await expectProviderError(ipAddresses.create(list.sid, { friendly_name: 'v6', ip_address: '2001:db8::5' }));
    assert.deepEqual([ipv6.status, ipv6.code], [400, 21238]);
    assert.match(ipv6.toDisplayString(), /^Twilio 21238: IpAddress "2001:db8::5" is not an IPv4 address/);
    const prefix = await expectProviderError(ipAddresses.create(list.sid, { friendly_name: 'p', ip_address: '10.0.0.0', cidr_prefix_length: 33 }));
    assert.deepEqual([prefix.status, prefix.code], [400, 21238]);
    for (let i = 0; i < 100; i++) await ipAddresses.create(list.sid, { friendly_name: `h${i}`, ip_address: `10.1.0.${i}` });
    const full = await expectProviderError(ipAddresses.create(list.sid, { friendly_name: 'h100', ip_address: '10.1.0.100' }));
    assert.deepEqual([full.status, full.code], [400, 21237]);
    assert.equal((await collect(ipAddresses.list(list.sid, { pageSize: 1000 }))).length, 100);
  });

  test('refuses a SID of the wrong kind before sending anything', async () => {
    const before = emulator.stats.snapshot().total;
    await assert.rejects(async () => clients.twilio.ipAddresses.list(`CL${'a'.repeat(32)}`).next(), /not a valid IP access control list SID/);
    await assert.rejects(async () => clients.twilio.trunkCredentialLists.add(`TK${'a'.repeat(32)}`, `AL${'a'.repeat(32)}`), /not a valid credential list SID/);
    assert.equal(emulator.stats.snapshot().total, before);
  });
});

describe('Twilio credential lists and credentials', () => {
  test('a password goes to Twilio and never comes back: not in answers, logs, errors or the emulator state', async () => {
    const { credentialLists, credentials } = clients.twilio;
    const list = await credentialLists.create('Client phones');
    assertComplete(SIP_SPEC, 'post', `${SIP}/CredentialLists.json`, 201, list);
    assert.equal((await credentialLists.update(list.sid, 'Client phones (HQ)')).friendly_name, 'Client phones (HQ)');

    const made = await credentials.create(list.sid, { username: 'hq-100', password: CANARY });
    assertComplete(SIP_SPEC, 'post', `${SIP}/CredentialLists/{CredentialListSid}/Credentials.json`, 201, made);
    assert.equal(made.username, 'hq-100');
    const updated = await credentials.updatePassword(list.sid, made.sid, `${CANARY}2`);
    assertComplete(SIP_SPEC, 'post', `${SIP}/CredentialLists/{CredentialListSid}/Credentials/{Sid}.json`, 200, updated);
    const fetched = await credentials.fetch(list.sid, made.sid);
    const listed = await collect(credentials.list(list.sid));
    assert.deepEqual(listed.map((c) => c.username), ['hq-100']);

    const weak = await expectProviderError(credentials.create(list.sid, { username: 'hq-101', password: 'canarylowercase1' }));
    assert.deepEqual([weak.status, weak.code], [400, 21243]);
    assert.match(weak.message, /at least 12 characters long and contain a digit, a lower-case and an upper-case letter/);
    const taken = await expectProviderError(credentials.create(list.sid, { username: 'hq-100', password: CANARY }));
    assert.deepEqual([taken.status, taken.code], [400, 21243]);

    const everything = JSON.stringify([made, updated, fetched, listed, weak.message, taken.message, emulator.store.snapshot()]) + clients.sink.lines.join('\n');
    assert.ok(clients.sink.lines.some((l) => l.includes('/Credentials.json → 201')), 'the requests were logged');
    assert.ok(!everything.includes(CANARY), 'the canary password appears nowhere');
    assert.ok(!everything.includes('canarylowercase1'), 'nor does a refused one');

    await credentials.delete(list.sid, made.sid);
    assert.deepEqual(await collect(credentials.list(list.sid)), []);
    await credentialLists.delete(list.sid);
    assert.equal((await expectProviderError(credentialLists.fetch(list.sid))).status, 404);
  });

  test('a password a provider echoes back in an error or a log line is blanked', async () => {
    const server = await startScriptedServer((req, res) =>
      json(res, 400, { code: 21243, message: `Credential rejected: ${new URLSearchParams(req.body).get('Password')} is not allowed`, more_info: 'x', status: 400 }),
    );
    const dispatchers = new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 5_000 });
    const sink = new MemoryLogger();
    const redactor = new SecretRedactor();
    try {
      const client = createTwilioClient({
        dispatchers,
        logger: new RedactingLogger(sink, redactor),
        redactor,
        clock: new SteppingClock(),
        accountSid: emulator.credentials.accountSid,
        baseUrl: server.url,
        credentials: { kind: 'authToken', authToken: emulator.credentials.authToken },
      });
      const listSid = `CL${'b'.repeat(32)}`;
      const created = await expectProviderError(client.credentials.create(listSid, { username: 'u', password: CANARY }));
      const updated = await expectProviderError(client.credentials.updatePassword(listSid, `CR${'c'.repeat(32)}`, `${CANARY}Next`));
      assert.ok(server.requests[0]?.body.includes(`Password=${CANARY}`), 'the password was sent to the provider');
      assert.equal(created.message, 'Credential rejected: *** is not allowed');
      assert.equal(updated.message, 'Credential rejected: *** is not allowed');
      assert.ok(sink.lines.some((l) => l.includes('Credential rejected: ***')), 'the echo reached the log, blanked');
      assert.ok(!sink.lines.join('\n').includes(CANARY));
    } finally {
      await dispatchers.close();
      await server.close();
    }
  });
});

describe("Twilio trunk links and the trunk's auth_type", () => {
  test('link and unlink both kinds of list; auth_type follows; duplicates and deleting a linked list are refused', async () => {
    const tw = clients.twilio;
    const trunk = await tw.trunks.create({ friendly_name: 'Linked trunk' });
    assert.equal(trunk.auth_type, '');
    const acl = await tw.ipAccessControlLists.create('Trunk ACL');
    const cl = await tw.credentialLists.create('Trunk credentials');

    const linkedAcl = await tw.trunkIpAccessControlLists.add(trunk.sid, acl.sid);
    assertComplete(TRUNKING_SPEC, 'post', '/v1/Trunks/{TrunkSid}/IpAccessControlLists', 201, linkedAcl);
    assert.deepEqual([linkedAcl.sid, linkedAcl.trunk_sid, linkedAcl.friendly_name], [acl.sid, trunk.sid, 'Trunk ACL']);
    assert.equal((await tw.trunks.fetch(trunk.sid)).auth_type, 'IP_ACL');
    const linkedCl = await tw.trunkCredentialLists.add(trunk.sid, cl.sid);
    assertComplete(TRUNKING_SPEC, 'post', '/v1/Trunks/{TrunkSid}/CredentialLists', 201, linkedCl);
    const both = await tw.trunks.fetch(trunk.sid);
    assert.equal(both.auth_type, 'IP_ACL,CREDENTIAL_LIST');
    assert.deepEqual(both.auth_type_set, ['IP_ACL', 'CREDENTIAL_LIST']);

    assert.deepEqual((await collect(tw.trunkCredentialLists.list(trunk.sid))).map((l) => l.sid), [cl.sid]);
    assert.deepEqual((await collect(tw.trunkIpAccessControlLists.list(trunk.sid, { pageSize: 1 }))).map((l) => l.sid), [acl.sid]);
    assertComplete(TRUNKING_SPEC, 'get', '/v1/Trunks/{TrunkSid}/CredentialLists/{Sid}', 200, await tw.trunkCredentialLists.fetch(trunk.sid, cl.sid));

    const twice = await expectProviderError(tw.trunkIpAccessControlLists.add(trunk.sid, acl.sid));
    assert.deepEqual([twice.status, twice.code], [400, 21245]);
    const inUse = await expectProviderError(tw.ipAccessControlLists.delete(acl.sid));
    assert.deepEqual([inUse.status, inUse.code], [400, 21236]);
    assert.match(inUse.message, new RegExp(trunk.sid));
    const clInUse = await expectProviderError(tw.credentialLists.delete(cl.sid));
    assert.deepEqual([clInUse.status, clInUse.code], [400, 21241]);

    await tw.trunkIpAccessControlLists.remove(trunk.sid, acl.sid);
    assert.equal((await tw.trunks.fetch(trunk.sid)).auth_type, 'CREDENTIAL_LIST');
    assert.equal((await expectProviderError(tw.trunkIpAccessControlLists.fetch(trunk.sid, acl.sid))).status, 404);
    await tw.ipAccessControlLists.delete(acl.sid);
    await tw.trunkCredentialLists.remove(trunk.sid, cl.sid);
    assert.equal((await tw.trunks.fetch(trunk.sid)).auth_type, '');
    await tw.credentialLists.delete(cl.sid);
  });
});

describe('SIP auth rules for the editor', () => {
  test("sipPasswordProblems names what a password lacks under Twilio's rule", () => {
    assert.deepEqual(sipPasswordProblems('IWasAtSignal2018'), []);
    assert.deepEqual(sipPasswordProblems('short1A'), ['at least 12 characters']);
    assert.deepEqual(sipPasswordProblems('alllowercase'), ['a digit', 'an upper-case letter']);
    assert.deepEqual(sipPasswordProblems('ALLUPPERCASE12'), ['a lower-case letter']);
    assert.deepEqual(sipPasswordProblems(''), ['at least 12 characters', 'a digit', 'a lower-case letter', 'an upper-case letter']);
  });

  test('isSipIpv4Address accepts only complete dotted-decimal IPv4', () => {
    for (const ok of ['0.0.0.0', '203.0.113.10', '255.255.255.255']) assert.ok(isSipIpv4Address(ok), ok);
    for (const bad of ['256.0.0.1', '10.0.0', '10.0.0.*', '010.0.0.1', '::1', 'sbc.example.com', ' 10.0.0.1']) assert.ok(!isSipIpv4Address(bad), bad);
  });
});
