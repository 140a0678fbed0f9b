// Secrets a push needs and no file may hold (a CarrierX endpoint's SIP passwords). An operation
// that needs some carries SecretRequests, never the secrets: the caller gathers them before
// applying (the editor asks, the CLI reads the environment) and hands them to applyPlan /
// applyAll in memory only (ApplyOptions.secrets), keyed by SecretRequest.key.

export interface SecretRequest {
  /** Identifies the secret among a push's (ApplyOptions.secrets key). */
  key: string;
  /** `the SIP password of pbx-user at endpoint "PBX east"`: for prompts and messages. */
  what: string;
  /** The environment variable the CLI reads it from. */
  envVar: string;
  /** What the secret must satisfy: a CarrierX SIP password is any non-empty text (CarrierX states no rule). */
  rule: 'carrierx-sip-password';
}

// Plans and operations are typed structurally here: plan-operations.ts names SecretRequest, so
// importing it back would be an import cycle.

/** Every secret the plans' operations need, each once, in plan order. */
export function secretRequestsOf(plans: readonly { operations: readonly object[] }[]): SecretRequest[] {
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

/** A name part of an environment variable: upper case, every run of other characters than letters and digits as one `_`. */
function envPart(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `TRUNKLINE_ENDPOINT_SIP_PASSWORD_<ENDPOINT>_<USERNAME>`: one per username of an endpoint (out_sip_username and the addresses'). */
export function endpointPasswordEnvVar(endpointName: string, username: string): string {
  return `TRUNKLINE_ENDPOINT_SIP_PASSWORD_${envPart(endpointName) || 'N_A'}_${envPart(username) || 'USER'}`;
}

/** The request for the password of `username` at a CarrierX endpoint. */
export function endpointPasswordRequest(account: string, endpointName: string, username: string): SecretRequest {
  const envVar = endpointPasswordEnvVar(endpointName, username);
  return { key: `${account}\u0000${envVar}`, what: `the SIP password of ${username} at endpoint ${JSON.stringify(endpointName)}`, envVar, rule: 'carrierx-sip-password' };
}

/** What is wrong with a secret the user gave for `request`, or undefined when it will do. */
export function secretProblem(request: SecretRequest, value: string): string | undefined {
  switch (request.rule) {
    case 'carrierx-sip-password':
      return value.trim() === '' ? 'The password cannot be empty.' : undefined;
  }
}
