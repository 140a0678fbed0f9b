import type { CarrierXClient } from '../../providers/carrierx/carrierx-client';
import type { TwilioClient } from '../../providers/twilio/twilio-client';

/**
 * The provider clients of the account a document names (`account: acme-prod`). The editor
 * resolves the name through its account registry and connections; the CLI through its
 * configuration; tests hand out clients of the emulator. A name that cannot be resolved
 * rejects with an error whose message says what to do (it is shown as the document's reason).
 */
export interface SyncClients {
  twilio(account: string): Promise<TwilioClient>;
  carrierx(account: string): Promise<CarrierXClient>;
}

/** The same clients for every account name: one account, or the sandbox. */
export function fixedSyncClients(clients: { twilio?: TwilioClient | undefined; carrierx?: CarrierXClient | undefined }): SyncClients {
  return {
    twilio: async (account) => clients.twilio ?? Promise.reject(new Error(`Account "${account}" is not a Twilio account.`)),
    carrierx: async (account) => clients.carrierx ?? Promise.reject(new Error(`Account "${account}" is not a CarrierX account.`)),
  };
}
