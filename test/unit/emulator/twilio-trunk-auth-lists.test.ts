import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountPath, twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: Twilio trunk credential lists and IP access control lists', () => {
  let emu: TestEmulator;
  let credentialList: { sid: string; friendly_name: string };
  let ipList: { sid: string };
  before(async () => {
    emu = await startTestEmulator();
    credentialList = (await twilio(emu, 'GET', accountPath(emu, '/SIP/CredentialLists.json'))).body.credential_lists[0];
    ipList = (await twilio(emu, 'GET', accountPath(emu, '/SIP/IpAccessControlLists.json'))).body.ip_access_control_lists[0];
  });
  after(() => emu.close());

  it("offers the account's seeded lists to associate", () => {
    assert.match(credentialList.sid, /^CL[0-9a-f]{32}$/);
    assert.match(ipList.sid, /^AL[0-9a-f]{32}$/);
  });

  it("associations drive the trunk's auth_type and auth_type_set", async () => {
    const trunk = (await twilio(emu, 'POST', '/v1/Trunks', {})).body.sid;
    const cl = await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: credentialList.sid });
    assert.equal(cl.status, 201);
    assert.deepEqual(cl.body, {
      account_sid: emu.credentials.accountSid,
      sid: credentialList.sid,
      trunk_sid: trunk,
      friendly_name: credentialList.friendly_name,
      date_created: '2025-01-02T11:23:45Z',
      date_updated: '2025-01-02T11:23:45Z',
      url: `${emu.baseUrl}/v1/Trunks/${trunk}/CredentialLists/${credentialList.sid}`,
    });
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk}`)).body.auth_type, 'CREDENTIAL_LIST');

    await twilio(emu, 'POST', `/v1/Trunks/${trunk}/IpAccessControlLists`, { IpAccessControlListSid: ipList.sid });
    const both = (await twilio(emu, 'GET', `/v1/Trunks/${trunk}`)).body;
    assert.equal(both.auth_type, 'IP_ACL,CREDENTIAL_LIST');
    assert.deepEqual(both.auth_type_set, ['IP_ACL', 'CREDENTIAL_LIST']);

    const listed = await twilio(emu, 'GET', `/v1/Trunks/${trunk}/IpAccessControlLists`);
    assert.equal(listed.body.meta.key, 'ip_access_control_lists');
    assert.deepEqual(
      listed.body.ip_access_control_lists.map((l: { sid: string }) => l.sid),
      [ipList.sid],
    );
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk}/IpAccessControlLists/${ipList.sid}`)).status, 200);

    assert.equal((await twilio(emu, 'DELETE', `/v1/Trunks/${trunk}/CredentialLists/${credentialList.sid}`)).status, 204);
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk}`)).body.auth_type, 'IP_ACL');
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk}/CredentialLists/${credentialList.sid}`)).status, 404);
  });

  it('refuses an unknown list, a duplicate association and a missing SID', async () => {
    const trunk = (await twilio(emu, 'POST', '/v1/Trunks', {})).body.sid;
    assert.equal(
      (await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: `CL${'0'.repeat(32)}` })).status,
      400,
    );
    await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: credentialList.sid });
    assert.equal((await twilio(emu, 'POST', `/v1/Trunks/${trunk}/CredentialLists`, { CredentialListSid: credentialList.sid })).status, 400);
    assert.equal((await twilio(emu, 'POST', `/v1/Trunks/${trunk}/IpAccessControlLists`, { IpAccessControlListSid: 'AL1' })).status, 400);
    const missing = await twilio(emu, 'POST', `/v1/Trunks/${trunk}/IpAccessControlLists`, {});
    assert.equal(missing.body.message, 'Missing required parameter IpAccessControlListSid in the post body');
  });
});
