// A secret a push needs and no file may hold (a new SIP credential's password): an operation
// carries this request, never the secret (secret-requests.ts gathers them from plans). No
// imports: plan operations name it, and the plan code must not reach back to apply/.

export interface SecretRequest {
  /** Identifies the secret among a push's (ApplyOptions.secrets key). */
  key: string;
  /** `the password of pbx-a in credential list "PBX users"`: for prompts and messages. */
  what: string;
  /** The environment variable the CLI reads it from. */
  envVar: string;
  /** What the secret must satisfy: a SIP credential password (sipPasswordProblems). */
  rule: 'sip-password';
}

/**
 * `TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>`: the list's name and the username in upper case,
 * every run of other characters than letters and digits as one `_`.
 */
export function sipPasswordEnvVar(listName: string, username: string): string {
  const part = (text: string) =>
    text
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
  return `TRUNKLINE_SIP_PASSWORD_${part(listName)}_${part(username)}`;
}

/** The request for a new credential's password. */
export function sipPasswordRequest(account: string, listName: string, username: string): SecretRequest {
  const envVar = sipPasswordEnvVar(listName, username);
  return { key: `${account}\u0000${envVar}`, what: `the password of ${username} in credential list ${JSON.stringify(listName)}`, envVar, rule: 'sip-password' };
}
