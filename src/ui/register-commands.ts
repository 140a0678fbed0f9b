import * as vscode from 'vscode';
import { isProviderError } from '../core/http/provider-error';
import type { Logger } from '../core/http/redacting-logger';
import { t } from './l10n';
import { isUserCancelled } from './user-input';
import type { CommandContext, CommandDefinition } from './commands/command';

export interface CommandErrorSink {
  /** Shows the log channel (the "Show log" button). */
  showLog(): void;
  /** Every error shown to the user, with the message as shown, for tests. */
  onError?(commandId: string, message: string): void;
}

/**
 * Registers every command through one wrapper, so that errors, cancellation and logging are
 * handled once: a dismissed prompt ends the command quietly; a provider error shows its code
 * and message with "Show log"; nothing ever surfaces a stack trace.
 */
export function registerCommands<C extends CommandContext>(
  commands: readonly CommandDefinition<C>[],
  context: () => C,
  log: Logger,
  sink: CommandErrorSink,
): vscode.Disposable[] {
  return commands.map((command) =>
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        if (command.requiresTrust && !vscode.workspace.isTrusted) {
          throw new Error(t('This is unavailable in Restricted Mode: trust this workspace first (Manage Workspace Trust). Browsing and validation still work.'));
        }
        return await command.run(context(), ...args);
      } catch (e) {
        if (isUserCancelled(e)) return undefined;
        void showError(command.id, e, log, sink);
        return undefined;
      }
    }),
  );
}

async function showError(commandId: string, e: unknown, log: Logger, sink: CommandErrorSink): Promise<void> {
  const showLog = t('Show log');
  const moreInfo = t('More info');
  let message: string;
  const actions = [showLog];
  if (isProviderError(e)) {
    if (e.kind === 'cancelled') return;
    message = e.toDisplayString();
    const where = [e.method && e.path ? `${e.method} ${e.path}` : undefined, e.requestId].filter(Boolean).join(' ');
    log.error(`${commandId}: ${message}${where ? ` [${where}]` : ''}`);
    if (e.moreInfo) actions.push(moreInfo);
  } else {
    message = e instanceof Error ? e.message : String(e);
    log.error(`${commandId}: ${message}`);
    if (e instanceof Error && e.stack) log.trace(e.stack);
  }
  sink.onError?.(commandId, message);
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === showLog) sink.showLog();
  else if (choice === moreInfo && isProviderError(e) && e.moreInfo) await vscode.env.openExternal(vscode.Uri.parse(e.moreInfo));
}
