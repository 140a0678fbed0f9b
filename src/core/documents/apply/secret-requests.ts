import type { DocumentPlan } from '../plan/document-plan';
import type { SecretRequest } from './secret-request';

// Secrets a push needs and no file may hold (a new SIP credential's password). An operation
// that needs one carries a SecretRequest, never the secret: the caller gathers the secrets
// before applying (the editor asks, the CLI reads the environment) and hands them to applyPlan
// / applyAll in memory only (ApplyOptions.secrets), keyed by SecretRequest.key.

/** Every secret the plans' operations need, each once, in plan order. */
export function secretRequestsOf(plans: readonly DocumentPlan[]): SecretRequest[] {
  const found = new Map<string, SecretRequest>();
  for (const plan of plans) {
    for (const op of plan.operations) {
      const request = (op as { secret?: SecretRequest }).secret;
      if (request && !found.has(request.key)) found.set(request.key, request);
    }
  }
  return [...found.values()];
}
