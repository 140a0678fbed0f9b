import { randomInt } from 'node:crypto';
import { sipPasswordProblems } from './sip-auth-rules';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LOWER + UPPER + DIGITS;

/**
 * A strong SIP password that meets Twilio's rules: 24 characters drawn with the OS's CSPRNG
 * (about 140 bits), at least one of each class Twilio asks for, and no look-alike characters
 * (0/O, 1/l/I) since people type it into a PBX's web form.
 */
export function generateSipPassword(length = 24): string {
  for (;;) {
    const chars = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]!);
    const password = chars.join('');
    if (sipPasswordProblems(password).length === 0) return password;
  }
}
