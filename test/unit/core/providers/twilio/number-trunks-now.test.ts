import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect } from '../../../../../src/core/providers/page';
import { NUMBER_TRUNKS_BY_FETCH_MAX, numberTrunksNow } from '../../../../../src/core/providers/twilio/number-trunks-now';
import { clientsFor } from '../../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../../support/test-emulator';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 30, byocTrunks: 0, trunkGroups: 0 } });
  clients = clientsFor(emulator);
});
beforeEach(() => emulator.reset());
after(async () => {
  await clients.close();
  await emulator.close();
});

describe('numberTrunksNow: where numbers are right before a write', () => {
  test('a number moved, detached or released since it was listed reads as it is now', async () => {
    const { twilio } = clients;
    const listed = await collect(twilio.incomingPhoneNumbers.list());
    const onTrunk = listed.filter((n) => n.trunk_sid);
    const [moved, detached, released] = onTrunk;
    const other = (await collect(twilio.trunks.list())).find((tr) => tr.sid !== moved!.trunk_sid)!;
    await twilio.trunkPhoneNumbers.detach(moved!.trunk_sid!, moved!.sid);
    await twilio.trunkPhoneNumbers.attach(other.sid, moved!.sid);
    await twilio.trunkPhoneNumbers.detach(detached!.trunk_sid!, detached!.sid);
    emulator.store.twilio.numbers.delete(released!.sid);

    const fetches = emulator.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json');
    const now = await numberTrunksNow(twilio, [moved!.sid, detached!.sid, released!.sid]);
    assert.equal(now.get(moved!.sid), other.sid);
    assert.equal(now.get(detached!.sid), null);
    assert.equal(now.has(released!.sid), false, 'a released number is absent, not an error');
    assert.equal(emulator.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json') - fetches, 3, 'one GET per number');
  });

  test('more numbers than the fetch limit are read in one listing, with the same answer', async () => {
    const { twilio } = clients;
    const listed = await collect(twilio.incomingPhoneNumbers.list());
    assert.ok(listed.length > NUMBER_TRUNKS_BY_FETCH_MAX);
    const released = listed[0]!;
    emulator.store.twilio.numbers.delete(released.sid);
    const fetches = emulator.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json');
    const now = await numberTrunksNow(twilio, listed.map((n) => n.sid));
    assert.equal(emulator.stats.count('GET', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json'), fetches, 'no GET per number');
    assert.equal(now.size, listed.length - 1);
    for (const n of listed.slice(1)) assert.equal(now.get(n.sid), n.trunk_sid ?? null);
  });
});
