import type * as vscode from 'vscode';
import type { Logger } from '../../core/http/redacting-logger';

/** The core Logger on a LogOutputChannel; wrap it in a RedactingLogger before handing it out. */
export function outputChannelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  };
}
