import { authorizationHeader, secretsOf, type Credentials } from './credentials';
import { systemClock, type Clock } from './clock';
import type { DispatcherPool } from './dispatcher-pool';
import { loadUndici } from './load-undici';
import { insecureUrlReason } from './loopback';
import { ProviderError, type ProviderErrorKind, type ProviderName } from './provider-error';
import { silentLogger, type Logger, type SecretRedactor } from './redacting-logger';
import { RequestPacer } from './request-pacer';
import { defaultRetryPolicy, parseRetryAfter, retryDelay, type AttemptOutcome, type RetryPolicy } from './retry-policy';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ParamValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface HttpRequest {
  method: HttpMethod;
  url: URL | string;
  query?: Record<string, ParamValue>;
  /** Sent as application/x-www-form-urlencoded; undefined values are left out, null is sent empty. */
  form?: Record<string, ParamValue>;
  /** Sent as application/json. */
  json?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * Whether sending the request twice has the same effect as sending it once. Defaults to
   * true for GET/PUT/DELETE and false for POST/PATCH; updates that only set fields pass true.
   */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** Parsed JSON, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  requestId: string | undefined;
}

/** Reads a provider's error body into the fields of a ProviderError. */
export type ErrorBodyReader = (
  status: number,
  body: unknown,
) => { code?: number | string; message?: string; moreInfo?: string; fieldErrors?: { field: string | null; message: string }[] };

/** What every provider client is built with, whichever the provider. */
export interface TransportServices {
  dispatchers: DispatcherPool;
  logger?: Logger | undefined;
  /** Credentials are registered here so that no log line, error or file can carry them. */
  redactor?: SecretRedactor | undefined;
  retry?: RetryPolicy | undefined;
  clock?: Clock | undefined;
  random?: (() => number) | undefined;
  userAgent?: string | undefined;
}

export interface TransportOptions extends TransportServices {
  provider: ProviderName;
  credentials: Credentials;
  readErrorBody: ErrorBodyReader;
  /** Header carrying the provider's request id (e.g. Twilio-Request-Id). */
  requestIdHeader?: string;
}

const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/**
 * Sends one logical request: authenticates it, retries it when that is safe (see
 * retry-policy.ts), waits out Retry-After across all requests of this transport and paces them
 * once the provider has rate-limited them (request-pacer.ts), logs each
 * attempt without secrets, and turns every failure into a ProviderError.
 */
export class HttpTransport {
  readonly provider: ProviderName;
  private readonly authorization: string;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly userAgent: string;
  private readonly pacer: RequestPacer;

  constructor(private readonly options: TransportOptions) {
    this.provider = options.provider;
    this.authorization = authorizationHeader(options.credentials);
    options.redactor?.add(...secretsOf(options.credentials));
    this.logger = options.logger ?? silentLogger;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.clock = options.clock ?? systemClock;
    this.pacer = new RequestPacer(this.clock);
    this.random = options.random ?? Math.random;
    this.userAgent = options.userAgent ?? `trunkline (node ${process.version})`;
  }

