import { updatedAt } from './record-time';

/**
 * Sets the given fields on a record; when any value really changed, moves its `date_updated`.
 * Returns whether anything changed.
 */
export function applyChanges<T extends { date_updated: number }>(record: T, changes: Partial<NoInfer<T>>, now: number): boolean {
  const target = record as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || sameValue(target[key], value)) continue;
    target[key] = value;
    changed = true;
  }
  if (changed) record.date_updated = updatedAt(record.date_updated, now);
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that are set: a create applies these over its defaults. */
export function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
