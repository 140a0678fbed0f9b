/**
 * A connected account as Trunkline stores it: names, kinds and addresses only. Secrets live
 * in SecretStorage (editor) or the environment (CLI), never here.
 */
export type AccountProvider = 'twilio' | 'carrierx' | 'sandbox';
export type TwilioAuthMode = 'authToken' | 'apiKey';

export interface Account {
  /** Stable id; secrets are stored under it so a rename does not move them. */
  id: string;
  /** What trunk files refer to (`account: acme-prod`). Unique, case-insensitive. */
  name: string;
  provider: AccountProvider;
  /** Twilio: the AC… SID whose resources are managed. */
  accountSid?: string | undefined;
  /** Twilio: which secret authenticates (the account's Auth Token, or an API key). */
  twilioAuth?: TwilioAuthMode | undefined;
  /** Twilio API key SID (SK…); not a secret, the key's secret is. */
  apiKeySid?: string | undefined;
  /** Host root overriding the providers' production hosts (a gateway, a local emulator). */
  baseUrl?: string | undefined;
}

/** Secrets of one account, as kept in SecretStorage under the account id. */
export interface AccountSecrets {
  authToken?: string | undefined;
  apiKeySecret?: string | undefined;
  carrierxToken?: string | undefined;
}

/** Which providers an account reaches: the sandbox emulates both. */
export function providersOf(account: Account): ('twilio' | 'carrierx')[] {
  return account.provider === 'sandbox' ? ['twilio', 'carrierx'] : [account.provider];
}

const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Why a name cannot be used, or undefined when it can. */
export function accountNameProblem(name: string, existing: readonly Account[], exceptId?: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Enter a name, e.g. acme-prod. Trunk files refer to the account by it.';
  if (!ACCOUNT_NAME.test(trimmed)) {
    return 'Use letters, digits, ".", "_" and "-" (starting with a letter or digit, at most 63 characters): trunk files refer to the account by this name.';
  }
  const clash = existing.find((a) => a.id !== exceptId && a.name.toLowerCase() === trimmed.toLowerCase());
  return clash ? `An account named "${clash.name}" already exists.` : undefined;
}

export function describeAccount(account: Account): string {
  switch (account.provider) {
    case 'sandbox':
      return 'Sandbox (local emulator)';
    case 'carrierx':
      return 'CarrierX';
    case 'twilio':
      return account.twilioAuth === 'apiKey' ? `Twilio ${account.accountSid ?? ''} (API key)` : `Twilio ${account.accountSid ?? ''}`;
  }
}
