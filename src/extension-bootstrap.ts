import * as path from 'node:path';
import type * as vscode from 'vscode';
import { BundleLoader } from './core/code-cache/bundle-loader';

// package.json's "main" (dist/extension.js): loads the composition root (src/extension.ts, built
// as dist/extension/extension.js) and every bundle it loads later through V8's code cache, kept
// in the extension's global storage (core/code-cache/bundle-loader.ts). The build names the
// build (a hash of the bundles) so that a cache is only ever used with the code that wrote it.

declare const TRUNKLINE_BUILD_ID: string;

interface Root {
  activate(context: vscode.ExtensionContext): unknown;
  deactivate(): Promise<void>;
}

let loader: BundleLoader | undefined;
let root: Root | undefined;

export function activate(context: vscode.ExtensionContext): unknown {
  const bundleDir = path.join(__dirname, 'extension');
  // No cache where the storage folder is unknown (it always is known in VS Code).
  const storage = context.globalStorageUri?.fsPath;
  loader = new BundleLoader({ bundleDir, cacheDir: storage && path.join(storage, 'code-cache'), buildId: TRUNKLINE_BUILD_ID });
  root = loader.load(path.join(bundleDir, 'extension.js')) as Root;
  return root.activate(context);
}

export async function deactivate(): Promise<void> {
  // What this session compiled is the next one's cache, even if it ends before the timer.
  loader?.saveCodeCache();
  await root?.deactivate();
}
