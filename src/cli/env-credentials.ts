import type { Account, AccountSecrets } from '../core/accounts/account';
import { SID_PATTERNS } from '../core/providers/twilio/models';
import { CliError } from './cli-error';

// Credentials as the providers' own tools read them (twilio-cli, the SDKs): TWILIO_ACCOUNT_SID
// with TWILIO_AUTH_TOKEN, or TWILIO_API_KEY + TWILIO_API_SECRET; CARRIERX_TOKEN. An account
// with an `env` prefix in the config reads PREFIX_TWILIO_AUTH_TOKEN and so on instead, so that
// one pipeline can hold the credentials of several accounts.

/** What the environment is read for: an account of the config file, or the one `--account` names. */
export interface CredentialSource {
  name: string;
  envPrefix?: string | undefined;
  /** From the config; else PREFIX_TWILIO_ACCOUNT_SID. */
  accountSid?: string | undefined;
  baseUrl?: string | undefined;
  /** An account of the config file (messages may point there). */
  fromConfig?: boolean | undefined;
}

/** An account ready for AccountConnections, with its secrets (kept in memory only). */
export interface ResolvedAccount {
  account: Account;
  secrets: AccountSecrets;
  /** Every secret value, for the redactor. */
  secretValues: string[];
}

export function envVarName(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}_${name}` : name;
}

function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Whether any Twilio credential variable of the source is set (export of an env-only account). */
export function hasTwilioEnv(source: CredentialSource, env: NodeJS.ProcessEnv): boolean {
  return ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'].some((n) => read(env, envVarName(source.envPrefix, n)) !== undefined);
}

export function hasCarrierXEnv(source: CredentialSource, env: NodeJS.ProcessEnv): boolean {
  return read(env, envVarName(source.envPrefix, 'CARRIERX_TOKEN')) !== undefined;
}

/** The Twilio account and its secrets, or a CliError naming exactly the variable to set. */
export function twilioAccountFromEnv(source: CredentialSource, env: NodeJS.ProcessEnv): ResolvedAccount {
  const v = (name: string) => envVarName(source.envPrefix, name);
  const who = `account "${source.name}"`;
  const envSid = read(env, v('TWILIO_ACCOUNT_SID'));
  if (envSid !== undefined && !SID_PATTERNS.account.test(envSid)) {
    throw new CliError(`${v('TWILIO_ACCOUNT_SID')} must be a Twilio Account SID (AC followed by 32 hexadecimal characters) for ${who}.`);
  }
  if (source.accountSid && envSid && envSid !== source.accountSid) {
    throw new CliError(
      `${v('TWILIO_ACCOUNT_SID')} is ${envSid} but the config gives ${source.accountSid} for ${who}: its credentials would be for another account. Unset ${v('TWILIO_ACCOUNT_SID')}, or give the account an "env" prefix in the config.`,
    );
  }
  const accountSid = source.accountSid ?? envSid;
  if (!accountSid) {
    const orConfig = source.fromConfig ? ', or add "accountSid" to it in the config' : '';
    throw new CliError(`Set ${v('TWILIO_ACCOUNT_SID')} to the Account SID (AC…) of ${who}${orConfig}.`);
  }
  const base = { id: `${source.name}:twilio`, name: source.name, provider: 'twilio' as const, accountSid, baseUrl: source.baseUrl };

  const apiKey = read(env, v('TWILIO_API_KEY'));
  const apiSecret = read(env, v('TWILIO_API_SECRET'));
  if (apiKey !== undefined || apiSecret !== undefined) {
    if (apiKey === undefined) throw new CliError(`Set ${v('TWILIO_API_KEY')} to the SID (SK…) of the API key whose secret is in ${v('TWILIO_API_SECRET')}, for ${who}.`);
    if (!SID_PATTERNS.apiKey.test(apiKey)) throw new CliError(`${v('TWILIO_API_KEY')} must be an API key SID (SK followed by 32 hexadecimal characters), for ${who}.`);
    if (apiSecret === undefined) throw new CliError(`Set ${v('TWILIO_API_SECRET')} to the secret of API key ${apiKey}, for ${who}.`);
    return { account: { ...base, twilioAuth: 'apiKey', apiKeySid: apiKey }, secrets: { apiKeySecret: apiSecret }, secretValues: [apiSecret] };
  }
  const authToken = read(env, v('TWILIO_AUTH_TOKEN'));
  if (authToken === undefined) throw new CliError(`Set ${v('TWILIO_AUTH_TOKEN')} (or ${v('TWILIO_API_KEY')} and ${v('TWILIO_API_SECRET')}) for ${who}.`);
  return { account: { ...base, twilioAuth: 'authToken' }, secrets: { authToken }, secretValues: [authToken] };
}

export function carrierxAccountFromEnv(source: CredentialSource, env: NodeJS.ProcessEnv): ResolvedAccount {
  const name = envVarName(source.envPrefix, 'CARRIERX_TOKEN');
  const token = read(env, name);
  if (token === undefined) throw new CliError(`Set ${name} to the CarrierX API token of account "${source.name}".`);
  return {
    account: { id: `${source.name}:carrierx`, name: source.name, provider: 'carrierx', baseUrl: source.baseUrl },
    secrets: { carrierxToken: token },
    secretValues: [token],
  };
}
