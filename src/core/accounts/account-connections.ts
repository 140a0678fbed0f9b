import type { DispatcherPool } from '../http/dispatcher-pool';
import { ProviderError } from '../http/provider-error';
import type { Logger, SecretRedactor } from '../http/redacting-logger';
import type { RetryPolicy } from '../http/retry-policy';
import { carrierXBaseUrl } from '../providers/carrierx/carrierx-base-url';
import type { CarrierXClient } from '../providers/carrierx/carrierx-client';
import type { TwilioClient, TwilioCredentials } from '../providers/twilio/twilio-client';
import { twilioEndpoints } from '../providers/twilio/twilio-endpoints';
import type { Account, AccountSecrets } from './account';

/** Where the in-process sandbox emulator listens and which (public, fixed) credentials it takes. */
export interface SandboxEndpoint {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  carrierxToken: string;
}

export interface ConnectionServices {
  dispatchers: DispatcherPool;
  logger: Logger;
  redactor: SecretRedactor;
  retry?: RetryPolicy | undefined;
  userAgent?: string | undefined;
}

/**
 * The provider clients' code (their zod models are most of the time the extension takes to
 * load), loaded with the first client instead of at activation; the explorer calls it early.
 */
export async function loadProviderClients() {
  const [twilio, carrierx] = await Promise.all([import('../providers/twilio/twilio-client'), import('../providers/carrierx/carrierx-client')]);
  return { createTwilioClient: twilio.createTwilioClient, createCarrierXClient: carrierx.createCarrierXClient };
}

/** Reads an account's secrets; the editor backs it with SecretStorage, the CLI with the environment. */
export type SecretsLookup = (account: Account) => Promise<AccountSecrets>;

/**
 * Builds (and caches) the provider clients of each account. The cache is keyed by account id
 * and dropped with `invalidate` whenever the account or its secrets change, so a client never
 * outlives the credentials it was built with.
 */
export class AccountConnections {
  private readonly twilioClients = new Map<string, Promise<TwilioClient>>();
  private readonly carrierxClients = new Map<string, Promise<CarrierXClient>>();

  constructor(
    private readonly services: ConnectionServices,
    private readonly secretsOf: SecretsLookup,
    private readonly sandbox: () => Promise<SandboxEndpoint>,
  ) {}

  twilio(account: Account): Promise<TwilioClient> {
    let client = this.twilioClients.get(account.id);
    if (!client) {
      client = this.buildTwilio(account);
      client.catch(() => this.twilioClients.delete(account.id));
      this.twilioClients.set(account.id, client);
    }
    return client;
  }

  carrierx(account: Account): Promise<CarrierXClient> {
    let client = this.carrierxClients.get(account.id);
    if (!client) {
      client = this.buildCarrierX(account);
      client.catch(() => this.carrierxClients.delete(account.id));
      this.carrierxClients.set(account.id, client);
    }
    return client;
  }

  /**
   * Gets accounts ready for their first expansion without sending a request: opens the
   * connections its first listings use (see `firstListingOrigins`) and builds each account's
   * client (reading its secrets). Called in an idle moment; whatever fails here fails again,
   * and is reported, when the account is expanded. The sandbox is left alone (its emulator
   * starts when first used).
   */
  warmUp(accounts: readonly Account[]): void {
    const connections = new Map<string, { url: URL; count: number }>();
    for (const account of accounts) {
      const perAccount = new Map<string, { url: URL; count: number }>();
      for (const url of firstListingOrigins(account)) {
        const entry = perAccount.get(url.origin) ?? { url, count: 0 };
        entry.count++;
        perAccount.set(url.origin, entry);
      }
      // Accounts are expanded one at a time: an origin needs as many as one account's listings use.
      for (const [origin, entry] of perAccount) if ((connections.get(origin)?.count ?? 0) < entry.count) connections.set(origin, entry);
    }
    for (const { url, count } of connections.values()) this.services.dispatchers.preconnect(url, count);
    for (const account of accounts) {
      if (account.provider === 'twilio') this.twilio(account).catch(() => undefined);
      else if (account.provider === 'carrierx') this.carrierx(account).catch(() => undefined);
    }
  }

  invalidate(accountId: string): void {
    this.twilioClients.delete(accountId);
    this.carrierxClients.delete(accountId);
  }

  private async buildTwilio(account: Account): Promise<TwilioClient> {
    const { createTwilioClient } = await loadProviderClients();
    const common = this.common();
    if (account.provider === 'sandbox') {
      const sandbox = await this.sandbox();
      return createTwilioClient({ ...common, accountSid: sandbox.accountSid, baseUrl: sandbox.baseUrl, credentials: { kind: 'authToken', authToken: sandbox.authToken } });
    }
    if (account.provider !== 'twilio' || !account.accountSid) throw missing(account, 'is not a Twilio account');
    const secrets = await this.secretsOf(account);
    let credentials: TwilioCredentials;
    if (account.twilioAuth === 'apiKey') {
      if (!account.apiKeySid || !secrets.apiKeySecret) throw missing(account, 'has no API key secret stored');
      credentials = { kind: 'apiKey', apiKeySid: account.apiKeySid, apiKeySecret: secrets.apiKeySecret };
    } else {
      if (!secrets.authToken) throw missing(account, 'has no Auth Token stored');
      credentials = { kind: 'authToken', authToken: secrets.authToken };
    }
    return createTwilioClient({ ...common, accountSid: account.accountSid, baseUrl: account.baseUrl, credentials });
  }

  private async buildCarrierX(account: Account): Promise<CarrierXClient> {
    const { createCarrierXClient } = await loadProviderClients();
    const common = this.common();
    if (account.provider === 'sandbox') {
      const sandbox = await this.sandbox();
      return createCarrierXClient({ ...common, baseUrl: sandbox.baseUrl, token: sandbox.carrierxToken });
    }
    if (account.provider !== 'carrierx') throw missing(account, 'is not a CarrierX account');
    const secrets = await this.secretsOf(account);
    if (!secrets.carrierxToken) throw missing(account, 'has no API token stored');
    return createCarrierXClient({ ...common, baseUrl: account.baseUrl, token: secrets.carrierxToken });
  }

  private common() {
    const { dispatchers, logger, redactor, retry, userAgent } = this.services;
    return { dispatchers, logger, redactor, retry, userAgent };
  }
}

/**
 * The origins an account's first expansion reads from, one entry per request sent at once:
 * a Twilio account's Elastic SIP Trunks folder lists its trunks and, beside them, the
 * account's incoming numbers (for each row's count); a CarrierX account's Trunk Groups folder
 * sends one listing. The sandbox: none.
 */
export function firstListingOrigins(account: Account): URL[] {
  try {
    if (account.provider === 'twilio') {
      const endpoints = twilioEndpoints(account.baseUrl);
      return [new URL(endpoints.trunking), new URL(endpoints.api)];
    }
    if (account.provider === 'carrierx') return [new URL(carrierXBaseUrl(account.baseUrl))];
  } catch {
    // A base URL that is not a URL: the account's first request says so.
  }
  return [];
}

function missing(account: Account, what: string): ProviderError {
  return new ProviderError({
    provider: account.provider === 'carrierx' ? 'carrierx' : 'twilio',
    kind: 'config',
    message: `Account "${account.name}" ${what}. Run "Trunkline: Update Account Credentials" to enter it again.`,
  });
}
