import { createHash } from 'node:crypto';
import type { TrunkKind } from '../file/trunk-kinds';
import { documentKind } from '../kinds/document-kinds';
import { renderSpec } from '../render/render-document';
import type { RemoteState } from '../plan/remote-state';

/**
 * What a remote resource looked like when a document was last pushed or pulled: its
 * date_updated (1 s resolution, moves on any change of the resource itself; CarrierX has none)
 * and a hash of each top-level key of its rendered spec (catches changes within the same
 * second and changes of sub-resources such as numbers, which leave date_updated alone).
 */
export interface RemoteFingerprint {
  dateUpdated: string | null;
  /** Spec key → short hash of its rendered value. Keys that were not fetched are left out. */
  fields: Record<string, string>;
}

/** A key whose value is absent in the rendered spec still gets a hash: going away is a change. */
const ABSENT = '\u0000absent';

export function remoteFingerprint(state: RemoteState): RemoteFingerprint {
  const kind = documentKind<TrunkKind>(state.kind);
  const spec = renderSpec(state.kind, state.remote as never) as Record<string, unknown>;
  const keys = new Set(Object.keys(spec));
  // Keys hashed even when the rendered spec leaves them out, so that their appearing or vanishing shows.
  for (const key of kind.sync.trackedKeys) keys.add(key);
  for (const key of kind.sync.unfetchedKeys(state)) keys.delete(key);
  const fields: Record<string, string> = {};
  for (const key of [...keys].sort()) fields[key] = shortHash(spec[key] === undefined ? ABSENT : canonicalJson(spec[key]));
  return { dateUpdated: kind.sync.dateUpdated(state.remote), fields };
}

export interface FingerprintComparison {
  changed: boolean;
  /** Spec keys whose remote value changed; empty when only date_updated moved. */
  fields: string[];
}

/** Compares the stored fingerprint with the current one; keys only one side has are not compared. */
export function compareFingerprints(stored: RemoteFingerprint, current: RemoteFingerprint): FingerprintComparison {
  const fields = Object.keys(current.fields).filter((key) => key in stored.fields && stored.fields[key] !== current.fields[key]);
  return { changed: fields.length > 0 || stored.dateUpdated !== current.dateUpdated, fields };
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so the hash does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What to remember as synced after a push: the keys the push set take their value read back
 * now; every other key keeps the value the plan was made from. A change someone else made
 * meanwhile (after the plan's re-check, before the read-back) then still shows as a remote
 * change next time, instead of being absorbed and silently reverted by the next push.
 */
export function syncedAfterPush(planned: RemoteFingerprint | undefined, current: RemoteFingerprint, setKeys: ReadonlySet<string> | 'all'): RemoteFingerprint {
  if (!planned || setKeys === 'all') return current;
  const fields: Record<string, string> = { ...current.fields };
  for (const key of Object.keys(fields)) {
    if (!setKeys.has(key) && key in planned.fields) fields[key] = planned.fields[key]!;
  }
  return { dateUpdated: current.dateUpdated, fields };
}
