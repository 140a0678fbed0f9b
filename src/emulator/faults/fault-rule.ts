/**
 * What can go wrong, on purpose:
 * - `latency`: wait `latencyMs` (+ up to `jitterMs`) before handling the request;
 * - `server-error`: answer 500 or 503 (`status`; random when absent) in the provider's error format;
 * - `throttle`: answer 429 with `Retry-After: retryAfterSeconds` (Twilio code 20429);
 * - `reset-before-commit`: destroy the connection before the request is handled (nothing changes);
 * - `reset-after-commit`: handle the request (the change is made), then destroy the connection
 *   instead of answering;
 * - `hold-response`: handle the request, then hold the answer for `holdMs` (a client timeout).
 */
export const FAULT_KINDS = ['latency', 'server-error', 'throttle', 'reset-before-commit', 'reset-after-commit', 'hold-response'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Chance in [0, 1] that a matching request gets the fault (default 1). */
  probability?: number;
  /** Only requests with this method (e.g. POST). */
  method?: string;
  /**
   * Only requests whose path equals this, or whose route template equals this
   * (`/v1/Trunks/{Sid}`), or, ending in `*`, whose path starts with the rest.
   */
  path?: string;
  /** Fire at most this many times, then stay quiet (keeps tests bounded). */
  times?: number;
  latencyMs?: number;
  jitterMs?: number;
  status?: 500 | 503;
  retryAfterSeconds?: number;
  holdMs?: number;
}

/** A token bucket over all provider requests: `requestsPerSecond` refill, `burst` capacity. */
export interface RateLimit {
  requestsPerSecond: number;
  burst?: number;
}

/** A fault rule or rate limit that does not make sense; the message says why. */
export class InvalidFaultConfigError extends Error {
  override readonly name = 'InvalidFaultConfigError';
}

export function ruleApplies(rule: FaultRule, method: string, pathname: string, template: string | undefined): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (!rule.path) return true;
  if (rule.path.endsWith('*')) return pathname.startsWith(rule.path.slice(0, -1));
  return rule.path === pathname || rule.path === template;
}

/** Checks a rule from JSON (control API, CLI); throws an InvalidFaultConfigError saying what is wrong. */
export function parseFaultRule(value: unknown): FaultRule {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InvalidFaultConfigError('a fault rule must be an object');
  const rule = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(rule.kind as FaultKind)) throw new InvalidFaultConfigError(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  const number = (key: string, min: number, max: number) => {
    const v = rule[key];
    if (v !== undefined && (typeof v !== 'number' || !(v >= min && v <= max)))
      throw new InvalidFaultConfigError(`${key} must be a number from ${min} to ${max}`);
  };
  number('probability', 0, 1);
  number('times', 0, Number.MAX_SAFE_INTEGER);
  number('latencyMs', 0, 600_000);
  number('jitterMs', 0, 600_000);
  number('retryAfterSeconds', 0, 3600);
  number('holdMs', 0, 600_000);
  if (rule.status !== undefined && rule.status !== 500 && rule.status !== 503)
    throw new InvalidFaultConfigError('status must be 500 or 503');
  for (const key of ['method', 'path']) {
    if (rule[key] !== undefined && typeof rule[key] !== 'string') throw new InvalidFaultConfigError(`${key} must be a string`);
  }
  return rule as unknown as FaultRule;
}

export function parseRateLimit(value: unknown): RateLimit {
  const limit = value as Partial<RateLimit> | null;
  if (typeof limit?.requestsPerSecond !== 'number' || !(limit.requestsPerSecond > 0))
    throw new InvalidFaultConfigError('requestsPerSecond must be a positive number');
  if (limit.burst !== undefined && (typeof limit.burst !== 'number' || !(limit.burst >= 1)))
    throw new InvalidFaultConfigError('burst must be a number of at least 1');
  return { requestsPerSecond: limit.requestsPerSecond, ...(limit.burst !== undefined ? { burst: limit.burst } : {}) };
}
