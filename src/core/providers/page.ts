/** One page of a provider listing. `nextCursor` is opaque to callers: hand it back to get the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | undefined;
}

export interface PageRequest {
  /** Items per page (the provider's limits apply: 1..1000 for both). */
  pageSize?: number | undefined;
  /** From a previous page's `nextCursor`; absent for the first page. */
  cursor?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface ListOptions {
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** Follows `nextCursor` from page to page and yields every item. */
export async function* iteratePages<T>(
  fetchPage: (req: PageRequest) => Promise<Page<T>>,
  options: ListOptions = {},
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ pageSize: options.pageSize, cursor, signal: options.signal });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/** Collects an async iterable into an array (lists are small enough where this is used). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * Resolves a provider's next-page link against the base URL we were configured with. A link
 * to our own origin is followed as given; a link to any other origin is re-based onto ours,
 * so credentials are never sent to a host the account was not configured for.
 */
export function resolvePageLink(base: string, link: string): URL {
  const baseUrl = new URL(base);
  const target = new URL(link, baseUrl);
  if (target.origin === baseUrl.origin) return target;
  return new URL(`${target.pathname}${target.search}`, baseUrl.origin);
}
