/** How many per-resource reads (one trunk's origination URLs, one document's remote) a plan runs at once. */
export const PER_RESOURCE_CONCURRENCY = 8;

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order in
 * the result. A rejection stops new calls from starting and is re-thrown once those in
 * flight have settled, so nothing keeps running behind the caller's back.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}
