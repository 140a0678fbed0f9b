import { scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with a lower cost than a production server would use: the emulator hashes seeded
// credentials at every start and in every test, and what matters here is that the password
// itself is never stored, not that the hash resists a cracking rig.
const SCRYPT_OPTIONS = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** The stored form of a SIP credential's password: hex scrypt of the password with the salt. */
export function hashPassword(password: string, salt: string): string {
  return scryptSync(password, salt, KEY_LENGTH, SCRYPT_OPTIONS).toString('hex');
}

/** Whether `password` is the one that was hashed (for tests and a future digest check). */
export function passwordMatches(password: string, salt: string, hash: string): boolean {
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, salt, KEY_LENGTH, SCRYPT_OPTIONS);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
