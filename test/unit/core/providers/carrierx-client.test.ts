import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCarrierXClient } from '../../../../src/core/providers/carrierx/carrierx-client';
import { collect } from '../../../../src/core/providers/page';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';
import { expectProviderError } from '../../../support/expect-provider-error';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 0, numbers: 0, byocTrunks: 0, trunkGroups: 5 } });
  clients = clientsFor(emulator);
});
after(async () => {
  await clients.close();
  await emulator.close();
});

const ACL = {
  access_control_rules: ['0b0e4a43-86ad-4d3a-9b2a-8c3b6f0d1e21'],
  direction: 'inbound' as const,
  voice_action_true: 'accept' as const,
  voice_action_false: 'reject403' as const,
};

describe('CarrierX trunk groups', () => {
  test('create a group with trunks, read it back with its trunks, patch it and delete it', async () => {
    const api = clients.carrierx.trunkGroups;
    const group = await api.create({
      name: 'Edge',
      routing_type: 'round_robin',
      hard_failure_codes: '408;503;',
      hard_failure_threshold: 5,
      acls: [ACL],
      trunks: [
        { name: 'east', weight: 10, call_type: 'sip_only', codec: 'ulaw', in_capacity: -1, out_capacity: 20 },
        { name: 'west', weight: 5 },
      ],
    });
    assert.match(group.trunk_group_sid, /^[0-9a-f-]{36}$/);
    assert.equal(group.routing_type, 'round_robin');
    assert.deepEqual(group.acls[0]?.access_control_rules, ACL.access_control_rules);
    assert.equal(group.acls[0]?.sms_action_true, null, 'sms actions are read-only nulls on trunks');
    assert.deepEqual(group.trunks?.map((t) => t.name), ['east', 'west']);
    const east = group.trunks![0]!;
    assert.equal(east.in_capacity, -1);
    assert.equal(east.codec, 'ulaw');
    assert.equal(east.in_rfc_4694_mode, 'cut_all');

    const fetched = await api.fetch(group.trunk_group_sid, { withTrunks: true });
    assert.equal(fetched.trunks?.length, 2);
    const patched = await api.update(group.trunk_group_sid, { name: 'Edge 2' });
    assert.equal(patched.name, 'Edge 2');
    assert.equal(patched.routing_type, 'round_robin', 'PATCH leaves other attributes alone');

    await api.delete(group.trunk_group_sid);
    const gone = await expectProviderError(api.fetch(group.trunk_group_sid));
    assert.equal(gone.status, 404);
    assert.match(gone.message, /Cannot find item by SID/);
  });

  test('lists groups across pages and finds them by name', async () => {
    const all = await collect(clients.carrierx.trunkGroups.list({ pageSize: 2, withTrunks: true }));
    assert.equal(all.length, 5);
    assert.equal(new Set(all.map((g) => g.trunk_group_sid)).size, 5);
    assert.ok(all.every((g) => Array.isArray(g.trunks)), 'with_trunks carries the trunks');
    const named = await clients.carrierx.trunkGroups.findByName(all[2]!.name!);
    assert.deepEqual(named.map((g) => g.trunk_group_sid), [all[2]!.trunk_group_sid]);
  });

  test('an invalid value is a 422 whose message names the attribute', async () => {
    const err = await expectProviderError(clients.carrierx.trunkGroups.create({ name: 'bad', routing_type: 'random' as never }));
    assert.equal(err.status, 422);
    assert.match(err.message, /routing_type/);
    assert.deepEqual(err.fieldErrors.map((f) => f.field), ['routing_type']);
  });
});

describe('CarrierX trunks', () => {
  test('trunk CRUD inside a group with every writable attribute', async () => {
    const group = await clients.carrierx.trunkGroups.create({ name: 'crud' });
    const api = clients.carrierx.trunks;
    const trunk = await api.create(group.trunk_group_sid, {
      name: 'pbx',
      acls: [ACL],
      allow_forward: 'reroute',
      allow_transfer: true,
      asn_mode: 'read_write',
      call_type: 'regular',
      codec: 'opus48',
      in_capacity: 30,
      in_identity_format: 'pai',
      in_identity_mode: 'rewrite_from',
      out_capacity: 0,
      out_identity_mode: 'never',
      out_sip_ringing_max_ttl: 60,
      priority: 1,
      relay_sip_headers: ['X-.*'],
      transformations: [{ action: 'rewrite_to', direction: 'inbound', operands: ['^\\+1', ''] }],
      weight: 3,
    });
    assert.equal(trunk.allow_forward, 'reroute');
    assert.equal(trunk.out_sip_ringing_max_ttl, 60);
    assert.deepEqual(trunk.relay_sip_headers, ['X-.*']);
    assert.equal(trunk.transformations.length, 1);
    const updated = await api.update(group.trunk_group_sid, trunk.trunk_sid, { in_capacity: -1, codec: null });
    assert.equal(updated.in_capacity, -1);
    assert.equal(updated.codec, null);
    assert.deepEqual((await collect(api.list(group.trunk_group_sid, { pageSize: 1 }))).map((t) => t.trunk_sid), [trunk.trunk_sid]);
    await api.delete(group.trunk_group_sid, trunk.trunk_sid);
    assert.equal((await expectProviderError(api.fetch(group.trunk_group_sid, trunk.trunk_sid))).status, 404);
    await clients.carrierx.trunkGroups.delete(group.trunk_group_sid);
  });

  test('a capacity below -1 is refused with the field named', async () => {
    const group = await clients.carrierx.trunkGroups.create({ name: 'cap' });
    const err = await expectProviderError(clients.carrierx.trunks.create(group.trunk_group_sid, { name: 'x', in_capacity: -2 }));
    assert.equal(err.status, 422);
    assert.match(err.message, /in_capacity/);
    await clients.carrierx.trunkGroups.delete(group.trunk_group_sid);
  });
});

describe('CarrierX auth', () => {
  test('a wrong token is a 401 and the token appears nowhere', async () => {
    const token = 'not-the-right-token-123456';
    const bad = createCarrierXClient({ token, baseUrl: emulator.baseUrl, dispatchers: clients.dispatchers, logger: clients.sink });
    const err = await expectProviderError(bad.trunkGroups.page());
    assert.equal(err.status, 401);
    assert.equal(err.isAuthError, true);
    assert.ok(!JSON.stringify({ err, message: err.message, lines: clients.sink.lines }).includes(token));
  });
});
