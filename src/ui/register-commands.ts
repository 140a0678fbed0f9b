import * as vscode from 'vscode';
import { isProviderError } from '../core/http/provider-error';
import type { Logger } from '../core/http/redacting-logger';
import { t } from './l10n';
import { isUserCancelled } from './user-input';
import type { CommandContext, CommandDefinition } from './commands/command';

/** What the wrapper tells the rest of the extension about the commands it ran. */
export interface CommandOutcomes {
  /** Shows the log channel (the "Show log" button). */
  showLog(): void;
  /** Every error shown to the user, with the message as shown, for tests. */
  onError?(commandId: string, message: string): void;
  /** A command that ran to its end (not cancelled, no error), with what it returned. */
  onDone?(commandId: string, result: unknown): void;
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
  sink: CommandOutcomes,
): vscode.Disposable[] {
  return commands.map((command) => {
    const bound = bindCommand(command, context);
    return register(command.id, async () => bound, log, sink);
  });
}

/** A command ready to run: its definition with the context it runs in. */
export interface LoadedCommand {
  readonly requiresTrust?: boolean | undefined;
  run(...args: unknown[]): Promise<unknown>;
}

export function bindCommand<C extends CommandContext>(command: CommandDefinition<C>, context: () => C): LoadedCommand {
  return { requiresTrust: command.requiresTrust, run: (...args) => command.run(context(), ...args) };
}

/**
 * Registers command ids up front (package.json contributes them) whose code is loaded when one
 * is first run, so activation does not load every command; they run through the same wrapper.
 */
export function registerLazyCommands(ids: readonly string[], load: (id: string) => Promise<LoadedCommand>, log: Logger, sink: CommandOutcomes): vscode.Disposable[] {
  return ids.map((id) => register(id, () => load(id), log, sink));
}

function register(id: string, load: () => Promise<LoadedCommand>, log: Logger, sink: CommandOutcomes): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      const command = await load();
      if (command.requiresTrust && !vscode.workspace.isTrusted) {
        throw new Error(t('This is unavailable in Restricted Mode: trust this workspace first (Manage Workspace Trust). Browsing and validation still work.'));
      }
      const result = await command.run(...args);
      sink.onDone?.(id, result);
      return result;
    } catch (e) {
      if (isUserCancelled(e)) return undefined;
      void showError(id, e, log, sink);
      return undefined;
    }
  });
}

async function showError(commandId: string, e: unknown, log: Logger, sink: CommandOutcomes): Promise<void> {
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
