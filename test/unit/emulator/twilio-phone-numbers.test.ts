import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountPath, twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: Twilio phone numbers', () => {
  let emu: TestEmulator;
  const newTrunk = async () => (await twilio(emu, 'POST', '/v1/Trunks', {})).body.sid as string;
  const buy = async (form: Record<string, string>) =>
    (await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), form)).body;
  const number = async (sid: string) => (await twilio(emu, 'GET', accountPath(emu, `/IncomingPhoneNumbers/${sid}.json`))).body;

  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('buys a number (201) with the 2010 shape: RFC 2822 dates, relative uri', async () => {
    const res = await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), {
      PhoneNumber: '+14155550100',
      FriendlyName: 'Front desk',
    });
    assert.equal(res.status, 201);
    const n = res.body;
    assert.match(n.sid, /^PN[0-9a-f]{32}$/);
    assert.equal(n.phone_number, '+14155550100');
    assert.equal(n.friendly_name, 'Front desk');
    assert.equal(n.date_created, 'Thu, 02 Jan 2025 11:23:45 +0000');
    assert.equal(n.uri, `/2010-04-01/Accounts/${emu.credentials.accountSid}/IncomingPhoneNumbers/${n.sid}.json`);
    assert.equal(n.trunk_sid, null);
    assert.equal(n.voice_application_sid, '');
    assert.deepEqual(n.capabilities, { voice: true, sms: true, mms: true, fax: false });
    assert.deepEqual(Object.keys(n).sort(), [
      'account_sid',
      'address_requirements',
      'address_sid',
      'api_version',
      'beta',
      'bundle_sid',
      'capabilities',
      'date_created',
      'date_updated',
      'emergency_address_sid',
      'emergency_address_status',
      'emergency_status',
      'friendly_name',
      'identity_sid',
      'origin',
      'phone_number',
      'sid',
      'sms_application_sid',
      'sms_fallback_method',
      'sms_fallback_url',
      'sms_method',
      'sms_url',
      'status',
      'status_callback',
      'status_callback_method',
      'subresource_uris',
      'trunk_sid',
      'type',
      'uri',
      'voice_application_sid',
      'voice_caller_id_lookup',
      'voice_fallback_method',
      'voice_fallback_url',
      'voice_method',
      'voice_receive_mode',
      'voice_url',
    ]);
  });

  it('needs exactly one of PhoneNumber and AreaCode, and refuses a number already owned', async () => {
    assert.equal((await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), {})).status, 400);
    const both = await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), {
      PhoneNumber: '+14155550101',
      AreaCode: '415',
    });
    assert.equal(both.status, 400);
    const byArea = await buy({ AreaCode: '503' });
    assert.match(byArea.phone_number, /^\+1503\d{7}$/);
    const taken = await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), { PhoneNumber: byArea.phone_number });
    assert.equal(taken.status, 400);
    assert.equal(taken.body.code, 21422);
  });

  it('attaches a number to a trunk (201), lists, fetches and detaches it (204)', async () => {
    const trunk = await newTrunk();
    const n = await buy({ AreaCode: '212', VoiceApplicationSid: `AP${'1'.repeat(32)}` });
    const attached = await twilio(emu, 'POST', `/v1/Trunks/${trunk}/PhoneNumbers`, { PhoneNumberSid: n.sid });
    assert.equal(attached.status, 201);
    assert.equal(attached.body.trunk_sid, trunk);
    assert.equal(attached.body.voice_application_sid, '', 'attaching clears the voice application');
    assert.equal(attached.body.url, `${emu.baseUrl}/v1/Trunks/${trunk}/PhoneNumbers/${n.sid}`);
    assert.deepEqual(attached.body.links, { phone_number: `${emu.baseUrl}${accountPath(emu, `/IncomingPhoneNumbers/${n.sid}.json`)}` });
    assert.deepEqual(attached.body.capabilities, { voice: true, sms: true, mms: true });
    assert.match(attached.body.date_created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const list = await twilio(emu, 'GET', `/v1/Trunks/${trunk}/PhoneNumbers`);
    assert.deepEqual(
      list.body.phone_numbers.map((p: { sid: string }) => p.sid),
      [n.sid],
    );
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk}/PhoneNumbers/${n.sid}`)).body.phone_number, n.phone_number);
    assert.equal((await number(n.sid)).trunk_sid, trunk);

    assert.equal((await twilio(emu, 'DELETE', `/v1/Trunks/${trunk}/PhoneNumbers/${n.sid}`)).status, 204);
    assert.equal((await number(n.sid)).trunk_sid, null);
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunk}/PhoneNumbers/${n.sid}`)).status, 404);
  });

  it('keeps a number on one trunk at a time', async () => {
    const [first, second] = [await newTrunk(), await newTrunk()];
    const n = await buy({ AreaCode: '312' });
    await twilio(emu, 'POST', `/v1/Trunks/${first}/PhoneNumbers`, { PhoneNumberSid: n.sid });
    const res = await twilio(emu, 'POST', `/v1/Trunks/${second}/PhoneNumbers`, { PhoneNumberSid: n.sid });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 20001);
    assert.match(res.body.message, new RegExp(`already associated with trunk ${first}`));
    assert.equal((await number(n.sid)).trunk_sid, first);
  });

  it('refuses to attach a number the account does not have', async () => {
    const res = await twilio(emu, 'POST', `/v1/Trunks/${await newTrunk()}/PhoneNumbers`, { PhoneNumberSid: `PN${'0'.repeat(32)}` });
    assert.equal(res.status, 400);
    const missing = await twilio(emu, 'POST', `/v1/Trunks/${await newTrunk()}/PhoneNumbers`, {});
    assert.equal(missing.body.message, 'Missing required parameter PhoneNumberSid in the post body');
  });

  it("frees a deleted trunk's numbers", async () => {
    const trunk = await newTrunk();
    const n = await buy({ AreaCode: '646' });
    await twilio(emu, 'POST', `/v1/Trunks/${trunk}/PhoneNumbers`, { PhoneNumberSid: n.sid });
    await twilio(emu, 'DELETE', `/v1/Trunks/${trunk}`);
    assert.equal((await number(n.sid)).trunk_sid, null);
  });

  it('assigns and unassigns a trunk through the 2010 API; a voice application and a trunk exclude each other', async () => {
    const trunk = await newTrunk();
    const n = await buy({ AreaCode: '720' });
    const path = accountPath(emu, `/IncomingPhoneNumbers/${n.sid}.json`);
    const assigned = await twilio(emu, 'POST', path, { TrunkSid: trunk });
    assert.equal(assigned.status, 200);
    assert.equal(assigned.body.trunk_sid, trunk);
    assert.notEqual(assigned.body.date_updated, n.date_updated);
    const app = `AP${'a'.repeat(32)}`;
    const toApp = await twilio(emu, 'POST', path, { VoiceApplicationSid: app });
    assert.equal(toApp.body.voice_application_sid, app);
    assert.equal(toApp.body.trunk_sid, null);
    const back = await twilio(emu, 'POST', path, { TrunkSid: trunk });
    assert.equal(back.body.voice_application_sid, '');
    const cleared = await twilio(emu, 'POST', path, { TrunkSid: '' });
    assert.equal(cleared.body.trunk_sid, null);
    const unknownTrunk = await twilio(emu, 'POST', path, { TrunkSid: `TK${'0'.repeat(32)}` });
    assert.equal(unknownTrunk.status, 400);
    const both = await twilio(emu, 'POST', path, { TrunkSid: trunk, VoiceApplicationSid: app });
    assert.equal(both.status, 400);
  });

  it('validates 2010 update parameters', async () => {
    const n = await buy({ AreaCode: '206' });
    const path = accountPath(emu, `/IncomingPhoneNumbers/${n.sid}.json`);
    const invalid: Record<string, string>[] = [
      { VoiceMethod: 'PATCH' },
      { VoiceUrl: 'ftp://x' },
      { EmergencyStatus: 'On' },
      { VoiceReceiveMode: 'sms' },
      { VoiceCallerIdLookup: 'maybe' },
    ];
    for (const form of invalid) {
      assert.equal((await twilio(emu, 'POST', path, form)).status, 400, JSON.stringify(form));
    }
    const ok = await twilio(emu, 'POST', path, { VoiceUrl: 'https://hooks.example.com/v', VoiceMethod: 'get', FriendlyName: 'Lobby' });
    assert.equal(ok.body.voice_url, 'https://hooks.example.com/v');
    assert.equal(ok.body.voice_method, 'GET');
    assert.equal(ok.body.friendly_name, 'Lobby');
  });

  it('deletes a number (204) and takes it off its trunk', async () => {
    const trunk = await newTrunk();
    const n = await buy({ AreaCode: '404' });
    await twilio(emu, 'POST', `/v1/Trunks/${trunk}/PhoneNumbers`, { PhoneNumberSid: n.sid });
    assert.equal((await twilio(emu, 'DELETE', accountPath(emu, `/IncomingPhoneNumbers/${n.sid}.json`))).status, 204);
    assert.equal((await twilio(emu, 'GET', accountPath(emu, `/IncomingPhoneNumbers/${n.sid}.json`))).status, 404);
    assert.deepEqual((await twilio(emu, 'GET', `/v1/Trunks/${trunk}/PhoneNumbers`)).body.phone_numbers, []);
  });

  it('filters the list by partial number with * wildcards, friendly name, Beta and Origin', async () => {
    await buy({ PhoneNumber: '+19995550123', FriendlyName: 'Filter target' });
    const list = async (query: string) =>
      (await twilio(emu, 'GET', accountPath(emu, `/IncomingPhoneNumbers.json?${query}`))).body.incoming_phone_numbers.map(
        (n: { phone_number: string }) => n.phone_number,
      );
    assert.deepEqual(await list('PhoneNumber=5550123'), ['+19995550123']);
    assert.deepEqual(await list('PhoneNumber=%2B1999*5*0123'), ['+19995550123']);
    assert.deepEqual(await list('PhoneNumber=+1999555'), ['+19995550123'], 'a raw + reads as +');
    assert.deepEqual(await list('FriendlyName=Filter%20target'), ['+19995550123']);
    assert.deepEqual(await list('FriendlyName=Filter%20target&Origin=hosted'), []);
    assert.deepEqual(await list('FriendlyName=Filter%20target&Beta=false'), ['+19995550123']);
    assert.equal((await twilio(emu, 'GET', accountPath(emu, '/IncomingPhoneNumbers.json?Beta=perhaps'))).status, 400);
  });

  it('hides other accounts: a 2010 path with another AccountSid is 404', async () => {
    const other = `AC${'f'.repeat(32)}`;
    const res = await twilio(emu, 'GET', `/2010-04-01/Accounts/${other}/IncomingPhoneNumbers.json`);
    assert.equal(res.status, 404);
    assert.equal(res.body.message, `The requested resource /2010-04-01/Accounts/${other}/IncomingPhoneNumbers.json was not found`);
  });
});
