import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply';

/** A request as the provider front ends see it: already read in full. */
export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One emulated provider (Twilio, CarrierX): its routes, its auth, and its error format. The
 * request pipeline asks it for replies in its own format, for faults too.
 */
export interface ProviderFrontend {
  /** Whether this provider answers requests for the path. */
  serves(pathname: string): boolean;
  /** The route template a request matches (for stats and fault filters), if any. */
  routeTemplate(method: string, pathname: string): string | undefined;
  handle(request: EmulatorRequest): Reply;
  serverError(status: 500 | 503): Reply;
  tooManyRequests(retryAfterSeconds: number): Reply;
  payloadTooLarge(): Reply;
}
