/** The credentials the emulator accepts: one Twilio account (+ one API key) and one CarrierX token. */
export interface EmulatorCredentials {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  carrierXToken: string;
}

/**
 * The Sandbox account's credentials. Not secrets: they open nothing but a local emulator, and
 * they are published here so that a new user can try everything without an account.
 */
export const SANDBOX_CREDENTIALS: Readonly<EmulatorCredentials> = {
  accountSid: 'AC5a4db0c5a4db0c5a4db0c5a4db0c0001',
  authToken: '5a4db0c0a0000000000000000000000d',
  apiKeySid: 'SK5a4db0c5a4db0c5a4db0c5a4db0c0001',
  apiKeySecret: 'sandboxApiKeySecretNotASecret000',
  carrierXToken: 'sandbox-carrierx-token-not-a-secret',
};
