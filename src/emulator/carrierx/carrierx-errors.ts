import { ApiError } from '../http/api-error';

/** One entry of `errors[]`: the attribute at fault (null when none) and what is wrong. */
export interface FieldError {
  field: string | null;
  message: string;
}

/** CarrierX's error body as the emulator answers it (api-facts §8): `{message, errors[]}`. */
export function carrierXErrorBody(message: string, errors: FieldError[] = []): { message: string; errors: FieldError[] } {
  return { message, errors };
}

export function carrierXError(status: number, message: string, errors: FieldError[] = [], headers?: Record<string, string>): ApiError {
  return new ApiError(status, carrierXErrorBody(message, errors), headers);
}

export function validationError(errors: FieldError[]): ApiError {
  return carrierXError(422, 'Object validation error', errors);
}

export function itemNotFound(field: string, sid: string): ApiError {
  return carrierXError(404, 'Cannot find item by SID', [{ field, message: `no item with ${field} ${sid}` }]);
}

export function badQuery(field: string, message: string): ApiError {
  return carrierXError(400, 'Bad Request', [{ field, message }]);
}
