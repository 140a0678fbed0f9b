import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { carrierX } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const DEFAULT_TRUNK = {
  acls: [],
  allow_forward: 'disabled',
  allow_transfer: false,
  asn_mode: 'disable',
  call_type: 'regular',
  codec: null,
  endpoint_sid: null,
  in_capacity: 0,
  in_identity_format: 'passthrough',
  in_identity_mode: 'passthrough',
  in_rfc_4694_mode: 'cut_all',
  location_sid: null,
  out_capacity: 0,
  out_identity_mode: 'passthrough',
  out_rfc_4694_mode: 'cut_all',
  out_sip_ringing_max_ttl: 180,
  priority: 0,
  relay_sip_headers: [],
  transformations: [],
  weight: 0,
};

describe('emulator: CarrierX trunk groups and trunks', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.close());

  it('creates a group (200) with the documented defaults and no trunks key', async () => {
    const res = await carrierX(emu, 'POST', '/trunk_groups', {});
    assert.equal(res.status, 200);
    assert.match(String(res.headers['x-request-id']), UUID);
    const { trunk_group_sid, partner_sid, ...rest } = res.body;
    assert.match(trunk_group_sid, UUID);
    assert.match(partner_sid, UUID);
    assert.deepEqual(rest, {
      acls: [],
      external_handlers: [],
      hard_failure_codes: '408;',
      hard_failure_cooldown: 120,
      hard_failure_interval: 60,
      hard_failure_last_resort: 'first',
      hard_failure_threshold: 3,
      name: 'N/A',
      routing_data: null,
      routing_type: 'failover',
      sip_options_locations: [],
      sip_options_threshold: 3,
      soft_failure_codes: '408;',
      transformations: [],
    });
  });

  it('creates a group with nested trunks when with_trunks=true, and shows them only when asked', async () => {
    const res = await carrierX(emu, 'POST', '/trunk_groups?with_trunks=true', {
      name: 'East',
      routing_type: 'round_robin',
      trunks: [{ name: 'trunk01', weight: 10 }, {}],
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.trunks.length, 2);
    const { trunk_sid, ...first } = res.body.trunks[0];
    assert.match(trunk_sid, UUID);
    assert.deepEqual(first, { ...DEFAULT_TRUNK, name: 'trunk01', weight: 10 });
    const sid = res.body.trunk_group_sid;
    assert.equal((await carrierX(emu, 'GET', `/trunk_groups/${sid}`)).body.trunks, undefined);
    assert.equal((await carrierX(emu, 'GET', `/trunk_groups/${sid}?with_trunks=true`)).body.trunks.length, 2);
    const withoutFlag = await carrierX(emu, 'POST', '/trunk_groups', { name: 'No trunks', trunks: [{}] });
    assert.equal((await carrierX(emu, 'GET', `/trunk_groups/${withoutFlag.body.trunk_group_sid}/trunks`)).body.total, 0);
  });

  it('PATCH changes only what is sent; PUT resets what is left out; read-only attributes are ignored', async () => {
    const { body: group } = await carrierX(emu, 'POST', '/trunk_groups', { name: 'Patchy', hard_failure_threshold: 5 });
    const patched = await carrierX(emu, 'PATCH', `/trunk_groups/${group.trunk_group_sid}`, {
      routing_type: 'round_robin',
      trunk_group_sid: '00000000-0000-4000-8000-000000000000',
      partner_sid: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.name, 'Patchy');
    assert.equal(patched.body.hard_failure_threshold, 5);
    assert.equal(patched.body.routing_type, 'round_robin');
    assert.equal(patched.body.trunk_group_sid, group.trunk_group_sid);
    assert.equal(patched.body.partner_sid, group.partner_sid);
    const put = await carrierX(emu, 'PUT', `/trunk_groups/${group.trunk_group_sid}`, { name: 'Put' });
    assert.equal(put.body.name, 'Put');
    assert.equal(put.body.hard_failure_threshold, 3);
    assert.equal(put.body.routing_type, 'failover');
  });

  it('answers 422 listing every invalid attribute', async () => {
    const { body: group } = await carrierX(emu, 'POST', '/trunk_groups', {});
    const res = await carrierX(emu, 'POST', `/trunk_groups/${group.trunk_group_sid}/trunks`, {
      allow_forward: 'sideways',
      allow_transfer: 'yes',
      in_capacity: -2,
      out_capacity: 1.5,
      codec: 'mp3',
      acls: [{ direction: 'inbound', voice_action_true: 'drop' }],
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.message, 'Object validation error');
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field).sort(), [
      'acls[0].voice_action_true',
      'allow_forward',
      'allow_transfer',
      'codec',
      'in_capacity',
      'out_capacity',
    ]);
    const groupError = await carrierX(emu, 'PATCH', `/trunk_groups/${group.trunk_group_sid}`, {
      hard_failure_codes: '408',
      routing_type: 'random',
    });
    assert.equal(groupError.status, 422);
    assert.equal(groupError.body.errors.length, 2);
  });

  it('accepts capacities of -1 (disabled) and keeps ACLs without the read-only sms actions', async () => {
    const { body: group } = await carrierX(emu, 'POST', '/trunk_groups', {});
    const rule = '11111111-1111-4111-8111-111111111111';
    const res = await carrierX(emu, 'POST', `/trunk_groups/${group.trunk_group_sid}/trunks`, {
      in_capacity: -1,
      in_rfc_4694_mode: 'accept_all',
      acls: [{ access_control_rules: [rule], direction: 'inbound', voice_action_true: 'accept', sms_action_true: 'accept' }],
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.in_capacity, -1);
    assert.equal(res.body.in_rfc_4694_mode, 'cut_all');
    assert.deepEqual(res.body.acls, [
      {
        access_control_rules: [rule],
        direction: 'inbound',
        sms_action_false: null,
        sms_action_true: null,
        voice_action_false: null,
        voice_action_true: 'accept',
      },
    ]);
  });

  it('a PATCH replaces acls and transformations whole: keys an element leaves out become null, not the old values', async () => {
    const rule = '11111111-1111-4111-8111-111111111111';
    const { body: group } = await carrierX(emu, 'POST', '/trunk_groups', {
      acls: [{ access_control_rules: [rule], direction: 'inbound', voice_action_true: 'accept', voice_action_false: 'reject403' }],
      transformations: [{ action: 'rewrite_to', direction: 'inbound', operands: ['^\\+1', ''] }],
    });
    const patched = await carrierX(emu, 'PATCH', `/trunk_groups/${group.trunk_group_sid}`, {
      acls: [{ access_control_rules: [rule], direction: 'inbound' }],
      transformations: [{ action: 'rewrite_to' }],
    });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.body.acls, [
      { access_control_rules: [rule], direction: 'inbound', sms_action_false: null, sms_action_true: null, voice_action_false: null, voice_action_true: null },
    ]);
    assert.deepEqual(patched.body.transformations, [{ action: 'rewrite_to', direction: null, operands: null }]);
    const trunk = await carrierX(emu, 'POST', `/trunk_groups/${group.trunk_group_sid}/trunks`, { transformations: [{ action: 'strip', direction: 'outbound', operands: ['1'] }] });
    const trunkPatched = await carrierX(emu, 'PATCH', `/trunk_groups/${group.trunk_group_sid}/trunks/${trunk.body.trunk_sid}`, { transformations: [{ action: 'strip', operands: ['2'] }] });
    assert.deepEqual(trunkPatched.body.transformations, [{ action: 'strip', direction: null, operands: ['2'] }]);
    const unset = await carrierX(emu, 'PATCH', `/trunk_groups/${group.trunk_group_sid}`, { transformations: [{ action: 'x', direction: null, operands: null }] });
    assert.equal(unset.status, 200, JSON.stringify(unset.body));
  });

  it('runs trunk CRUD inside a group; deleting the group deletes its trunks', async () => {
    const { body: group } = await carrierX(emu, 'POST', '/trunk_groups', { name: 'CRUD' });
    const base = `/trunk_groups/${group.trunk_group_sid}/trunks`;
    const { body: trunk } = await carrierX(emu, 'POST', base, { name: 'a' });
    assert.equal((await carrierX(emu, 'GET', `${base}/${trunk.trunk_sid}`)).body.name, 'a');
    const patched = await carrierX(emu, 'PATCH', `${base}/${trunk.trunk_sid}`, { priority: 2, out_sip_ringing_max_ttl: 60 });
    assert.equal(patched.body.priority, 2);
    assert.equal(patched.body.name, 'a');
    const put = await carrierX(emu, 'PUT', `${base}/${trunk.trunk_sid}`, { name: 'b' });
    assert.equal(put.body.priority, 0);
    assert.equal(put.body.out_sip_ringing_max_ttl, 180);
    assert.equal((await carrierX(emu, 'GET', base)).body.total, 1);
    assert.equal((await carrierX(emu, 'DELETE', `${base}/${trunk.trunk_sid}`)).status, 204);
    assert.equal((await carrierX(emu, 'GET', base)).body.total, 0);
    await carrierX(emu, 'POST', base, {});
    assert.equal((await carrierX(emu, 'DELETE', `/trunk_groups/${group.trunk_group_sid}`)).status, 204);
    assert.equal(emu.store.carrierx.trunksOf(group.trunk_group_sid).size, 0);
  });

  it('answers 404 "Cannot find item by SID" for unknown groups and trunks', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/trunk_groups/${unknown}`, `/trunk_groups/not-a-uuid`, `/trunk_groups/${unknown}/trunks`]) {
      const res = await carrierX(emu, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.message, 'Cannot find item by SID');
    }
    const { body: group } = await carrierX(emu, 'POST', '/trunk_groups', {});
    assert.equal((await carrierX(emu, 'GET', `/trunk_groups/${group.trunk_group_sid}/trunks/${unknown}`)).status, 404);
  });

  it('answers 400 for a body that is not a JSON object and 415 for another media type', async () => {
    const notJson = await carrierX(emu, 'POST', '/trunk_groups', undefined, { rawBody: '{name:' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.message, 'No JSON object could be decoded');
    assert.equal((await carrierX(emu, 'POST', '/trunk_groups', undefined, { rawBody: '[1]' })).status, 400);
    const form = await carrierX(emu, 'POST', '/trunk_groups', undefined, {
      rawBody: 'name=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    assert.equal(form.status, 415);
  });
});
