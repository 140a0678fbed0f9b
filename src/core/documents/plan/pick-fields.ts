/** The given fields of `source` that are present (not undefined), in the order listed. */
export function pickFields<T extends object>(source: object, fields: readonly string[]): T {
  const values = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) if (values[field] !== undefined) out[field] = values[field];
  return out as T;
}
