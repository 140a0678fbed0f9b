import { sameSecret } from '../http/same-secret';
import type { EmulatorCredentials } from '../sandbox-credentials';

/** HTTP Basic with AccountSid:AuthToken, or with the account's API key SK…:secret. */
export function isTwilioAuthorized(authorization: string | undefined, credentials: EmulatorCredentials): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return (
    (user === credentials.accountSid && sameSecret(password, credentials.authToken)) ||
    (user === credentials.apiKeySid && sameSecret(password, credentials.apiKeySecret))
  );
}
