import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormTable } from '../../../src/emulator/twilio/form-params';
import { BYOC_TRUNK_FORM } from '../../../src/emulator/twilio/byoc-trunk-routes';
import { CONNECTION_POLICY_FORM, CONNECTION_POLICY_TARGET_FORM } from '../../../src/emulator/twilio/connection-policy-routes';
import { INCOMING_NUMBER_FORM } from '../../../src/emulator/twilio/incoming-phone-number-routes';
import { ORIGINATION_URL_FORM } from '../../../src/emulator/twilio/origination-url-routes';
import { TRUNK_PHONE_NUMBER_FORM } from '../../../src/emulator/twilio/trunk-phone-number-routes';
import { RECORDING_FORM } from '../../../src/emulator/twilio/trunk-recording-routes';
import { TRUNK_FORM } from '../../../src/emulator/twilio/trunk-routes';
import { CREDENTIAL_LIST_FORM, IP_ACCESS_CONTROL_LIST_FORM } from '../../../src/emulator/twilio/account-auth-list-routes';
import { CREDENTIAL_CREATE_FORM, CREDENTIAL_UPDATE_FORM } from '../../../src/emulator/twilio/credential-routes';
import { IP_ADDRESS_FORM } from '../../../src/emulator/twilio/ip-address-routes';
import { TRUNK_CREDENTIAL_LIST_FORM, TRUNK_IP_ACCESS_CONTROL_LIST_FORM } from '../../../src/emulator/twilio/trunk-auth-list-routes';
import { formParameters } from '../../support/openapi-specs';

// The emulator names its form parameters itself (not through the client's naming), and every
// name is checked here against Twilio's OpenAPI specs: a client that misspells a parameter is
// then refused or ignored by the emulator as by Twilio, instead of being mirrored.

const SIP_SPEC = 'twilio_api_v2010_sip_auth_lists.json';
const SIP = '/2010-04-01/Accounts/{AccountSid}/SIP';

const OPERATIONS: { spec: string; path: string; table: FormTable; requires: string[]; ignores: string[] }[] = [
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks', table: TRUNK_FORM, requires: [], ignores: [] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{Sid}', table: TRUNK_FORM, requires: [], ignores: [] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{TrunkSid}/Recording', table: RECORDING_FORM, requires: [], ignores: [] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{TrunkSid}/OriginationUrls', table: ORIGINATION_URL_FORM, requires: Object.keys(ORIGINATION_URL_FORM), ignores: [] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{TrunkSid}/OriginationUrls/{Sid}', table: ORIGINATION_URL_FORM, requires: [], ignores: [] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{TrunkSid}/PhoneNumbers', table: TRUNK_PHONE_NUMBER_FORM, requires: ['PhoneNumberSid'], ignores: [] },
  { spec: 'twilio_voice_v1.json', path: '/v1/ByocTrunks', table: BYOC_TRUNK_FORM, requires: [], ignores: [] },
  { spec: 'twilio_voice_v1.json', path: '/v1/ByocTrunks/{Sid}', table: BYOC_TRUNK_FORM, requires: [], ignores: [] },
  { spec: 'twilio_voice_v1.json', path: '/v1/ConnectionPolicies', table: CONNECTION_POLICY_FORM, requires: [], ignores: [] },
  { spec: 'twilio_voice_v1.json', path: '/v1/ConnectionPolicies/{Sid}', table: CONNECTION_POLICY_FORM, requires: [], ignores: [] },
  { spec: 'twilio_voice_v1.json', path: '/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets', table: CONNECTION_POLICY_TARGET_FORM, requires: ['Target'], ignores: [] },
  { spec: 'twilio_voice_v1.json', path: '/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets/{Sid}', table: CONNECTION_POLICY_TARGET_FORM, requires: [], ignores: [] },
  // Buying: PhoneNumber / AreaCode are read by the route itself (one of them is required).
  { spec: 'twilio_api_v2010_incoming_numbers.json', path: '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json', table: INCOMING_NUMBER_FORM, requires: [], ignores: ['PhoneNumber', 'AreaCode'] },
  // AccountSid (moving a number to another account) is refused by the route itself.
  { spec: 'twilio_api_v2010_incoming_numbers.json', path: '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json', table: INCOMING_NUMBER_FORM, requires: [], ignores: ['AccountSid'] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{TrunkSid}/CredentialLists', table: TRUNK_CREDENTIAL_LIST_FORM, requires: ['CredentialListSid'], ignores: [] },
  { spec: 'twilio_trunking_v1.json', path: '/v1/Trunks/{TrunkSid}/IpAccessControlLists', table: TRUNK_IP_ACCESS_CONTROL_LIST_FORM, requires: ['IpAccessControlListSid'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/CredentialLists.json`, table: CREDENTIAL_LIST_FORM, requires: ['FriendlyName'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/CredentialLists/{Sid}.json`, table: CREDENTIAL_LIST_FORM, requires: ['FriendlyName'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/CredentialLists/{CredentialListSid}/Credentials.json`, table: CREDENTIAL_CREATE_FORM, requires: ['Username', 'Password'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/CredentialLists/{CredentialListSid}/Credentials/{Sid}.json`, table: CREDENTIAL_UPDATE_FORM, requires: [], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/IpAccessControlLists.json`, table: IP_ACCESS_CONTROL_LIST_FORM, requires: ['FriendlyName'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/IpAccessControlLists/{Sid}.json`, table: IP_ACCESS_CONTROL_LIST_FORM, requires: ['FriendlyName'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`, table: IP_ADDRESS_FORM, requires: ['FriendlyName', 'IpAddress'], ignores: [] },
  { spec: SIP_SPEC, path: `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json`, table: IP_ADDRESS_FORM, requires: [], ignores: [] },
];

describe('the emulator\'s form parameters match Twilio\'s OpenAPI specs', () => {
  for (const op of OPERATIONS) {
    it(`POST ${op.path}`, () => {
      const { names, required } = formParameters(op.spec, op.path, 'post');
      const ours = Object.keys(op.table);
      assert.deepEqual(ours.filter((n) => !names.includes(n)), [], 'parameters the spec does not have');
      assert.deepEqual(names.filter((n) => !ours.includes(n) && !op.ignores.includes(n)), [], 'parameters of the spec the emulator would silently ignore');
      assert.deepEqual([...op.requires].sort(), [...required].sort(), 'required parameters');
    });
  }
});
