import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { completeAt } from '../../../../../src/core/documents/assist/complete-at';
import { didChoices, phoneNumberChoices } from '../../../../../src/core/documents/assist/phone-number-choices';
import { collect } from '../../../../../src/core/providers/page';
import { createTwilioClient } from '../../../../../src/core/providers/twilio/twilio-client';
import { clientsFor } from '../../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../../support/test-emulator';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 3, numbers: 12, byocTrunks: 0, trunkGroups: 2 } });
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

  test("a CarrierX group's file completes the account's DIDs in E.164, each with the trunk group it is on by name", async () => {
    const { carrierx } = clients;
    const dids = await collect(carrierx.dids.list({ pageSize: 100 }));
    const groups = new Map((await collect(carrierx.trunkGroups.list())).map((g) => [g.trunk_group_sid, g.name]));
    const choices = await didChoices(carrierx);
    assert.deepEqual(choices.map((c) => c.phone_number), dids.map((d) => `+${d.phonenumber}`));
    const assigned = choices.find((c) => c.trunk_sid)!;
    assert.equal(assigned.trunk_name, groups.get(assigned.trunk_sid!));
    const text = `apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  name: Edge\n  phone_numbers:\n    - `;
    const items = await completeAt(text, text.length, { phoneNumbers: (_account, kind) => (kind === 'CarrierXTrunkGroup' ? choices : []) });
    const item = items.find((i) => i.label === assigned.phone_number)!;
    assert.equal(item.insertText, JSON.stringify(assigned.phone_number));
    assert.match(item.documentation ?? '', /On the trunk group \*\*.+\*\* .* now: Push moves it to this trunk group\./);
  });
});
