import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { carrierXBody } from '../../../../src/core/providers/carrierx/carrierx-body';
import { CARRIERX_TRUNK_WRITABLE_FIELDS, TRUNK_GROUP_WRITABLE_FIELDS } from '../../../../src/core/providers/carrierx/models';
import { TRUNK_WRITABLE_FIELDS } from '../../../../src/core/providers/twilio/models';
import { twilioForm, twilioParamName } from '../../../../src/core/providers/twilio/twilio-form';

describe('request bodies', () => {
  test('Twilio parameters are the PascalCase of the field names', () => {
    assert.equal(twilioParamName('transfer_caller_id'), 'TransferCallerId');
    assert.equal(twilioParamName('cnam_lookup_enabled'), 'CnamLookupEnabled');
    assert.equal(twilioParamName('sip_url'), 'SipUrl');
  });

  test('a Twilio form carries only writable fields that are present; null clears', () => {
    const form = twilioForm(
      { friendly_name: 'a', secure: false, disaster_recovery_url: null, sid: 'TK1', auth_type: 'IP_ACL', recording: { mode: 'x' }, transfer_mode: undefined },
      TRUNK_WRITABLE_FIELDS,
    );
    assert.deepEqual(form, { FriendlyName: 'a', Secure: false, DisasterRecoveryUrl: null });
  });

  test('CarrierX bodies drop read-only attributes, also inside ACLs', () => {
    const group = carrierXBody(
      {
        name: 'g',
        trunk_group_sid: 'x',
        partner_sid: 'y',
        partner: {},
        acls: [{ direction: 'any', access_control_rules: [], sms_action_true: 'accept', voice_action_true: 'accept' }],
      },
      TRUNK_GROUP_WRITABLE_FIELDS,
    );
    assert.deepEqual(group, { name: 'g', acls: [{ direction: 'any', access_control_rules: [], voice_action_true: 'accept' }] });
    const trunk = carrierXBody({ name: 't', trunk_sid: 'x', in_rfc_4694_mode: 'accept_all', out_rfc_4694_mode: 'cic_only', codec: null }, CARRIERX_TRUNK_WRITABLE_FIELDS);
    assert.deepEqual(trunk, { name: 't', codec: null });
  });
});
