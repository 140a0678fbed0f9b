import type { ErrorBodyReader } from '../../http/transport';
import { TwilioErrorBodySchema } from './models';

/** Reads Twilio's legacy error body: {code, message, more_info, status}. */
export const readTwilioErrorBody: ErrorBodyReader = (_status, body) => {
  const parsed = TwilioErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const { code, message, more_info } = parsed.data;
  return {
    ...(code !== undefined ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(more_info !== undefined ? { moreInfo: more_info } : {}),
  };
};
