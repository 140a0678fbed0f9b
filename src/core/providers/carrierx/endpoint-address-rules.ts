// What CarrierX takes in an endpoint address (api-facts-termination-and-numbers §6, emulator
// decisions E4/E5), for the editor to check input as it is typed, before a request is sent.

export const ENDPOINT_ADDRESS_DEFAULT_PORT = 5060;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOST_NAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** An IPv6 address in its usual text forms (`::` once at most, an IPv4 tail allowed). */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups.at(-1);
  const tailIsIpv4 = last !== undefined && last.includes('.');
  if (tailIsIpv4 && !IPV4.test(last)) return false;
  const hexGroups = tailIsIpv4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => IPV6_GROUP.test(g))) return false;
  const count = hexGroups.length + (tailIsIpv4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/**
 * Whether CarrierX can send calls to `text`: an IPv4 or IPv6 address or a host name (an
 * all-digit dotted name must be a valid IPv4 address, so a mistyped IP is not taken as a name).
 */
export function isEndpointHost(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (text.includes(':')) return isIpv6(text);
  return HOST_NAME.test(text) && !/^[\d.]+$/.test(text);
}

/** A SIP port: a whole number from 1 to 65535. */
export function isSipPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
}
