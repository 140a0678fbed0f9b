import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProviderError } from '../../../src/core/http/provider-error';
import { providerStepFailure } from '../../../src/ui/create-wizard';

const steps = { target: /target|sip/i, priority: /priority/i };
const refusal = (status: number, message: string, extra: Partial<ConstructorParameters<typeof ProviderError>[0]> = {}) =>
  new ProviderError({ provider: 'twilio', kind: 'http', status, code: 21000, message, ...extra });

describe('create wizards: which step a provider refusal reopens at', () => {
  test('a refused value (400, 409, 422) reopens at the step its message or field names', () => {
    assert.equal(providerStepFailure(refusal(400, 'Priority must be between 0 and 65535'), steps)?.stepId, 'priority');
    assert.equal(providerStepFailure(refusal(422, 'invalid', { provider: 'carrierx', fieldErrors: [{ field: 'target', message: 'bad' }] }), steps)?.stepId, 'target');
    assert.match(providerStepFailure(refusal(409, 'Target sip:a@b exists'), steps)?.message ?? '', /Twilio 21000: Target sip:a@b exists \(HTTP 409\)/);
  });

  test('a resource gone meanwhile (404), a rate limit or a credential problem is no step\'s fault, whatever its message says', () => {
    for (const status of [404, 429, 401, 403, 500, 503]) {
      assert.equal(providerStepFailure(refusal(status, 'The requested resource /v1/ConnectionPolicies/NY1/Targets was not found'), steps), undefined, `HTTP ${status}`);
    }
    assert.equal(providerStepFailure(refusal(400, 'Priority too high', { outcomeUnknown: true }), steps), undefined, 'a lost answer');
    assert.equal(providerStepFailure(new Error('priority'), steps), undefined);
  });
});
