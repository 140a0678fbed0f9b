import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

export interface SdkRetryOptions {
  autoRetry: boolean;
  maxRetries?: number;
}

/**
 * The official `twilio` SDK pointed at the emulator: twilio-node has no base-URL option, so its
 * RequestClient sends every *.twilio.com request to the emulator instead, keeping path and
 * query (api-facts §3, the approach of test/support/twilio-sdk-client.ts). Retry options are
 * the SDK's own (RequestClient: autoRetry, maxRetries).
 */
class EmulatorRequestClient extends twilio.RequestClient {
  private readonly target: URL;

  constructor(baseUrl: string, retry: SdkRetryOptions) {
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

export function twilioSdkPeer(
  emulator: { baseUrl: string; credentials: { accountSid: string; authToken: string } },
  retry: SdkRetryOptions = { autoRetry: false },
): twilio.Twilio {
  const httpClient = new EmulatorRequestClient(emulator.baseUrl, retry);
  return twilio(emulator.credentials.accountSid, emulator.credentials.authToken, { httpClient });
}
