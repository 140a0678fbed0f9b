/** The keys of an API response shape that a create or update does not accept. */
export function responseOnlyFields(shape: object, writable: readonly string[], alsoWritable: readonly string[] = []): Set<string> {
  return new Set(Object.keys(shape).filter((k) => !writable.includes(k) && !alsoWritable.includes(k)));
}
