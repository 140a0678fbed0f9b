import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '../../../src/emulator/emulator-server';
import { accountPath, twilio } from '../../support/emulator-http';
import { startTestEmulator } from '../../support/test-emulator';

describe('emulator: persistence', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'trunkline-emulator-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps changes across restarts and continues without reusing SIDs', async () => {
    const file = join(dir, 'not-yet-created', 'state.json');
    const first = await startTestEmulator({ persistPath: file });
    const { body: trunk } = await twilio(first, 'POST', '/v1/Trunks', { FriendlyName: 'Survivor', DomainName: 'survivor.pstn.twilio.com' });
    const { body: number } = await twilio(first, 'POST', accountPath(first, '/IncomingPhoneNumbers.json'), { AreaCode: '415' });
    await twilio(first, 'POST', `/v1/Trunks/${trunk.sid}/PhoneNumbers`, { PhoneNumberSid: number.sid });
    const before = first.store.snapshot();
    await first.close();

    const second = await startTestEmulator({ persistPath: file, seeding: { trunks: 50 } });
    try {
      assert.deepEqual(second.store.snapshot(), before, 'the file wins over seeding');
      assert.equal((await twilio(second, 'GET', `/v1/Trunks/${trunk.sid}`)).body.friendly_name, 'Survivor');
      assert.equal((await twilio(second, 'GET', `/v1/Trunks/${trunk.sid}/PhoneNumbers/${number.sid}`)).status, 200);
      assert.equal((await twilio(second, 'POST', '/v1/Trunks', { DomainName: 'survivor.pstn.twilio.com' })).body.code, 21248);
      const { body: next } = await twilio(second, 'POST', '/v1/Trunks', {});
      assert.ok(!before.twilio.trunks.some((t) => t.sid === next.sid));
    } finally {
      await second.close();
    }
    assert.deepEqual(readdirSync(join(dir, 'not-yet-created')), ['state.json'], 'no temporary file is left behind');
  });

  it('refuses to start from a file that is not emulator state', async () => {
    const file = join(dir, 'garbage.json');
    writeFileSync(file, '{"hello": "world"}');
    await assert.rejects(startEmulator({ persistPath: file }), /is not an emulator state file/);
  });
});
