import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProviderError } from '../../../src/core/http/provider-error';
import { collect } from '../../../src/core/providers/page';
import { EndpointSchema } from '../../../src/core/providers/carrierx/models';
import { carrierX } from '../../support/emulator-http';
import { expectProviderError } from '../../support/expect-provider-error';
import { clientsFor } from '../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

const OUT_SECRET = 'out-Secret-4711-never-logged';
const ADDRESS_SECRET = 'addr-Secret-0815-never-logged';

describe('CarrierX endpoints (client against the emulator)', () => {
  let emu: TestEmulator;
  let clients: ReturnType<typeof clientsFor>;
  before(async () => {
    emu = await startTestEmulator();
    clients = clientsFor(emu);
  });
  after(async () => {
    await clients.close();
    await emu.close();
  });

  it('creates a third_party endpoint (200) with every address default filled in, fetches, renames and deletes it (204)', async () => {
    const api = clients.carrierx.endpoints;
    const created = await api.create({ type: 'third_party', name: 'acme-pbx', addresses: [{ ip: '203.0.113.7' }] });
    assert.equal(created.type, 'third_party');
    assert.match(created.voip_token ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(created.addresses, [
      { direction: 'any', dst_port: 5060, ip: '203.0.113.7', location_sid: null, port: 5060, priority: 0, sip_password: null, sip_username: null, srtp: false, transport: 'udp' },
    ]);
    assert.deepEqual(
      { capacity: created.capacity, attributes: created.attributes, properties: created.properties, transformations: created.transformations, out: created.out_sip_username },
      { capacity: 0, attributes: {}, properties: {}, transformations: [], out: null },
    );
    const renamed = await api.update(created.endpoint_sid, { name: 'acme-pbx-2' });
    assert.equal(renamed.name, 'acme-pbx-2');
    assert.deepEqual(renamed.addresses, created.addresses, 'PATCH changes only what is sent');
    assert.equal(renamed.voip_token, created.voip_token, 'the token never changes');
    assert.deepEqual(await api.fetch(created.endpoint_sid), renamed);
    await api.delete(created.endpoint_sid);
    const gone = await expectProviderError(api.fetch(created.endpoint_sid));
    assert.equal(gone.status, 404);
    assert.match(gone.message, /Cannot find item by SID/);
  });

  it('replaces the whole address array on PATCH, accepts "5060" as a port, and PUT resets what is left out', async () => {
    const api = clients.carrierx.endpoints;
    const ep = await api.create({ type: 'third_party', name: 'two-sbcs', capacity: 20, addresses: [{ ip: 'sbc1.example.com' }, { ip: 'sbc2.example.com' }] });
    const raw = await carrierX(emu, 'PATCH', `/endpoints/${ep.endpoint_sid}`, { addresses: [{ ip: '2001:db8::7', port: '5080', transport: 'tls', direction: 'inbound' }] });
    assert.equal(raw.status, 200);
    assert.deepEqual(raw.body.addresses.map((a: { ip: string; port: number; transport: string }) => [a.ip, a.port, a.transport]), [['2001:db8::7', 5080, 'tls']]);
    assert.equal(raw.body.capacity, 20);
    const put = await api.replace(ep.endpoint_sid, { name: 'reset' });
    assert.deepEqual([put.name, put.capacity, put.addresses.length, put.type], ['reset', 0, 0, 'third_party']);
  });

  it('lists with CarrierX paging and filters, including one on an address field', async () => {
    const api = clients.carrierx.endpoints;
    const ep = await api.create({ type: 'third_party', name: 'filter-me', addresses: [{ ip: '198.51.100.77' }] });
    const all = await collect(api.list({ pageSize: 2 }));
    assert.ok(all.length > 3, 'more than a page');
    assert.equal(new Set(all.map((e) => e.endpoint_sid)).size, all.length);
    assert.deepEqual(all.filter((e) => e.type === 'system_gateway').map((e) => e.name), ['System Gateway']);
    const byIp = await collect(api.list({ filter: 'addresses.ip eq "198.51.100.77"' }));
    assert.deepEqual(byIp.map((e) => e.endpoint_sid), [ep.endpoint_sid]);
    const thirdParty = await collect(api.list({ filter: 'type eq "third_party"', pageSize: 1 }));
    assert.deepEqual(thirdParty.map((e) => e.endpoint_sid), all.filter((e) => e.type === 'third_party').map((e) => e.endpoint_sid));
    const page = await carrierX(emu, 'GET', '/endpoints?limit=1000');
    assert.deepEqual(page.body.pagination, {});
    for (const item of page.body.items) EndpointSchema.parse(item);
  });

  it('refuses bad endpoints with 422 listing every problem, and nothing is created', async () => {
    const before = (await carrierX(emu, 'GET', '/endpoints?limit=1000')).body.total;
    const cases: [unknown, string[]][] = [
      [{ name: 'no type' }, ['type']],
      [{ type: 'system_gateway' }, ['type']],
      [{ type: 'pbx' }, ['type']],
      [{ type: 'third_party', addresses: [{ port: 5060 }, { ip: 'ok.example.com', port: 70000, transport: 'sctp', direction: 'sideways', srtp: 'yes' }] }, ['addresses[0].ip', 'addresses[1].port', 'addresses[1].transport', 'addresses[1].direction', 'addresses[1].srtp']],
      [{ type: 'third_party', addresses: [{ ip: '999.1.1.1' }] }, ['addresses[0].ip']],
    ];
    for (const [body, fields] of cases) {
      const res = await carrierX(emu, 'POST', '/endpoints', body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(res.body.message, 'Object validation error');
      assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field).sort(), [...fields].sort());
    }
    assert.equal((await carrierX(emu, 'GET', '/endpoints?limit=1000')).body.total, before);
    const ep = await clients.carrierx.endpoints.create({ type: 'third_party' });
    const change = await carrierX(emu, 'PATCH', `/endpoints/${ep.endpoint_sid}`, { type: 'flexml' });
    assert.equal(change.status, 422);
    assert.equal(change.body.errors[0].field, 'type');
  });

  it('keeps the System Gateway read-only (403)', async () => {
    const gateway = (await collect(clients.carrierx.endpoints.list({ filter: 'type eq "system_gateway"' })))[0];
    assert.ok(gateway);
    for (const [method, body] of [['PATCH', { name: 'mine' }], ['PUT', { name: 'mine' }], ['DELETE', undefined]] as const) {
      assert.equal((await carrierX(emu, method, `/endpoints/${gateway.endpoint_sid}`, body)).status, 403, method);
    }
  });

  it("links trunks by endpoint_sid: only the partner's non-gateway endpoints, and an endpoint in use is not deleted (409)", async () => {
    const { endpoints, trunkGroups, trunks } = clients.carrierx;
    const ep = await endpoints.create({ type: 'third_party', name: 'linked', addresses: [{ ip: '192.0.2.55' }] });
    const group = await trunkGroups.create({ name: 'endpoint links' });
    const unknown = await expectProviderError(trunks.create(group.trunk_group_sid, { endpoint_sid: '00000000-0000-4000-8000-000000000000' }));
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.fieldErrors?.map((e) => e.field), ['endpoint_sid']);
    const gateway = (await collect(endpoints.list({ filter: 'type eq "system_gateway"' })))[0]!;
    assert.equal((await expectProviderError(trunks.create(group.trunk_group_sid, { endpoint_sid: gateway.endpoint_sid }))).status, 422);
    const nested = await carrierX(emu, 'POST', '/trunk_groups?with_trunks=true', { name: 'half', trunks: [{ endpoint_sid: gateway.endpoint_sid }] });
    assert.equal(nested.status, 422);
    assert.equal(nested.body.errors[0].field, 'trunks[0].endpoint_sid');
    assert.equal((await collect(trunkGroups.list({ pageSize: 1000 }))).filter((g) => g.name === 'half').length, 0, 'no half-made group');
    const trunk = await trunks.create(group.trunk_group_sid, { name: 't1', endpoint_sid: ep.endpoint_sid });
    assert.equal(trunk.endpoint_sid, ep.endpoint_sid);
    const inUse = await expectProviderError(endpoints.delete(ep.endpoint_sid));
    assert.equal(inUse.status, 409);
    assert.match(inUse.fieldErrors?.[0]?.message ?? '', new RegExp(trunk.trunk_sid));
    await trunks.update(group.trunk_group_sid, trunk.trunk_sid, { endpoint_sid: null });
    await endpoints.delete(ep.endpoint_sid);
  });

  it('never lets an endpoint or address SIP password reach a log line or an error message', async () => {
    const api = clients.carrierx.endpoints;
    const ep = await api.create({
      type: 'third_party',
      name: 'secret-holder',
      out_sip_username: 'trunkline',
      out_sip_password: OUT_SECRET,
      addresses: [{ ip: 'sbc.example.com', sip_username: 'a', sip_password: ADDRESS_SECRET }],
    });
    assert.equal(ep.out_sip_password, OUT_SECRET, 'CarrierX returns it as stored (facts E12)');
    // A provider error that echoes the secret (here: the secret as a filter value) is redacted.
    const err = await api.list({ filter: `name eq ${ADDRESS_SECRET} or` }).next().catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.ok(!err.message.includes(ADDRESS_SECRET));
    // Another client (a fresh redactor) learns the secrets from what it reads.
    const other = clientsFor(emu);
    try {
      await other.carrierx.endpoints.fetch(ep.endpoint_sid);
      await other.carrierx.endpoints.list({ filter: `name eq "${OUT_SECRET}"` }).next();
      const lines = [...clients.sink.lines, ...other.sink.lines].join('\n');
      assert.ok(lines.length > 0);
      assert.ok(!lines.includes(OUT_SECRET) && !lines.includes(ADDRESS_SECRET), lines);
      assert.ok(lines.includes('***'), 'the filter in the logged URL was blanked');
    } finally {
      await other.close();
    }
  });
});
