import type { ParamValue } from '../../http/transport';

/** `transfer_caller_id` → `TransferCallerId`: Twilio's form parameters are the PascalCase of the field names. */
export function twilioParamName(field: string): string {
  return field
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Builds a form body from the writable fields that are present. Read-only and unknown keys
 * are never sent; null is sent as an empty value, which is how Twilio clears a field.
 */
export function twilioForm(fields: object, writable: readonly string[]): Record<string, ParamValue> {
  const form: Record<string, ParamValue> = {};
  const values = fields as Record<string, unknown>;
  for (const key of writable) {
    const value = values[key];
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError(`Twilio field ${key} must be a string, number or boolean`);
    }
    form[twilioParamName(key)] = value;
  }
  return form;
}
