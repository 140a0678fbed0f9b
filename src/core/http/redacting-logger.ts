export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** The logging surface core code writes to; the UI backs it with a LogOutputChannel, the CLI with stderr. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};

const MIN_SECRET_LENGTH = 6;

/**
 * Knows every secret in use and blanks it out of any text. Secrets shorter than six characters
 * are refused rather than registered: blanking them would mangle ordinary words and give a
 * false sense of safety.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(...secrets: string[]): void {
    for (const s of secrets) {
      if (s.length < MIN_SECRET_LENGTH || this.secrets.has(s)) continue;
      this.secrets.add(s);
      this.pattern = undefined;
    }
  }

  remove(...secrets: string[]): void {
    for (const s of secrets) if (this.secrets.delete(s)) this.pattern = undefined;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return redactAuthorization(text);
    this.pattern ??= new RegExp(
      [...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'),
      'g',
    );
    return redactAuthorization(text.replace(this.pattern, '***'));
  }
}

/** A Logger that passes every line through the redactor before it reaches the sink. */
export class RedactingLogger implements Logger {
  constructor(
    private readonly sink: Logger,
    readonly redactor: SecretRedactor,
  ) {}

  trace(message: string): void {
    this.sink.trace(this.redactor.redact(message));
  }
  debug(message: string): void {
    this.sink.debug(this.redactor.redact(message));
  }
  info(message: string): void {
    this.sink.info(this.redactor.redact(message));
  }
  warn(message: string): void {
    this.sink.warn(this.redactor.redact(message));
  }
  error(message: string): void {
    this.sink.error(this.redactor.redact(message));
  }
}

// Belt and braces: whatever is registered, an Authorization value never survives.
function redactAuthorization(text: string): string {
  return text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 ***');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
