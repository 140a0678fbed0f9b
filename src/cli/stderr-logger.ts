import type { Logger, LogLevel } from '../core/http/redacting-logger';
import type { TextSink } from './cli-io';

const ORDER: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/**
 * Log lines on stderr from `minimum` up (`--verbose`: each API call; `--debug`: more), or none.
 * Wrap it in a RedactingLogger: this sink writes what it is given.
 */
export class StderrLogger implements Logger {
  private readonly from: number;

  constructor(
    private readonly sink: TextSink,
    minimum: LogLevel | 'off',
  ) {
    this.from = minimum === 'off' ? ORDER.length : ORDER.indexOf(minimum);
  }

  trace(message: string): void {
    this.write('trace', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string): void {
    this.write('error', message);
  }

  private write(level: LogLevel, message: string): void {
    if (ORDER.indexOf(level) >= this.from) this.sink.write(`trunkline ${level}: ${message}\n`);
  }
}
