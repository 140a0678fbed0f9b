import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { RedactingLogger, SecretRedactor, type Logger } from '../../src/core/http/redacting-logger';
import { createCarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { createTwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { SteppingClock } from './stepping-clock';
import type { TestEmulator } from './test-emulator';

/** Collects log lines so tests can check what was written (and that no secret was). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string) {
    this.lines.push(`trace ${m}`);
  }
  debug(m: string) {
    this.lines.push(`debug ${m}`);
  }
  info(m: string) {
    this.lines.push(`info ${m}`);
  }
  warn(m: string) {
    this.lines.push(`warn ${m}`);
  }
  error(m: string) {
    this.lines.push(`error ${m}`);
  }
}

/** Real clients (undici, real HTTP) for an emulator, with a log to inspect and instant retry waits. */
export function clientsFor(emulator: TestEmulator, options: { apiKey?: boolean; dispatchers?: DispatcherPool } = {}) {
  const dispatchers = options.dispatchers ?? new DispatcherPool({ connectTimeoutMs: 2_000, responseTimeoutMs: 5_000 });
  const sink = new MemoryLogger();
  const redactor = new SecretRedactor();
  const logger = new RedactingLogger(sink, redactor);
  const clock = new SteppingClock();
  const c = emulator.credentials;
  const common = { dispatchers, logger, redactor, clock, random: () => 0.5 };
  const twilio = createTwilioClient({
    ...common,
    accountSid: c.accountSid,
    baseUrl: emulator.baseUrl,
    credentials: options.apiKey ? { kind: 'apiKey', apiKeySid: c.apiKeySid, apiKeySecret: c.apiKeySecret } : { kind: 'authToken', authToken: c.authToken },
  });
  const carrierx = createCarrierXClient({ ...common, baseUrl: emulator.baseUrl, token: c.carrierXToken });
  return { twilio, carrierx, sink, clock, dispatchers, close: () => dispatchers.close() };
}
