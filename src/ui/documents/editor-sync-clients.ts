import { providersOf } from '../../core/accounts/account';
import type { AccountConnections } from '../../core/accounts/account-connections';
import type { AccountRegistry } from '../../core/accounts/account-registry';
import type { SyncClients } from '../../core/documents/apply/sync-clients';
import { t } from '../l10n';

/**
 * Resolves a trunk file's `account:` through the connected accounts. A document never says
 * where requests go or which credentials are used: it names an account, nothing else.
 */
export function editorSyncClients(accounts: AccountRegistry, connections: () => AccountConnections): SyncClients {
  const find = (name: string, provider: 'twilio' | 'carrierx') => {
    const account = accounts.byName(name);
    if (!account) throw new Error(t('No connected account is named "{0}". Add it in the Trunkline view, or change `account:` to a connected one.', name));
    if (!providersOf(account).includes(provider)) {
      throw new Error(t('The account "{0}" is not a {1} account.', name, provider === 'twilio' ? 'Twilio' : 'CarrierX'));
    }
    return account;
  };
  return {
    twilio: async (name) => connections().twilio(find(name, 'twilio')),
    carrierx: async (name) => connections().carrierx(find(name, 'carrierx')),
  };
}
