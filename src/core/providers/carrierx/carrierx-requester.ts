import type { z } from 'zod';
import { parseResponse } from '../../http/parse-response';
import { JsonRequester } from '../../http/json-requester';
import type { HttpTransport, ParamValue } from '../../http/transport';
import { resolvePageLink, type Page, type PageRequest } from '../page';
import { ListEnvelopeSchema } from './models';

export const CARRIERX_DEFAULT_PAGE_SIZE = 100;

/** Transport, base URL and CarrierX's list envelope ({items, has_more, pagination.next, …}). */
export class CarrierXRequester extends JsonRequester {
  constructor(
    transport: HttpTransport,
    readonly baseUrl: string,
  ) {
    super(transport);
  }

  url(path: string): URL {
    return new URL(`${this.baseUrl}${path}`);
  }

  async page<T extends z.ZodType>(
    path: string,
    itemSchema: T,
    what: string,
    req: PageRequest,
    query: Record<string, ParamValue> = {},
  ): Promise<Page<z.output<T>>> {
    let url: URL;
    if (req.cursor) {
      url = resolvePageLink(this.baseUrl, req.cursor);
    } else {
      url = this.url(path);
      url.searchParams.set('limit', String(req.pageSize ?? CARRIERX_DEFAULT_PAGE_SIZE));
      url.searchParams.set('offset', '0');
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    }
    const envelope = await this.call(ListEnvelopeSchema, `a page of ${what}`, { method: 'GET', url, signal: req.signal });
    const items = envelope.items.map((item, i) =>
      parseResponse('carrierx', itemSchema, item, `${what} (item ${envelope.offset + i})`, { method: 'GET', path: url.pathname }),
    );
    const next = envelope.has_more ? envelope.pagination.next : undefined;
    return { items, nextCursor: next };
  }
}
