// Twilio's rules for SIP auth list entries (api-facts-termination-and-numbers §2), for the
// editor to check input as it is typed, before a request is sent.

export const SIP_USERNAME_MAX = 32;
export const SIP_PASSWORD_MIN = 12;
export const CREDENTIAL_LIST_NAME_MAX = 64;
export const IP_ACCESS_CONTROL_LIST_NAME_MAX = 255;
export const IP_ADDRESSES_PER_LIST = 100;

/** What a SIP credential password lacks (at least 12 characters, a digit, lower and upper case); empty when it is good. */
export function sipPasswordProblems(password: string): string[] {
  return [
    password.length < SIP_PASSWORD_MIN ? `at least ${SIP_PASSWORD_MIN} characters` : undefined,
    /\d/.test(password) ? undefined : 'a digit',
    /\p{Ll}/u.test(password) ? undefined : 'a lower-case letter',
    /\p{Lu}/u.test(password) ? undefined : 'an upper-case letter',
  ].filter((p): p is string => p !== undefined);
}

/** A complete IPv4 address in dotted decimal (what Twilio accepts: no IPv6, host names or wildcards). */
export function isSipIpv4Address(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255);
}
