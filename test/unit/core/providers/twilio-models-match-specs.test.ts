import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { ZodObject, ZodRawShape } from 'zod';
import {
  BYOC_TRUNK_WRITABLE_FIELDS,
  ByocTrunkSchema,
  CONNECTION_POLICY_TARGET_WRITABLE_FIELDS,
  CONNECTION_POLICY_WRITABLE_FIELDS,
  ConnectionPolicySchema,
  ConnectionPolicyTargetSchema,
  IncomingPhoneNumberSchema,
  ORIGINATION_URL_WRITABLE_FIELDS,
  OriginationUrlSchema,
  SIP_IP_ADDRESS_WRITABLE_FIELDS,
  SipCredentialListSchema,
  SipCredentialSchema,
  SipIpAccessControlListSchema,
  SipIpAddressSchema,
  TRUNK_WRITABLE_FIELDS,
  TrunkAuthListSchema,
  TrunkPhoneNumberSchema,
  TrunkSchema,
} from '../../../../src/core/providers/twilio/models';
import { twilioParamName } from '../../../../src/core/providers/twilio/twilio-form';
import { sharedApiDir } from '../../../support/openapi-specs';

// The client's zod models against Twilio's OpenAPI specs in ../shared/api: every field the spec
// declares is modelled (shown), none is invented, the spec's own examples parse, and a field
// the spec has no request parameter for is never in a writable list (never sent).

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }; responses?: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }>>;
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
}
const specs = new Map<string, Spec>();
function spec(file: string): Spec {
  let s = specs.get(file);
  if (!s) specs.set(file, (s = JSON.parse(fs.readFileSync(path.join(sharedApiDir(), file), 'utf8')) as Spec));
  return s;
}

const TRUNKING = 'twilio_trunking_v1.json';
const VOICE = 'twilio_voice_v1.json';
const NUMBERS = 'twilio_api_v2010_incoming_numbers.json';
const SIP_AUTH = 'twilio_api_v2010_sip_auth_lists.json';
const SIP = '/2010-04-01/Accounts/{AccountSid}/SIP';

type Model = ZodObject<ZodRawShape>;
/** model, spec file, component schema, the item paths whose examples are one of it, the list paths (with the page's key). */
const MODELS: [string, Model, string, string, string[], [string, string][]][] = [
  ['Trunk', TrunkSchema, TRUNKING, 'trunking.v1.trunk', ['/v1/Trunks/{Sid}'], [['/v1/Trunks', 'trunks']]],
  ['OriginationUrl', OriginationUrlSchema, TRUNKING, 'trunking.v1.trunk.origination_url', ['/v1/Trunks/{TrunkSid}/OriginationUrls/{Sid}'], [['/v1/Trunks/{TrunkSid}/OriginationUrls', 'origination_urls']]],
  ['TrunkPhoneNumber', TrunkPhoneNumberSchema, TRUNKING, 'trunking.v1.trunk.phone_number', ['/v1/Trunks/{TrunkSid}/PhoneNumbers/{Sid}'], [['/v1/Trunks/{TrunkSid}/PhoneNumbers', 'phone_numbers']]],
  ['TrunkAuthList (credential)', TrunkAuthListSchema, TRUNKING, 'trunking.v1.trunk.credential_list', ['/v1/Trunks/{TrunkSid}/CredentialLists/{Sid}'], [['/v1/Trunks/{TrunkSid}/CredentialLists', 'credential_lists']]],
  ['TrunkAuthList (IP ACL)', TrunkAuthListSchema, TRUNKING, 'trunking.v1.trunk.ip_access_control_list', ['/v1/Trunks/{TrunkSid}/IpAccessControlLists/{Sid}'], [['/v1/Trunks/{TrunkSid}/IpAccessControlLists', 'ip_access_control_lists']]],
  ['ByocTrunk', ByocTrunkSchema, VOICE, 'voice.v1.byoc_trunk', ['/v1/ByocTrunks/{Sid}'], [['/v1/ByocTrunks', 'byoc_trunks']]],
  ['ConnectionPolicy', ConnectionPolicySchema, VOICE, 'voice.v1.connection_policy', ['/v1/ConnectionPolicies/{Sid}'], [['/v1/ConnectionPolicies', 'connection_policies']]],
  ['ConnectionPolicyTarget', ConnectionPolicyTargetSchema, VOICE, 'voice.v1.connection_policy.connection_policy_target', ['/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets/{Sid}'], [['/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets', 'targets']]],
  ['IncomingPhoneNumber', IncomingPhoneNumberSchema, NUMBERS, 'api.v2010.account.incoming_phone_number', ['/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json'], [['/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json', 'incoming_phone_numbers']]],
  ['SipCredentialList', SipCredentialListSchema, SIP_AUTH, 'api.v2010.account.sip.sip_credential_list', [`${SIP}/CredentialLists/{Sid}.json`], [[`${SIP}/CredentialLists.json`, 'credential_lists']]],
  ['SipCredential', SipCredentialSchema, SIP_AUTH, 'api.v2010.account.sip.sip_credential_list.sip_credential', [`${SIP}/CredentialLists/{CredentialListSid}/Credentials/{Sid}.json`], [[`${SIP}/CredentialLists/{CredentialListSid}/Credentials.json`, 'credentials']]],
  ['SipIpAccessControlList', SipIpAccessControlListSchema, SIP_AUTH, 'api.v2010.account.sip.sip_ip_access_control_list', [`${SIP}/IpAccessControlLists/{Sid}.json`], [[`${SIP}/IpAccessControlLists.json`, 'ip_access_control_lists']]],
  ['SipIpAddress', SipIpAddressSchema, SIP_AUTH, 'api.v2010.account.sip.sip_ip_access_control_list.sip_ip_address', [`${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json`], [[`${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`, 'ip_addresses']]],
];

