import { ApiError } from '../http/api-error';
import type { EmulatorRequest, ProviderFrontend } from '../http/provider-frontend';
import type { Reply } from '../http/reply';
import { mediaType } from '../http/request-body';
import { Router } from '../http/router';
import { sameSecret } from '../http/same-secret';
import type { IdGenerator } from '../random/id-generator';
import type { Prng } from '../random/prng';
import type { EmulatorCredentials } from '../sandbox-credentials';
import type { CarrierXHandler } from './carrierx-context';
import { carrierXError, carrierXErrorBody } from './carrierx-errors';
import type { CarrierXState } from './carrierx-state';
import { carrierXTrunkRoutes } from './carrierx-trunk-routes';
import { didRoutes } from './did-routes';
import { endpointRoutes } from './endpoint-routes';
import { trunkGroupRoutes } from './trunk-group-routes';

export const CARRIERX_PATH_PREFIX = '/core/v2';

export interface CarrierXFrontendDeps {
  state: CarrierXState;
  credentials: EmulatorCredentials;
  baseUrl: () => string;
  requestIds: IdGenerator;
  random: Prng;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** CarrierX Core API v2 trunk groups, trunks, endpoints and DIDs under /core/v2. */
export class CarrierXFrontend implements ProviderFrontend {
  private readonly router = new Router<CarrierXHandler>().addAll([...trunkGroupRoutes, ...carrierXTrunkRoutes, ...endpointRoutes, ...didRoutes]);

  constructor(private readonly deps: CarrierXFrontendDeps) {}

  serves(pathname: string): boolean {
    return pathname === CARRIERX_PATH_PREFIX || pathname.startsWith(`${CARRIERX_PATH_PREFIX}/`);
  }

  routeTemplate(method: string, pathname: string): string | undefined {
    const match = this.router.match(method, pathname);
    return match.kind === 'found' ? match.route.template : undefined;
  }

  handle(request: EmulatorRequest): Reply {
    try {
      return this.withRequestId(this.dispatch(request));
    } catch (error) {
      if (error instanceof ApiError) return this.withRequestId({ status: error.status, body: error.body, headers: error.headers });
      throw error;
    }
  }

  serverError(status: 500 | 503): Reply {
    return this.withRequestId({ status, body: carrierXErrorBody(status === 503 ? 'Service Unavailable' : 'Internal Server Error') });
  }

  tooManyRequests(retryAfterSeconds: number): Reply {
    return this.withRequestId({
      status: 429,
      body: carrierXErrorBody('Too Many Requests'),
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }

  payloadTooLarge(): Reply {
    return this.withRequestId({ status: 413, body: carrierXErrorBody('Request Entity Too Large') });
  }

  private dispatch(request: EmulatorRequest): Reply {
    if (!this.isAuthorized(request.headers.authorization)) {
      throw carrierXError(401, 'Bad credentials', [{ field: null, message: 'send Authorization: Bearer <Core API token>' }], {
        'WWW-Authenticate': 'Bearer realm="CarrierX"',
      });
    }
    const path = request.url.pathname;
    const match = this.router.match(request.method, path);
    if (match.kind === 'not-found') throw carrierXError(404, 'Not Found', [{ field: null, message: `no resource at ${path}` }]);
    if (match.kind === 'method-not-allowed') throw carrierXError(405, 'Method Not Allowed');
    return match.route.handler({
      params: match.params,
      query: request.url.searchParams,
      body: BODY_METHODS.has(request.method) ? jsonObject(request) : {},
      path,
      baseUrl: this.deps.baseUrl(),
      state: this.deps.state,
      random: () => this.deps.random.next(),
    });
  }

  private isAuthorized(authorization: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    return match !== null && sameSecret(match[1] ?? '', this.deps.credentials.carrierXToken);
  }

  private withRequestId(reply: Reply): Reply {
    return { ...reply, headers: { ...reply.headers, 'X-Request-Id': this.deps.requestIds.uuid() } };
  }
}

/** The body as a JSON object: an empty body is `{}`; anything but JSON is refused as CarrierX does. */
function jsonObject(request: EmulatorRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  const type = mediaType(request.headers['content-type']);
  if (type !== 'application/json' && !type?.endsWith('+json')) {
    throw carrierXError(415, 'Unsupported Media Type', [{ field: null, message: 'send the body as application/json' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw carrierXError(400, 'No JSON object could be decoded');
  return parsed as Record<string, unknown>;
}
