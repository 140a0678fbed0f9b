import { ApiError } from '../http/api-error';

/** The Twilio error codes the emulator answers with (api-facts §1; README for the chosen ones). */
export const TWILIO_CODES = {
  invalidParameter: 20001,
  authenticate: 20003,
  methodNotAllowed: 20004,
  notFound: 20404,
  tooManyRequests: 20429,
  internalServerError: 20500,
  serviceUnavailable: 20503,
  phoneNumberUnavailable: 21422,
  trunkDomainTaken: 21248,
  invalidPageToken: 21481,
  maxConnectionPolicies: 21253,
} as const;

/** Twilio's legacy error body, the one these APIs use (never the RFC-9457 shape). */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioErrorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(status, twilioErrorBody(status, code, message), headers);
}

export function notFound(path: string): ApiError {
  return twilioError(404, TWILIO_CODES.notFound, `The requested resource ${path} was not found`);
}

export function invalidParameter(message: string): ApiError {
  return twilioError(400, TWILIO_CODES.invalidParameter, message);
}

export function missingParameter(param: string): ApiError {
  return invalidParameter(`Missing required parameter ${param} in the post body`);
}

export function unauthenticated(): ApiError {
  return twilioError(401, TWILIO_CODES.authenticate, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
}
