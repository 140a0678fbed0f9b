import type { FaultInjector } from '../faults/fault-injector';
import { InvalidFaultConfigError, parseFaultRule, parseRateLimit } from '../faults/fault-rule';
import type { Reply } from '../http/reply';
import { Router } from '../http/router';
import type { RequestStats } from '../request-stats';
import type { EmulatorStore } from '../store/emulator-store';

export const CONTROL_PREFIX = '/__emulator/';

/** What the control endpoints act on. */
export interface ControlTarget {
  store: EmulatorStore;
  faults: FaultInjector;
  stats: RequestStats;
  /** Back to the state, faults and stats the emulator started with. */
  reset(): void;
}

interface ControlRequest {
  params: Record<string, string>;
  body: unknown;
  target: ControlTarget;
}

type ControlHandler = (req: ControlRequest) => Reply;

const faultsBody = (t: ControlTarget) => ({ rules: t.faults.list(), rateLimit: t.faults.rateLimit ?? null });

/** Rules from `{rules: [...]}`, `[...]` or a single rule object. */
function rulesOf(body: unknown) {
  const list = Array.isArray(body)
    ? body
    : body !== null && typeof body === 'object' && 'rules' in body
      ? (body as { rules: unknown }).rules
      : [body];
  if (!Array.isArray(list)) throw new InvalidFaultConfigError('rules must be an array');
  return list.map(parseFaultRule);
}

const router = new Router<ControlHandler>().addAll([
  { method: 'GET', template: '/__emulator/health', handler: () => ({ status: 200, body: { status: 'ok' } }) },
  { method: 'GET', template: '/__emulator/state', handler: ({ target }) => ({ status: 200, body: target.store.snapshot() }) },
  {
    method: 'POST',
    template: '/__emulator/reset',
    handler: ({ target }) => {
      target.reset();
      return { status: 204 };
    },
  },
  { method: 'GET', template: '/__emulator/stats', handler: ({ target }) => ({ status: 200, body: target.stats.snapshot() }) },
  { method: 'GET', template: '/__emulator/requests', handler: ({ target }) => ({ status: 200, body: { requests: target.stats.log() } }) },
  {
    method: 'DELETE',
    template: '/__emulator/stats',
    handler: ({ target }) => {
      target.stats.reset();
      return { status: 204 };
    },
  },
  { method: 'GET', template: '/__emulator/faults', handler: ({ target }) => ({ status: 200, body: faultsBody(target) }) },
  {
    method: 'POST',
    template: '/__emulator/faults',
    handler: ({ target, body }) => ({ status: 201, body: { rules: rulesOf(body).map((r) => target.faults.add(r)) } }),
  },
  {
    method: 'PUT',
    template: '/__emulator/faults',
    handler: ({ target, body }) => {
      target.faults.set(rulesOf(body));
      return { status: 200, body: faultsBody(target) };
    },
  },
  {
    method: 'DELETE',
    template: '/__emulator/faults',
    handler: ({ target }) => {
      target.faults.clear();
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    template: '/__emulator/faults/{id}',
    params: { id: /^\d+$/ },
    handler: ({ target, params }) =>
      target.faults.remove(Number(params.id)) ? { status: 204 } : { status: 404, body: { error: `no fault rule ${params.id}` } },
  },
  {
    method: 'PUT',
    template: '/__emulator/rate-limit',
    handler: ({ target, body }) => {
      target.faults.setRateLimit(parseRateLimit(body));
      return { status: 200, body: faultsBody(target) };
    },
  },
  {
    method: 'DELETE',
    template: '/__emulator/rate-limit',
    handler: ({ target }) => {
      target.faults.setRateLimit(undefined);
      return { status: 204 };
    },
  },
]);

/**
 * The emulator's own endpoints under /__emulator/: never faulted, never counted, no auth
 * (the emulator only listens on loopback). Bodies are JSON; errors are `{error}`.
 */
export function handleControl(method: string, pathname: string, rawBody: Buffer, target: ControlTarget): Reply {
  const match = router.match(method, pathname);
  if (match.kind === 'not-found') return { status: 404, body: { error: `no control endpoint ${pathname}` } };
  if (match.kind === 'method-not-allowed') return { status: 405, body: { error: `${method} is not supported on ${pathname}` } };
  try {
    const body = rawBody.length ? (JSON.parse(rawBody.toString('utf8')) as unknown) : undefined;
    return match.route.handler({ params: match.params, body, target });
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof InvalidFaultConfigError) return { status: 400, body: { error: error.message } };
    throw error;
  }
}
