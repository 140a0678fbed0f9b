import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BYOC_TRUNK_RESPONSE_FIELDS,
  CONNECTION_POLICY_RESPONSE_FIELDS,
  CONNECTION_POLICY_TARGET_RESPONSE_FIELDS,
  ORIGINATION_URL_RESPONSE_FIELDS,
  TRUNK_RESPONSE_FIELDS,
} from '../../../../src/core/providers/twilio/field-names';
import { ByocTrunkSchema, ConnectionPolicySchema, ConnectionPolicyTargetSchema, OriginationUrlSchema, TrunkSchema } from '../../../../src/core/providers/twilio/models';

// The trunk-file engine names read-only API fields from these lists (so that it loads without
// zod); a field added to a response model must be added here too, or a trunk file holding it
// would get "unknown key" instead of "set by Twilio and read-only".

describe('Twilio response field names', () => {
  test('are exactly the keys of the response models', () => {
    assert.deepEqual([...TRUNK_RESPONSE_FIELDS].sort(), Object.keys(TrunkSchema.shape).sort());
    assert.deepEqual([...ORIGINATION_URL_RESPONSE_FIELDS].sort(), Object.keys(OriginationUrlSchema.shape).sort());
    assert.deepEqual([...BYOC_TRUNK_RESPONSE_FIELDS].sort(), Object.keys(ByocTrunkSchema.shape).sort());
    assert.deepEqual([...CONNECTION_POLICY_RESPONSE_FIELDS].sort(), Object.keys(ConnectionPolicySchema.shape).sort());
    assert.deepEqual([...CONNECTION_POLICY_TARGET_RESPONSE_FIELDS].sort(), Object.keys(ConnectionPolicyTargetSchema.shape).sort());
  });
});
