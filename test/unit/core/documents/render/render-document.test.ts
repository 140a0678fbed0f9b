import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CarrierXTrunk, TrunkGroup } from '../../../../../src/core/providers/carrierx/models';
import type { ByocTrunk, OriginationUrl, Trunk } from '../../../../../src/core/providers/twilio/models';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import type { RemoteTwilioTrunk } from '../../../../../src/core/documents/plan/remote-state';
import { renderDocument, renderSpec, renderTrunkFile } from '../../../../../src/core/documents/render/render-document';

const hex = (c: string) => c.repeat(32);

function aTrunk(overrides: Partial<Trunk> = {}): Trunk {
  return {
    sid: `TK${hex('a')}`,
    account_sid: `AC${hex('a')}`,
    domain_name: 'acme-main.pstn.twilio.com',
    disaster_recovery_method: 'POST',
    disaster_recovery_url: null,
    friendly_name: 'Acme main',
    secure: true,
    recording: { mode: 'record-from-answer', trim: 'trim-silence' },
    transfer_mode: 'sip-only',
    transfer_caller_id: 'from-transferee',
    cnam_lookup_enabled: false,
    auth_type: '',
    symmetric_rtp_enabled: false,
    auth_type_set: [],
    date_created: '2015-01-02T11:23:45Z',
    date_updated: '2015-01-02T11:23:45Z',
    url: `https://trunking.twilio.com/v1/Trunks/TK${hex('a')}`,
    links: { phone_numbers: 'https://trunking.twilio.com/v1/Trunks/x/PhoneNumbers' },
    ...overrides,
  };
}

function anOriginationUrl(name: string, overrides: Partial<OriginationUrl> = {}): OriginationUrl {
  return {
    sid: `OU${hex('b')}`,
    account_sid: `AC${hex('a')}`,
    trunk_sid: `TK${hex('a')}`,
    weight: 10,
    enabled: true,
    sip_url: `sip:${name}.example.com`,
    friendly_name: name,
    priority: 10,
    date_created: null,
    date_updated: null,
    url: null,
    ...overrides,
  };
}

function aByocTrunk(): ByocTrunk {
  return {
    sid: `BY${hex('c')}`,
    account_sid: `AC${hex('a')}`,
    friendly_name: 'Carrier',
    voice_url: 'https://voice.example.com/in',
    voice_method: 'POST',
    voice_fallback_url: null,
    voice_fallback_method: 'POST',
    status_callback_url: null,
    status_callback_method: 'POST',
    cnam_lookup_enabled: false,
    connection_policy_sid: `NY${hex('d')}`,
    from_domain_sid: null,
    date_created: null,
    date_updated: null,
    url: null,
  };
}

function aCarrierXTrunk(name: string, sid: string): CarrierXTrunk {
  return {
    trunk_sid: sid,
    name,
    acls: [{ access_control_rules: [], direction: 'any', sms_action_false: null, sms_action_true: null, voice_action_false: 'reject403', voice_action_true: 'accept' }],
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
    out_capacity: -1,
    out_identity_mode: 'passthrough',
    out_rfc_4694_mode: 'cut_all',
    out_sip_ringing_max_ttl: 180,
    priority: 0,
    relay_sip_headers: ['X-.*'],
    transformations: [{ action: 'set', direction: 'inbound', operands: ['a', 'b'] }],
    weight: 0,
  };
}

function aTrunkGroup(trunks?: CarrierXTrunk[]): TrunkGroup {
  return {
    trunk_group_sid: '503167ea-b8a5-4a5d-97e3-d684884da1d8',
    name: 'New Trunk Group',
    acls: [],
    external_handlers: [],
    hard_failure_codes: '408;',
    hard_failure_cooldown: 120,
    hard_failure_interval: 60,
    hard_failure_last_resort: 'first',
    hard_failure_threshold: 3,
    partner_sid: 'ed437757-002d-4ecc-aa5a-efdf5e50dba0',
    routing_data: null,
    routing_type: 'failover',
    sip_options_locations: [],
    sip_options_threshold: 3,
    soft_failure_codes: '408;',
    transformations: [],
    ...(trunks ? { trunks } : {}),
  };
}

const twilioRemote: RemoteTwilioTrunk = {
  trunk: aTrunk(),
  originationUrls: [anOriginationUrl('pbx-b', { priority: 20 }), anOriginationUrl('pbx-a')],
  phoneNumbers: ['+14155550101', { phone_number: '+14155550100' }],
};

