import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: Twilio BYOC trunks', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('creates (201) with defaults, then fetches, updates (200) and deletes (204)', async () => {
    const created = await twilio(emu, 'POST', '/v1/ByocTrunks', {});
    assert.equal(created.status, 201);
    const sid = created.body.sid;
    assert.match(sid, /^BY[0-9a-f]{32}$/);
    assert.deepEqual(created.body, {
      account_sid: emu.credentials.accountSid,
      sid,
      friendly_name: null,
      voice_url: null,
      voice_method: 'POST',
      voice_fallback_method: 'POST',
      voice_fallback_url: null,
      status_callback_method: 'POST',
      status_callback_url: null,
      cnam_lookup_enabled: false,
      connection_policy_sid: null,
      from_domain_sid: null,
      date_created: '2025-01-02T11:23:45Z',
      date_updated: '2025-01-02T11:23:45Z',
      url: `${emu.baseUrl}/v1/ByocTrunks/${sid}`,
    });
    const policy = (await twilio(emu, 'POST', '/v1/ConnectionPolicies', { FriendlyName: 'Carrier A routes' })).body.sid;
    const domain = `SD${'b'.repeat(32)}`;
    const updated = await twilio(emu, 'POST', `/v1/ByocTrunks/${sid}`, {
      FriendlyName: 'Carrier A',
      VoiceUrl: 'https://byoc.example.com/app',
      VoiceMethod: 'GET',
      StatusCallbackUrl: 'https://byoc.example.com/status',
      CnamLookupEnabled: true,
      ConnectionPolicySid: policy,
      FromDomainSid: domain,
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.friendly_name, 'Carrier A');
    assert.equal(updated.body.voice_method, 'GET');
    assert.equal(updated.body.connection_policy_sid, policy);
    assert.equal(updated.body.from_domain_sid, domain);
    assert.deepEqual((await twilio(emu, 'GET', `/v1/ByocTrunks/${sid}`)).body, updated.body);
    const list = await twilio(emu, 'GET', '/v1/ByocTrunks?PageSize=1000');
    assert.equal(list.body.meta.key, 'byoc_trunks');
    assert.ok(list.body.byoc_trunks.some((t: { sid: string }) => t.sid === sid));
    assert.equal((await twilio(emu, 'DELETE', `/v1/ByocTrunks/${sid}`)).status, 204);
    assert.equal((await twilio(emu, 'GET', `/v1/ByocTrunks/${sid}`)).status, 404);
  });

  it('allows a 255-character name but not 256, and checks SID patterns and methods', async () => {
    assert.equal((await twilio(emu, 'POST', '/v1/ByocTrunks', { FriendlyName: 'x'.repeat(255) })).status, 201);
    const invalid: Record<string, string>[] = [
      { FriendlyName: 'x'.repeat(256) },
      { ConnectionPolicySid: `SD${'a'.repeat(32)}` },
      { FromDomainSid: 'SD123' },
      { VoiceFallbackMethod: 'DELETE' },
    ];
    for (const form of invalid) {
      const res = await twilio(emu, 'POST', '/v1/ByocTrunks', form);
      assert.equal(res.status, 400, JSON.stringify(form));
      assert.equal(res.body.code, 20001);
    }
  });
});
