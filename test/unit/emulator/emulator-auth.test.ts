import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { carrierX, twilio } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: authentication', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it("answers Twilio's 401 for missing or wrong credentials, with WWW-Authenticate", async () => {
    for (const authorization of [
      undefined,
      basic(emu.credentials.accountSid, 'wrong'),
      basic(emu.credentials.apiKeySid, emu.credentials.authToken),
      'Bearer x',
    ]) {
      const res = await twilio(emu, 'GET', '/v1/Trunks', undefined, authorization ?? '');
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
      assert.equal(res.headers['www-authenticate'], 'Basic realm="Twilio API"');
    }
  });

  it("accepts the account's API key on every Twilio host", async () => {
    for (const path of ['/v1/Trunks', '/v1/ByocTrunks', `/2010-04-01/Accounts/${emu.credentials.accountSid}/IncomingPhoneNumbers.json`]) {
      assert.equal((await twilio(emu, 'GET', path, undefined, emu.auth.apiKey)).status, 200, path);
    }
  });

  it("answers CarrierX's 401 for a missing or wrong bearer token", async () => {
    for (const authorization of ['', 'Bearer wrong', emu.auth.twilio]) {
      const res = await carrierX(emu, 'GET', '/trunk_groups', undefined, { authorization });
      assert.equal(res.status, 401);
      assert.equal(res.body.message, 'Bad credentials');
      assert.ok(Array.isArray(res.body.errors));
    }
    assert.equal((await carrierX(emu, 'GET', '/trunk_groups')).status, 200);
  });

  it('never echoes a secret in an error body', async () => {
    const res = await twilio(emu, 'GET', '/v1/Trunks', undefined, basic(emu.credentials.accountSid, 'wrong-secret-value'));
    assert.doesNotMatch(JSON.stringify(res.body), /wrong-secret-value|5a4db0c0a0/);
  });
});
