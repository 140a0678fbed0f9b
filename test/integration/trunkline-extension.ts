import * as vscode from 'vscode';
import type { TrunklineApi } from '../../src/extension';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'trunkline.trunkline';

/** The extension under test, as the extension host loaded it. */
export function trunklineExtension(): vscode.Extension<TrunklineApi> {
  const extension = vscode.extensions.getExtension<TrunklineApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}
