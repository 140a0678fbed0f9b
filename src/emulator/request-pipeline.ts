import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONTROL_PREFIX, handleControl, type ControlTarget } from './control/control-api';
import type { FaultInjector } from './faults/fault-injector';
import type { ProviderFrontend } from './http/provider-frontend';
import { writeReply, type Reply } from './http/reply';
import { BodyTooLargeError, readBody } from './http/request-body';
import type { RequestStats } from './request-stats';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestPipelineDeps {
  /** Asked in order whether they serve a path… */
  frontends: readonly ProviderFrontend[];
  /** …and this one (Twilio) answers the rest, unknown paths included. */
  fallback: ProviderFrontend;
  faults: FaultInjector;
  stats: RequestStats;
  control: ControlTarget;
  /** Called after a request changed the state (persistence). */
  onCommit: () => void;
  /** Aborted when the emulator closes: delayed and held requests stop waiting. */
  closing: AbortSignal;
}

/**
 * One request, start to end: control endpoints; otherwise count it, roll the fault dice, let
 * the provider answer, and apply faults that strike after the change is made.
 */
export class RequestPipeline {
  constructor(private readonly deps: RequestPipelineDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    // Only the path and query matter; the host is whatever the client used.
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (url.pathname.startsWith(CONTROL_PREFIX)) return this.control(req, res, method, url);
    const frontend = this.deps.frontends.find((f) => f.serves(url.pathname)) ?? this.deps.fallback;
    try {
      await this.serve(req, res, method, url, frontend);
    } catch (error) {
      if ((error as Error).name === 'AbortError') req.socket.destroy();
      else if (!res.headersSent) writeReply(res, frontend.serverError(500));
      else res.destroy();
    }
  }

  private async control(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    try {
      writeReply(res, handleControl(method, url.pathname, await readBody(req), this.deps.control));
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 500;
      if (!res.headersSent) writeReply(res, { status, body: { error: (error as Error).message } });
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse, method: string, url: URL, frontend: ProviderFrontend): Promise<void> {
    const template = frontend.routeTemplate(method, url.pathname);
    this.deps.stats.record(method, template, url.pathname);
    const plan = this.deps.faults.plan(method, url.pathname, template);
    if (plan.delayMs > 0) await sleep(plan.delayMs, undefined, { signal: this.deps.closing });
    if (plan.early?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (plan.early) {
      writeReply(
        res,
        plan.early.kind === 'throttle' ? frontend.tooManyRequests(plan.early.retryAfterSeconds) : frontend.serverError(plan.early.status),
      );
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return writeReply(res, frontend.payloadTooLarge());
      throw error;
    }
    const reply: Reply = frontend.handle({ method, url, headers: req.headers, body });
    if (MUTATING_METHODS.has(method) && reply.status < 300) this.deps.onCommit();
    if (plan.late?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (plan.late?.kind === 'hold') await sleep(plan.late.ms, undefined, { signal: this.deps.closing });
    if (!res.destroyed) writeReply(res, reply);
  }
}
