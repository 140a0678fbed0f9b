import type { Account } from '../../src/core/accounts/account';
import { emulatorConnection } from './emulator-connection';
import { child } from './explorer-nodes';
import { runCommand } from './run-command';
import { scriptPrompts } from './scripted-prompts';

/**
 * Connects a Twilio account served by the driver's emulator, through "Add Twilio Account" with
 * its prompts answered, as a user with a gateway URL would.
 */
export async function addEmulatorAccount(name: string): Promise<Account> {
  const { baseUrl, startup } = emulatorConnection();
  const input = await scriptPrompts([{ input: name }, { input: required(startup, 'account-sid') }, { input: required(startup, 'auth-token') }]);
  const account = await runCommand<Account>('trunkline.addTwilioAccount', { baseUrl, auth: 'authToken' });
  input.assertDone();
  return account;
}

/** "Remove Account" on the account's row, confirmed. */
export async function removeAccount(name: string): Promise<void> {
  const node = await child(undefined, name);
  const input = await scriptPrompts([{ confirm: true, message: new RegExp(`Remove the account "${name}"`) }]);
  await runCommand('trunkline.removeAccount', node);
  input.assertDone();
}

export function required(startup: Readonly<Record<string, string>>, key: string): string {
  const value = startup[key];
  if (!value) throw new Error(`The emulator printed no "${key}" line`);
  return value;
}
