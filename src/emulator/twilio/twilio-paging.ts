import type { PageSource, Sequenced } from '../store/ordered-table';
import { decodePageToken, encodePageToken, type PagePosition } from './page-token';
import { invalidParameter, twilioError, TWILIO_CODES } from './twilio-errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** The paging parameters of a list request: PageSize, Page (client state only) and PageToken. */
export interface PagingRequest {
  pageSize: number;
  page: number;
  token: string | undefined;
  position: PagePosition | undefined;
}

export interface SelectedPage<T> {
  items: T[];
  nextToken: string | undefined;
  previousToken: string | undefined;
}

/** `scope` names the list (its path), so that a token from another list is refused. */
export function readPaging(query: URLSearchParams, scope: string): PagingRequest {
  const pageSize = readCount(query, 'PageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const page = readCount(query, 'Page', 0, 0, Number.MAX_SAFE_INTEGER);
  const token = query.get('PageToken') || undefined;
  const position = token === undefined ? undefined : decodePageToken(token, scope);
  if (token !== undefined && !position) throw twilioError(400, TWILIO_CODES.invalidPageToken, 'Invalid PageToken');
  return { pageSize, page, token, position };
}

/** Reads one page from the keyset position in the request, and the tokens around it. */
export function selectPage<T extends Sequenced>(source: PageSource<T>, paging: PagingRequest, scope: string): SelectedPage<T> {
  const size = paging.pageSize;
  let items: T[];
  let hasNext: boolean;
  let hasPrevious: boolean;
  if (paging.position?.direction === 'before') {
    items = source.before(paging.position.seq, size + 1);
    hasPrevious = items.length > size;
    if (hasPrevious) items = items.slice(1);
    const last = items[items.length - 1];
    hasNext = source.after(last ? last.seq : paging.position.seq - 1, 1).length > 0;
  } else {
    const after = paging.position ? paging.position.seq : -1;
    items = source.after(after, size + 1);
    hasNext = items.length > size;
    if (hasNext) items = items.slice(0, size);
    const first = items[0];
    hasPrevious = source.before(first ? first.seq : after + 1, 1).length > 0;
  }
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    nextToken: hasNext && last ? encodePageToken(scope, { direction: 'after', seq: last.seq }) : undefined,
    previousToken: hasPrevious && first ? encodePageToken(scope, { direction: 'before', seq: first.seq }) : undefined,
  };
}

/** `?A=1&B=x%20y`, encoded the way twilio-node encodes (spaces as %20). */
export function queryString(params: readonly (readonly [string, string | number | undefined])[]): string {
  const parts = params.filter(([, v]) => v !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function readCount(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidParameter(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
