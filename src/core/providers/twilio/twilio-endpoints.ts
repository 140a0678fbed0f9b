/** The three Twilio hosts this extension talks to. */
export interface TwilioEndpoints {
  trunking: string;
  voice: string;
  api: string;
}

export const TWILIO_PRODUCTION_ENDPOINTS: TwilioEndpoints = {
  trunking: 'https://trunking.twilio.com',
  voice: 'https://voice.twilio.com',
  api: 'https://api.twilio.com',
};

/**
 * With a base URL override (the emulator, a gateway), every product is served from it: the
 * real paths (/v1/Trunks, /v1/ByocTrunks, /2010-04-01/…) do not collide.
 */
export function twilioEndpoints(baseUrl?: string): TwilioEndpoints {
  if (!baseUrl) return TWILIO_PRODUCTION_ENDPOINTS;
  const base = baseUrl.replace(/\/+$/, '');
  return { trunking: base, voice: base, api: base };
}
