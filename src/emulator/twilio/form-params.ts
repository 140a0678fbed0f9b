import { HTTP_METHODS, type HttpMethodName } from '../../core/providers/twilio/models';
import { ApiError } from '../http/api-error';
import { invalidParameter, missingParameter, twilioError, type TwilioErrorBody } from './twilio-errors';

/** Turns one raw form value into the stored value, or throws a 400 naming the parameter. */
export type ParamDecoder<T> = (raw: string, param: string) => T;

/** A form parameter: the record field it is stored as, and how its value is read. */
export interface FormParam<F extends string, T> {
  field: F;
  decode: ParamDecoder<T>;
}

export function param<F extends string, T>(field: F, decode: ParamDecoder<T>): FormParam<F, T> {
  return { field, decode };
}

/**
 * The form parameters of one operation, keyed by their names as Twilio's OpenAPI specs spell
 * them (`FriendlyName`). Written out here rather than derived from the client's field names, so
 * that a naming mistake in the client is caught by the emulator instead of mirrored by it; a unit
 * test checks every name against the specs in ../shared/api.
 */
export type FormTable = Record<string, FormParam<string, unknown>>;

type Decoded<S extends FormTable> = { -readonly [P in keyof S as S[P]['field']]?: S[P] extends FormParam<string, infer T> ? T : never };

/** Reads the parameters of `table` that are present in the form. Unknown parameters are ignored, as Twilio does. */
export function readParams<S extends FormTable>(form: URLSearchParams, table: S): Decoded<S> {
  const out: Record<string, unknown> = {};
  for (const [name, { field, decode }] of Object.entries(table)) {
    const raw = form.get(name);
    if (raw !== null) out[field] = decode(raw, name);
  }
  return out as Decoded<S>;
}

/**
 * Throws the "Missing required parameter" 400 for the first parameter absent or empty in the
 * form, with the resource's own error code when it has one (the SIP auth lists do).
 */
export function requireParams(form: URLSearchParams, names: readonly string[], code?: number): void {
  for (const name of names) {
    if (!form.get(name)) throw missingParameter(name, code);
  }
}

/** The same decoder, answering with a resource's own error code instead of the generic 20001. */
export function withCode<T>(code: number, decode: ParamDecoder<T>): ParamDecoder<T> {
  return (raw, param) => {
    try {
      return decode(raw, param);
    } catch (error) {
      if (error instanceof ApiError) throw twilioError(error.status, code, (error.body as TwilioErrorBody).message);
      throw error;
    }
  };
}

export function text(max: number): ParamDecoder<string> {
  return (raw, param) => {
    if (raw.length > max) throw invalidParameter(`${param} must be at most ${max} characters long`);
    return raw;
  };
}

/** Like `text`, but an empty value clears the field. */
export function nullableText(max: number): ParamDecoder<string | null> {
  const decode = text(max);
  return (raw, param) => (raw === '' ? null : decode(raw, param));
}

export const bool: ParamDecoder<boolean> = (raw, param) => {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw invalidParameter(`${param} must be true or false, not ${quote(raw)}`);
};

export function integer(min: number, max: number): ParamDecoder<number> {
  return (raw, param) => {
    const value = /^-?\d{1,10}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalidParameter(`${param} must be an integer from ${min} to ${max}, not ${quote(raw)}`);
    }
    return value;
  };
}

export function oneOf<V extends string>(values: readonly V[]): ParamDecoder<V> {
  return (raw, param) => {
    if ((values as readonly string[]).includes(raw)) return raw as V;
    throw invalidParameter(`${param} must be one of ${values.join(', ')}, not ${quote(raw)}`);
  };
}

/** GET or POST (any case); an empty value clears the field. */
export const httpMethod: ParamDecoder<HttpMethodName | null> = (raw, param) => {
  if (raw === '') return null;
  const upper = raw.toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(upper)) return upper as HttpMethodName;
  throw invalidParameter(`${param} must be GET or POST, not ${quote(raw)}`);
};

/** An absolute http(s) URL; an empty value clears the field. */
export const url: ParamDecoder<string | null> = (raw, param) => {
  if (raw === '') return null;
  if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw))
    throw invalidParameter(`${param} must be an absolute http or https URL, not ${quote(raw)}`);
  return raw;
};

export function sid(pattern: RegExp): ParamDecoder<string> {
  return (raw, param) => {
    if (pattern.test(raw)) return raw;
    throw invalidParameter(`${param} must match ${pattern.source}, not ${quote(raw)}`);
  };
}

/** A SID, or an empty value to clear the field. */
export function nullableSid(pattern: RegExp): ParamDecoder<string | null> {
  const decode = sid(pattern);
  return (raw, param) => (raw === '' ? null : decode(raw, param));
}

export function quote(raw: string): string {
  return JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw);
}
