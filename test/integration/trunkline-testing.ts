import type { TrunklineTestApi } from '../../src/ui/test-api';
import { trunklineExtension } from './trunkline-extension';

/** The extension's test hooks (prompts, the tree as data, errors shown); activates it first. */
export async function trunklineTesting(): Promise<TrunklineTestApi> {
  const api = await trunklineExtension().activate();
  if (!api.testing) throw new Error('The extension exported no test API: is VS Code running it in test mode?');
  return api.testing;
}
