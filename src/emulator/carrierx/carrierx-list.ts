import { badQuery } from './carrierx-errors';
import { FilterSyntaxError, parseFilter } from './carrierx-filter';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;

export interface CarrierXListRequest {
  baseUrl: string;
  path: string;
  query: URLSearchParams;
  /** For `order=shuffle`. */
  random: () => number;
}

type View = Record<string, unknown>;

/**
 * CarrierX's list envelope `{count, has_more, items, limit, offset, pagination, total}` over
 * items in creation order, with `filter`, `order` (`attr`, `attr+asc`, `attr+desc`, `shuffle`),
 * `limit` (default 10, at most 1000) and `offset`. Filters and order apply to `view(item)`;
 * `present` trims that view to what the client asked to see.
 */
export function carrierXList<T>(
  req: CarrierXListRequest,
  items: readonly T[],
  view: (item: T) => View,
  present: (view: View) => View = (v) => v,
): View {
  const limit = readInteger(req.query, 'limit', DEFAULT_LIMIT, 0, MAX_LIMIT);
  const offset = readInteger(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const filter = req.query.get('filter');
  const order = req.query.get('order');
  let selected: View[];
  let total: number;
  if (filter || order) {
    let views = items.map(view);
    if (filter) views = views.filter(predicate(filter));
    if (order) views = sorted(views, order, req.random);
    total = views.length;
    selected = views.slice(offset, offset + limit);
  } else {
    total = items.length;
    selected = items.slice(offset, offset + limit).map(view);
  }
  const pageLink = (at: number) => {
    const params = new URLSearchParams(req.query);
    params.delete('limit');
    params.delete('offset');
    params.append('limit', String(limit));
    params.append('offset', String(at));
    return `${req.baseUrl}${req.path}?${params.toString()}`;
  };
  const hasMore = offset + selected.length < total;
  const pagination: Record<string, string> = {};
  if (hasMore && limit > 0) pagination.next = pageLink(offset + limit);
  if (offset > 0) pagination.previous = pageLink(Math.max(offset - limit, 0));
  return { count: selected.length, has_more: hasMore, items: selected.map(present), limit, offset, pagination, total };
}

function predicate(filter: string): (item: View) => boolean {
  try {
    return parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw badQuery('filter', error.message);
    throw error;
  }
}

function sorted(views: View[], order: string, random: () => number): View[] {
  if (order === 'shuffle') {
    const out = [...views];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j] as View, out[i] as View];
    }
    return out;
  }
  // '+' in a query string decodes to a space: `name+desc` arrives as `name desc`.
  const m = /^([a-z_][a-z0-9_]*)(?:[ +](asc|desc))?$/i.exec(order.trim());
  if (!m) throw badQuery('order', 'expected "attribute", "attribute+asc", "attribute+desc" or "shuffle"');
  const key = m[1] as string;
  const direction = m[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return [...views].sort((a, b) => direction * compare(a[key], b[key]));
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function readInteger(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw badQuery(name, `must be an integer from ${min} to ${max}`);
  return value;
}
