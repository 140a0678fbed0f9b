// A file is shared and reviewed: a key that looks like it holds a secret is an error with its
// own message (what to do instead), not just an unknown key.

const SECRET_KEY = /(pass(word|wd|phrase)?|pwd|secret|auth_?token|api_?key)$/i;

export function looksLikePassword(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-\s]/g, '_'));
}

export function passwordInFileMessage(key: string, kind?: unknown): string {
  const start = `${key}: passwords never go in trunk files, where anyone who can read the repository reads them. Remove it. Push asks for a new username's password in the editor (with Generate); the CLI reads it from an environment variable`;
  if (kind === 'TwilioCredentialList') return `${start} (TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>); Trunkline: Set Credential Password… changes an existing credential's.`;
  if (kind === 'CarrierXEndpoint') return `${start} (TRUNKLINE_ENDPOINT_SIP_PASSWORD_<ENDPOINT>_<USERNAME>); Trunkline: Set SIP Password… on the endpoint in the explorer changes one CarrierX holds.`;
  return `${start} (TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME> for a credential list, TRUNKLINE_ENDPOINT_SIP_PASSWORD_<ENDPOINT>_<USERNAME> for a CarrierX endpoint); Trunkline: Set Credential Password… or Set SIP Password… (an endpoint's) changes an existing one.`;
}
