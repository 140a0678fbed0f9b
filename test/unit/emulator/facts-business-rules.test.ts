import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountPath, carrierX, twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

// The edges of the rules in ../shared/api/api-facts-termination-and-numbers.md that the
// resource suites leave out: each limit on both sides, updates held to the same rules as
// creates, and the endpoint types a partner may create.

describe('emulator: business rules of the facts document, at their edges', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('a SIP password of exactly 12 characters with a digit and both cases is taken; 11 is not (§2, C1)', async () => {
    const list = (await twilio(emu, 'POST', accountPath(emu, '/SIP/CredentialLists.json'), { FriendlyName: 'Edges' })).body.sid as string;
    const path = accountPath(emu, `/SIP/CredentialLists/${list}/Credentials.json`);
    const short = await twilio(emu, 'POST', path, { Username: 'eleven', Password: 'Abcdefghi1j' });
    assert.equal(short.status, 400);
    assert.equal(short.body.code, 21243);
    const twelve = await twilio(emu, 'POST', path, { Username: 'twelve', Password: 'Abcdefghij1k' });
    assert.equal(twelve.status, 201, JSON.stringify(twelve.body));
    const update = await twilio(emu, 'POST', accountPath(emu, `/SIP/CredentialLists/${list}/Credentials/${twelve.body.sid}.json`), { Password: 'Abcdefghi1j' });
    assert.equal(update.status, 400, 'an update is held to the same rule');
    assert.equal(update.body.code, 21243);
    const whitespace = await twilio(emu, 'POST', path, { Username: 'has space', Password: 'Abcdefghij1k' });
    assert.equal(whitespace.status, 400);
    assert.equal(whitespace.body.code, 21243);
  });

  it('stops at 1000 credentials per list (21242), 1000 credential lists (21239) and 1000 IP access control lists (21255) per account, changing nothing (§2, C7)', async () => {
    const { authLists } = emu.store.twilio;
    const now = emu.clock.now();
    const list = authLists.createList('credential_lists', 'Full list', now);
    // One hashed credential, copied: hashing 1000 passwords would take seconds.
    const first = authLists.createCredential(list.sid, 'user-0', 'Abcdefghij1k', now);
    for (let i = 1; i < 1000; i++) {
      authLists.insertCredential({ ...first, seq: 9_000_000 + i, sid: `CR${i.toString(16).padStart(32, '0')}`, username: `user-${i}` });
    }
    const credential = await twilio(emu, 'POST', accountPath(emu, `/SIP/CredentialLists/${list.sid}/Credentials.json`), { Username: 'one-more', Password: 'Abcdefghij1k' });
    assert.equal(credential.status, 400);
    assert.equal(credential.body.code, 21242);
    assert.equal(authLists.credentialsOf(list.sid).size, 1000);
    for (const [kind, path, code] of [
      ['credential_lists', '/SIP/CredentialLists.json', 21239],
      ['ip_access_control_lists', '/SIP/IpAccessControlLists.json', 21255],
    ] as const) {
      for (let i = authLists.lists(kind).size; i < 1000; i++) authLists.createList(kind, `${kind} ${i}`, now);
      const res = await twilio(emu, 'POST', accountPath(emu, path), { FriendlyName: 'one too many' });
      assert.equal(res.status, 400, kind);
      assert.equal(res.body.code, code, kind);
      assert.equal(authLists.lists(kind).size, 1000, `${kind}: nothing created`);
    }
  });

  it('target priority 0..65535 and weight 1..65535 are taken at both ends, refused one past, on create and on update alike (§3, B1)', async () => {
    const policy = (await twilio(emu, 'POST', '/v1/ConnectionPolicies', { FriendlyName: 'edges' })).body.sid as string;
    const targets = `/v1/ConnectionPolicies/${policy}/Targets`;
    const low = await twilio(emu, 'POST', targets, { Target: 'sip:low.example.com', Priority: 0, Weight: 1 });
    assert.equal(low.status, 201, JSON.stringify(low.body));
    assert.deepEqual([low.body.priority, low.body.weight], [0, 1]);
    const high = await twilio(emu, 'POST', targets, { Target: 'sip:high.example.com', Priority: 65535, Weight: 65535 });
    assert.equal(high.status, 201);
    const refused = await twilio(emu, 'POST', targets, { Target: 'sip:over.example.com', Weight: 65536 });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 20001);
    assert.match(refused.body.message, /Weight/);
    const item = `${targets}/${low.body.sid}`;
    for (const [form, param] of [
      [{ Target: 'sips:low.example.com' }, /sips/],
      [{ Target: 'tel:+14155550100' }, /sip:/],
      [{ Weight: 0 }, /Weight/],
      [{ Priority: 65536 }, /Priority/],
    ] as const) {
      const res = await twilio(emu, 'POST', item, form);
      assert.equal(res.status, 400, JSON.stringify(form));
      assert.equal(res.body.code, 20001);
      assert.match(res.body.message, param);
    }
    const after = await twilio(emu, 'GET', item);
    assert.deepEqual([after.body.target, after.body.priority, after.body.weight], ['sip:low.example.com', 0, 1], 'refused updates changed nothing');
  });

  it('a partner may create third_party and the hosted endpoint types, as inert records; never a system_gateway (§6, E3, E10)', async () => {
    const thirdParty = await carrierX(emu, 'POST', '/endpoints', { type: 'third_party', name: 'pbx', addresses: [{ ip: '192.0.2.44' }] });
    assert.equal(thirdParty.status, 200);
    assert.match(thirdParty.body.voip_token, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const renamed = await carrierX(emu, 'PATCH', `/endpoints/${thirdParty.body.endpoint_sid}`, { name: 'pbx 2', voip_token: 'mine' });
    assert.equal(renamed.body.voip_token, thirdParty.body.voip_token, 'the token never changes');
    for (const type of ['conference', 'conference_playback', 'conference_v2', 'flexml', 'mediator', 'voicemail']) {
      const res = await carrierX(emu, 'POST', '/endpoints', { type, name: `hosted ${type}`, addresses: [{ ip: '192.0.2.45' }] });
      assert.equal(res.status, 200, `${type}: ${JSON.stringify(res.body)}`);
      assert.deepEqual([res.body.type, res.body.addresses, res.body.properties, res.body.voip_token], [type, [], {}, null], type);
    }
    const gateway = await carrierX(emu, 'POST', '/endpoints', { type: 'system_gateway', name: 'mine' });
    assert.equal(gateway.status, 422);
    assert.deepEqual(gateway.body.errors.map((e: { field: string }) => e.field), ['type']);
  });

  it("an endpoint carries exactly the fields of the facts' sample, addresses too; a single page's pagination is {} (§6, E1, E16)", async () => {
    const page = await carrierX(emu, 'GET', '/endpoints?limit=1000');
    assert.equal(page.status, 200);
    assert.deepEqual(Object.keys(page.body).sort(), ['count', 'has_more', 'items', 'limit', 'offset', 'pagination', 'total']);
    assert.deepEqual(page.body.pagination, {}, 'no next or previous page: an empty object, not absent');
    const sample = ['addresses', 'attributes', 'auth_required', 'capacity', 'cps_limit', 'endpoint_sid', 'name', 'out_sip_password', 'out_sip_username', 'partner_sid', 'properties', 'transformations', 'type', 'voip_token'];
    const addressSample = ['direction', 'dst_port', 'ip', 'location_sid', 'port', 'priority', 'sip_password', 'sip_username', 'srtp', 'transport'];
    for (const endpoint of page.body.items as Record<string, unknown>[]) {
      assert.deepEqual(Object.keys(endpoint).sort(), sample, String(endpoint.name));
      for (const address of endpoint.addresses as Record<string, unknown>[]) assert.deepEqual(Object.keys(address).sort(), addressSample, String(endpoint.name));
    }
    const gateways = (page.body.items as { type: string; name: string; voip_token: unknown }[]).filter((e) => e.type === 'system_gateway');
    assert.deepEqual(gateways.map((g) => [g.name, g.voip_token]), [['System Gateway', null]], 'one System Gateway per partner');
    const first = await carrierX(emu, 'GET', '/endpoints?limit=1');
    assert.equal(typeof first.body.pagination.next, 'string', 'a next page is linked');
  });

  it('a DID PUT assigns and unassigns like PATCH, ignoring read-only fields; an unknown group is 422 (§4, X1–X3)', async () => {
    const groups = (await carrierX(emu, 'GET', '/trunk_groups')).body.items as { trunk_group_sid: string }[];
    const did = ((await carrierX(emu, 'GET', '/phonenumber/dids?limit=1')).body.items as { did_sid: string; phonenumber: string }[])[0]!;
    const put = await carrierX(emu, 'PUT', `/phonenumber/dids/${did.did_sid}`, { trunk_group_sid: groups[0]!.trunk_group_sid, phonenumber: '15550000000', country_code: 'GBR' });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.trunk_group_sid, put.body.phonenumber, put.body.country_code], [groups[0]!.trunk_group_sid, did.phonenumber, 'USA']);
    const unknown = await carrierX(emu, 'PUT', `/phonenumber/dids/${did.did_sid}`, { trunk_group_sid: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.errors.map((e: { field: string }) => e.field), ['trunk_group_sid']);
    const cleared = await carrierX(emu, 'PUT', `/phonenumber/dids/${did.did_sid}`, { trunk_group_sid: null });
    assert.equal(cleared.body.trunk_group_sid, null);
    const missing = await carrierX(emu, 'PATCH', '/phonenumber/dids/00000000-0000-4000-8000-000000000000', { trunk_group_sid: null });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'Cannot find item by SID');
  });
});
