import type { Account } from '../core/accounts/account';
import type { AccountConnections } from '../core/accounts/account-connections';
import type { SyncClients } from '../core/documents/apply/sync-clients';
import type { CarrierXClient } from '../core/providers/carrierx/carrierx-client';
import type { TwilioClient } from '../core/providers/twilio/twilio-client';
import { CONFIG_FILE_NAME, type CliConfig } from './cli-config';
import { CliError, withErrorCode } from './cli-error';
import { ExitCode } from './exit-codes';
import { carrierxAccountFromEnv, hasCarrierXEnv, hasTwilioEnv, twilioAccountFromEnv, type ResolvedAccount } from './env-credentials';

export type ProviderKind = 'twilio' | 'carrierx';

/**
 * Where a run's accounts come from:
 * - `sandbox`: `--sandbox`, one account named `sandbox` on the embedded emulator;
 * - `config`: the accounts of trunkline.config.json;
 * - `environment`: no config file, one account named by `--account`, on Twilio and/or CarrierX
 *   as the credential variables allow;
 * - `none`: nothing configured: files can be validated, not planned.
 */
export type AccountSetup =
  | { kind: 'sandbox' }
  | { kind: 'config'; config: CliConfig }
  | { kind: 'environment'; name: string }
  | { kind: 'none'; cwd: string };

export const SANDBOX_ACCOUNT: Account = { id: 'sandbox', name: 'sandbox', provider: 'sandbox' };

/** Resolves the account names trunk files use to accounts with credentials from the environment. */
export class CliAccounts {
  private readonly resolved = new Map<string, ResolvedAccount>();

  constructor(
    readonly setup: AccountSetup,
    private readonly env: NodeJS.ProcessEnv,
    /** Told every secret as soon as it is read, so that no output can carry it. */
    private readonly onSecret: (...secrets: string[]) => void,
  ) {}

  /** The names trunk files may use; undefined when nothing is configured (the unknown-account rule is then skipped). */
  knownNames(): string[] | undefined {
    switch (this.setup.kind) {
      case 'sandbox':
        return ['sandbox'];
      case 'config':
        return this.setup.config.accounts.map((a) => a.name);
      case 'environment':
        return [this.setup.name];
      case 'none':
        return undefined;
    }
  }

  /** Each configured account's provider, for the rule that a document's kind fits its account; undefined when an account may be either. */
  providerMap(): Map<string, ProviderKind> | undefined {
    return this.setup.kind === 'config' ? new Map(this.setup.config.accounts.map((a) => [a.name, a.provider])) : undefined;
  }

  /**
   * The providers `export` reads for an account: its provider, both for the sandbox, and for an
   * environment account those whose variables are set (Twilio when none is, so that the error names them).
   */
  providersOf(name: string): ProviderKind[] {
    const setup = this.setup;
    if (setup.kind === 'sandbox') {
      this.checkKnown(name);
      return ['twilio', 'carrierx'];
    }
    if (setup.kind === 'config') {
      const account = setup.config.accounts.find((a) => a.name === name);
      if (!account) throw this.unknown(name);
      return [account.provider];
    }
    this.checkKnown(name);
    const source = { name };
    const providers: ProviderKind[] = [];
    if (hasTwilioEnv(source, this.env)) providers.push('twilio');
    if (hasCarrierXEnv(source, this.env)) providers.push('carrierx');
    return providers.length > 0 ? providers : ['twilio'];
  }

  /** The account `name` on `provider`, with its credentials; a CliError says what to set or fix. */
  resolve(name: string, provider: ProviderKind): ResolvedAccount {
    const key = `${name}\u0000${provider}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const resolved = withErrorCode('account', () => this.resolveUncached(name, provider));
    this.onSecret(...resolved.secretValues);
    this.resolved.set(key, resolved);
    return resolved;
  }

  /** SyncClients over AccountConnections; names resolve as `resolve` does. */
  syncClients(connections: AccountConnections): SyncClients {
    return {
      twilio: async (name): Promise<TwilioClient> => connections.twilio(this.resolve(name, 'twilio').account),
      carrierx: async (name): Promise<CarrierXClient> => connections.carrierx(this.resolve(name, 'carrierx').account),
    };
  }

  /** The secrets of an account AccountConnections asks for (resolved before, never read twice). */
  secretsOf(account: Account) {
    for (const resolved of this.resolved.values()) if (resolved.account.id === account.id) return resolved.secrets;
    return {};
  }

  private resolveUncached(name: string, provider: ProviderKind): ResolvedAccount {
    const setup = this.setup;
    if (setup.kind === 'sandbox') {
      this.checkKnown(name);
      return { account: SANDBOX_ACCOUNT, secrets: {}, secretValues: [] };
    }
    if (setup.kind === 'config') {
      const account = setup.config.accounts.find((a) => a.name === name);
      if (!account) throw this.unknown(name);
      if (account.provider !== provider) {
        const label = (p: ProviderKind) => (p === 'twilio' ? 'Twilio' : 'CarrierX');
        throw new CliError(`Account "${name}" is a ${label(account.provider)} account in ${setup.config.path}, not a ${label(provider)} one.`);
      }
      const source = { ...account, fromConfig: true };
      return provider === 'twilio' ? twilioAccountFromEnv(source, this.env) : carrierxAccountFromEnv(source, this.env);
    }
    this.checkKnown(name);
    return provider === 'twilio' ? twilioAccountFromEnv({ name }, this.env) : carrierxAccountFromEnv({ name }, this.env);
  }

  private checkKnown(name: string): void {
    const known = this.knownNames();
    if (!known?.includes(name)) throw this.unknown(name);
  }

  private unknown(name: string): CliError {
    return new CliError(this.unknownMessage(name), ExitCode.setup, 'account');
  }

  private unknownMessage(name: string): string {
    const setup = this.setup;
    if (name === 'sandbox' && setup.kind !== 'sandbox') return 'Account "sandbox" is the embedded emulator: run with --sandbox.';
    switch (setup.kind) {
      case 'sandbox':
        return `With --sandbox the only account is "sandbox"; "${name}" is not available.`;
      case 'config': {
        const names = setup.config.accounts.map((a) => a.name);
        return `No account named "${name}" in ${setup.config.path} (${names.length > 0 ? `accounts: ${names.join(', ')}` : 'it has no accounts'}). Add it there, or correct the name.`;
      }
      case 'environment':
        return `Only account "${setup.name}" (--account) is available, not "${name}". To use several accounts, map them in a ${CONFIG_FILE_NAME}.`;
      case 'none':
        return `No account named "${name}": no ${CONFIG_FILE_NAME} was found in ${setup.cwd} or above. Create one mapping "${name}" to its provider, or pass --account ${name} with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or CARRIERX_TOKEN) set.`;
    }
  }
}
