/**
 * Whether a remote value already is what the file asks for, by the file's rules:
 * - null and absent are the same (the renderer writes a remote null as `null` or leaves it out);
 * - inside objects, a key the file leaves out is not managed, so any remote value is fine (and
 *   Push keeps it when it sends the object or array it is in: keep-remote-keys.ts);
 * - arrays match item by item, in order (ACLs, transformations and headers are ordered);
 * - everything else is compared exactly, enum case included, as the API returns it.
 */
export function matchesDesired(desired: unknown, remote: unknown): boolean {
  if (desired === undefined) return true;
  if (desired === null) return remote === null || remote === undefined;
  if (Array.isArray(desired)) {
    return Array.isArray(remote) && remote.length === desired.length && desired.every((item, i) => matchesDesired(item, remote[i]));
  }
  if (typeof desired === 'object') {
    if (!remote || typeof remote !== 'object' || Array.isArray(remote)) return false;
    const r = remote as Record<string, unknown>;
    return Object.entries(desired as Record<string, unknown>).every(([key, value]) => matchesDesired(value, r[key]));
  }
  return desired === remote;
}
