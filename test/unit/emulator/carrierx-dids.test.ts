import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect } from '../../../src/core/providers/page';
import { fromCarrierXNumber, toCarrierXNumber } from '../../../src/core/providers/carrierx/carrierx-number';
import { DidSchema } from '../../../src/core/providers/carrierx/models';
import { carrierX } from '../../support/emulator-http';
import { expectProviderError } from '../../support/expect-provider-error';
import { clientsFor } from '../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('CarrierX phone numbers (DIDs) and their trunk groups (client against the emulator)', () => {
  let emu: TestEmulator;
  let clients: ReturnType<typeof clientsFor>;
  before(async () => {
    emu = await startTestEmulator({ seeding: { trunkGroups: 3 } });
    clients = clientsFor(emu);
  });
  after(async () => {
    await clients.close();
    await emu.close();
  });

  it('lists every seeded DID page by page, some assigned to a group and some not, in the documented shape', async () => {
    const all = await collect(clients.carrierx.dids.list({ pageSize: 5 }));
    assert.equal(all.length, 24);
    assert.ok(all.every((d) => /^1\d{10}$/.test(d.phonenumber)), 'E.164 digits without +');
    const groups = new Set((await collect(clients.carrierx.trunkGroups.list())).map((g) => g.trunk_group_sid));
    const assigned = all.filter((d) => d.trunk_group_sid !== null);
    assert.ok(assigned.length > 0 && assigned.length < all.length);
    assert.ok(assigned.every((d) => groups.has(d.trunk_group_sid ?? '')));
    const raw = await carrierX(emu, 'GET', '/phonenumber/dids');
    assert.deepEqual([raw.body.limit, raw.body.count, raw.body.total, raw.body.has_more], [10, 10, 24, true]);
    assert.deepEqual(Object.keys(raw.body.items[0]).sort(), Object.keys(DidSchema.shape).filter((k) => k !== 'partner').sort());
    assert.deepEqual(
      [raw.body.items[0].status, raw.body.items[0].capabilities, raw.body.items[0].name, raw.body.items[0].country_code],
      ['assigned', 7, 'N/A', 'USA'],
    );
  });

  it("filters by trunk group (an unknown one gives an empty list) and by number; a CarrierX number reads as E.164", async () => {
    const all = await collect(clients.carrierx.dids.list({ pageSize: 100 }));
    const group = all.find((d) => d.trunk_group_sid)!.trunk_group_sid!;
    const ofGroup = await collect(clients.carrierx.dids.list({ trunkGroupSid: group, pageSize: 2 }));
    assert.deepEqual(ofGroup.map((d) => d.did_sid), all.filter((d) => d.trunk_group_sid === group).map((d) => d.did_sid));
    assert.deepEqual(await collect(clients.carrierx.dids.list({ trunkGroupSid: '00000000-0000-4000-8000-000000000000' })), []);
    const target = all[5]!;
    const e164 = fromCarrierXNumber(target.phonenumber);
    assert.equal(e164, `+${target.phonenumber}`);
    assert.equal(toCarrierXNumber(e164), target.phonenumber);
    assert.equal((await clients.carrierx.dids.findByNumber(e164))?.did_sid, target.did_sid);
    assert.equal(await clients.carrierx.dids.findByNumber('+19999999999'), undefined);
    const like = await collect(clients.carrierx.dids.list({ filter: `phonenumber like "%${target.phonenumber.slice(-4)}"` }));
    assert.ok(like.some((d) => d.did_sid === target.did_sid));
  });

  it('assigns a DID to a trunk group, moves it, and unassigns it; read-only fields are ignored', async () => {
    const [a, b] = await collect(clients.carrierx.trunkGroups.list());
    const did = (await collect(clients.carrierx.dids.list({ pageSize: 100 }))).find((d) => d.trunk_group_sid === null)!;
    const assigned = await clients.carrierx.dids.assign(did.did_sid, a!.trunk_group_sid);
    assert.equal(assigned.trunk_group_sid, a!.trunk_group_sid);
    assert.ok((await collect(clients.carrierx.dids.list({ trunkGroupSid: a!.trunk_group_sid }))).some((d) => d.did_sid === did.did_sid));
    const moved = await clients.carrierx.dids.assign(did.did_sid, b!.trunk_group_sid);
    assert.equal(moved.trunk_group_sid, b!.trunk_group_sid);
    assert.ok(!(await collect(clients.carrierx.dids.list({ trunkGroupSid: a!.trunk_group_sid }))).some((d) => d.did_sid === did.did_sid));
    const readOnly = await carrierX(emu, 'PATCH', `/phonenumber/dids/${did.did_sid}`, { phonenumber: '15550000000', capabilities: 31, name: 'main line' });
    assert.equal(readOnly.status, 200);
    assert.deepEqual([readOnly.body.phonenumber, readOnly.body.capabilities, readOnly.body.name], [did.phonenumber, 7, 'main line']);
    assert.equal((await clients.carrierx.dids.assign(did.did_sid, null)).trunk_group_sid, null);
    assert.equal((await clients.carrierx.dids.fetch(did.did_sid)).name, 'main line');
  });

  it('refuses an unknown trunk group (422) and an unknown DID (404); deleting a group unassigns its DIDs', async () => {
    const did = (await collect(clients.carrierx.dids.list())).at(0)!;
    const bad = await expectProviderError(clients.carrierx.dids.assign(did.did_sid, '00000000-0000-4000-8000-000000000000'));
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.fieldErrors?.map((e) => e.field), ['trunk_group_sid']);
    assert.equal((await clients.carrierx.dids.fetch(did.did_sid)).trunk_group_sid, did.trunk_group_sid, 'unchanged');
    const missing = await expectProviderError(clients.carrierx.dids.fetch('00000000-0000-4000-8000-000000000000'));
    assert.equal(missing.status, 404);
    const group = await clients.carrierx.trunkGroups.create({ name: 'short-lived' });
    await clients.carrierx.dids.assign(did.did_sid, group.trunk_group_sid);
    await clients.carrierx.trunkGroups.delete(group.trunk_group_sid);
    assert.equal((await clients.carrierx.dids.fetch(did.did_sid)).trunk_group_sid, null);
  });
});
