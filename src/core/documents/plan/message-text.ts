import { errorLine } from '../../http/provider-error';

// Small pieces of the sentences plans, results and summaries are made of.

/** `1 operation`, `3 operations` */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** An error as one clause of a sentence: the provider's code and message, no final period. */
export function errorText(error: unknown): string {
  return errorLine(error).replace(/[.\s]+$/, '');
}
