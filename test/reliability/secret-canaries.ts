import { inspect } from 'node:util';

// Recognisable fake secrets that go through every flow; afterwards none of them (nor anything
// derived from them, such as the base64 of an Authorization header) may appear in anything
// Trunkline wrote: logs, messages, errors, files, a process's output.

export const CANARY = {
  accountSid: `AC${'ca4a7'.repeat(6)}ca`,
  apiKeySid: `SK${'ca4a7'.repeat(6)}cb`,
  authToken: 'CanaryAuthToken7f3a9cEND',
  apiKeySecret: 'CanaryApiSecret4b8e21END',
  carrierXToken: 'CanaryCarrierXToken05e6aEND',
  /** What a user typed by mistake: still a secret. */
  wrongAuthToken: 'CanaryWrongToken91ab3cEND',
  wrongApiKeySecret: 'CanaryWrongSecret2c77d0END',
  wrongCarrierXToken: 'CanaryWrongCxToken6e1f44END',
  /** SIP credential passwords (they meet Twilio's rule: 12+ characters, a digit, both cases). */
  sipPassword: 'CanarySipPass3d9f1aEND',
  sipPasswordChanged: 'CanarySipNew7c20b4END',
} as const;

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Every form a canary could leak in: as is, inside Basic auth, alone in base64, URL-encoded. */
export const CANARY_FORMS: readonly { name: string; text: string }[] = (() => {
  const forms: { name: string; text: string }[] = [];
  const secrets = [
    ['auth token', CANARY.authToken, CANARY.accountSid],
    ['API key secret', CANARY.apiKeySecret, CANARY.apiKeySid],
    ['CarrierX token', CANARY.carrierXToken, undefined],
    ['wrong auth token', CANARY.wrongAuthToken, CANARY.accountSid],
    ['wrong API key secret', CANARY.wrongApiKeySecret, CANARY.apiKeySid],
    ['wrong CarrierX token', CANARY.wrongCarrierXToken, undefined],
    ['SIP password', CANARY.sipPassword, undefined],
    ['changed SIP password', CANARY.sipPasswordChanged, undefined],
  ] as const;
  for (const [name, secret, user] of secrets) {
    forms.push({ name, text: secret }, { name: `${name} (base64)`, text: b64(secret).replace(/=+$/, '') });
    // The distinctive middle of the secret, in case something cuts or wraps it.
    forms.push({ name: `${name} (part)`, text: secret.slice(6, -3) });
    if (user) forms.push({ name: `${name} (Basic auth)`, text: b64(`${user}:${secret}`).replace(/=+$/, '') });
  }
  return forms;
})();

export interface Output {
  /** Where it was written, e.g. `cli plan --verbose stderr`. */
  where: string;
  text: string;
}

/** Collects everything written, and the error objects thrown, for one scan at the end. */
export class OutputCollector {
  readonly outputs: Output[] = [];

  add(where: string, text: string | undefined): void {
    if (text !== undefined) this.outputs.push({ where, text });
  }

  /** An error as every sink might show it: message, String(), JSON, and util.inspect with its cause chain. */
  addError(where: string, error: unknown): void {
    this.add(`${where} (message)`, error instanceof Error ? error.message : String(error));
    this.add(`${where} (String)`, String(error));
    this.add(`${where} (JSON)`, safeJson(error));
    this.add(`${where} (inspect)`, inspect(error, { depth: 6, showHidden: false }));
    if (error instanceof Error && error.stack) this.add(`${where} (stack)`, error.stack);
  }

  addJson(where: string, value: unknown): void {
    this.add(where, safeJson(value));
  }

  /** `where: canary form` for every leak found. */
  leaks(): string[] {
    const found: string[] = [];
    for (const output of this.outputs) {
      for (const form of CANARY_FORMS) if (output.text.includes(form.text)) found.push(`${output.where}: ${form.name}`);
    }
    return found;
  }
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[circular]';
          seen.add(v);
        }
        return typeof v === 'bigint' ? String(v) : v;
      }) ?? 'undefined'
    );
  } catch (error) {
    return `[not serialisable: ${String(error)}]`;
  }
}
