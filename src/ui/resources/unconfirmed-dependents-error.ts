/**
 * A delete that changes other resources first (trunks cleared, unlinked or left with no
 * endpoint, numbers freed) found, right before its first write, ones its confirmation did not
 * name: a colleague's, since. Nothing was sent; the message names them and what would happen
 * to them, and Delete asks again.
 */
export class UnconfirmedDependentsError extends Error {
  override readonly name = 'UnconfirmedDependentsError';
  constructor(
    message: string,
    /** Their sids, to add to the confirmed ones when the user agrees. */
    readonly sids: readonly string[],
  ) {
    super(message);
  }
}

export function isUnconfirmedDependents(e: unknown): e is UnconfirmedDependentsError {
  return e instanceof Error && e.name === 'UnconfirmedDependentsError' && Array.isArray((e as UnconfirmedDependentsError).sids);
}

/**
 * Throws, before any write, when the dependents read just now include ones the confirmation did
 * not name (`confirmed` undefined: no confirmation to hold to). `say` words the sentence from
 * their labels (as the confirmation wrote them, quotes included).
 */
export function refuseUnconfirmed<T>(
  found: readonly T[],
  confirmed: ReadonlySet<string> | undefined,
  sidOf: (item: T) => string,
  labelOf: (item: T) => string,
  say: (labels: string) => string,
): void {
  if (!confirmed) return;
  const unnamed = found.filter((item) => !confirmed.has(sidOf(item)));
  if (unnamed.length === 0) return;
  throw new UnconfirmedDependentsError(say(unnamed.map(labelOf).join(', ')), unnamed.map(sidOf));
}
