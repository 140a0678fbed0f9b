import type { z } from 'zod';
import { ProviderError, type ProviderName } from './provider-error';

/** A page with more items than this is checked by zod's compiled fast path. */
const JIT_ITEMS = 200;

/**
 * zod's fast path compiles each object schema into new code (`new Function`) on its first
 * parse: code the bundles' code cache cannot keep, so every session paid for it in its first
 * request (a third of the CPU of the explorer's first expansion, bench/README.md). Without it
 * an item costs a few µs more: worth it for a page of the tree (50), not for 1,000-item pages
 * (enumerations, plans, Find Number), which keep the compiled check.
 */
function isLargePage(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  for (const value of Object.values(body)) if (Array.isArray(value) && value.length > JIT_ITEMS) return true;
  return false;
}

/**
 * Validates a provider response against its model. Unknown extra fields are tolerated (the
 * models are not strict); a missing or mistyped field becomes a ProviderError that says
 * which field, so a changed API is reported, not silently mis-read.
 */
export function parseResponse<T extends z.ZodType>(
  provider: ProviderName,
  schema: T,
  body: unknown,
  what: string,
  context: { method: string; path: string; requestId?: string | undefined },
): z.output<T> {
  const result = schema.safeParse(body, { jitless: !isLargePage(body) });
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
  const who = provider === 'twilio' ? 'Twilio' : 'CarrierX';
  return ((): never => {
    throw new ProviderError({
      provider,
      kind: 'parse',
      message: `${who} returned ${what} that Trunkline could not read (${problems}). The API may have changed; please report this with the log.`,
      method: context.method,
      path: context.path,
      requestId: context.requestId,
    });
  })();
}
