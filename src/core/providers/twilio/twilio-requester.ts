import * as z from 'zod';
import { JsonRequester } from '../../http/json-requester';
import type { HttpTransport } from '../../http/transport';
import { resolvePageLink, type Page, type PageRequest } from '../page';
import { V1MetaSchema, V2010PageSchema } from './models';
import type { TwilioEndpoints } from './twilio-endpoints';

export const DEFAULT_PAGE_SIZE = 50;

/** What every Twilio resource API shares: the transport, the account, the hosts, and page reading. */
export class TwilioRequester extends JsonRequester {
  private readonly pageSchemas = new Map<string, z.ZodType>();

  constructor(
    transport: HttpTransport,
    readonly accountSid: string,
    readonly endpoints: TwilioEndpoints,
  ) {
    super(transport);
  }

  /** One page of a v1 (trunking, voice) list: `{ <key>: [...], meta: {next_page_url, …} }`. */
  async v1Page<T extends z.ZodType>(
    base: string,
    path: string,
    key: string,
    itemSchema: T,
    what: string,
    req: PageRequest,
  ): Promise<Page<z.output<T>>> {
    const url = req.cursor ? resolvePageLink(base, req.cursor) : new URL(path, base);
    if (!req.cursor) url.searchParams.set('PageSize', String(req.pageSize ?? DEFAULT_PAGE_SIZE));
    const schema = this.pageSchema(`v1:${key}`, () => z.object({ meta: V1MetaSchema, [key]: z.array(itemSchema) }));
    const body = (await this.call(schema, `a page of ${what}`, { method: 'GET', url, signal: req.signal })) as Record<string, unknown> & {
      meta: z.output<typeof V1MetaSchema>;
    };
    return { items: body[key] as z.output<T>[], nextCursor: body.meta.next_page_url ?? undefined };
  }

  /** One page of a 2010 API list: a flat object with relative `next_page_uri`. */
  async v2010Page<T extends z.ZodType>(
    path: string,
    key: string,
    itemSchema: T,
    what: string,
    req: PageRequest,
    filters: Record<string, string | undefined> = {},
  ): Promise<Page<z.output<T>>> {
    const base = this.endpoints.api;
    const url = req.cursor ? resolvePageLink(base, req.cursor) : new URL(path, base);
    if (!req.cursor) {
      url.searchParams.set('PageSize', String(req.pageSize ?? DEFAULT_PAGE_SIZE));
      for (const [k, v] of Object.entries(filters)) if (v !== undefined) url.searchParams.set(k, v);
    }
    const schema = this.pageSchema(`2010:${key}`, () => V2010PageSchema.extend({ [key]: z.array(itemSchema) }));
    const body = (await this.call(schema, `a page of ${what}`, { method: 'GET', url, signal: req.signal })) as Record<string, unknown> & {
      next_page_uri: string | null;
    };
    return { items: body[key] as z.output<T>[], nextCursor: body.next_page_uri ?? undefined };
  }

  private pageSchema(key: string, build: () => z.ZodType): z.ZodType {
    let schema = this.pageSchemas.get(key);
    if (!schema) {
      schema = build();
      this.pageSchemas.set(key, schema);
    }
    return schema;
  }
}

/** Path segment for a SID, refusing anything that could change the path. */
export function sidSegment(sid: string, pattern: RegExp, what: string): string {
  if (!pattern.test(sid)) throw new TypeError(`${sid} is not a valid ${what} SID`);
  return sid;
}