describe('renderDocument', () => {
  test('a Twilio trunk renders in the file shape, keys in schema order, read-only fields left out', () => {
    assert.equal(
      renderDocument('TwilioTrunk', 'acme-prod', twilioRemote),
      `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme-prod
sid: TK${hex('a')}
spec:
  friendly_name: Acme main
  domain_name: acme-main.pstn.twilio.com
  disaster_recovery_url: null
  disaster_recovery_method: POST
  transfer_mode: sip-only
  secure: true
  cnam_lookup_enabled: false
  transfer_caller_id: from-transferee
  recording: { mode: record-from-answer, trim: trim-silence }
  origination_urls:
    - { friendly_name: pbx-a, sip_url: sip:pbx-a.example.com, priority: 10, weight: 10, enabled: true }
    - { friendly_name: pbx-b, sip_url: sip:pbx-b.example.com, priority: 20, weight: 10, enabled: true }
  phone_numbers:
    - "+14155550100"
    - "+14155550101"
`,
    );
  });

  test('render → parse is valid for every kind, and the parsed spec is the rendered spec', () => {
    const group = { trunkGroup: aTrunkGroup([aCarrierXTrunk('b', '4c51c85c-5355-4a91-bf1e-f33d731bcfa9'), aCarrierXTrunk('a', '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d')]) };
    const text = renderTrunkFile([
      renderDocument('TwilioTrunk', 'acme-prod', twilioRemote),
      renderDocument('TwilioByocTrunk', 'acme-prod', aByocTrunk()),
      renderDocument('CarrierXTrunkGroup', 'cx', group),
    ]);
    const file = parseTrunkFile(text, { knownAccounts: ['acme-prod', 'cx'] });
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.documents.map((d) => [d.kind, d.sid]), [
      ['TwilioTrunk', `TK${hex('a')}`],
      ['TwilioByocTrunk', `BY${hex('c')}`],
      ['CarrierXTrunkGroup', '503167ea-b8a5-4a5d-97e3-d684884da1d8'],
    ]);
    assert.deepEqual(file.documents[0]?.spec, renderSpec('TwilioTrunk', twilioRemote));
    assert.deepEqual(file.documents[1]?.spec, renderSpec('TwilioByocTrunk', aByocTrunk()));
    assert.deepEqual(file.documents[2]?.spec, renderSpec('CarrierXTrunkGroup', group));
  });

  test('CarrierX: read-only values shown when set, nulls kept where allowed, trunks sorted by name', () => {
    const spec = renderSpec('CarrierXTrunkGroup', { trunkGroup: aTrunkGroup(), trunks: [aCarrierXTrunk('b', '4c51c85c-5355-4a91-bf1e-f33d731bcfa9'), aCarrierXTrunk('a', '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d')] });
    assert.equal(spec.partner_sid, 'ed437757-002d-4ecc-aa5a-efdf5e50dba0');
    assert.deepEqual(spec.trunks?.map((t) => t.name), ['a', 'b']);
    const trunk = spec.trunks?.[0];
    assert.equal(trunk?.codec, null);
    assert.equal(trunk?.in_rfc_4694_mode, 'cut_all');
    assert.equal(trunk?.trunk_sid, '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d');
    assert.deepEqual(trunk?.acls, [{ direction: 'any', access_control_rules: [], voice_action_true: 'accept', voice_action_false: 'reject403' }], 'null sms actions left out');
    assert.ok(!('trunk_group_sid' in spec) && !('routing_data' in spec && spec.routing_data !== null));
  });

  test('a group fetched without trunks leaves trunks unmanaged', () => {
    assert.ok(!('trunks' in renderSpec('CarrierXTrunkGroup', { trunkGroup: aTrunkGroup() })));
  });

  test('the same remote state renders byte-identically whatever the API order', () => {
    const reordered: RemoteTwilioTrunk = { ...twilioRemote, originationUrls: [...twilioRemote.originationUrls].reverse(), phoneNumbers: [...twilioRemote.phoneNumbers].reverse() };
    assert.equal(renderDocument('TwilioTrunk', 'a', reordered), renderDocument('TwilioTrunk', 'a', twilioRemote));
  });

  test('recording: the sub-resource wins; unset recording is left out', () => {
    const spec = renderSpec('TwilioTrunk', { ...twilioRemote, recording: { mode: 'do-not-record', trim: 'do-not-trim' } });
    assert.deepEqual(spec.recording, { mode: 'do-not-record', trim: 'do-not-trim' });
    assert.ok(!('recording' in renderSpec('TwilioTrunk', { ...twilioRemote, trunk: aTrunk({ recording: null }) })));
  });

  test('Export to another account leaves the sid out', () => {
    assert.doesNotMatch(renderDocument('TwilioByocTrunk', 'other', aByocTrunk(), { includeSid: false }), /^sid:/m);
  });
});
