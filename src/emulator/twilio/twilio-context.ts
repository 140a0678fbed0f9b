import type { Reply } from '../http/reply';
import type { RouteDefinition } from '../http/router';
import { notFound } from './twilio-errors';
import type { TrunkRecord } from './twilio-records';
import type { TwilioState } from './twilio-state';

/** What a Twilio route handler gets: the matched request, the account and the time. */
export interface TwilioContext {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The form body (x-www-form-urlencoded); empty for other bodies. */
  form: URLSearchParams;
  /** The request path, for 404 messages and page URLs. */
  path: string;
  /** The emulator's own base URL: every absolute URL in a response points here. */
  baseUrl: string;
  accountSid: string;
  state: TwilioState;
  now: number;
}

export type TwilioHandler = (ctx: TwilioContext) => Reply;
export type TwilioRoute = RouteDefinition<TwilioHandler>;

/** The trunk named by a path parameter, or the 404 Twilio answers. */
export function pathTrunk(ctx: TwilioContext, param: 'Sid' | 'TrunkSid'): TrunkRecord {
  return orNotFound(ctx.state.trunks.get(ctx.params[param] ?? ''), ctx.path);
}

export function orNotFound<T>(value: T | undefined, path: string): T {
  if (value === undefined) throw notFound(path);
  return value;
}
