import { after, before, beforeEach } from 'mocha';
import type { Account } from '../../src/core/accounts/account';
import { runCommand } from './run-command';
import { expectNoPrompts, restorePrompts } from './scripted-prompts';

/** What the tests of a suite of sandbox commands share. */
export interface SandboxCommandSuite {
  /** The connected sandbox account (from the suite's `before` on). */
  sandbox(): Account;
  /** Removals of the tests' own resources, run newest first after the suite. */
  readonly cleanups: (() => Promise<unknown>)[];
}

/**
 * The hooks of a suite that drives commands against the sandbox: the sandbox connected first;
 * before each test no prompt left over and the view refreshed; after the suite its resources
 * removed and the real prompts back. Call it inside `describe`.
 */
export function sandboxCommandSuite(): SandboxCommandSuite {
  let account: Account | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  before(async () => {
    account = await runCommand<Account>('trunkline.trySandbox');
  });
  beforeEach(async () => {
    await expectNoPrompts();
    await runCommand('trunkline.refresh');
  });
  after(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await restorePrompts();
  });
  return {
    sandbox: () => {
      if (!account) throw new Error('the sandbox is connected in the suite\'s before hook');
      return account;
    },
    cleanups,
  };
}
