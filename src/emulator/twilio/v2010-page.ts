import type { PageSource, Sequenced } from '../store/ordered-table';
import { queryString, readPaging, selectPage } from './twilio-paging';

export interface V2010ListRequest {
  path: string;
  query: URLSearchParams;
  /** The filter parameters in the request, repeated in every page URI. */
  filters: readonly (readonly [string, string])[];
}

/** A page of a 2010 API list: the flat page object with relative `*_uri`s. */
export function v2010Page<T extends Sequenced>(
  req: V2010ListRequest,
  key: string,
  source: PageSource<T>,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const paging = readPaging(req.query, req.path);
  const page = selectPage(source, paging, req.path);
  const uri = (pageIndex: number, token: string | undefined) =>
    `${req.path}${queryString([...req.filters, ['PageSize', paging.pageSize], ['Page', pageIndex], ['PageToken', token]])}`;
  const start = paging.page * paging.pageSize;
  return {
    end: start + Math.max(page.items.length - 1, 0),
    first_page_uri: uri(0, undefined),
    [key]: page.items.map(render),
    next_page_uri: page.nextToken ? uri(paging.page + 1, page.nextToken) : null,
    page: paging.page,
    page_size: paging.pageSize,
    previous_page_uri: page.previousToken ? uri(Math.max(paging.page - 1, 0), page.previousToken) : null,
    start,
    uri: uri(paging.page, paging.token),
  };
}
