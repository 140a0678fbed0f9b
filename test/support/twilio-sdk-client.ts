import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { RunningEmulator } from '../../src/emulator/emulator-server';

/** The SDK's own retry options (RequestClient). */
export interface SdkRetryOptions {
  autoRetry: boolean;
  maxRetries?: number;
}

/**
 * twilio-node has no base-URL option; this RequestClient sends every *.twilio.com request to the
 * emulator instead, keeping path and query (api-facts §3). Absolute next_page_urls from the
 * emulator already point at it and pass through unchanged. Used by the conformance tests and
 * as the benchmarks' peer.
 */
export class EmulatorRequestClient extends twilio.RequestClient {
  private readonly target: URL;

  constructor(baseUrl: string, retry?: SdkRetryOptions) {
    super(retry);
    this.target = new URL(baseUrl);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    if (uri.hostname === 'twilio.com' || uri.hostname.endsWith('.twilio.com')) {
      uri.protocol = this.target.protocol;
      uri.host = this.target.host;
    }
    return super.request<TData>({ ...opts, uri: uri.toString() });
  }
}

/** The official Twilio SDK talking to the emulator, with its auth token or (apiKey) its API key. */
export function twilioSdkClient(emulator: RunningEmulator, auth: { apiKey?: boolean; authToken?: string } = {}): twilio.Twilio {
  const c = emulator.credentials;
  const httpClient = new EmulatorRequestClient(emulator.baseUrl);
  return auth.apiKey
    ? twilio(c.apiKeySid, c.apiKeySecret, { accountSid: c.accountSid, httpClient })
    : twilio(c.accountSid, auth.authToken ?? c.authToken, { httpClient });
}
