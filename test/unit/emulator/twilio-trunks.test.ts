import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: Twilio trunks', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('creates a trunk with 201 and the fixture shape, defaults filled in', async () => {
    const res = await twilio(emu, 'POST', '/v1/Trunks', {
      FriendlyName: 'Acme main',
      DomainName: 'acme-main.pstn.twilio.com',
      Secure: true,
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.match(String(res.headers['twilio-request-id']), /^RQ[0-9a-f]{32}$/);
    const sid = res.body.sid;
    assert.match(sid, /^TK[0-9a-f]{32}$/);
    const url = `${emu.baseUrl}/v1/Trunks/${sid}`;
    assert.deepEqual(res.body, {
      sid,
      account_sid: emu.credentials.accountSid,
      domain_name: 'acme-main.pstn.twilio.com',
      disaster_recovery_method: 'POST',
      disaster_recovery_url: null,
      friendly_name: 'Acme main',
      secure: true,
      cnam_lookup_enabled: false,
      recording: { mode: 'do-not-record', trim: 'do-not-trim' },
      transfer_mode: 'disable-all',
      transfer_caller_id: 'from-transferee',
      auth_type: '',
      symmetric_rtp_enabled: false,
      auth_type_set: [],
      date_created: '2025-01-02T11:23:45Z',
      date_updated: '2025-01-02T11:23:45Z',
      url,
      links: {
        origination_urls: `${url}/OriginationUrls`,
        credential_lists: `${url}/CredentialLists`,
        ip_access_control_lists: `${url}/IpAccessControlLists`,
        phone_numbers: `${url}/PhoneNumbers`,
      },
    });
  });

  it('fetches, updates (200, date_updated moves) and deletes (204, then 404)', async () => {
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', { FriendlyName: 'lifecycle' });
    const fetched = await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}`);
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body, trunk);

    const updated = await twilio(emu, 'POST', `/v1/Trunks/${trunk.sid}`, {
      FriendlyName: 'renamed',
      TransferMode: 'sip-only',
      TransferCallerId: 'from-transferor',
      DisasterRecoveryUrl: 'https://dr.example.com/twiml',
      DisasterRecoveryMethod: 'GET',
      CnamLookupEnabled: true,
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.friendly_name, 'renamed');
    assert.equal(updated.body.transfer_mode, 'sip-only');
    assert.equal(updated.body.transfer_caller_id, 'from-transferor');
    assert.equal(updated.body.disaster_recovery_url, 'https://dr.example.com/twiml');
    assert.equal(updated.body.disaster_recovery_method, 'GET');
    assert.equal(updated.body.cnam_lookup_enabled, true);
    assert.equal(updated.body.date_created, trunk.date_created);
    assert.notEqual(updated.body.date_updated, trunk.date_updated);

    const deleted = await twilio(emu, 'DELETE', `/v1/Trunks/${trunk.sid}`);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, undefined);
    const gone = await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}`);
    assert.deepEqual(gone.body, {
      code: 20404,
      message: `The requested resource /v1/Trunks/${trunk.sid} was not found`,
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
  });

  it('leaves date_updated alone when an update changes nothing', async () => {
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', { FriendlyName: 'same' });
    const res = await twilio(emu, 'POST', `/v1/Trunks/${trunk.sid}`, { FriendlyName: 'same' });
    assert.equal(res.body.date_updated, trunk.date_updated);
  });

  it('reads + and %20 as spaces and ignores unknown parameters', async () => {
    const plus = await twilio(emu, 'POST', '/v1/Trunks', 'FriendlyName=a+b&Bogus=1');
    const percent = await twilio(emu, 'POST', '/v1/Trunks', 'FriendlyName=a%20b');
    assert.equal(plus.status, 201);
    assert.equal(plus.body.friendly_name, 'a b');
    assert.equal(percent.body.friendly_name, 'a b');
  });

  it('clears a field sent empty', async () => {
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', { DisasterRecoveryUrl: 'https://dr.example.com/x' });
    const res = await twilio(emu, 'POST', `/v1/Trunks/${trunk.sid}`, { DisasterRecoveryUrl: '' });
    assert.equal(res.body.disaster_recovery_url, null);
  });

  it('answers 400 (20001) for invalid values, naming the parameter', async () => {
    const cases: Record<string, string>[] = [
      { FriendlyName: 'x'.repeat(65) },
      { TransferMode: 'sometimes' },
      { TransferCallerId: 'nobody' },
      { DisasterRecoveryMethod: 'PUT' },
      { Secure: 'yes' },
      { CnamLookupEnabled: '1' },
      { DisasterRecoveryUrl: 'not a url' },
      { DomainName: 'acme.example.com' },
      { DomainName: '-bad.pstn.twilio.com' },
    ];
    for (const form of cases) {
      const res = await twilio(emu, 'POST', '/v1/Trunks', form);
      const [param] = Object.keys(form);
      assert.equal(res.status, 400, param);
      assert.equal(res.body.code, 20001);
      assert.equal(res.body.status, 400);
      assert.match(res.body.message, new RegExp(String(param)));
    }
  });

  it('refuses a domain name another trunk has (21248), whatever its case, on create and on update', async () => {
    await twilio(emu, 'POST', '/v1/Trunks', { DomainName: 'taken.pstn.twilio.com' });
    const create = await twilio(emu, 'POST', '/v1/Trunks', { DomainName: 'TAKEN.pstn.twilio.com' });
    assert.equal(create.status, 400);
    assert.deepEqual(create.body, {
      code: 21248,
      message: 'Trunk Domain already taken',
      more_info: 'https://www.twilio.com/docs/errors/21248',
      status: 400,
    });
    const { body: other } = await twilio(emu, 'POST', '/v1/Trunks', { DomainName: 'other.pstn.twilio.com' });
    const update = await twilio(emu, 'POST', `/v1/Trunks/${other.sid}`, { DomainName: 'taken.pstn.twilio.com' });
    assert.equal(update.body.code, 21248);
    const keepOwn = await twilio(emu, 'POST', `/v1/Trunks/${other.sid}`, { DomainName: 'other.pstn.twilio.com' });
    assert.equal(keepOwn.status, 200);
  });

  it("frees a deleted trunk's domain name", async () => {
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', { DomainName: 'recycled.pstn.twilio.com' });
    await twilio(emu, 'DELETE', `/v1/Trunks/${trunk.sid}`);
    const again = await twilio(emu, 'POST', '/v1/Trunks', { DomainName: 'recycled.pstn.twilio.com' });
    assert.equal(again.status, 201);
  });

  it('answers 404 for a SID that does not match the trunk pattern, and 405 for an unsupported method', async () => {
    const badSid = await twilio(emu, 'GET', '/v1/Trunks/PN00000000000000000000000000000000');
    assert.equal(badSid.status, 404);
    assert.equal(badSid.body.code, 20404);
    const put = await twilio(emu, 'PUT', '/v1/Trunks');
    assert.equal(put.status, 405);
    assert.equal(put.body.code, 20004);
    const unknown = await twilio(emu, 'GET', '/v1/Nothing');
    assert.equal(unknown.body.message, 'The requested resource /v1/Nothing was not found');
  });

  it('reads and changes recording only through the Recording sub-resource', async () => {
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', { FriendlyName: 'recorded', Mode: 'record-from-answer' });
    assert.deepEqual(trunk.recording, { mode: 'do-not-record', trim: 'do-not-trim' });
    const get = await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}/Recording`);
    assert.deepEqual(get.body, { mode: 'do-not-record', trim: 'do-not-trim' });
    const set = await twilio(emu, 'POST', `/v1/Trunks/${trunk.sid}/Recording`, { Mode: 'record-from-ringing-dual', Trim: 'trim-silence' });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body, { mode: 'record-from-ringing-dual', trim: 'trim-silence' });
    const after = await twilio(emu, 'GET', `/v1/Trunks/${trunk.sid}`);
    assert.deepEqual(after.body.recording, { mode: 'record-from-ringing-dual', trim: 'trim-silence' });
    const bad = await twilio(emu, 'POST', `/v1/Trunks/${trunk.sid}/Recording`, { Mode: 'record-always' });
    assert.equal(bad.status, 400);
  });
});
