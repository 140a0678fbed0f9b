import { sipPasswordProblems } from '../../providers/twilio/sip-auth-rules';
import type { DocumentPlan } from '../plan/document-plan';
import type { SecretRequest } from './secret-request';

// Secrets a push needs and no file may hold (a new SIP credential's password, a CarrierX
// endpoint's SIP passwords). An operation that needs one carries a SecretRequest (`secret`) or
// several (`secrets`), never the secret: the caller gathers the secrets before applying (the
// editor asks, the CLI reads the environment) and hands them to applyPlan / applyAll in memory
// only (ApplyOptions.secrets), keyed by SecretRequest.key.

/** Every secret the plans' operations need, each once, in plan order. */
export function secretRequestsOf(plans: readonly Pick<DocumentPlan, 'operations'>[]): SecretRequest[] {
  return secretRequestsOfOperations(plans.flatMap((plan) => plan.operations));
}

/** Every secret the operations need, each once, in order. */
export function secretRequestsOfOperations(operations: readonly object[]): SecretRequest[] {
  const found = new Map<string, SecretRequest>();
  for (const op of operations) {
    const { secret, secrets } = op as { secret?: SecretRequest; secrets?: readonly SecretRequest[] };
    for (const request of [...(secret ? [secret] : []), ...(secrets ?? [])]) if (!found.has(request.key)) found.set(request.key, request);
  }
  return [...found.values()];
}

/** What is wrong with a secret given for `request` (a sentence), or undefined when it will do. */
export function secretProblem(request: SecretRequest, value: string): string | undefined {
  switch (request.rule) {
    case 'sip-password': {
      const problems = sipPasswordProblems(value);
      return problems.length === 0 ? undefined : `Twilio needs ${problems.join(', ')}.`;
    }
    case 'carrierx-sip-password':
      return value.trim() === '' ? 'The password cannot be empty.' : undefined;
  }
}
