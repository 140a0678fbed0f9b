import type { CarrierXClient } from '../providers/carrierx/carrierx-client';
import type { TwilioClient } from '../providers/twilio/twilio-client';

/**
 * One cheap call that proves the credentials work before an account is saved. For Twilio it
 * is a one-item page of the account's numbers: its path carries the Account SID, so an API
 * key of another account fails here instead of quietly listing that other account's trunks.
 * A ProviderError (401 etc.) propagates to the caller.
 */
export async function checkTwilioCredentials(client: TwilioClient, signal?: AbortSignal): Promise<void> {
  await client.incomingPhoneNumbers.page({ pageSize: 1, signal });
}

export async function checkCarrierXCredentials(client: CarrierXClient, signal?: AbortSignal): Promise<void> {
  await client.trunkGroups.page({ pageSize: 1, signal });
}
