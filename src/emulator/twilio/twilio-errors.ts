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
  // SIP auth lists (api-facts-termination-and-numbers §2 and §5).
  ipAccessControlListInvalid: 21235,
  ipAccessControlListInUse: 21236,
  ipAddressLimit: 21237,
  ipAddressInvalid: 21238,
  credentialListLimit: 21239,
  credentialListInvalid: 21240,
  credentialListInUse: 21241,
  credentialLimit: 21242,
  credentialInvalid: 21243,
  trunkInvalid: 21245,
  ipAccessControlListLimit: 21255,
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

export function missingParameter(param: string, code: number = TWILIO_CODES.invalidParameter): ApiError {
  return twilioError(400, code, `Missing required parameter ${param} in the post body`);
}

export function unauthenticated(): ApiError {
  return twilioError(401, TWILIO_CODES.authenticate, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
}
