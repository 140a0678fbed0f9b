import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../../src/core/providers/page';
import { attachNumberSurely } from '../../../../../src/core/providers/twilio/attach-number-surely';
import { clientsFor } from '../../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../../support/test-emulator';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;
const ATTACH = '/v1/Trunks/{TrunkSid}/PhoneNumbers';

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 2, numbers: 10, byocTrunks: 0, trunkGroups: 0 } });
  clients = clientsFor(emulator);
});
beforeEach(() => emulator.reset());
after(async () => {
  await clients.close();
  await emulator.close();
});

async function freeNumberAndTrunk() {
  const { twilio } = clients;
  const free = (await collect(twilio.incomingPhoneNumbers.list())).find((n) => !n.trunk_sid)!;
  const [trunk, other] = await collect(twilio.trunks.list());
  return { free, trunk: trunk!, other: other! };
}

describe('attachNumberSurely: an attach whose outcome is unknown is looked up, never sent blindly', () => {
  test('the answer lost after the number was attached: found attached, not sent again', async () => {
    const { free, trunk } = await freeNumberAndTrunk();
    emulator.faults.add({ kind: 'reset-after-commit', method: 'POST', path: ATTACH, times: 1 });
    const posts = emulator.stats.count('POST', ATTACH);
    await attachNumberSurely(clients.twilio, trunk.sid, free.sid);
    assert.equal(emulator.stats.count('POST', ATTACH) - posts, 1, 'one attach sent');
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(free.sid)).trunk_sid, trunk.sid);
  });

  test('a 503 that attached nothing: the number is still on no trunk, so the attach is sent once more', async () => {
    const { free, trunk } = await freeNumberAndTrunk();
    emulator.faults.add({ kind: 'server-error', status: 503, method: 'POST', path: ATTACH, times: 1 });
    const posts = emulator.stats.count('POST', ATTACH);
    await attachNumberSurely(clients.twilio, trunk.sid, free.sid);
    assert.ok(emulator.stats.count('POST', ATTACH) - posts >= 2, 'sent again after the look-up');
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(free.sid)).trunk_sid, trunk.sid);
  });

  test('put on another trunk by a colleague meanwhile: the attach\'s error, the number left where it is', async () => {
    const { free, trunk, other } = await freeNumberAndTrunk();
    await clients.twilio.trunkPhoneNumbers.attach(other.sid, free.sid);
    emulator.faults.add({ kind: 'server-error', status: 503, method: 'POST', path: ATTACH, times: 10 });
    await assert.rejects(attachNumberSurely(clients.twilio, trunk.sid, free.sid), (e: unknown) => e instanceof Error && 'status' in e && e.status === 503);
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(free.sid)).trunk_sid, other.sid);
  });
});
