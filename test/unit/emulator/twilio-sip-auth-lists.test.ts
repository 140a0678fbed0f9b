import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '../../../src/emulator/emulator-server';
import { SANDBOX_SEED } from '../../../src/emulator/seeding/emulator-seeder';
import { passwordMatches } from '../../../src/emulator/twilio/password-hash';
import { accountPath, control, twilio, type TestResponse } from '../../support/emulator-http';
import { responseProblems } from '../../support/openapi-specs';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

const SIP_SPEC = 'twilio_api_v2010_sip_auth_lists.json';
const TRUNKING_SPEC = 'twilio_trunking_v1.json';
const SIP = '/2010-04-01/Accounts/{AccountSid}/SIP';
// A password that meets Twilio's rule, to look for in everything the emulator hands out.
const CANARY = 'CanaryPassw0rdXyzzy';

describe('emulator: Twilio SIP credential lists and IP access control lists (2010 API)', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ seeding: { trunks: 2, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
  });
  after(() => emu.close());

  /** A request whose 2xx answer must validate against the spec operation `template`. */
  async function call(
    method: 'GET' | 'POST' | 'DELETE',
    rest: string,
    template: string,
    form?: Record<string, string | number>,
  ): Promise<TestResponse> {
    const res = await twilio(emu, method, accountPath(emu, rest), form);
    if (res.status < 300 && res.body !== undefined) {
      assert.deepEqual(responseProblems(SIP_SPEC, method.toLowerCase() as 'get', template, res.status, res.body), [], `${method} ${rest}`);
    }
    return res;
  }

  /** Twilio's legacy error body, exactly. */
  function assertError(res: TestResponse, status: number, code: number, message?: RegExp): void {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body).sort(), ['code', 'message', 'more_info', 'status']);
    assert.equal(res.body.code, code);
    assert.equal(res.body.status, status);
    assert.equal(res.body.more_info, `https://www.twilio.com/docs/errors/${code}`);
    if (message) assert.match(res.body.message, message);
  }

  async function newAcl(name = 'Edge SBCs'): Promise<string> {
    const res = await call('POST', '/SIP/IpAccessControlLists.json', `${SIP}/IpAccessControlLists.json`, { FriendlyName: name });
    assert.equal(res.status, 201);
    return res.body.sid;
  }

  async function newCredentialList(name: string): Promise<string> {
    const res = await call('POST', '/SIP/CredentialLists.json', `${SIP}/CredentialLists.json`, { FriendlyName: name });
    assert.equal(res.status, 201);
    return res.body.sid;
  }

  it('creates, fetches, lists, renames and deletes an IP access control list with its addresses', async () => {
    const acl = await call('POST', '/SIP/IpAccessControlLists.json', `${SIP}/IpAccessControlLists.json`, { FriendlyName: 'Office SBCs' });
    assert.equal(acl.status, 201);
    const uri = `/2010-04-01/Accounts/${emu.credentials.accountSid}/SIP/IpAccessControlLists/${acl.body.sid}`;
    assert.deepEqual(acl.body, {
      account_sid: emu.credentials.accountSid,
      date_created: 'Thu, 02 Jan 2025 11:23:45 +0000',
      date_updated: 'Thu, 02 Jan 2025 11:23:45 +0000',
      friendly_name: 'Office SBCs',
      sid: acl.body.sid,
      subresource_uris: { ip_addresses: `${uri}/IpAddresses.json` },
      uri: `${uri}.json`,
    });
    assert.match(acl.body.sid, /^AL[0-9a-f]{32}$/);
    const sid = acl.body.sid as string;
    const item = `${SIP}/IpAccessControlLists/{Sid}.json`;
    const addresses = `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`;
    const address = `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json`;

    assert.equal((await call('GET', `/SIP/IpAccessControlLists/${sid}.json`, item)).body.friendly_name, 'Office SBCs');
    emu.clock.advance(2_000);
    const renamed = await call('POST', `/SIP/IpAccessControlLists/${sid}.json`, item, { FriendlyName: 'Office SBCs (new)' });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.friendly_name, 'Office SBCs (new)');
    assert.equal(renamed.body.date_updated, 'Thu, 02 Jan 2025 11:23:47 +0000');

    const single = await call('POST', `/SIP/IpAccessControlLists/${sid}/IpAddresses.json`, addresses, { FriendlyName: 'sbc-a', IpAddress: '203.0.113.5' });
    assert.equal(single.status, 201);
    assert.match(single.body.sid, /^IP[0-9a-f]{32}$/);
    assert.equal(single.body.cidr_prefix_length, 32, 'the whole address when no prefix is given');
    assert.equal(single.body.ip_access_control_list_sid, sid);
    assert.equal(single.body.uri, `${uri}/IpAddresses/${single.body.sid}.json`);
    const zero = await call('POST', `/SIP/IpAccessControlLists/${sid}/IpAddresses.json`, addresses, { FriendlyName: 'z', IpAddress: '0.0.0.0', CidrPrefixLength: 0 });
    assert.equal(zero.body.cidr_prefix_length, 32, '0 is stored as 32, as Twilio does');
    const block = await call('POST', `/SIP/IpAccessControlLists/${sid}/IpAddresses.json`, addresses, { FriendlyName: 'media', IpAddress: '198.51.100.0', CidrPrefixLength: 24 });
    assert.equal(block.body.cidr_prefix_length, 24);

    const first = await call('GET', `/SIP/IpAccessControlLists/${sid}/IpAddresses.json?PageSize=2`, addresses);
    assert.deepEqual(
      first.body.ip_addresses.map((a: { ip_address: string }) => a.ip_address),
      ['203.0.113.5', '0.0.0.0'],
    );
    assert.equal(first.body.start, 0);
    assert.equal(first.body.end, 1);
    assert.equal(first.body.first_page_uri, `${uri}/IpAddresses.json?PageSize=2&Page=0`);
    assert.match(first.body.next_page_uri, new RegExp(`^${uri}/IpAddresses\\.json\\?PageSize=2&Page=1&PageToken=PA`));
    const second = await twilio(emu, 'GET', first.body.next_page_uri);
    assert.deepEqual(second.body.ip_addresses.map((a: { sid: string }) => a.sid), [block.body.sid]);
    assert.equal(second.body.next_page_uri, null);

    emu.clock.advance(1_000);
    const moved = await call('POST', `/SIP/IpAccessControlLists/${sid}/IpAddresses/${block.body.sid}.json`, address, { CidrPrefixLength: 25, FriendlyName: 'media-half' });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.cidr_prefix_length, 25);
    assert.equal(moved.body.friendly_name, 'media-half');
    assert.equal(moved.body.ip_address, '198.51.100.0');
    assert.notEqual(moved.body.date_updated, block.body.date_updated);
    assert.equal((await call('GET', `/SIP/IpAccessControlLists/${sid}/IpAddresses/${block.body.sid}.json`, address)).body.cidr_prefix_length, 25);

    assert.equal((await call('DELETE', `/SIP/IpAccessControlLists/${sid}/IpAddresses/${zero.body.sid}.json`, address)).status, 204);
    assertError(await twilio(emu, 'GET', accountPath(emu, `/SIP/IpAccessControlLists/${sid}/IpAddresses/${zero.body.sid}.json`)), 404, 20404);

    const listed = await call('GET', '/SIP/IpAccessControlLists.json', `${SIP}/IpAccessControlLists.json`);
    assert.ok(listed.body.ip_access_control_lists.some((l: { sid: string }) => l.sid === sid));
    assert.equal((await call('DELETE', `/SIP/IpAccessControlLists/${sid}.json`, item)).status, 204);
    assertError(await twilio(emu, 'GET', accountPath(emu, `/SIP/IpAccessControlLists/${sid}.json`)), 404, 20404);
    assertError(await twilio(emu, 'GET', accountPath(emu, `/SIP/IpAccessControlLists/${sid}/IpAddresses/${single.body.sid}.json`)), 404, 20404);
    assert.equal(emu.store.twilio.authLists.ipAddressesOf(sid).size, 0, 'the addresses went with the list');
  });

  it('creates credentials with a password it never returns, changes the password, and deletes them', async () => {
    const list = await newCredentialList('Branch office phones');
    const credentials = `${SIP}/CredentialLists/{CredentialListSid}/Credentials.json`;
    const credential = `${SIP}/CredentialLists/{CredentialListSid}/Credentials/{Sid}.json`;
    const made = await call('POST', `/SIP/CredentialLists/${list}/Credentials.json`, credentials, { Username: 'branch-101', Password: CANARY });
    assert.equal(made.status, 201);
    assert.deepEqual(Object.keys(made.body).sort(), ['account_sid', 'credential_list_sid', 'date_created', 'date_updated', 'sid', 'uri', 'username']);
    assert.match(made.body.sid, /^CR[0-9a-f]{32}$/);
    assert.equal(made.body.username, 'branch-101');
    assert.equal(made.body.uri, `/2010-04-01/Accounts/${emu.credentials.accountSid}/SIP/CredentialLists/${list}/Credentials/${made.body.sid}.json`);

    const stored = emu.store.twilio.authLists.credentialsOf(list).get(made.body.sid);
    assert.ok(stored);
    assert.ok(passwordMatches(CANARY, stored.password_salt, stored.password_hash), 'the stored hash is of the password');
    assert.ok(!JSON.stringify(stored).includes(CANARY), 'only a hash is stored');

    emu.clock.advance(3_000);
    const changed = await call('POST', `/SIP/CredentialLists/${list}/Credentials/${made.body.sid}.json`, credential, { Password: 'AnotherGood1Password' });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.body.date_updated, made.body.date_updated);
    assert.ok(passwordMatches('AnotherGood1Password', stored.password_salt, stored.password_hash));
    assert.ok(!passwordMatches(CANARY, stored.password_salt, stored.password_hash));

    const untouched = await call('POST', `/SIP/CredentialLists/${list}/Credentials/${made.body.sid}.json`, credential, {});
    assert.equal(untouched.status, 200, 'an update without Password changes nothing');
    assert.equal(untouched.body.date_updated, changed.body.date_updated);

    const page = await call('GET', `/SIP/CredentialLists/${list}/Credentials.json`, credentials);
    assert.deepEqual(page.body.credentials.map((c: { username: string }) => c.username), ['branch-101']);
    assert.equal((await call('GET', `/SIP/CredentialLists/${list}.json`, `${SIP}/CredentialLists/{Sid}.json`)).body.subresource_uris.credentials, `/2010-04-01/Accounts/${emu.credentials.accountSid}/SIP/CredentialLists/${list}/Credentials.json`);
    assert.equal((await call('DELETE', `/SIP/CredentialLists/${list}/Credentials/${made.body.sid}.json`, credential)).status, 204);
    assertError(await twilio(emu, 'GET', accountPath(emu, `/SIP/CredentialLists/${list}/Credentials/${made.body.sid}.json`)), 404, 20404);

    const state = await control(emu, 'GET', '/state');
    assert.ok(!JSON.stringify(state.body).includes(CANARY), '/__emulator/state holds no password');
    const requests = await control(emu, 'GET', '/requests');
    assert.ok(JSON.stringify(requests.body).includes('/Credentials.json'), 'the request log has the credential requests');
    assert.ok(!JSON.stringify(requests.body).includes(CANARY), 'and no password');
  });

  it('refuses passwords that break Twilio\'s rule with 21243, stating the rule and never the password', async () => {
    const list = await newCredentialList('Password rules');
    const path = accountPath(emu, `/SIP/CredentialLists/${list}/Credentials.json`);
    const bad = { 'Sh0rtPass': 'at least 12 characters', 'nouppercase1234': 'an upper-case letter', 'NOLOWERCASE1234': 'a lower-case letter', 'NoDigitsAtAllHere': 'a digit' };
    for (const [password, lack] of Object.entries(bad)) {
      const res = await twilio(emu, 'POST', path, { Username: 'u1', Password: password });
      assertError(res, 400, 21243, /Password must be at least 12 characters long and contain a digit, a lower-case and an upper-case letter/);
      assert.ok(res.body.message.includes(lack), `${password}: ${res.body.message}`);
      assert.ok(!res.body.message.includes(password), 'the password is not echoed');
    }
    assertError(await twilio(emu, 'POST', path, { Username: 'u1' }), 400, 21243, /Missing required parameter Password/);
    assertError(await twilio(emu, 'POST', path, { Password: CANARY }), 400, 21243, /Missing required parameter Username/);
    assertError(await twilio(emu, 'POST', path, { Username: 'x'.repeat(33), Password: CANARY }), 400, 21243, /at most 32 characters/);
    assert.equal((await twilio(emu, 'POST', path, { Username: 'x'.repeat(32), Password: CANARY })).status, 201, '32 characters are fine');
    assertError(await twilio(emu, 'POST', path, { Username: 'x'.repeat(32), Password: CANARY }), 400, 21243, /already exists/);
    const sid = emu.store.twilio.authLists.credentialsOf(list).values()[0]?.sid;
    assertError(await twilio(emu, 'POST', `${path.replace(/\.json$/, '')}/${sid}.json`, { Password: 'weak' }), 400, 21243);
    assertError(await twilio(emu, 'POST', `${path.replace(/\.json$/, '')}/${sid}.json`, { Password: '' }), 400, 21243);
    assert.equal(emu.store.twilio.authLists.credentialsOf(list).size, 1, 'no credential was half-made');
  });

  it('refuses bad list names: a credential list name that is taken or too long (21240), an ACL without one (21235)', async () => {
    await newCredentialList('Unique name');
    const lists = accountPath(emu, '/SIP/CredentialLists.json');
    assertError(await twilio(emu, 'POST', lists, { FriendlyName: 'unique NAME' }), 400, 21240, /already exists/);
    assertError(await twilio(emu, 'POST', lists, { FriendlyName: 'n'.repeat(65) }), 400, 21240, /at most 64/);
    assertError(await twilio(emu, 'POST', lists, {}), 400, 21240, /Missing required parameter FriendlyName/);
    const acls = accountPath(emu, '/SIP/IpAccessControlLists.json');
    assertError(await twilio(emu, 'POST', acls, {}), 400, 21235, /Missing required parameter FriendlyName/);
    assertError(await twilio(emu, 'POST', acls, { FriendlyName: 'n'.repeat(256) }), 400, 21235);
    assert.equal((await twilio(emu, 'POST', acls, { FriendlyName: 'Twice' })).status, 201);
    assert.equal((await twilio(emu, 'POST', acls, { FriendlyName: 'Twice' })).status, 201, 'ACL names need not be unique');
  });

  it('refuses addresses that are not IPv4, prefixes outside 1..32 and duplicates (21238), and a 101st address (21237)', async () => {
    const acl = await newAcl('Validation');
    const path = accountPath(emu, `/SIP/IpAccessControlLists/${acl}/IpAddresses.json`);
    for (const ip of ['2001:db8::1', 'sbc.example.com', '10.0.0.*', '10.0.0', '256.1.1.1', '010.1.1.1', '10.0.0.1 ']) {
      assertError(await twilio(emu, 'POST', path, { FriendlyName: 'bad', IpAddress: ip }), 400, 21238, /not an IPv4 address/);
    }
    for (const prefix of ['33', '-1', 'x', '8.5']) {
      assertError(await twilio(emu, 'POST', path, { FriendlyName: 'bad', IpAddress: '10.0.0.0', CidrPrefixLength: prefix }), 400, 21238, /CidrPrefixLength must be an integer from 1 to 32/);
    }
    assertError(await twilio(emu, 'POST', path, { IpAddress: '10.0.0.1' }), 400, 21238, /Missing required parameter FriendlyName/);
    assertError(await twilio(emu, 'POST', path, { FriendlyName: 'a' }), 400, 21238, /Missing required parameter IpAddress/);
    assert.equal((await twilio(emu, 'POST', path, { FriendlyName: 'a', IpAddress: '10.0.0.0', CidrPrefixLength: 8 })).status, 201);
    assertError(await twilio(emu, 'POST', path, { FriendlyName: 'b', IpAddress: '10.0.0.0', CidrPrefixLength: 8 }), 400, 21238, /already in/);
    assert.equal((await twilio(emu, 'POST', path, { FriendlyName: 'b', IpAddress: '10.0.0.0', CidrPrefixLength: 16 })).status, 201, 'another prefix is another entry');

    for (let i = 2; i < 100; i++) {
      const res = await twilio(emu, 'POST', path, { FriendlyName: `host-${i}`, IpAddress: `192.0.2.${i}` });
      assert.equal(res.status, 201);
    }
    assertError(await twilio(emu, 'POST', path, { FriendlyName: 'one too many', IpAddress: '192.0.2.200' }), 400, 21237, /maximum of 100/);
    assert.equal(emu.store.twilio.authLists.ipAddressesOf(acl).size, 100);
  });

  it("drives the trunk's auth_type from its links, refuses a second link (21245) and deleting a linked list (21236 / 21241)", async () => {
    const trunkRes = await twilio(emu, 'POST', '/v1/Trunks', { FriendlyName: 'Termination test' });
    const trunk = trunkRes.body.sid as string;
    const trunkState = async () => {
      const res = await twilio(emu, 'GET', `/v1/Trunks/${trunk}`);
      assert.deepEqual(responseProblems(TRUNKING_SPEC, 'get', '/v1/Trunks/{Sid}', 200, res.body, { complete: false }), []);
      return { auth_type: res.body.auth_type, auth_type_set: res.body.auth_type_set };
    };
    assert.deepEqual(await trunkState(), { auth_type: '', auth_type_set: [] });

    const acl = await newAcl('Linked ACL');
    const cl = await newCredentialList('Linked credentials');
    const linkAcl = await twilio(emu, 'POST', `/v1/Trunks/${trunk}/IpAccessControlLists`, { IpAccessControlListSid: acl });
    assert.equal(linkAcl.status, 201);
    assert.deepEqual(responseProblems(TRUNKING_SPEC, 'post', '/v1/Trunks/{TrunkSid}/IpAccessControlLists', 201, linkAcl.body), []);
    assert.equal(linkAcl.body.friendly_name, 'Linked ACL');
    assert.deepEqual(await trunkState(), { auth_type: 'IP_ACL', auth_type_set: ['IP_ACL'] });

    const linkCl = await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: cl });
    assert.deepEqual(responseProblems(TRUNKING_SPEC, 'post', '/v1/Trunks/{TrunkSid}/CredentialLists', 201, linkCl.body), []);
    assert.deepEqual(await trunkState(), { auth_type: 'IP_ACL,CREDENTIAL_LIST', auth_type_set: ['IP_ACL', 'CREDENTIAL_LIST'] });

    const linked = await twilio(emu, 'GET', `/v1/Trunks/${trunk}/CredentialLists`);
    assert.deepEqual(responseProblems(TRUNKING_SPEC, 'get', '/v1/Trunks/{TrunkSid}/CredentialLists', 200, linked.body), []);
    const fetched = await twilio(emu, 'GET', `/v1/Trunks/${trunk}/IpAccessControlLists/${acl}`);
    assert.deepEqual(responseProblems(TRUNKING_SPEC, 'get', '/v1/Trunks/{TrunkSid}/IpAccessControlLists/{Sid}', 200, fetched.body), []);

    assertError(await twilio(emu, 'POST', `/v1/Trunks/${trunk}/IpAccessControlLists`, { IpAccessControlListSid: acl }), 400, 21245, /already associated with this trunk/);
    assertError(await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: cl }), 400, 21245, /already associated/);
    assertError(await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: `CL${'0'.repeat(32)}` }), 400, 21245, /not found in this account/);
    assertError(await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: acl }), 400, 21245, /must match/);

    assertError(await twilio(emu, 'DELETE', accountPath(emu, `/SIP/IpAccessControlLists/${acl}.json`)), 400, 21236, new RegExp(`still associated with trunk ${trunk}`));
    assertError(await twilio(emu, 'DELETE', accountPath(emu, `/SIP/CredentialLists/${cl}.json`)), 400, 21241, new RegExp(`still associated with trunk ${trunk}`));
    assert.ok(emu.store.twilio.authLists.lists('ip_access_control_lists').has(acl), 'the refused delete changed nothing');

    assert.equal((await twilio(emu, 'DELETE', `/v1/Trunks/${trunk}/IpAccessControlLists/${acl}`)).status, 204);
    assert.deepEqual(await trunkState(), { auth_type: 'CREDENTIAL_LIST', auth_type_set: ['CREDENTIAL_LIST'] });
    assert.equal((await twilio(emu, 'DELETE', accountPath(emu, `/SIP/IpAccessControlLists/${acl}.json`))).status, 204, 'unlinked, it can go');

    assert.equal((await twilio(emu, 'DELETE', `/v1/Trunks/${trunk}`)).status, 204);
    assert.ok(emu.store.twilio.authLists.lists('credential_lists').has(cl), "deleting the trunk keeps the account's list");
    assert.equal((await twilio(emu, 'DELETE', accountPath(emu, `/SIP/CredentialLists/${cl}.json`))).status, 204, 'and frees it');
  });

  it("answers 404 for another account's path and for an entry addressed under the wrong list", async () => {
    const other = `AC${'1'.repeat(32)}`;
    assertError(await twilio(emu, 'GET', `/2010-04-01/Accounts/${other}/SIP/CredentialLists.json`), 404, 20404);
    assertError(await twilio(emu, 'POST', `/2010-04-01/Accounts/${other}/SIP/IpAccessControlLists.json`, { FriendlyName: 'x' }), 404, 20404);
    const a = await newAcl('A');
    const b = await newAcl('B');
    const entry = await twilio(emu, 'POST', accountPath(emu, `/SIP/IpAccessControlLists/${a}/IpAddresses.json`), { FriendlyName: 'x', IpAddress: '192.0.2.1' });
    assertError(await twilio(emu, 'GET', accountPath(emu, `/SIP/IpAccessControlLists/${b}/IpAddresses/${entry.body.sid}.json`)), 404, 20404);
    assertError(await twilio(emu, 'DELETE', accountPath(emu, `/SIP/IpAccessControlLists/${b}/IpAddresses/${entry.body.sid}.json`)), 404, 20404);
    assert.equal(emu.store.twilio.authLists.ipAddressesOf(a).size, 1);
  });

  it('keeps credentials and addresses across a restart from the --persist file, still without passwords', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-sip-'));
    const file = path.join(dir, 'state.json');
    try {
      const first = await startEmulator({ seed: 'persist', persistPath: file });
      const auth = `Basic ${Buffer.from(`${first.credentials.accountSid}:${first.credentials.authToken}`).toString('base64')}`;
      const as = { ...first, auth: { twilio: auth } } as unknown as TestEmulator;
      const list = (await twilio(as, 'POST', accountPath(as, '/SIP/CredentialLists.json'), { FriendlyName: 'Persisted' })).body.sid;
      await twilio(as, 'POST', accountPath(as, `/SIP/CredentialLists/${list}/Credentials.json`), { Username: 'kept', Password: CANARY });
      const acl = (await twilio(as, 'POST', accountPath(as, '/SIP/IpAccessControlLists.json'), { FriendlyName: 'Persisted' })).body.sid;
      await twilio(as, 'POST', accountPath(as, `/SIP/IpAccessControlLists/${acl}/IpAddresses.json`), { FriendlyName: 'kept', IpAddress: '192.0.2.9' });
      await first.close();
      assert.ok(!fs.readFileSync(file, 'utf8').includes(CANARY), 'the state file holds no password');

      const second = await startEmulator({ seed: 'persist', persistPath: file });
      try {
        const again = { ...second, auth: { twilio: auth } } as unknown as TestEmulator;
        const creds = await twilio(again, 'GET', accountPath(again, `/SIP/CredentialLists/${list}/Credentials.json`));
        assert.deepEqual(creds.body.credentials.map((c: { username: string }) => c.username), ['kept']);
        const addresses = await twilio(again, 'GET', accountPath(again, `/SIP/IpAccessControlLists/${acl}/IpAddresses.json`));
        assert.deepEqual(addresses.body.ip_addresses.map((a: { ip_address: string }) => a.ip_address), ['192.0.2.9']);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seeds the Sandbox with lists that hold addresses and credentials, some linked to trunks', async () => {
    const sandbox = await startTestEmulator({ seeding: SANDBOX_SEED, seed: 'sandbox' });
    try {
      const { twilio: state } = sandbox.store.snapshot();
      assert.equal(state.ip_access_control_lists.length, 3);
      assert.equal(state.credential_lists.length, 3);
      for (const acl of state.ip_access_control_lists) {
        assert.ok((state.ip_addresses ?? []).some((a) => a.ip_access_control_list_sid === acl.sid), `${acl.friendly_name} has addresses`);
      }
      for (const cl of state.credential_lists) {
        assert.ok((state.credentials ?? []).some((c) => c.credential_list_sid === cl.sid), `${cl.friendly_name} has credentials`);
      }
      assert.ok(state.trunk_ip_access_control_lists.length + state.trunk_credential_lists.length > 0, 'some trunks link lists');
      // What the Sandbox serves validates like everything else.
      const acls = await twilio(sandbox, 'GET', accountPath(sandbox, '/SIP/IpAccessControlLists.json'));
      assert.deepEqual(responseProblems(SIP_SPEC, 'get', `${SIP}/IpAccessControlLists.json`, 200, acls.body), []);
      const first = acls.body.ip_access_control_lists[0].sid;
      const entries = await twilio(sandbox, 'GET', accountPath(sandbox, `/SIP/IpAccessControlLists/${first}/IpAddresses.json`));
      assert.deepEqual(responseProblems(SIP_SPEC, 'get', `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`, 200, entries.body), []);
      assert.ok(entries.body.ip_addresses.length > 0);
    } finally {
      await sandbox.close();
    }
  });
});
