export type ProviderName = 'twilio' | 'carrierx';

/**
 * What went wrong, in terms a caller can act on:
 * - `http`      the provider answered with an error status (see `status`, `code`)
 * - `network`   no usable answer: refused, reset, DNS, TLS
 * - `timeout`   connect or response timeout
 * - `cancelled` the caller's AbortSignal fired
 * - `parse`     the provider answered 2xx with a body we could not read
 * - `config`    the request was refused before sending (e.g. plain http to a remote host)
 */
export type ProviderErrorKind = 'http' | 'network' | 'timeout' | 'cancelled' | 'parse' | 'config';

export interface ProviderErrorInit {
  provider: ProviderName;
  kind: ProviderErrorKind;
  message: string;
  method?: string;
  path?: string;
  status?: number;
  code?: number | string;
  moreInfo?: string;
  requestId?: string;
  retryable?: boolean;
  /** The request may have been applied by the provider even though we saw no answer. */
  outcomeUnknown?: boolean;
  /** Seconds the provider asked us to wait (429 Retry-After). */
  retryAfterSeconds?: number;
  /** Per-field problems reported by the provider (CarrierX `errors[]`). */
  fieldErrors?: readonly { field: string | null; message: string }[];
  cause?: unknown;
}

/** The one error type every provider call throws. Its message never contains a secret. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: ProviderName;
  readonly kind: ProviderErrorKind;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly code: number | string | undefined;
  readonly moreInfo: string | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly fieldErrors: readonly { field: string | null; message: string }[];

  constructor(init: ProviderErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.moreInfo = init.moreInfo;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }

  get isAuthError(): boolean {
    return this.kind === 'http' && (this.status === 401 || this.status === 403);
  }

  /** One line for a notification: "Twilio 21248: Trunk Domain already taken (HTTP 400)". */
  toDisplayString(): string {
    const who = this.provider === 'twilio' ? 'Twilio' : 'CarrierX';
    const code = this.code !== undefined ? ` ${this.code}` : '';
    const status = this.status !== undefined ? ` (HTTP ${this.status})` : '';
    return `${who}${code}: ${this.message}${status}`;
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

/** One line for anything thrown: a provider's error with its code and status, else its message. */
export function errorLine(e: unknown): string {
  return isProviderError(e) ? e.toDisplayString() : e instanceof Error ? e.message : String(e);
}
