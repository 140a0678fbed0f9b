import { createHash } from 'node:crypto';

/** Where a page starts: strictly after (next pages, `PA…`) or before (previous pages, `PB…`) a record. */
export interface PagePosition {
  direction: 'after' | 'before';
  seq: number;
}

const PREFIX = { after: 'PA', before: 'PB' } as const;

/**
 * An opaque page token like Twilio's (`PA…` forward, `PB…` backward). It holds a keyset
 * position (a creation sequence number) and a fingerprint of the list it belongs to, so pages
 * stay stable while records are created and deleted, and a token from another list is refused.
 */
export function encodePageToken(scope: string, position: PagePosition): string {
  return PREFIX[position.direction] + Buffer.from(`${position.seq}:${scopeTag(scope)}`).toString('base64url');
}

export function decodePageToken(token: string, scope: string): PagePosition | undefined {
  const direction = token.startsWith(PREFIX.after) ? 'after' : token.startsWith(PREFIX.before) ? 'before' : undefined;
  if (!direction) return undefined;
  const payload = token.slice(2);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  const match = /^(\d{1,15}):([0-9a-f]{8})$/.exec(Buffer.from(payload, 'base64url').toString());
  if (!match || match[2] !== scopeTag(scope)) return undefined;
  return { direction, seq: Number(match[1]) };
}

/** A short fingerprint of the list a token belongs to. */
function scopeTag(scope: string): string {
  return createHash('sha256').update(scope).digest('hex').slice(0, 8);
}
