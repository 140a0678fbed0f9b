import { matchesDesired } from './matches-desired';

// CarrierX replaces an array attribute whole (acls, transformations, external_handlers,
// sip_options_locations) and an object attribute whole (routing_data): a key that an element
// of the request leaves out is reset (to null), not kept from the element it replaces. A trunk
// file leaves keys out on purpose — a key it does not write is not managed — so a push that
// sent the file's elements as written would wipe what a colleague set in the console, while
// the plan, which compares only the keys the file has, said "in sync".
//
// So what is sent is the file's value with the remote values of the keys it leaves out, at any
// depth. Array elements are paired with the remote element they stand for, in four passes:
//   1. the remote element at the same position, when it already is what the file writes;
//   2. else any other remote element that already is what the file writes (a moved element);
//   3. else the first remote element with the same identity (below: an ACL's direction and
//      rules, a transformation's action and direction), so that an edited element keeps its keys
//      even when elements were added or removed around it;
//   4. else, when the array keeps its length, the remote element at the same position (an element
//      edited in place).
// An element paired with nothing is new: the keys it leaves out get the provider's defaults,
// and the remote elements paired with nothing are removed — both show in the plan's from → to.

/** What tells two elements of an array apart, by the array attribute's name. */
export const ELEMENT_IDENTITY: Readonly<Record<string, readonly string[]>> = {
  acls: ['direction', 'access_control_rules'],
  transformations: ['action', 'direction'],
};

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `desired` with the remote's values of the keys it leaves out, inside objects and inside the
 * elements of arrays of objects (`identity`: the keys that identify an element of this array).
 * Scalars, null and arrays of scalars are the file's own.
 */
export function keepRemoteKeys(desired: unknown, remote: unknown, identity: readonly string[] = []): unknown {
  if (Array.isArray(desired)) {
    if (!Array.isArray(remote) || !desired.some(isPlain)) return desired;
    const pairs = pairElements(desired, remote, identity);
    return desired.map((element, i) => {
      const j = pairs.get(i);
      return j === undefined ? element : keepRemoteKeys(element, remote[j]);
    });
  }
  if (!isPlain(desired) || !isPlain(remote)) return desired;
  const out: Plain = { ...remote };
  for (const [key, value] of Object.entries(desired)) {
    if (value !== undefined) out[key] = keepRemoteKeys(value, remote[key], ELEMENT_IDENTITY[key]);
  }
  return out;
}

/** The file's elements (by index) paired with remote elements (by index); see the passes above. */
export function pairElements(desired: readonly unknown[], remote: readonly unknown[], identity: readonly string[] = []): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (i: number, j: number) => {
    pairs.set(i, j);
    taken.add(j);
  };
  const pass = (accept: (element: unknown, candidate: unknown) => boolean) => {
    desired.forEach((element, i) => {
      if (pairs.has(i) || !isPlain(element)) return;
      const j = remote.findIndex((candidate, k) => !taken.has(k) && isPlain(candidate) && accept(element, candidate));
      if (j >= 0) pair(i, j);
    });
  };
  desired.forEach((element, i) => {
    if (isPlain(element) && isPlain(remote[i]) && matchesDesired(element, remote[i])) pair(i, i);
  });
  pass(matchesDesired);
  if (identity.length > 0) pass((element, candidate) => sameIdentity(element as Plain, candidate as Plain, identity));
  if (desired.length === remote.length) {
    desired.forEach((element, i) => {
      if (!pairs.has(i) && !taken.has(i) && isPlain(element) && isPlain(remote[i])) pair(i, i);
    });
  }
  return pairs;
}

/** The identity keys the element writes all match, and it writes at least one. */
function sameIdentity(element: Plain, candidate: Plain, identity: readonly string[]): boolean {
  const written = identity.filter((key) => element[key] !== undefined);
  return written.length > 0 && written.every((key) => matchesDesired(element[key], candidate[key]));
}
