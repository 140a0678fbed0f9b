/** E.164: +, a country code not starting with 0, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

export interface E164Problem {
  message: string;
  /** The number in E.164 when the intent is unambiguous (separators, missing +). */
  suggestion?: string;
}

/** Says what is wrong with a phone number that is not E.164; undefined when it is. */
export function describeE164Problem(value: string): E164Problem | undefined {
  if (E164_PATTERN.test(value)) return undefined;
  const example = 'e.g. "+14155550100"';
  const digits = value.replace(/[\s().-]/g, '');
  if (digits !== value && E164_PATTERN.test(digits)) {
    return { message: `Phone number ${value} contains spaces or separators; E.164 is + and digits only: ${digits}.`, suggestion: digits };
  }
  if (/^\d+$/.test(digits) && E164_PATTERN.test(`+${digits}`)) {
    return { message: `Phone number ${value} is missing the leading + and country code prefix of E.164 (${example}).`, suggestion: `+${digits}` };
  }
  if (!value.startsWith('+')) return { message: `Phone number ${value} must start with + and the country code (E.164, ${example}).` };
  if (/^\+0/.test(value)) return { message: `Phone number ${value} has a country code starting with 0; E.164 country codes start with 1-9.` };
  if (/[^+\d]/.test(value)) return { message: `Phone number ${value} may contain only + and digits (E.164, ${example}).` };
  const count = value.length - 1;
  if (count > 15) return { message: `Phone number ${value} has ${count} digits; E.164 allows at most 15.` };
  return { message: `Phone number ${value} is too short for E.164 (${example}).` };
}
