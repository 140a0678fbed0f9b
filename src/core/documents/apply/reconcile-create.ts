import { isProviderError } from '../../http/provider-error';

// No duplicates. A create whose answer never came (connection reset after the provider
// committed, response timeout) may or may not have happened, so it is never simply sent again:
// the resource is first looked up by its unique key (a Twilio trunk by domain_name, an
// origination URL by sip_url on its trunk, a number by its PN SID on the trunk). BYOC trunks,
// CarrierX trunk groups and CarrierX trunks have no unique key: the SIDs of the resources with
// the same name are noted before the create, and a new one with that name afterwards is taken
// to be ours (one that someone else creates with the same name at the same moment would be
// mistaken for it; two new ones stop the push instead of guessing). Only a look-up that proves
// the create did not happen lets it be sent again, at most `maxAttempts` times in all. A 5xx
// answer counts as unknown too: the provider may have committed before failing.

export interface CreateProcedure<T> {
  /** For messages, e.g. `trunk acme-main.pstn.twilio.com`. */
  what: string;
  /** Without a unique key: the SIDs of same-named resources before creating. */
  before?: (() => Promise<ReadonlySet<string>>) | undefined;
  create(): Promise<T>;
  /**
   * After an unknown outcome: the created resource, or undefined when it provably does not
   * exist. Throws AmbiguousCreateError when it cannot tell.
   */
  find(before: ReadonlySet<string> | undefined, signal: AbortSignal | undefined): Promise<T | undefined>;
}

export interface CreateOutcome<T> {
  value: T;
  /** Found by a look-up after an unknown outcome rather than from the create's answer. */
  reconciled: boolean;
}

export const DEFAULT_CREATE_ATTEMPTS = 3;

/** Several candidates appeared: we will not guess which one the create made. */
export class AmbiguousCreateError extends Error {
  override readonly name = 'AmbiguousCreateError';
}

/** The create's outcome stayed unknown: it may exist, and we could not find out. */
export class UncertainCreateError extends Error {
  override readonly name = 'UncertainCreateError';
}

/** Picks the one new SID among same-named resources, for `find` without a unique key. */
export function newResource<T>(what: string, candidates: readonly T[], sidOf: (item: T) => string, before: ReadonlySet<string> | undefined): T | undefined {
  const fresh = candidates.filter((c) => !before?.has(sidOf(c)));
  if (fresh.length > 1) {
    throw new AmbiguousCreateError(
      `${fresh.length} new ${what} resources appeared while creating one (${fresh.map(sidOf).join(', ')}); Trunkline cannot tell which is this document's. Put the right sid in the document and delete the others.`,
    );
  }
  return fresh[0];
}

export interface CreateOptions {
  signal?: AbortSignal | undefined;
  maxAttempts?: number | undefined;
  /**
   * Called with the snapshot of same-named resources before the first request is sent, to
   * journal the create: if the process dies before the new sid is written anywhere, the next
   * plan can still tell which resource this create made.
   */
  beforeSend?: ((before: ReadonlySet<string>) => Promise<void>) | undefined;
}

/** Creates once, reconciling every unknown outcome before anything is sent again. */
export async function createWithoutDuplicates<T>(procedure: CreateProcedure<T>, options: CreateOptions = {}): Promise<CreateOutcome<T>> {
  const { signal } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_CREATE_ATTEMPTS);
  const before = procedure.before ? await procedure.before() : undefined;
  if (before && options.beforeSend) await options.beforeSend(before);
  let unknown: Error | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return { value: await procedure.create(), reconciled: false };
    } catch (error) {
      if (isProviderError(error) && error.kind === 'cancelled') {
        // The request may have left before the cancel: look once (not cancellable, it is short)
        // so that a resource that was made still gets its sid written.
        const found = await procedure.find(before, undefined).catch(() => undefined);
        if (found !== undefined) return { value: found, reconciled: true };
        throw error;
      }
      if (!outcomeUnknown(error)) throw error;
      unknown = error as Error;
    }
    let found: T | undefined;
    try {
      found = await procedure.find(before, signal);
    } catch (lookupError) {
      if (lookupError instanceof AmbiguousCreateError) throw lookupError;
      const reason = lookupError instanceof Error ? lookupError.message : String(lookupError);
      throw new UncertainCreateError(
        `Creating ${procedure.what} got no clear answer (${unknown.message.replace(/[.\s]+$/, '')}) and looking it up failed (${reason}). It may exist: check the account before pushing again.`,
        { cause: unknown },
      );
    }
    if (found !== undefined) return { value: found, reconciled: true };
  }
  const last = unknown instanceof Error ? unknown.message.replace(/[.\s]+$/, '') : 'no answer';
  throw new UncertainCreateError(`Creating ${procedure.what} failed ${maxAttempts} times without a clear answer (last: ${last}); it was not created. Push again later.`, { cause: unknown });
}

/**
 * Whether a failed create may have happened: no answer after the request left (reset,
 * response timeout), a server error (it may have committed before failing), or a success
 * answer we could not read.
 */
function outcomeUnknown(error: unknown): boolean {
  if (!isProviderError(error)) return false;
  return error.outcomeUnknown || error.kind === 'parse' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}
