import { ScriptedUserInput, type ScriptedAnswer } from '../support/scripted-user-input';
import { trunklineTesting } from './trunkline-testing';

/**
 * Answers the next prompts from `steps`; any other prompt fails the command (see runCommand).
 * Call `assertDone()` on the result to fail on answers that were never asked for.
 */
export async function scriptPrompts(steps: ScriptedAnswer[]): Promise<ScriptedUserInput> {
  const input = new ScriptedUserInput(steps);
  (await trunklineTesting()).setUserInput(input);
  return input;
}

/**
 * Between tests: no prompt is expected, so a command that asks anything fails at once instead
 * of waiting for a quick pick nobody will answer.
 */
export async function expectNoPrompts(): Promise<void> {
  await scriptPrompts([]);
}

/** Back to VS Code's own quick input, as the extension runs for a user. */
export async function restorePrompts(): Promise<void> {
  (await trunklineTesting()).setUserInput(undefined);
}
