import type { PageSource, Sequenced } from '../store/ordered-table';
import { queryString, readPaging, selectPage } from './twilio-paging';

export interface V1ListRequest {
  baseUrl: string;
  path: string;
  query: URLSearchParams;
}

/**
 * A page of a v1 (trunking, voice) list: `{ <key>: [...], meta: {...} }` with absolute URLs
 * pointing at the emulator, exactly the meta fields of the fixtures.
 */
export function v1Page<T extends Sequenced>(
  req: V1ListRequest,
  key: string,
  source: PageSource<T>,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const paging = readPaging(req.query, req.path);
  const page = selectPage(source, paging, req.path);
  const link = (pageIndex: number, token: string | undefined) =>
    `${req.baseUrl}${req.path}${queryString([
      ['PageSize', paging.pageSize],
      ['Page', pageIndex],
      ['PageToken', token],
    ])}`;
  return {
    [key]: page.items.map(render),
    meta: {
      first_page_url: link(0, undefined),
      key,
      next_page_url: page.nextToken ? link(paging.page + 1, page.nextToken) : null,
      page: paging.page,
      page_size: paging.pageSize,
      previous_page_url: page.previousToken ? link(Math.max(paging.page - 1, 0), page.previousToken) : null,
      url: link(paging.page, paging.token),
    },
  };
}
