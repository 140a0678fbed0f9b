import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectionPoliciesNamed } from '../../../../../src/core/providers/twilio/connection-policies-named';
import { clientsFor } from '../../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../../support/test-emulator';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
  clients = clientsFor(emulator);
});
after(async () => {
  await clients.close();
  await emulator.close();
});

test('connectionPoliciesNamed finds every policy of exactly that name, also past the first page, and one made a moment ago', async () => {
  const { connectionPolicies } = clients.twilio;
  for (let i = 0; i < 60; i++) await connectionPolicies.create({ friendly_name: `Filler ${i}` });
  const first = await connectionPolicies.create({ friendly_name: 'Carrier A' });
  await connectionPolicies.create({ friendly_name: 'Carrier A (backup)' });
  assert.deepEqual((await connectionPoliciesNamed(clients.twilio, 'Carrier A')).map((p) => p.sid), [first.sid]);
  const second = await connectionPolicies.create({ friendly_name: 'Carrier A' });
  assert.deepEqual((await connectionPoliciesNamed(clients.twilio, 'Carrier A')).map((p) => p.sid).sort(), [first.sid, second.sid].sort());
  assert.deepEqual(await connectionPoliciesNamed(clients.twilio, 'carrier a'), [], 'names are compared exactly, as pick lists and files show them');
});
