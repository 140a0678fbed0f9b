import type { z } from 'zod';
import { ProviderError, type ProviderName } from './provider-error';

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
  const result = schema.safeParse(body);
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
