import { collect } from '../../providers/page';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import type { PhoneNumberChoice } from './complete-at';

/**
 * The account's incoming numbers as completion choices, each with the name of the trunk it is
 * on now (a name says more than a sid). Trunks are listed only when some number is on one; if
 * that listing fails the choices keep the sid alone rather than failing the completion.
 */
export async function phoneNumberChoices(client: Pick<TwilioClient, 'incomingPhoneNumbers' | 'trunks'>, signal?: AbortSignal): Promise<PhoneNumberChoice[]> {
  const numbers = await collect(client.incomingPhoneNumbers.list({ pageSize: 1000, signal }));
  const names = new Map<string, string>();
  if (numbers.some((n) => n.trunk_sid)) {
    try {
      for (const trunk of await collect(client.trunks.list({ pageSize: 1000, signal }))) {
        if (trunk.friendly_name) names.set(trunk.sid, trunk.friendly_name);
      }
    } catch {
      // Names are a nicety; the sids still say where each number is.
    }
  }
  return numbers.map((n) => ({
    phone_number: n.phone_number,
    friendly_name: n.friendly_name,
    trunk_sid: n.trunk_sid,
    trunk_name: n.trunk_sid ? (names.get(n.trunk_sid) ?? null) : null,
  }));
}
