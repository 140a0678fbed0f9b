import type { ErrorObject, ValidateFunction } from 'ajv';

// The trunk-file schema validator is generated at build time from schemas/ (ajv standalone
// code, scripts/trunk-validator-plugin.js): nothing is compiled at run time. Its module is
// loaded with the first validation, not at activation.

let precompiled: ValidateFunction | undefined;
let check: ValidateFunction | undefined;

/** Validates one document's value against the trunk file schema; [] when valid. */
export function validateTrunkValue(value: unknown): ErrorObject[] {
  precompiled ??= require('trunkline:precompiled-trunk-validator') as ValidateFunction;
  return precompiled(value) ? [] : [...(precompiled.errors ?? [])];
}

/**
 * Whether the value is valid: the same verdict as validateTrunkValue, from a smaller generated
 * check (no error details), so the first validation of a session compiles less code.
 */
export function isValidTrunkValue(value: unknown): boolean {
  check ??= require('trunkline:precompiled-trunk-check') as ValidateFunction;
  return check(value) === true;
}
