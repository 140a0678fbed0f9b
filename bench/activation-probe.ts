import { readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

// One round of the activation benchmark, in a fresh process (see benchmarks/activation.ts):
//   node activation-probe.js trunkline <extension.js>   bundle load + activate() against the vscode stand-in
//   node activation-probe.js twilio                     require('twilio')
// Prints one JSON line: { ms, touchedStubs? }.

type Resolve = (request: string, ...rest: unknown[]) => string;

function measureTrunkline(bundle: string): { ms: number; touchedStubs: string[] } {
  const standIn = path.join(__dirname, 'vscode-stand-in.js');
  const moduleInternals = Module as unknown as { _resolveFilename: Resolve };
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? standIn : resolve.call(this, request, ...rest);
  };
  // Every `vscode.X` the sources use that the stand-in lacks (a class, an enum, a namespace)
  // becomes an export whose first read is recorded: the bundle copies the module's exports.
  const api = require(standIn) as Record<string, unknown> & { stub(name: string): unknown; touchedStubs: Set<string> };
  for (const name of vscodeNamesUsed(path.join(__dirname, '..', '..', 'src'))) {
    if (name in api) continue;
    Object.defineProperty(api, name, { enumerable: true, get: () => api.stub(`vscode.${name}`) });
  }
  const packageJSON = require(path.join(__dirname, '..', '..', 'package.json')) as { version: string };
  const storage = path.join(os.tmpdir(), `trunkline-bench-${process.pid}`);
  const memento = () => {
    const values = new Map<string, unknown>();
    return { get: (k: string, d?: unknown) => (values.has(k) ? values.get(k) : d), update: async (k: string, v: unknown) => void values.set(k, v), keys: () => [...values.keys()], setKeysForSync() {} };
  };
  const uri = (fsPath: string) => ({ fsPath, path: fsPath, scheme: 'file', toString: () => `file://${fsPath}` });
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    globalState: memento(),
    workspaceState: memento(),
    secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) },
    extensionMode: 1,
    extension: { id: 'trunkline.trunkline', packageJSON, extensionPath: path.dirname(bundle) },
    extensionUri: uri(path.dirname(bundle)),
    extensionPath: path.dirname(bundle),
    globalStorageUri: uri(storage),
    storageUri: uri(storage),
    logUri: uri(storage),
    asAbsolutePath: (p: string) => path.join(path.dirname(bundle), p),
  };

  const started = performance.now();
  const extension = require(bundle) as { activate(context: unknown): unknown };
  extension.activate(context);
  const ms = performance.now() - started;

  return { ms, touchedStubs: [...api.touchedStubs] };
}

/** Every `vscode.Name` written in the extension's sources (they all `import * as vscode from 'vscode'`). */
function vscodeNamesUsed(dir: string, names = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) vscodeNamesUsed(file, names);
    else if (entry.name.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/\bvscode\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  }
  return names;
}

function measureTwilio(): { ms: number } {
  const started = performance.now();
  require('twilio');
  return { ms: performance.now() - started };
}

const [which, bundle] = process.argv.slice(2);
const result = which === 'trunkline' && bundle ? measureTrunkline(path.resolve(bundle)) : measureTwilio();
process.stdout.write(`${JSON.stringify(result)}\n`);
// Whatever activation scheduled (timers, watchers) must not keep this process alive.
process.exit(0);
