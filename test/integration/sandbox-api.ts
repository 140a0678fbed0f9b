import { SANDBOX_CREDENTIALS } from '../../src/emulator/sandbox-credentials';
import { trunklineTesting } from './trunkline-testing';

// What the sandbox provider holds, asked over HTTP as any API client would: the check that a
// command really changed the provider, independent of the extension's own client.

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A Twilio request to the sandbox: form-encoded body, Basic auth with the sandbox Auth Token. */
export async function sandboxTwilio<T = any>(method: string, path: string, form?: Record<string, string>): Promise<ApiResponse<T>> {
  const auth = Buffer.from(`${SANDBOX_CREDENTIALS.accountSid}:${SANDBOX_CREDENTIALS.authToken}`).toString('base64');
  const headers: Record<string, string> = { authorization: `Basic ${auth}`, accept: 'application/json' };
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  return send(`${await baseUrl()}${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
}

/** A CarrierX Core API v2 request to the sandbox; `path` is below /core/v2. */
export async function sandboxCarrierX<T = any>(method: string, path: string, json?: unknown): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${SANDBOX_CREDENTIALS.carrierXToken}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  return send(`${await baseUrl()}/core/v2${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
}

/** The account's path prefix in Twilio's 2010 API. */
export const ACCOUNT_PATH = `/2010-04-01/Accounts/${SANDBOX_CREDENTIALS.accountSid}`;

async function baseUrl(): Promise<string> {
  return (await trunklineTesting()).sandboxBaseUrl();
}

async function send(url: string, init: { method: string; headers: Record<string, string>; body?: string | undefined }): Promise<ApiResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
