import { ApiError } from '../http/api-error';
import type { EmulatorRequest, ProviderFrontend } from '../http/provider-frontend';
import type { Reply } from '../http/reply';
import { mediaType } from '../http/request-body';
import { Router } from '../http/router';
import type { IdGenerator } from '../random/id-generator';
import type { EmulatorCredentials } from '../sandbox-credentials';
import { accountAuthListRoutes } from './account-auth-list-routes';
import { byocTrunkRoutes } from './byoc-trunk-routes';
import { connectionPolicyRoutes } from './connection-policy-routes';
import { credentialRoutes } from './credential-routes';
import { incomingPhoneNumberRoutes } from './incoming-phone-number-routes';
import { ipAddressRoutes } from './ip-address-routes';
import { originationUrlRoutes } from './origination-url-routes';
import { trunkAuthListRoutes } from './trunk-auth-list-routes';
import { trunkPhoneNumberRoutes } from './trunk-phone-number-routes';
import { trunkRecordingRoutes } from './trunk-recording-routes';
import { trunkRoutes } from './trunk-routes';
import { isTwilioAuthorized } from './twilio-auth';
import type { TwilioHandler } from './twilio-context';
import { notFound, twilioError, twilioErrorBody, TWILIO_CODES, unauthenticated } from './twilio-errors';
import type { TwilioState } from './twilio-state';

export interface TwilioFrontendDeps {
  state: TwilioState;
  credentials: EmulatorCredentials;
  baseUrl: () => string;
  now: () => number;
  requestIds: IdGenerator;
}

/** Twilio's trunking v1, voice v1 (BYOC) and 2010 IncomingPhoneNumbers and SIP auth list APIs on one base URL. */
export class TwilioFrontend implements ProviderFrontend {
  private readonly router = new Router<TwilioHandler>().addAll([
    ...trunkRoutes,
    ...trunkRecordingRoutes,
    ...originationUrlRoutes,
    ...trunkPhoneNumberRoutes,
    ...trunkAuthListRoutes,
    ...byocTrunkRoutes,
    ...connectionPolicyRoutes,
    ...incomingPhoneNumberRoutes,
    ...accountAuthListRoutes,
    ...credentialRoutes,
    ...ipAddressRoutes,
  ]);

  constructor(private readonly deps: TwilioFrontendDeps) {}

  serves(pathname: string): boolean {
    return !pathname.startsWith('/core/');
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
    const [code, message] =
      status === 503
        ? [TWILIO_CODES.serviceUnavailable, 'Service Unavailable']
        : [TWILIO_CODES.internalServerError, 'Internal Server Error'];
    return this.withRequestId({ status, body: twilioErrorBody(status, code, message) });
  }

  tooManyRequests(retryAfterSeconds: number): Reply {
    return this.withRequestId({
      status: 429,
      body: twilioErrorBody(429, TWILIO_CODES.tooManyRequests, 'Too Many Requests'),
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }

  payloadTooLarge(): Reply {
    return this.withRequestId({ status: 413, body: twilioErrorBody(413, TWILIO_CODES.invalidParameter, 'Request body too large') });
  }

  private dispatch(request: EmulatorRequest): Reply {
    const { credentials } = this.deps;
    if (!isTwilioAuthorized(request.headers.authorization, credentials)) throw unauthenticated();
    const path = request.url.pathname;
    const match = this.router.match(request.method, path);
    if (match.kind === 'not-found') throw notFound(path);
    if (match.kind === 'method-not-allowed') throw twilioError(405, TWILIO_CODES.methodNotAllowed, 'Method not allowed');
    // Another account's resources do not exist for this one.
    if (match.params.AccountSid !== undefined && match.params.AccountSid !== credentials.accountSid) throw notFound(path);
    const type = mediaType(request.headers['content-type']);
    const form =
      type === undefined || type === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(request.body.toString('utf8'))
        : new URLSearchParams();
    return match.route.handler({
      params: match.params,
      query: request.url.searchParams,
      form,
      path,
      baseUrl: this.deps.baseUrl(),
      accountSid: credentials.accountSid,
      state: this.deps.state,
      now: this.deps.now(),
    });
  }

  private withRequestId(reply: Reply): Reply {
    return { ...reply, headers: { ...reply.headers, 'Twilio-Request-Id': this.deps.requestIds.sid('RQ') } };
  }
}
