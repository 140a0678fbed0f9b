import { isProviderError } from '../../http/provider-error';
import { collect } from '../page';
import type { TwilioClient } from './twilio-client';

/** Up to this many numbers are read one GET each; more in one listing of the account's numbers. */
export const NUMBER_TRUNKS_BY_FETCH_MAX = 20;

/**
 * The trunk each number is on right now (null: on none), read afresh before a command writes,
 * so a number a colleague moved or released since it was listed is not acted on blindly. A
 * number no longer in the account (released) is absent from the answer.
 */
export async function numberTrunksNow(client: TwilioClient, numberSids: readonly string[], signal?: AbortSignal): Promise<Map<string, string | null>> {
  const wanted = new Set(numberSids);
  const now = new Map<string, string | null>();
  if (wanted.size > NUMBER_TRUNKS_BY_FETCH_MAX) {
    for (const n of await collect(client.incomingPhoneNumbers.list({ pageSize: 1000, signal }))) if (wanted.has(n.sid)) now.set(n.sid, n.trunk_sid ?? null);
    return now;
  }
  for (const sid of wanted) {
    try {
      now.set(sid, (await client.incomingPhoneNumbers.fetch(sid, { signal })).trunk_sid ?? null);
    } catch (e) {
      if (!(isProviderError(e) && e.isNotFound)) throw e;
    }
  }
  return now;
}
