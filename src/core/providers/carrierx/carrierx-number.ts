// Apart from the client: the explorer and the trunk-file engine show numbers without loading zod.

/** `+15162065574` → `15162065574`: CarrierX writes numbers as E.164 digits without the `+`. */
export function toCarrierXNumber(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** `15162065574` → `+15162065574`, as Trunkline shows and files numbers. */
export function fromCarrierXNumber(digits: string): string {
  return digits.startsWith('+') ? digits : `+${digits}`;
}
