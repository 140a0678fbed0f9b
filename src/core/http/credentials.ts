/**
 * Credentials as the transport needs them. They are handed in per request path by the
 * account layer (from SecretStorage or the environment) and only ever turned into an
 * Authorization header; they are registered with the redactor so no log line can carry them.
 */
export type Credentials =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export function authorizationHeader(credentials: Credentials): string {
  if (credentials.kind === 'bearer') return `Bearer ${credentials.token}`;
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** Every string derived from the credentials that must never be written anywhere. */
export function secretsOf(credentials: Credentials): string[] {
  if (credentials.kind === 'bearer') return [credentials.token];
  const pair = `${credentials.username}:${credentials.password}`;
  return [credentials.password, pair, Buffer.from(pair).toString('base64')];
}
