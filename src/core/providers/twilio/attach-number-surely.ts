import { isProviderError } from '../../http/provider-error';
import { numberTrunksNow } from './number-trunks-now';
import type { TwilioClient } from './twilio-client';

/**
 * Attaches a number to a trunk. An answer lost, or a 5xx, may have attached it anyway: the
 * number is looked up, and the attach sent once more only when it is still on no trunk. Any
 * other outcome (on another trunk meanwhile, released, the look-up failing) throws the attach's
 * own error, so the caller can say what is known.
 */
export async function attachNumberSurely(client: TwilioClient, trunkSid: string, numberSid: string, signal?: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.trunkPhoneNumbers.attach(trunkSid, numberSid, { signal });
      return;
    } catch (e) {
      const unknown = isProviderError(e) && (e.outcomeUnknown || (e.kind === 'http' && (e.status ?? 0) >= 500));
      if (!unknown) throw e;
      const now = await numberTrunksNow(client, [numberSid], signal).then(
        (found) => found.get(numberSid),
        () => undefined,
      );
      if (now === trunkSid) return;
      if (now === null && attempt < 2) continue;
      throw e;
    }
  }
}
