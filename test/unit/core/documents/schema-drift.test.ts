import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as carrierx from '../../../../src/core/providers/carrierx/models';
import * as twilio from '../../../../src/core/providers/twilio/models';
import { E164_PATTERN } from '../../../../src/core/documents/validate/e164';
import { resolveSchema } from '../../../../src/core/documents/assist/schema-at-path';
import { TRUNK_KINDS } from '../../../../src/core/documents/file/trunk-kinds';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND, TRUNK_FILE_SCHEMA, type JsonSchema } from '../../../../src/core/documents/file/trunk-schemas';

// The schemas are the single source of truth for files; the models are the truth for the API.
// These tests fail as soon as one moves without the other.

const twilioTrunk = KIND_SCHEMAS.TwilioTrunk;
const byoc = KIND_SCHEMAS.TwilioByocTrunk;
const group = KIND_SCHEMAS.CarrierXTrunkGroup;

function definition(root: JsonSchema, name: string): JsonSchema {
  const found = root.definitions?.[name];
  assert.ok(found, name);
  return found;
}

function property(root: JsonSchema, object: JsonSchema, name: string): JsonSchema {
  const found = object.properties?.[name];
  assert.ok(found, name);
  return resolveSchema(root, found);
}

function names(object: JsonSchema, readOnly: boolean): string[] {
  return Object.entries(object.properties ?? {})
    .filter(([, p]) => !!p.readOnly === readOnly)
    .map(([n]) => n)
    .sort();
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe('schemas and models agree', () => {
  test('Twilio trunk: spec = writable fields + recording, origination URLs, numbers', () => {
    const spec = definition(twilioTrunk, 'spec');
    assert.deepEqual(names(spec, false), sorted([...twilio.TRUNK_WRITABLE_FIELDS, 'recording', 'origination_urls', 'phone_numbers', 'ip_access_control_lists', 'credential_lists']));
    assert.deepEqual(names(spec, true), []);
    assert.deepEqual(names(property(twilioTrunk, spec, 'recording'), false), sorted(Object.keys(twilio.RecordingSchema.shape)));
    assert.deepEqual(names(definition(twilioTrunk, 'originationUrl'), false), sorted(twilio.ORIGINATION_URL_WRITABLE_FIELDS));
    assert.deepEqual(sorted(definition(twilioTrunk, 'originationUrl').required ?? []), sorted(twilio.ORIGINATION_URL_WRITABLE_FIELDS), 'all five are required on create');
  });

  test('BYOC trunk: spec = writable fields, and the policy by name (a reference, sent as connection_policy_sid)', () => {
    assert.deepEqual(names(definition(byoc, 'spec'), false), sorted([...twilio.BYOC_TRUNK_WRITABLE_FIELDS, 'connection_policy']));
  });

  test('CarrierX: writable fields, read-only fields marked readOnly, trunk_sid as the binding key', () => {
    const spec = definition(group, 'spec');
    assert.deepEqual(names(spec, false), sorted([...carrierx.TRUNK_GROUP_WRITABLE_FIELDS, 'trunks', 'phone_numbers']));
    for (const field of names(spec, true)) assert.ok((carrierx.TRUNK_GROUP_READ_ONLY_FIELDS as readonly string[]).includes(field), field);
    const trunk = definition(group, 'trunk');
    // `endpoint`: the endpoint by name (a reference, sent as endpoint_sid).
    assert.deepEqual(names(trunk, false), sorted([...carrierx.CARRIERX_TRUNK_WRITABLE_FIELDS, 'trunk_sid', 'endpoint']));
    assert.deepEqual(names(trunk, true), sorted(carrierx.CARRIERX_TRUNK_READ_ONLY_FIELDS.filter((f) => f !== 'trunk_sid')));
    const acl = definition(group, 'acl');
    assert.deepEqual(names(acl, false), sorted(carrierx.ACL_WRITABLE_FIELDS));
    assert.deepEqual(names(acl, true), sorted(Object.keys(carrierx.AclSchema.shape).filter((f) => !(carrierx.ACL_WRITABLE_FIELDS as readonly string[]).includes(f))));
    assert.deepEqual(names(definition(group, 'transformation'), false), sorted(Object.keys(carrierx.TransformationSchema.shape)));
  });

  test('every response field is either in the file or a read-only field the file refuses', () => {
    const spec = definition(twilioTrunk, 'spec');
    const responseOnly = Object.keys(twilio.TrunkSchema.shape).filter((f) => !spec.properties?.[f]);
    assert.deepEqual(sorted(responseOnly), sorted(['sid', 'account_sid', 'auth_type', 'symmetric_rtp_enabled', 'auth_type_set', 'date_created', 'date_updated', 'url', 'links']));
  });

  test('enum values are the model constants', () => {
    const spec = definition(twilioTrunk, 'spec');
    const enumOf = (root: JsonSchema, object: JsonSchema, name: string): unknown[] => property(root, object, name).enum ?? [];
    const withNull = (values: readonly string[]): unknown[] => [...values, null];
    assert.deepEqual(enumOf(twilioTrunk, spec, 'transfer_mode'), [...twilio.TRANSFER_MODES]);
    assert.deepEqual(enumOf(twilioTrunk, spec, 'transfer_caller_id'), [...twilio.TRANSFER_CALLER_IDS]);
    assert.deepEqual(enumOf(twilioTrunk, spec, 'disaster_recovery_method'), withNull(twilio.HTTP_METHODS));
    const recording = property(twilioTrunk, spec, 'recording');
    assert.deepEqual(enumOf(twilioTrunk, recording, 'mode'), [...twilio.RECORDING_MODES]);
    assert.deepEqual(enumOf(twilioTrunk, recording, 'trim'), [...twilio.RECORDING_TRIMS]);
    const byocSpec = definition(byoc, 'spec');
    for (const f of ['voice_method', 'voice_fallback_method', 'status_callback_method']) assert.deepEqual(enumOf(byoc, byocSpec, f), withNull(twilio.HTTP_METHODS), f);

    const groupSpec = definition(group, 'spec');
    const trunk = definition(group, 'trunk');
    const acl = definition(group, 'acl');
    assert.deepEqual(enumOf(group, groupSpec, 'routing_type'), [...carrierx.ROUTING_TYPES]);
    assert.deepEqual(enumOf(group, groupSpec, 'hard_failure_last_resort'), [...carrierx.HARD_FAILURE_LAST_RESORTS]);
    assert.deepEqual(enumOf(group, trunk, 'allow_forward'), [...carrierx.ALLOW_FORWARD_VALUES]);
    assert.deepEqual(enumOf(group, trunk, 'asn_mode'), [...carrierx.ASN_MODES]);
    assert.deepEqual(enumOf(group, trunk, 'call_type'), [...carrierx.CALL_TYPES]);
    assert.deepEqual(enumOf(group, trunk, 'codec'), withNull(carrierx.CODECS));
    assert.deepEqual(enumOf(group, trunk, 'in_identity_format'), [...carrierx.IDENTITY_FORMATS]);
    assert.deepEqual(enumOf(group, trunk, 'in_identity_mode'), [...carrierx.IN_IDENTITY_MODES]);
    assert.deepEqual(enumOf(group, trunk, 'out_identity_mode'), [...carrierx.OUT_IDENTITY_MODES]);
    assert.deepEqual(enumOf(group, trunk, 'in_rfc_4694_mode'), withNull(carrierx.RFC_4694_MODES));
    assert.deepEqual(enumOf(group, trunk, 'out_rfc_4694_mode'), withNull(carrierx.RFC_4694_MODES));
    assert.deepEqual(enumOf(group, acl, 'direction'), [...carrierx.ACL_DIRECTIONS]);
    assert.deepEqual(enumOf(group, acl, 'voice_action_true'), withNull(carrierx.ACL_VOICE_ACTIONS));
    assert.deepEqual(enumOf(group, acl, 'voice_action_false'), withNull(carrierx.ACL_VOICE_ACTIONS));
    assert.deepEqual(enumOf(group, definition(group, 'transformation'), 'direction'), withNull(carrierx.TRANSFORMATION_DIRECTIONS));
  });

  test('patterns and limits are the model constants', () => {
    const spec = definition(twilioTrunk, 'spec');
    assert.equal(property(twilioTrunk, spec, 'domain_name').pattern, twilio.TRUNK_DOMAIN_PATTERN.source);
    assert.equal(property(twilioTrunk, spec, 'friendly_name').maxLength, twilio.FRIENDLY_NAME_MAX);
    assert.equal(property(twilioTrunk, definition(twilioTrunk, 'originationUrl'), 'friendly_name').maxLength, twilio.FRIENDLY_NAME_MAX);
    assert.equal(property(byoc, definition(byoc, 'spec'), 'friendly_name').maxLength, twilio.BYOC_FRIENDLY_NAME_MAX);
    assert.equal(twilioTrunk.properties?.sid?.pattern, twilio.SID_PATTERNS.trunk.source);
    assert.equal(byoc.properties?.sid?.pattern, twilio.SID_PATTERNS.byocTrunk.source);
    assert.equal(property(byoc, definition(byoc, 'spec'), 'connection_policy_sid').pattern, twilio.SID_PATTERNS.connectionPolicy.source);
    assert.equal(property(byoc, definition(byoc, 'spec'), 'from_domain_sid').pattern, twilio.SID_PATTERNS.sipDomain.source);
    assert.equal(property(twilioTrunk, spec, 'phone_numbers').items?.pattern, E164_PATTERN.source);
    assert.equal(property(group, definition(group, 'spec'), 'phone_numbers').items?.pattern, E164_PATTERN.source);
    const uuid = new RegExp(group.properties?.sid?.pattern ?? '');
    for (const sample of ['4c51c85c-5355-4a91-bf1e-f33d731bcfa9', '4C51C85C-5355-4A91-BF1E-F33D731BCFA9', 'not-a-uuid', '4c51c85c53554a91bf1ef33d731bcfa9']) {
      assert.equal(uuid.test(sample), carrierx.CARRIERX_SID_PATTERN.test(sample), sample);
    }
  });

  test('every field is described, every object closed', () => {
    const visit = (root: JsonSchema, schema: JsonSchema, where: string): void => {
      const resolved = resolveSchema(root, schema);
      if (resolved.properties) {
        assert.equal(resolved.additionalProperties, false, `${where} is closed`);
        for (const [name, child] of Object.entries(resolved.properties)) {
          assert.ok(resolveSchema(root, child).description || child.description, `${where}.${name} has a description`);
          visit(root, child, `${where}.${name}`);
        }
      }
      if (resolved.items) visit(root, resolved.items, `${where}[]`);
    };
    for (const kind of TRUNK_KINDS) visit(KIND_SCHEMAS[kind], KIND_SCHEMAS[kind], kind);
  });

  test('the combined schema dispatches every kind to its own file', () => {
    assert.deepEqual(TRUNK_FILE_SCHEMA.properties?.kind?.enum, [...TRUNK_KINDS]);
    assert.deepEqual(
      TRUNK_FILE_SCHEMA.allOf?.map((branch) => [branch.if?.properties?.kind?.const, branch.then?.$ref]),
      TRUNK_KINDS.map((kind) => [kind, SCHEMA_FILE_BY_KIND[kind]]),
    );
    for (const kind of TRUNK_KINDS) assert.equal(KIND_SCHEMAS[kind].properties?.kind?.const, kind);
  });
});
