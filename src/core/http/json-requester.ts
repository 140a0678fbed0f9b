import type { z } from 'zod';
import { parseResponse } from './parse-response';
import type { HttpRequest, HttpTransport } from './transport';

/** Sends a request and reads its JSON answer into a model: what every resource API does. */
export class JsonRequester {
  constructor(readonly transport: HttpTransport) {}

  async call<T extends z.ZodType>(schema: T, what: string, req: HttpRequest): Promise<z.output<T>> {
    const res = await this.transport.send(req);
    const url = new URL(req.url.toString());
    return parseResponse(this.transport.provider, schema, res.body, what, { method: req.method, path: url.pathname, requestId: res.requestId });
  }

  /** For requests answered with no body (DELETE → 204). */
  async callNoContent(req: HttpRequest): Promise<void> {
    await this.transport.send(req);
  }
}
