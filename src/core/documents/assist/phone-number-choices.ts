import { fromCarrierXNumber } from '../../providers/carrierx/carrierx-number';
import type { CarrierXClient } from '../../providers/carrierx/carrierx-client';
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

/**
 * The CarrierX account's DIDs as completion choices (E.164, as files write them), each with the
 * trunk group it is assigned to now, by name when the groups could be listed.
 */
export async function didChoices(client: Pick<CarrierXClient, 'dids' | 'trunkGroups'>, signal?: AbortSignal): Promise<PhoneNumberChoice[]> {
  const dids = await collect(client.dids.list({ pageSize: 1000, signal }));
  const names = new Map<string, string>();
  if (dids.some((d) => d.trunk_group_sid)) {
    try {
      for (const group of await collect(client.trunkGroups.list({ pageSize: 1000, signal }))) if (group.name) names.set(group.trunk_group_sid, group.name);
    } catch {
      // As for trunks: the sids still say where each number is.
    }
  }
  return dids.map((d) => ({
    phone_number: fromCarrierXNumber(d.phonenumber),
    friendly_name: d.name && d.name !== 'N/A' ? d.name : null,
    trunk_sid: d.trunk_group_sid,
    trunk_name: d.trunk_group_sid ? (names.get(d.trunk_group_sid) ?? null) : null,
    place: 'trunk group' as const,
  }));
}