  /**
   * Registers a secret that travels in a request body (a SIP credential's password), so that no
   * log line or error message of this session can carry it, whatever the provider answers.
   */
  addSecret(secret: string): void {
    this.options.redactor?.add(secret);
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const url = buildUrl(req.url, req.query);
    const target = `${req.method} ${url.host}${url.pathname}${url.search}`;
    const refusal = insecureUrlReason(url);
    if (refusal) throw this.error('config', refusal, req, url);
    const idempotent = req.idempotent ?? (req.method === 'GET' || req.method === 'PUT' || req.method === 'DELETE');
    const { body, contentType } = encodeBody(req);
    const headers: Record<string, string> = {
      authorization: this.authorization,
      accept: 'application/json',
      'user-agent': this.userAgent,
    };
    if (contentType) headers['content-type'] = contentType;

    // Whether an earlier attempt may have been applied (no answer after it left, or a 5xx).
    let earlierMayHaveApplied = false;
    for (let attempt = 1; ; attempt++) {
      const started = await this.waitForRateLimit(req, url);
      let outcome: AttemptOutcome;
      let failure: ProviderError;
      try {
        const res = await loadUndici().request(url, {
          method: req.method,
          headers,
          body,
          signal: req.signal,
          dispatcher: this.options.dispatchers.dispatcherFor(url),
        });
        const text = await res.body.text();
        const responseHeaders = flattenHeaders(res.headers);
        const requestId = this.options.requestIdHeader ? responseHeaders[this.options.requestIdHeader.toLowerCase()] : undefined;
        const elapsed = this.clock.now() - started;
        const parsed = parseBody(text, responseHeaders['content-type']);
        if (res.statusCode >= 200 && res.statusCode < 300) {
          this.pacer.succeeded();
          this.logger.info(`${target} → ${res.statusCode} in ${elapsed} ms${requestId ? ` [${requestId}]` : ''}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
          return { status: res.statusCode, headers: responseHeaders, body: parsed, requestId };
        }
        if (res.statusCode === 404 && req.method === 'DELETE' && earlierMayHaveApplied) {
          // A DELETE retried after its answer was lost: the first attempt deleted it. Gone is what was asked.
          this.pacer.succeeded();
          this.logger.info(`${target} → 404 in ${elapsed} ms${requestId ? ` [${requestId}]` : ''} (attempt ${attempt}): already deleted by the earlier attempt`);
          return { status: 204, headers: responseHeaders, body: undefined, requestId };
        }
        const retryAfterMs = parseRetryAfter(responseHeaders['retry-after'], this.clock.now());
        if (res.statusCode === 429) this.pacer.throttled(started, retryAfterMs);
        outcome = { type: 'response', status: res.statusCode, retryAfterMs };
        failure = this.httpError(res.statusCode, parsed, requestId, retryAfterMs, req, url, idempotent);
        this.logger.warn(`${target} → ${res.statusCode} in ${elapsed} ms${requestId ? ` [${requestId}]` : ''}: ${failure.message}`);
      } catch (e) {
        if (req.signal?.aborted) {
          this.logger.info(`${target} cancelled`);
          throw this.error('cancelled', `Cancelled: ${req.method} ${url.pathname}`, req, url, { cause: e });
        }
        const { error, reachedServer } = this.networkError(e, req, url, idempotent);
        if (TLS_CODES.test(errorCode(e) ?? '')) {
          this.logger.error(`${target} failed: ${error.message}`);
          throw error;
        }
        outcome = { type: 'error', reachedServer };
        failure = error;
        this.logger.warn(`${target} failed after ${this.clock.now() - started} ms: ${error.message}`);
      }
      if (outcome.type === 'error' ? outcome.reachedServer : outcome.status >= 500) earlierMayHaveApplied = true;
      const delay = retryDelay(this.retry, attempt, outcome, idempotent, this.random);
      if (delay === undefined) throw failure;
      this.logger.info(`${target}: retrying in ${delay} ms (attempt ${attempt + 1} of ${this.retry.maxAttempts})`);
      try {
        await this.clock.sleep(delay, req.signal);
      } catch (e) {
        throw this.error('cancelled', `Cancelled: ${req.method} ${url.pathname}`, req, url, { cause: e });
      }
    }
  }

  /** Resolves with the time the request may start. */
  private async waitForRateLimit(req: HttpRequest, url: URL): Promise<number> {
    try {
      return await this.pacer.acquire(req.signal);
    } catch (e) {
      throw this.error('cancelled', `Cancelled: ${req.method} ${url.pathname}`, req, url, { cause: e });
    }
  }

  private httpError(
    status: number,
    body: unknown,
    requestId: string | undefined,
    retryAfterMs: number | undefined,
    req: HttpRequest,
    url: URL,
    idempotent: boolean,
  ): ProviderError {
    const read = this.options.readErrorBody(status, body);
    const message = read.message ?? defaultStatusMessage(status, url);
    return new ProviderError({
      provider: this.provider,
      kind: 'http',
      message: this.options.redactor ? this.options.redactor.redact(message) : message,
      method: req.method,
      path: url.pathname,
      status,
      code: read.code,
      moreInfo: read.moreInfo,
      requestId,
      retryable: status === 429 || (idempotent && status >= 500),
      retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      fieldErrors: read.fieldErrors,
    });
  }

  private networkError(e: unknown, req: HttpRequest, url: URL, idempotent: boolean): { error: ProviderError; reachedServer: boolean } {
    const code = errorCode(e);
    const reachedServer = !(code && NEVER_SENT_CODES.has(code));
    const timedOut = code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
    const who = this.provider === 'twilio' ? 'Twilio' : 'CarrierX';
    const outcomeUnknown = reachedServer && !idempotent;
    let message: string;
    if (code && TLS_CODES.test(code)) {
      message = `The TLS certificate of ${url.host} is not trusted (${code}). If a corporate proxy or CA sits in between, add its certificate in the "trunkline.network.caCertificates" setting.`;
    } else if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      message = `Could not connect to ${url.host} in time. Check your network or proxy settings.`;
    } else if (timedOut) {
      message = `${who} did not answer ${req.method} ${url.pathname} in time.`;
    } else if (code === 'ECONNREFUSED') {
      message = `Connection to ${url.host} was refused. Is the address right${url.hostname === '127.0.0.1' ? ' and the emulator running' : ''}?`;
    } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      message = `Could not resolve ${url.hostname}. Check your network, DNS or proxy settings.`;
    } else {
      message = `The connection to ${url.host} was lost (${code ?? 'unknown error'}).`;
    }
    if (outcomeUnknown) message += ' The change may or may not have been applied.';
    const kind: ProviderErrorKind = timedOut ? 'timeout' : 'network';
    return {
      error: this.error(kind, message, req, url, { cause: e, outcomeUnknown, retryable: !outcomeUnknown }),
      reachedServer,
    };
  }

  private error(
    kind: ProviderErrorKind,
    message: string,
    req: HttpRequest,
    url: URL,
    extra: { cause?: unknown; outcomeUnknown?: boolean; retryable?: boolean } = {},
  ): ProviderError {
    return new ProviderError({ provider: this.provider, kind, message, method: req.method, path: url.pathname, ...extra });
  }
}

function buildUrl(base: URL | string, query: Record<string, ParamValue> | undefined): URL {
  const url = new URL(base.toString());
  if (query) appendParams(url.searchParams, query);
  return url;
}

function appendParams(params: URLSearchParams, values: Record<string, ParamValue>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, value === null ? '' : String(value));
  }
}

function encodeBody(req: HttpRequest): { body: string | undefined; contentType: string | undefined } {
  if (req.form) {
    const params = new URLSearchParams();
    appendParams(params, req.form);
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (req.json !== undefined) return { body: JSON.stringify(req.json), contentType: 'application/json' };
  return { body: undefined, contentType: undefined };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  if (contentType?.includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function defaultStatusMessage(status: number, url: URL): string {
  switch (status) {
    case 401:
      return 'Authentication failed: check the account credentials.';
    case 403:
      return 'The credentials are valid but not allowed to do this.';
    case 404:
      return `The requested resource ${url.pathname} was not found`;
    case 429:
      return 'Too many requests: the provider is rate-limiting this account.';
    default:
      return status >= 500 ? `The provider had an internal error (HTTP ${status}).` : `Request failed with HTTP ${status}.`;
  }
}
