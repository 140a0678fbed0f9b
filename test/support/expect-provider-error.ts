import assert from 'node:assert/strict';
import { ProviderError } from '../../src/core/http/provider-error';

/** Awaits a call that must fail with a ProviderError, and returns it for further assertions. */
export async function expectProviderError(call: Promise<unknown>): Promise<ProviderError> {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof ProviderError, `expected a ProviderError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail with a ProviderError');
}
