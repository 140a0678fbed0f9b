import { request } from 'undici';
import type { TestEmulator } from './test-emulator';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

type Form = Record<string, string | number | boolean>;

async function send(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<TestResponse> {
  const res = await request(url, { method: init.method as 'GET', headers: init.headers, body: init.body });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** A Twilio request as twilio-node sends it: form body, PascalCase params, %20 for spaces. */
export function twilio(
  emulator: TestEmulator,
  method: string,
  path: string,
  form?: Form | string,
  authorization: string | undefined = emulator.auth.twilio,
): Promise<TestResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization) headers.authorization = authorization;
  let body: string | undefined;
  if (form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body =
      typeof form === 'string'
        ? form
        : Object.entries(form)
            .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
            .join('&');
  }
  return send(`${emulator.baseUrl}${path}`, { method, headers, body });
}

/** A CarrierX Core API v2 request: JSON body, bearer token. `path` is below /core/v2. */
export function carrierX(
  emulator: TestEmulator,
  method: string,
  path: string,
  json?: unknown,
  init: { authorization?: string; contentType?: string; rawBody?: string } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { authorization: init.authorization ?? emulator.auth.carrierX };
  let body: string | undefined = init.rawBody;
  if (json !== undefined) body = JSON.stringify(json);
  if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  return send(`${emulator.baseUrl}/core/v2${path}`, { method, headers, body });
}

/** A request to the emulator's own /__emulator/ endpoints. */
export function control(emulator: TestEmulator, method: string, path: string, json?: unknown): Promise<TestResponse> {
  const headers: Record<string, string> = json === undefined ? {} : { 'content-type': 'application/json' };
  return send(`${emulator.baseUrl}/__emulator${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
}

export function accountPath(emulator: TestEmulator, rest: string): string {
  return `/2010-04-01/Accounts/${emulator.credentials.accountSid}${rest}`;
}
