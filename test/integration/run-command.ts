import * as vscode from 'vscode';
import { trunklineTesting } from './trunkline-testing';

/**
 * Runs a command as the palette, a menu or a tree click does. Its errors never reach the
 * caller (the extension shows them as notifications), so an error it showed fails here, with
 * the message the user saw; an unexpected prompt is such an error.
 */
export async function runCommand<T = unknown>(id: string, ...args: unknown[]): Promise<T> {
  const { result, errors } = await runRecordingErrors<T>(id, args);
  if (errors.length > 0) throw new Error(`${id} showed: ${errors.join(' | ')}`);
  return result;
}

/** Runs a command that must fail; returns the error message the user saw. */
export async function runCommandExpectingError(id: string, ...args: unknown[]): Promise<string> {
  const { errors } = await runRecordingErrors(id, args);
  if (errors.length !== 1) throw new Error(`${id} was expected to show one error, showed ${errors.length}: ${errors.join(' | ')}`);
  return errors[0]!;
}

async function runRecordingErrors<T>(id: string, args: unknown[]): Promise<{ result: T; errors: string[] }> {
  const recorded = (await trunklineTesting()).commandErrors;
  const before = recorded.length;
  const result = await vscode.commands.executeCommand<T>(id, ...args);
  return { result, errors: recorded.slice(before).filter((e) => e.commandId === id).map((e) => e.message) };
}
