import type * as vscode from 'vscode';
import type { LogLevel, Logger } from '../../core/http/redacting-logger';

const ORDER: Record<LogLevel | 'off', number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };

/**
 * The core Logger on a LogOutputChannel (wrap it in a RedactingLogger before handing it out).
 * `level()` is the `trunkline.log.level` setting; the channel's own level (Developer: Set Log
 * Level) still applies on top.
 */
export function outputChannelLogger(channel: vscode.LogOutputChannel, level: () => LogLevel | 'off' = () => 'info'): Logger {
  const on = (l: LogLevel) => ORDER[l] >= ORDER[level()];
  return {
    trace: (m) => on('trace') && channel.trace(m),
    debug: (m) => on('debug') && channel.debug(m),
    info: (m) => on('info') && channel.info(m),
    warn: (m) => on('warn') && channel.warn(m),
    error: (m) => on('error') && channel.error(m),
  };
}
