import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Account } from '../../../../src/core/accounts/account';
import type { CarrierXTrunk, Endpoint, TrunkGroup } from '../../../../src/core/providers/carrierx/models';
import type { ByocTrunk, ConnectionPolicy, ConnectionPolicyTarget } from '../../../../src/core/providers/twilio/models';
import { changeOf } from '../../../../src/ui/resources/resource-kinds';

// What a command announces on the ResourceChangeBus after changing a policy, a target or an
// endpoint: the open files of that kind and sid are checked again (their status and readiness).
// Reached below a BYOC trunk or a CarrierX trunk, the change is that trunk's file's (its
// readiness reads the targets or addresses); at the account, the policy's or endpoint's own file's.

const account = { id: 'a1', name: 'sandbox', provider: 'sandbox' } as Account;
const policy = { sid: `NY${'1'.repeat(32)}`, friendly_name: 'Carrier routes' } as ConnectionPolicy;
const target = { sid: `NE${'2'.repeat(32)}`, target: 'sip:pbx.example.com' } as ConnectionPolicyTarget;
const byoc = { sid: `BY${'3'.repeat(32)}` } as ByocTrunk;
const endpoint = { endpoint_sid: '0af5fc09-132a-4e17-99bd-6ef5213c8750', addresses: [] } as unknown as Endpoint;
const group = { trunk_group_sid: '1e29049b-e734-4979-9f0c-b48af762ac4b' } as TrunkGroup;
const trunk = { trunk_sid: 'cf2e345e-991d-437d-8a4f-52fe87586ec2' } as CarrierXTrunk;

describe('changes to routes on the resource change bus', () => {
  test('a policy or target changed at the account is the TwilioConnectionPolicy file\'s; below a BYOC trunk, that trunk\'s', () => {
    assert.deepEqual(changeOf({ kind: 'connectionPolicy', account, policy }), { account: 'sandbox', kind: 'TwilioConnectionPolicy', sid: policy.sid });
    assert.deepEqual(changeOf({ kind: 'connectionPolicyTarget', account, policy, target }), { account: 'sandbox', kind: 'TwilioConnectionPolicy', sid: policy.sid });
    assert.deepEqual(changeOf({ kind: 'connectionPolicy', account, policy, via: byoc }), { account: 'sandbox', kind: 'TwilioByocTrunk', sid: byoc.sid });
    assert.deepEqual(changeOf({ kind: 'connectionPolicyTarget', account, policy, target, via: byoc }), { account: 'sandbox', kind: 'TwilioByocTrunk', sid: byoc.sid });
  });

  test('an endpoint or address changed at the account is the CarrierXEndpoint file\'s; below a CarrierX trunk, its group\'s', () => {
    assert.deepEqual(changeOf({ kind: 'endpoint', account, endpoint }), { account: 'sandbox', kind: 'CarrierXEndpoint', sid: endpoint.endpoint_sid });
    assert.deepEqual(changeOf({ kind: 'endpoint', account, endpoint, via: { group, trunk } }), { account: 'sandbox', kind: 'CarrierXTrunkGroup', sid: group.trunk_group_sid });
  });
});
