// A file is shared and reviewed: a key that looks like it holds a secret is an error with its
// own message (what to do instead), not just an unknown key.

const SECRET_KEY = /(pass(word|wd|phrase)?|pwd|secret|auth_?token|api_?key)$/i;

export function looksLikePassword(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-\s]/g, '_'));
}

export function passwordInFileMessage(key: string): string {
  return `${key}: passwords never go in trunk files, where anyone who can read the repository reads them. Remove it. Push asks for a new username's password in the editor (with Generate); the CLI reads it from the environment variable TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>; Trunkline: Set Credential Password… changes an existing one.`;
}
