/** A profile from twilio-cli's config file (~/.twilio-cli/config.json). */
export interface TwilioCliProfile {
  name: string;
  accountSid: string;
  apiKeySid: string | undefined;
  /** Present only when twilio-cli kept it in the file (no system keychain). */
  apiKeySecret: string | undefined;
  active: boolean;
}

/**
 * Reads twilio-cli's config (`{ profiles: { name: { accountSid, apiKey, apiSecret } }, activeProfile }`).
 * Unreadable entries are skipped, never thrown: the file belongs to another tool.
 */
export function parseTwilioCliConfig(text: string): TwilioCliProfile[] {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return [];
  }
  if (!config || typeof config !== 'object') return [];
  const { profiles, activeProfile } = config as { profiles?: unknown; activeProfile?: unknown };
  if (!profiles || typeof profiles !== 'object') return [];
  const out: TwilioCliProfile[] = [];
  for (const [name, value] of Object.entries(profiles as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const p = value as Record<string, unknown>;
    const accountSid = typeof p.accountSid === 'string' ? p.accountSid : undefined;
    if (!accountSid || !/^AC[0-9a-fA-F]{32}$/.test(accountSid)) continue;
    const apiKeySid = typeof p.apiKey === 'string' && /^SK[0-9a-fA-F]{32}$/.test(p.apiKey) ? p.apiKey : undefined;
    const apiKeySecret = typeof p.apiSecret === 'string' && p.apiSecret.length > 0 ? p.apiSecret : undefined;
    out.push({ name, accountSid, apiKeySid, apiKeySecret, active: name === activeProfile });
  }
  return out;
}
