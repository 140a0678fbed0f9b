import type { ResourceChange } from '../resource-change-bus';

/**
 * A write of several requests that failed after some of them were applied: the message says
 * what was done and what to do, and `changes` are the resources already changed, to announce.
 */
export class PartlyDoneError extends Error {
  override readonly name = 'PartlyDoneError';
  constructor(
    message: string,
    readonly changes: readonly ResourceChange[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isPartlyDone(e: unknown): e is PartlyDoneError {
  return e instanceof Error && e.name === 'PartlyDoneError' && Array.isArray((e as PartlyDoneError).changes);
}
