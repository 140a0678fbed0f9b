// A secret a push needs and no file may hold (a new SIP credential's password, a CarrierX
// endpoint's SIP passwords): an operation
// carries this request, never the secret (secret-requests.ts gathers them from plans). No
// imports: plan operations name it, and the plan code must not reach back to apply/.

export interface SecretRequest {
  /** Identifies the secret among a push's (ApplyOptions.secrets key). */
  key: string;
  /** `the password of pbx-a in credential list "PBX users"`: for prompts and messages. */
  what: string;
  /** Whose secret it is, for a prompt's title: the username. */
  name: string;
  /** The environment variable the CLI reads it from. */
  envVar: string;
  /**
   * What the secret must satisfy: `sip-password` a Twilio SIP credential password
   * (sipPasswordProblems); `carrierx-sip-password` any non-empty text (CarrierX states no rule).
   */
  rule: 'sip-password' | 'carrierx-sip-password';
}

/** A name as part of an environment variable: upper case, each run of other characters than letters and digits as one `_`. */
function part(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * `TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>`: the list's name and the username in upper case,
 * every run of other characters than letters and digits as one `_`.
 */
export function sipPasswordEnvVar(listName: string, username: string): string {
  return `TRUNKLINE_SIP_PASSWORD_${part(listName)}_${part(username)}`;
}

/** The request for a new credential's password. */
export function sipPasswordRequest(account: string, listName: string, username: string): SecretRequest {
  const envVar = sipPasswordEnvVar(listName, username);
  return { key: `${account}\u0000${envVar}`, name: username, what: `the password of ${username} in credential list ${JSON.stringify(listName)}`, envVar, rule: 'sip-password' };
}

/** `TRUNKLINE_ENDPOINT_SIP_PASSWORD_<ENDPOINT>_<USERNAME>`: one per username of an endpoint (out_sip_username and the addresses'). */
export function endpointPasswordEnvVar(endpointName: string, username: string): string {
  return `TRUNKLINE_ENDPOINT_SIP_PASSWORD_${part(endpointName) || 'N_A'}_${part(username) || 'USER'}`;
}

/** The request for the password of `username` at a CarrierX endpoint. */
export function endpointPasswordRequest(account: string, endpointName: string, username: string): SecretRequest {
  const envVar = endpointPasswordEnvVar(endpointName, username);
  return { key: `${account}\u0000${envVar}`, name: username, what: `the SIP password of ${username} at endpoint ${JSON.stringify(endpointName)}`, envVar, rule: 'carrierx-sip-password' };
}
