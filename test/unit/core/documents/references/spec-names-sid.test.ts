import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specNamesSid } from '../../../../../src/core/documents/references/spec-references';

// After Trunkline changes a policy or an endpoint, the open files that name it by sid are checked
// again too: their readiness reads its targets or addresses (document-status-cache.ts).

const POLICY = `NY${'a'.repeat(32)}`;
const ENDPOINT = '0af5fc09-132a-4e17-99bd-6ef5213c8750';

describe('specNamesSid', () => {
  it('a BYOC trunk names its policy by connection_policy_sid or by sid in connection_policy (any case)', () => {
    assert.equal(specNamesSid('TwilioByocTrunk', { connection_policy_sid: POLICY }, 'TwilioConnectionPolicy', POLICY), true);
    assert.equal(specNamesSid('TwilioByocTrunk', { connection_policy: POLICY.toUpperCase() }, 'TwilioConnectionPolicy', POLICY), true);
    assert.equal(specNamesSid('TwilioByocTrunk', { connection_policy: 'Carrier routes' }, 'TwilioConnectionPolicy', POLICY), false, 'a name is not the sid');
    assert.equal(specNamesSid('TwilioByocTrunk', { connection_policy_sid: POLICY }, 'CarrierXEndpoint', POLICY), false, 'another kind');
  });

  it('a CarrierX group names an endpoint in any trunk, by endpoint_sid or endpoint', () => {
    assert.equal(specNamesSid('CarrierXTrunkGroup', { trunks: [{ name: 'a' }, { name: 'b', endpoint_sid: ENDPOINT }] }, 'CarrierXEndpoint', ENDPOINT), true);
    assert.equal(specNamesSid('CarrierXTrunkGroup', { trunks: [{ name: 'a', endpoint: ENDPOINT.toUpperCase() }] }, 'CarrierXEndpoint', ENDPOINT), true);
    assert.equal(specNamesSid('CarrierXTrunkGroup', { trunks: [{ name: 'a', endpoint: 'office-pbx' }] }, 'CarrierXEndpoint', ENDPOINT), false);
    assert.equal(specNamesSid('CarrierXTrunkGroup', { name: 'no trunks listed' }, 'CarrierXEndpoint', ENDPOINT), false);
  });
});
