/** The fields of an API response that a create or update does not accept. */
export function responseOnlyFields(fields: readonly string[], writable: readonly string[], alsoWritable: readonly string[] = []): Set<string> {
  return new Set(fields.filter((k) => !writable.includes(k) && !alsoWritable.includes(k)));
}
