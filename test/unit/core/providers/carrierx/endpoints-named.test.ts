import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { endpointsNamed } from '../../../../../src/core/providers/carrierx/endpoints-named';
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

test('endpointsNamed finds the endpoints of exactly that name, with quotes in it, and none for a prefix', async () => {
  const { endpoints } = clients.carrierx;
  const hq = await endpoints.create({ name: 'HQ "main" PBX', type: 'third_party', addresses: [] });
  await endpoints.create({ name: 'HQ "main" PBX 2', type: 'third_party', addresses: [] });
  assert.deepEqual((await endpointsNamed(clients.carrierx, 'HQ "main" PBX')).map((e) => e.endpoint_sid), [hq.endpoint_sid]);
  assert.deepEqual(await endpointsNamed(clients.carrierx, 'HQ'), []);
});
