import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { phoneNumberChoices } from '../../../../../src/core/documents/assist/phone-number-choices';
import { collect } from '../../../../../src/core/providers/page';
import { createTwilioClient } from '../../../../../src/core/providers/twilio/twilio-client';
import { clientsFor } from '../../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../../support/test-emulator';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, byocTrunks: 0, trunkGroups: 0 } });
  clients = clientsFor(emulator);
});
after(async () => {
  await clients.close();
  await emulator.close();
});

describe('phone number choices for trunk-file completion', () => {
  test('each number on a trunk comes with that trunk by name, over real HTTP', async () => {
    const { twilio } = clients;
    const trunk = await twilio.trunks.create({ friendly_name: 'Choices trunk', domain_name: 'choices-trunk.pstn.twilio.com' });
    const free = (await collect(twilio.incomingPhoneNumbers.list())).find((n) => !n.trunk_sid);
    assert.ok(free, 'the seed has a number on no trunk');
    await twilio.trunkPhoneNumbers.attach(trunk.sid, free.sid);

    const choices = await phoneNumberChoices(twilio);
    const moved = choices.find((c) => c.phone_number === free.phone_number);
    assert.deepEqual(moved && { trunk_sid: moved.trunk_sid, trunk_name: moved.trunk_name }, { trunk_sid: trunk.sid, trunk_name: 'Choices trunk' });
    const trunkNames = new Map((await collect(twilio.trunks.list())).map((t) => [t.sid, t.friendly_name]));
    for (const c of choices) assert.equal(c.trunk_name ?? null, c.trunk_sid ? (trunkNames.get(c.trunk_sid) ?? null) : null, c.phone_number);
  });

  test('when the trunks cannot be listed, the sids still say where each number is', async () => {
    // A real 401 for the trunk listing: a client whose token the emulator refuses.
    const refused = createTwilioClient({
      accountSid: emulator.credentials.accountSid,
      credentials: { kind: 'authToken', authToken: 'not-the-token' },
      baseUrl: emulator.baseUrl,
      dispatchers: clients.dispatchers,
      logger: clients.sink,
    });
    const choices = await phoneNumberChoices({ incomingPhoneNumbers: clients.twilio.incomingPhoneNumbers, trunks: refused.trunks });
    assert.ok(choices.some((c) => c.trunk_sid && c.trunk_name === null));
    assert.ok(choices.every((c) => c.trunk_name === null));
  });
});
