import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

const VALID = { FriendlyName: 'pbx-a', SipUrl: 'sip:pbx-a.example.com:5060', Priority: 10, Weight: 20, Enabled: true };

describe('emulator: Twilio origination URLs', () => {
  let emu: TestEmulator;
  let trunkSid: string;
  before(async () => {
    emu = await startTestEmulator();
    trunkSid = (await twilio(emu, 'POST', '/v1/Trunks', { FriendlyName: 'with urls' })).body.sid;
  });
  after(() => emu.close());

  it('creates (201), fetches, updates and deletes an origination URL', async () => {
    const created = await twilio(emu, 'POST', `/v1/Trunks/${trunkSid}/OriginationUrls`, VALID);
    assert.equal(created.status, 201);
    const sid = created.body.sid;
    assert.match(sid, /^OU[0-9a-f]{32}$/);
    assert.deepEqual(created.body, {
      weight: 20,
      date_updated: '2025-01-02T11:23:45Z',
      enabled: true,
      friendly_name: 'pbx-a',
      account_sid: emu.credentials.accountSid,
      priority: 10,
      sip_url: 'sip:pbx-a.example.com:5060',
      sid,
      date_created: '2025-01-02T11:23:45Z',
      trunk_sid: trunkSid,
      url: `${emu.baseUrl}/v1/Trunks/${trunkSid}/OriginationUrls/${sid}`,
    });
    const updated = await twilio(emu, 'POST', `/v1/Trunks/${trunkSid}/OriginationUrls/${sid}`, { Enabled: false, Weight: 1, Priority: 0 });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.enabled, false);
    assert.equal(updated.body.weight, 1);
    assert.equal(updated.body.priority, 0);
    assert.equal(updated.body.sip_url, 'sip:pbx-a.example.com:5060');
    const list = await twilio(emu, 'GET', `/v1/Trunks/${trunkSid}/OriginationUrls`);
    assert.deepEqual(
      list.body.origination_urls.map((o: { sid: string }) => o.sid),
      [sid],
    );
    assert.equal(list.body.meta.key, 'origination_urls');
    assert.equal((await twilio(emu, 'DELETE', `/v1/Trunks/${trunkSid}/OriginationUrls/${sid}`)).status, 204);
    assert.equal((await twilio(emu, 'GET', `/v1/Trunks/${trunkSid}/OriginationUrls/${sid}`)).status, 404);
  });

  it('requires all five parameters on create', async () => {
    for (const missing of Object.keys(VALID)) {
      const form = Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== missing));
      const res = await twilio(emu, 'POST', `/v1/Trunks/${trunkSid}/OriginationUrls`, form);
      assert.equal(res.status, 400, missing);
      assert.equal(res.body.message, `Missing required parameter ${missing} in the post body`);
    }
  });

  it('refuses sips:, non-SIP URLs, and weights or priorities out of range', async () => {
    const cases = [
      { SipUrl: 'sips:pbx.example.com' },
      { SipUrl: 'https://pbx.example.com' },
      { Weight: 0 },
      { Weight: 65536 },
      { Priority: -1 },
      { Priority: 65536 },
      { Weight: 'ten' },
      { FriendlyName: 'x'.repeat(65) },
    ];
    for (const change of cases) {
      const res = await twilio(emu, 'POST', `/v1/Trunks/${trunkSid}/OriginationUrls`, { ...VALID, ...change });
      assert.equal(res.status, 400, JSON.stringify(change));
      assert.equal(res.body.code, 20001);
    }
    const sips = await twilio(emu, 'POST', `/v1/Trunks/${trunkSid}/OriginationUrls`, { ...VALID, SipUrl: 'sips:pbx.example.com' });
    assert.match(sips.body.message, /uses sips:, which is not supported/);
  });

  it('answers 404 for a URL of another trunk', async () => {
    const created = await twilio(emu, 'POST', `/v1/Trunks/${trunkSid}/OriginationUrls`, VALID);
    const other = (await twilio(emu, 'POST', '/v1/Trunks', {})).body.sid;
    const res = await twilio(emu, 'GET', `/v1/Trunks/${other}/OriginationUrls/${created.body.sid}`);
    assert.equal(res.status, 404);
  });

  it("deletes a trunk's origination URLs with the trunk", async () => {
    const { body: trunk } = await twilio(emu, 'POST', '/v1/Trunks', {});
    await twilio(emu, 'POST', `/v1/Trunks/${trunk.sid}/OriginationUrls`, VALID);
    await twilio(emu, 'DELETE', `/v1/Trunks/${trunk.sid}`);
    const orphans = emu.store.snapshot().twilio.origination_urls.filter((o) => o.trunk_sid === trunk.sid);
    assert.deepEqual(orphans, []);
  });
});
