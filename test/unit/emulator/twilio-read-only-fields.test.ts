import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect } from '../../../src/core/providers/page';
import { accountPath, twilio } from '../../support/emulator-http';
import { openApiResponseChecker } from '../../support/openapi-specs';
import { clientsFor } from '../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

const checkTrunk = openApiResponseChecker('twilio_trunking_v1.json', 'trunking.v1.trunk');
const checkNumber = openApiResponseChecker('twilio_api_v2010_incoming_numbers.json', 'api.v2010.account.incoming_phone_number', {
  extraFields: ['subresource_uris'],
  emptyStringFields: ['sms_application_sid', 'voice_application_sid'],
});

describe("Twilio's read-only trunk symmetric_rtp_enabled and number type; the account-wide number inventory", () => {
  let emu: TestEmulator;
  let clients: ReturnType<typeof clientsFor>;
  before(async () => {
    emu = await startTestEmulator({ seeding: { trunks: 4, numbers: 25, byocTrunks: 0, trunkGroups: 0 } });
    clients = clientsFor(emu);
  });
  after(async () => {
    await clients.close();
    await emu.close();
  });

  it('returns symmetric_rtp_enabled on every trunk and never takes it from a form', async () => {
    const created = await twilio(emu, 'POST', '/v1/Trunks', { FriendlyName: 'rtp', SymmetricRtpEnabled: 'true' });
    assert.equal(created.status, 201, 'an unknown parameter is ignored, as Twilio does');
    assert.equal(created.body.symmetric_rtp_enabled, false);
    assert.deepEqual(checkTrunk(created.body), []);
    const updated = await twilio(emu, 'POST', `/v1/Trunks/${created.body.sid}`, { SymmetricRtpEnabled: 'true' });
    assert.equal(updated.body.symmetric_rtp_enabled, false);
    assert.equal(updated.body.date_updated, created.body.date_updated, 'nothing changed');
    const trunks = await collect(clients.twilio.trunks.list({ pageSize: 2 }));
    assert.ok(trunks.some((t) => t.symmetric_rtp_enabled === true), 'a seeded trunk has it on');
    assert.ok(trunks.every((t) => typeof t.symmetric_rtp_enabled === 'boolean'));
    const page = await twilio(emu, 'GET', '/v1/Trunks?PageSize=50');
    for (const t of page.body.trunks) assert.deepEqual(checkTrunk(t), []);
  });

  it("returns a number's type (local, toll-free), which a Type parameter does not change", async () => {
    const local = await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), { PhoneNumber: '+14155550199', Type: 'mobile' });
    assert.equal(local.status, 201);
    assert.equal(local.body.type, 'local');
    assert.deepEqual(checkNumber(local.body), []);
    const tollFree = await twilio(emu, 'POST', accountPath(emu, '/IncomingPhoneNumbers.json'), { PhoneNumber: '+18885550199' });
    assert.equal(tollFree.body.type, 'toll-free');
    const updated = await twilio(emu, 'POST', accountPath(emu, `/IncomingPhoneNumbers/${local.body.sid}.json`), { Type: 'toll-free' });
    assert.equal(updated.body.type, 'local');
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(tollFree.body.sid)).type, 'toll-free');
  });

  it('lists every number of the account page by page with the trunk it is on, filtered as the API allows', async () => {
    const all = await collect(clients.twilio.incomingPhoneNumbers.list({ pageSize: 7 }));
    const raw = await twilio(emu, 'GET', accountPath(emu, '/IncomingPhoneNumbers.json?PageSize=1000'));
    assert.deepEqual(all.map((n) => n.sid), raw.body.incoming_phone_numbers.map((n: { sid: string }) => n.sid));
    for (const n of raw.body.incoming_phone_numbers) assert.deepEqual(checkNumber(n), []);
    const trunks = new Set((await collect(clients.twilio.trunks.list())).map((t) => t.sid));
    const onTrunks = all.filter((n) => n.trunk_sid !== null);
    assert.ok(onTrunks.length > 0 && onTrunks.length < all.length, 'some on trunks, some not');
    assert.ok(onTrunks.every((n) => trunks.has(n.trunk_sid ?? '')));
    const hosted = await collect(clients.twilio.incomingPhoneNumbers.list({ origin: 'hosted' }));
    assert.deepEqual(hosted.map((n) => n.sid), all.filter((n) => n.origin === 'hosted').map((n) => n.sid));
    const noBeta = await collect(clients.twilio.incomingPhoneNumbers.list({ beta: false }));
    assert.deepEqual(noBeta.map((n) => n.sid), all.filter((n) => !n.beta).map((n) => n.sid));
  });
});
