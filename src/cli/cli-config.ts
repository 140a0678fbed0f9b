import * as fs from 'node:fs';
import * as path from 'node:path';
import { accountNameProblem, type Account } from '../core/accounts/account';
import { SID_PATTERNS } from '../core/providers/twilio/models';
import { CliError, withErrorCode } from './cli-error';
import { ExitCode } from './exit-codes';

export const CONFIG_FILE_NAME = 'trunkline.config.json';

/**
 * An account of the config file: what trunk files call it and where it is. Credentials come
 * from the environment (env-credentials.ts), under `envPrefix` when several accounts need
 * different ones.
 */
export type ConfiguredAccount =
  | { name: string; provider: 'twilio'; accountSid: string | undefined; baseUrl: string | undefined; envPrefix: string | undefined }
  | { name: string; provider: 'carrierx'; baseUrl: string | undefined; envPrefix: string | undefined };

export interface CliConfig {
  /** The file it was read from. */
  path: string;
  /** Its directory: the project root, where `.trunkline/sync-state.json` is kept. */
  root: string;
  accounts: ConfiguredAccount[];
}

/** `--config FILE`, else the nearest trunkline.config.json from the cwd upward, else none. */
export function loadCliConfig(explicitPath: string | undefined, cwd: string): CliConfig | undefined {
  const file = explicitPath !== undefined ? path.resolve(cwd, explicitPath) : findUpward(cwd);
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `Config file not found: ${explicitPath ?? file}` : `Cannot read the config file ${file}: ${code ?? String(error)}`, ExitCode.setup, 'config');
  }
  return { path: file, root: path.dirname(file), accounts: withErrorCode('config', () => parseCliConfig(text, path.basename(file))) };
}

function findUpward(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const ACCOUNT_KEYS: Record<ConfiguredAccount['provider'], readonly string[]> = {
  twilio: ['provider', 'accountSid', 'baseUrl', 'env'],
  carrierx: ['provider', 'baseUrl', 'env'],
};
const ENV_PREFIX = /^[A-Z][A-Z0-9_]*$/;

/** Reads the config text; every problem is a CliError naming the key and what to do. */
export function parseCliConfig(text: string, fileName = CONFIG_FILE_NAME): ConfiguredAccount[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const secret = findSecret(json, []);
  if (secret) {
    throw new CliError(
      `${fileName}: ${secret} looks like a secret. Secrets never go in the config file (it is committed with the trunk files): ` +
        'remove it and set TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET) or CARRIERX_TOKEN in the environment, ' +
        'prefixed with the account\'s "env" value when it has one.',
    );
  }
  const fail = (where: string, message: string): never => {
    throw new CliError(`${fileName}: ${where} ${message}`);
  };
  if (!isRecord(json)) return fail('the file', 'must be a JSON object with an "accounts" object.');
  for (const key of Object.keys(json)) if (key !== 'accounts' && key !== '$schema') fail(`"${key}"`, 'is not a known key (expected "accounts").');
  const accounts = json.accounts;
  if (!isRecord(accounts)) return fail('"accounts"', 'must be an object mapping account names to { "provider": "twilio" | "carrierx", … }.');
  const result: ConfiguredAccount[] = [];
  for (const [name, value] of Object.entries(accounts)) {
    const where = `accounts.${name}`;
    const nameProblem = accountNameProblem(name, result.map((a) => ({ id: a.name, name: a.name, provider: a.provider }) satisfies Account));
    if (nameProblem) fail(`"${where}":`, nameProblem);
    if (name.toLowerCase() === 'sandbox') fail(`"${where}":`, 'the name "sandbox" is reserved for the embedded emulator (--sandbox).');
    if (!isRecord(value)) return fail(`"${where}"`, 'must be an object such as { "provider": "twilio", "accountSid": "AC…" }.');
    const provider = value.provider;
    if (provider !== 'twilio' && provider !== 'carrierx') return fail(`"${where}.provider"`, 'must be "twilio" or "carrierx".');
    for (const key of Object.keys(value)) {
      if (!ACCOUNT_KEYS[provider].includes(key)) fail(`"${where}.${key}"`, `is not a known key for a ${provider} account (expected ${ACCOUNT_KEYS[provider].join(', ')}).`);
    }
    const baseUrl = optionalString(value, 'baseUrl', where, fail);
    if (baseUrl !== undefined) checkBaseUrl(baseUrl, `${where}.baseUrl`, fail);
    const env = optionalString(value, 'env', where, fail);
    const envPrefix = env?.replace(/_+$/, '');
    if (envPrefix !== undefined && !ENV_PREFIX.test(envPrefix)) {
      fail(`"${where}.env"`, 'must be an environment variable prefix in capitals, e.g. "ACME_PROD" (then ACME_PROD_TWILIO_AUTH_TOKEN is read).');
    }
    if (provider === 'twilio') {
      const accountSid = optionalString(value, 'accountSid', where, fail);
      if (accountSid !== undefined && !SID_PATTERNS.account.test(accountSid)) fail(`"${where}.accountSid"`, 'must be a Twilio Account SID: AC followed by 32 hexadecimal characters.');
      result.push({ name, provider, accountSid, baseUrl, envPrefix });
    } else {
      result.push({ name, provider, baseUrl, envPrefix });
    }
  }
  return result;
}

const SECRET_KEY = /token|secret|password|passwd|private/i;
/** A Twilio Auth Token or API key secret is 32 hex characters; nothing else in the file looks like that. */
const SECRET_VALUE = /^[0-9a-f]{32}$/i;

/** Where the first secret-looking key or value is, e.g. `"accounts.acme.authToken"`; never the value itself. */
function findSecret(value: unknown, at: string[]): string | undefined {
  if (typeof value === 'string') {
    const where = at.length > 0 ? `the value of "${at.join('.')}"` : 'a value';
    if (SECRET_VALUE.test(value) || /^(Basic|Bearer)\s/i.test(value)) return where;
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value)) return `${where} (a URL with a password)`;
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findSecret(item, [...at, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      // Account names are keys too; `accounts.token-test` is a name, not a secret.
      const isAccountName = at.length === 1 && at[0] === 'accounts';
      if (!isAccountName && SECRET_KEY.test(key) && item !== null && item !== '') return `"${[...at, key].join('.')}"`;
      const found = findSecret(item, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function checkBaseUrl(value: string, where: string, fail: (where: string, message: string) => never): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`"${where}"`, 'must be an absolute URL such as https://api.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`"${where}"`, 'must be an https:// URL (http:// only for 127.0.0.1 or localhost).');
  if (url.search || url.hash) fail(`"${where}"`, 'must not have a query or fragment.');
}

function optionalString(record: Record<string, unknown>, key: string, where: string, fail: (where: string, message: string) => never): string | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return fail(`"${where}.${key}"`, 'must be a non-empty string.');
  return value.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
