import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import twilio from 'twilio';
import { startTestEmulator, TEST_EPOCH, type TestEmulator } from '../../support/test-emulator';
import { twilioSdkClient } from '../../support/twilio-sdk-client';

/** The SDK's RestException, with the status and Twilio code a caller branches on. */
function restException(status: number, code: number) {
  return (error: unknown) => {
    assert.ok(error instanceof twilio.RestException, `expected a RestException, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.equal(error.moreInfo, `https://www.twilio.com/docs/errors/${code}`);
    return true;
  };
}

describe('emulator: conformance with the official twilio SDK (v6)', () => {
  let emu: TestEmulator;
  let client: twilio.Twilio;
  before(async () => {
    emu = await startTestEmulator({ seeding: { trunks: 0, numbers: 7, byocTrunks: 0 } });
    client = twilioSdkClient(emu);
  });
  after(() => emu.close());

  it('creates, lists across pages, updates and deletes trunks', async () => {
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await client.trunking.v1.trunks.create({
          friendlyName: `SDK trunk ${i}`,
          domainName: `sdk-${i}.pstn.twilio.com`,
          secure: i % 2 === 0,
        }),
      );
    }
    assert.match(created[0]?.sid ?? '', /^TK/);
    assert.equal(created[0]?.friendlyName, 'SDK trunk 0');
    assert.equal(created[0]?.secure, true);
    assert.deepEqual(created[0]?.dateCreated, new Date(TEST_EPOCH));
    assert.deepEqual(created[0]?.recording, { mode: 'do-not-record', trim: 'do-not-trim' });

    const listed = await client.trunking.v1.trunks.list({ pageSize: 2 });
    assert.deepEqual(
      listed.map((t) => t.sid),
      created.map((t) => t.sid),
    );
    const page = await client.trunking.v1.trunks.page({ pageSize: 2 });
    const next = await page.nextPage();
    assert.equal(next?.instances[0]?.sid, created[2]?.sid);

    const trunk = created[1];
    assert.ok(trunk);
    const updated = await client.trunking.v1
      .trunks(trunk.sid)
      .update({ friendlyName: 'Renamed via SDK', transferMode: 'sip-only', cnamLookupEnabled: true });
    assert.equal(updated.friendlyName, 'Renamed via SDK');
    assert.equal(updated.transferMode, 'sip-only');
    assert.equal(updated.cnamLookupEnabled, true);
    const recording = await client.trunking.v1.trunks(trunk.sid).recordings().update({ mode: 'record-from-answer', trim: 'trim-silence' });
    assert.equal(recording.mode, 'record-from-answer');
    assert.equal((await client.trunking.v1.trunks(trunk.sid).recordings().fetch()).trim, 'trim-silence');

    assert.equal(await client.trunking.v1.trunks(trunk.sid).remove(), true);
    await assert.rejects(client.trunking.v1.trunks(trunk.sid).fetch(), restException(404, 20404));
  });

  it('manages origination URLs', async () => {
    const trunk = await client.trunking.v1.trunks.create({ friendlyName: 'With URLs' });
    const urls = client.trunking.v1.trunks(trunk.sid).originationUrls;
    const url = await urls.create({ friendlyName: 'pbx', sipUrl: 'sip:pbx.example.com', priority: 10, weight: 10, enabled: true });
    assert.match(url.sid, /^OU/);
    await urls.create({ friendlyName: 'pbx-2', sipUrl: 'sip:pbx2.example.com', priority: 20, weight: 5, enabled: false });
    assert.equal((await urls.list({ pageSize: 1 })).length, 2);
    const updated = await client.trunking.v1.trunks(trunk.sid).originationUrls(url.sid).update({ weight: 30, enabled: false });
    assert.equal(updated.weight, 30);
    assert.equal(updated.enabled, false);
    assert.equal(await client.trunking.v1.trunks(trunk.sid).originationUrls(url.sid).remove(), true);
    await assert.rejects(
      urls.create({ friendlyName: 'secure', sipUrl: 'sips:pbx.example.com', priority: 1, weight: 1, enabled: true }),
      restException(400, 20001),
    );
  });

  it('lists incoming numbers across pages, attaches and detaches them', async () => {
    const numbers = await client.api.v2010.account.incomingPhoneNumbers.list({ pageSize: 3 });
    assert.equal(numbers.length, 7);
    assert.deepEqual(
      numbers.map((n) => n.sid),
      emu.store.twilio.numbers.all.values().map((n) => n.sid),
    );
    assert.ok(numbers[0]?.dateCreated instanceof Date);

    const bought = await client.api.v2010.account.incomingPhoneNumbers.create({ areaCode: '415', friendlyName: 'SDK number' });
    const trunk = await client.trunking.v1.trunks.create({ friendlyName: 'Numbers' });
    const attached = await client.trunking.v1.trunks(trunk.sid).phoneNumbers.create({ phoneNumberSid: bought.sid });
    assert.equal(attached.trunkSid, trunk.sid);
    assert.equal(attached.phoneNumber, bought.phoneNumber);
    assert.deepEqual(
      (await client.trunking.v1.trunks(trunk.sid).phoneNumbers.list()).map((p) => p.sid),
      [bought.sid],
    );
    const other = await client.trunking.v1.trunks.create({ friendlyName: 'Other' });
    await assert.rejects(
      client.trunking.v1.trunks(other.sid).phoneNumbers.create({ phoneNumberSid: bought.sid }),
      restException(400, 20001),
    );

    assert.equal(await client.trunking.v1.trunks(trunk.sid).phoneNumbers(bought.sid).remove(), true);
    assert.equal((await client.api.v2010.account.incomingPhoneNumbers(bought.sid).fetch()).trunkSid, null);
    const reassigned = await client.api.v2010.account.incomingPhoneNumbers(bought.sid).update({ trunkSid: other.sid });
    assert.equal(reassigned.trunkSid, other.sid);
  });

  it('associates credential lists and IP ACLs picked from the account', async () => {
    const [credentialList] = await client.api.v2010.account.sip.credentialLists.list({ limit: 1 });
    const [ipList] = await client.api.v2010.account.sip.ipAccessControlLists.list({ limit: 1 });
    assert.ok(credentialList && ipList);
    const trunk = await client.trunking.v1.trunks.create({ friendlyName: 'Auth' });
    await client.trunking.v1.trunks(trunk.sid).credentialsLists.create({ credentialListSid: credentialList.sid });
    await client.trunking.v1.trunks(trunk.sid).ipAccessControlLists.create({ ipAccessControlListSid: ipList.sid });
    const fetched = await client.trunking.v1.trunks(trunk.sid).fetch();
    assert.deepEqual(fetched.authTypeSet, ['IP_ACL', 'CREDENTIAL_LIST']);
    assert.equal((await client.trunking.v1.trunks(trunk.sid).credentialsLists.list()).length, 1);
    assert.equal(await client.trunking.v1.trunks(trunk.sid).ipAccessControlLists(ipList.sid).remove(), true);
  });

  it('manages SIP credential lists with credentials and IP ACLs with addresses, across pages', async () => {
    const sip = client.api.v2010.account.sip;
    const acl = await sip.ipAccessControlLists.create({ friendlyName: 'SDK ACL' });
    assert.match(acl.sid, /^AL/);
    assert.deepEqual(acl.dateCreated, new Date(TEST_EPOCH));
    for (let i = 1; i <= 3; i++) {
      const address = await sip.ipAccessControlLists(acl.sid).ipAddresses.create({ friendlyName: `sbc-${i}`, ipAddress: `192.0.2.${i}`, cidrPrefixLength: 32 - i });
      assert.equal(address.cidrPrefixLength, 32 - i);
    }
    const addresses = await sip.ipAccessControlLists(acl.sid).ipAddresses.list({ pageSize: 2 });
    assert.deepEqual(addresses.map((a) => a.ipAddress), ['192.0.2.1', '192.0.2.2', '192.0.2.3'], 'the SDK followed next_page_uri');
    const renamed = await sip.ipAccessControlLists(acl.sid).update({ friendlyName: 'SDK ACL renamed' });
    assert.equal(renamed.friendlyName, 'SDK ACL renamed');

    const list = await sip.credentialLists.create({ friendlyName: 'SDK credentials' });
    const credential = await sip.credentialLists(list.sid).credentials.create({ username: 'sdk-user', password: 'SdkPassw0rdLong' });
    assert.equal(credential.username, 'sdk-user');
    assert.ok(!('password' in credential.toJSON()), 'no password in the SDK instance');
    assert.equal((await sip.credentialLists(list.sid).credentials(credential.sid).update({ password: 'SdkPassw0rdLonger' })).sid, credential.sid);
    await assert.rejects(sip.credentialLists(list.sid).credentials.create({ username: 'weak', password: 'weak' }), restException(400, 21243));

    const trunk = await client.trunking.v1.trunks.create({ friendlyName: 'SDK termination' });
    await client.trunking.v1.trunks(trunk.sid).ipAccessControlLists.create({ ipAccessControlListSid: acl.sid });
    await assert.rejects(client.trunking.v1.trunks(trunk.sid).ipAccessControlLists.create({ ipAccessControlListSid: acl.sid }), restException(400, 21245));
    await assert.rejects(sip.ipAccessControlLists(acl.sid).remove(), restException(400, 21236));
    assert.equal((await client.trunking.v1.trunks(trunk.sid).fetch()).authType, 'IP_ACL');
    assert.equal(await client.trunking.v1.trunks(trunk.sid).ipAccessControlLists(acl.sid).remove(), true);
    assert.equal(await sip.ipAccessControlLists(acl.sid).remove(), true);
    assert.equal(await sip.credentialLists(list.sid).credentials(credential.sid).remove(), true);
    assert.equal(await sip.credentialLists(list.sid).remove(), true);
  });

  it('creates, lists, updates and deletes BYOC trunks', async () => {
    const byoc = await client.voice.v1.byocTrunks.create({
      friendlyName: 'SDK BYOC',
      voiceUrl: 'https://byoc.example.com/app',
      cnamLookupEnabled: true,
    });
    assert.match(byoc.sid, /^BY/);
    await client.voice.v1.byocTrunks.create({ friendlyName: 'SDK BYOC 2' });
    assert.equal((await client.voice.v1.byocTrunks.list({ pageSize: 1 })).length, 2);
    const updated = await client.voice.v1.byocTrunks(byoc.sid).update({ voiceMethod: 'GET', friendlyName: 'Renamed BYOC' });
    assert.equal(updated.voiceMethod, 'GET');
    assert.equal(updated.friendlyName, 'Renamed BYOC');
    assert.equal(await client.voice.v1.byocTrunks(byoc.sid).remove(), true);
    await assert.rejects(client.voice.v1.byocTrunks(byoc.sid).fetch(), restException(404, 20404));
  });

  it('raises the codes the real service raises: 20003, 21248 and 400 validation', async () => {
    await assert.rejects(twilioSdkClient(emu, { authToken: '0'.repeat(32) }).trunking.v1.trunks.list(), restException(401, 20003));
    await client.trunking.v1.trunks.create({ domainName: 'unique.pstn.twilio.com' });
    await assert.rejects(client.trunking.v1.trunks.create({ domainName: 'unique.pstn.twilio.com' }), restException(400, 21248));
    await assert.rejects(client.trunking.v1.trunks.create({ transferMode: 'sometimes' as 'sip-only' }), restException(400, 20001));
  });

  it('authenticates with an API key', async () => {
    const keyed = twilioSdkClient(emu, { apiKey: true });
    assert.equal((await keyed.api.v2010.account.incomingPhoneNumbers.list()).length >= 7, true);
    assert.ok(Array.isArray(await keyed.trunking.v1.trunks.list()));
  });
});
