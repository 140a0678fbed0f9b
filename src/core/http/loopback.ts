import type * as Net from 'node:net';

/** True for hosts that can only mean this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  // node:net loads on the first call (a request), not at activation.
  const { isIP } = require('node:net') as typeof Net;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * Plain http is accepted only for loopback (the emulator); credentials never cross a network
 * unencrypted. Returns a reason when the URL must be refused.
 */
export function insecureUrlReason(url: URL): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname)
      ? undefined
      : `Refusing plain http:// to ${url.host}: credentials would be sent unencrypted. Use https://, or http:// only for 127.0.0.1/localhost.`;
  }
  return `Unsupported URL scheme ${url.protocol} for ${url.host}; use https://.`;
}