/** Every JSON example of every success response of the operations on `template`. */
function examplesOf(file: string, template: string): unknown[] {
  const operations = spec(file).paths[template];
  assert.ok(operations, `${file} has ${template}`);
  return Object.values(operations).flatMap((op) =>
    Object.entries(op.responses ?? {})
      .filter(([status]) => status.startsWith('2'))
      .flatMap(([, r]) => Object.values(r.content?.['application/json']?.examples ?? {}).map((e) => e.value)),
  );
}

/** The form parameters the create (list path) and update (item path) operations take. */
function formParams(file: string, ...templates: string[]): Set<string> {
  const names = new Set<string>();
  for (const t of templates) {
    const schema = spec(file).paths[t]?.post?.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
    for (const name of Object.keys(schema?.properties ?? {})) names.add(name);
  }
  return names;
}

describe("Twilio models and Twilio's OpenAPI specs", () => {
  for (const [name, model, file, schema, items, lists] of MODELS) {
    test(`${name}: every field of ${schema}, no other, and the spec's examples parse`, () => {
      const declared = Object.keys(spec(file).components.schemas[schema]!.properties).sort();
      assert.deepEqual(Object.keys(model.shape).sort(), declared);
      let parsed = 0;
      for (const template of items) {
        for (const example of examplesOf(file, template)) {
          const result = model.safeParse(example);
          assert.ok(result.success, `${template} example: ${result.success ? '' : result.error.message}`);
          parsed++;
        }
      }
      for (const [template, key] of lists) {
        for (const example of examplesOf(file, template)) {
          for (const item of (example as Record<string, unknown[]>)[key] ?? []) {
            const result = model.safeParse(item);
            assert.ok(result.success, `${template} example: ${result.success ? '' : result.error.message}`);
            parsed++;
          }
        }
      }
      assert.ok(parsed > 0, 'the spec has examples to parse');
    });
  }

  test('a writable field is one the create or update operation takes; read-only ones (symmetric_rtp_enabled, auth_type) are never sent', () => {
    const writable: [string, readonly string[], string, string[]][] = [
      ['trunk', TRUNK_WRITABLE_FIELDS, TRUNKING, ['/v1/Trunks', '/v1/Trunks/{Sid}']],
      ['origination URL', ORIGINATION_URL_WRITABLE_FIELDS, TRUNKING, ['/v1/Trunks/{TrunkSid}/OriginationUrls', '/v1/Trunks/{TrunkSid}/OriginationUrls/{Sid}']],
      ['BYOC trunk', BYOC_TRUNK_WRITABLE_FIELDS, VOICE, ['/v1/ByocTrunks', '/v1/ByocTrunks/{Sid}']],
      ['connection policy', CONNECTION_POLICY_WRITABLE_FIELDS, VOICE, ['/v1/ConnectionPolicies', '/v1/ConnectionPolicies/{Sid}']],
      ['target', CONNECTION_POLICY_TARGET_WRITABLE_FIELDS, VOICE, ['/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets', '/v1/ConnectionPolicies/{ConnectionPolicySid}/Targets/{Sid}']],
      ['IP address', SIP_IP_ADDRESS_WRITABLE_FIELDS, SIP_AUTH, [`${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses.json`, `${SIP}/IpAccessControlLists/{IpAccessControlListSid}/IpAddresses/{Sid}.json`]],
    ];
    for (const [what, fields, file, templates] of writable) {
      const params = formParams(file, ...templates);
      assert.deepEqual(fields.filter((f) => !params.has(twilioParamName(f))), [], `${what}: writable fields no operation takes`);
    }
    assert.ok(!(TRUNK_WRITABLE_FIELDS as readonly string[]).includes('symmetric_rtp_enabled'));
    assert.ok(!formParams(TRUNKING, '/v1/Trunks', '/v1/Trunks/{Sid}').has('SymmetricRtpEnabled'), 'the spec has no parameter for it');
    // The client never updates a number's type: the spec takes no Type parameter either.
    assert.ok(!formParams(NUMBERS, '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json').has('Type'));
  });
});
