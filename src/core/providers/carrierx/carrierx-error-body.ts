import type { ErrorBodyReader } from '../../http/transport';
import { CarrierXErrorBodySchema } from './models';

/**
 * Reads CarrierX's error body: `{message, errors: [{field, message}]}`. The docs do not pin
 * the exact shape (api-facts §8), so a body with only `message`, or none, is accepted too.
 */
export const readCarrierXErrorBody: ErrorBodyReader = (_status, body) => {
  const parsed = CarrierXErrorBodySchema.safeParse(body);
  if (!parsed.success) return typeof body === 'string' && body.length > 0 && body.length < 300 ? { message: body } : {};
  const fieldErrors = (parsed.data.errors ?? []).map((e) => ({ field: e.field ?? null, message: e.message ?? 'invalid' }));
  const details = fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  const head = parsed.data.message;
  const message = head && details ? `${head}: ${details}` : (head ?? (details || undefined));
  return { ...(message !== undefined ? { message } : {}), fieldErrors };
};
