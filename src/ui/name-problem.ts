import { t } from './l10n';

/** Why a typed name cannot be used: empty, or longer than the provider allows. */
export function nameProblem(value: string, maxLength?: number): string | undefined {
  if (value.trim() === '') return t('Enter a name.');
  if (maxLength !== undefined && value.length > maxLength) return t('At most {0} characters ({1} now).', maxLength, value.length);
  return undefined;
}
