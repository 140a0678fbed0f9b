import twilio from 'twilio';
import { EmulatorRequestClient, type SdkRetryOptions } from '../test/support/twilio-sdk-client';

/** The official `twilio` SDK pointed at the emulator, with the SDK's own retry options. */
export function twilioSdkPeer(
  emulator: { baseUrl: string; credentials: { accountSid: string; authToken: string } },
  retry: SdkRetryOptions = { autoRetry: false },
): twilio.Twilio {
  const httpClient = new EmulatorRequestClient(emulator.baseUrl, retry);
  return twilio(emulator.credentials.accountSid, emulator.credentials.authToken, { httpClient });
}
