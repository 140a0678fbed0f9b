import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import Module from 'node:module';
import * as path from 'node:path';

// One round of the activation benchmark, in a fresh process (see benchmarks/activation.ts):
//   node activation-probe.js trunkline <extension.js> <global-storage> file <x.trunk.yaml>
//       bundle load + activate() against the vscode stand-in with that trunk file open, until its
//       language features are registered (the trunk-file engine loads when a trunk file is open)
//   node activation-probe.js trunkline <extension.js> <global-storage> view
//       bundle load + activate() as the Trunks view opens (one account connected), until the
//       view has its first items
//   node activation-probe.js trunkline <extension.js> <global-storage> expand
//       as `view`, with the account on the emulator in TRUNKLINE_BENCH_EMULATOR ({baseUrl,
//       credentials}; sandbox values, not secrets); untimed, then 250 ms later (a fast user's
//       click) the account and its Elastic SIP Trunks are expanded: that is timed, until the
//       first page's rows are built (the first tree page after start-up)
//   node activation-probe.js twilio                     require('twilio')
// <global-storage> is the extension's global storage folder, where the bundles' code cache is
// kept: a folder an earlier round used is a later session of the same user; after the timed
// part, deactivate() writes what this session compiled (untimed), as when VS Code closes.
// Prints one JSON line: { ms, diagnosticsMs?, touchedStubs?, codeCache }.

type Resolve = (request: string, ...rest: unknown[]) => string;

type Scenario = { kind: 'file'; file: string } | { kind: 'view' } | { kind: 'expand' };

/** Between the view showing its accounts and a click on one: a fast user. */
const USER_CLICK_MS = 250;
/** Loaded in the extension host before any extension runs; a fresh node process loads them on first use. */
const HOST_LOADED_BUILTINS = ['node:net', 'node:tls', 'node:http', 'node:https', 'node:zlib', 'node:crypto', 'node:stream', 'node:dns', 'node:worker_threads'];
type StandIn = Record<string, unknown> & {
  stub(name: string): unknown;
  touchedStubs: Set<string>;
  marks: { registrations: number[]; firstDiagnostics: number | undefined; treeDataProvider: { getChildren(e?: unknown): Promise<unknown[]> | unknown[]; getTreeItem(e: unknown): { label?: string; id?: string } } | undefined };
  workspace: { textDocuments: unknown[] };
};

/** An open text document, as much of one as the trunk-file features read. */
function openDocument(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const positionAt = (offset: number) => {
    let line = starts.length - 1;
    while (starts[line]! > offset) line--;
    return { line, character: offset - starts[line]! };
  };
  const uri = { scheme: 'file', fsPath: file, path: file, toString: () => `file://${file}` };
  return {
    uri,
    fileName: file,
    languageId: 'trunk-yaml',
    version: 1,
    isClosed: false,
    isDirty: false,
    lineCount: starts.length,
    getText: () => text,
    positionAt,
    offsetAt: (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character,
    lineAt: (line: number) => ({ text: text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1), lineNumber: line }),
  };
}

interface TrunklineResult {
  ms: number;
  diagnosticsMs?: number;
  /** expand: the rows of the first page (with "Load more…"). */
  nodes?: number;
  /** expand: CPU time of this process meanwhile (on a loaded machine, less inflated than the wall time). */
  cpuMs?: number;
  touchedStubs: string[];
  /** Whether the code cache was there when the round started. */
  codeCache: boolean;
}

async function measureTrunkline(bundle: string, storage: string, scenario: Scenario): Promise<TrunklineResult> {
  const standIn = path.join(__dirname, 'vscode-stand-in.js');
  const moduleInternals = Module as unknown as { _resolveFilename: Resolve };
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? standIn : resolve.call(this, request, ...rest);
  };
  // Every `vscode.X` the sources use that the stand-in lacks (a class, an enum, a namespace)
  // becomes an export whose first read is recorded: the bundle copies the module's exports.
  const api = require(standIn) as StandIn;
  for (const name of vscodeNamesUsed(path.join(__dirname, '..', '..', 'src'))) {
    if (name in api) continue;
    Object.defineProperty(api, name, { enumerable: true, get: () => api.stub(`vscode.${name}`) });
  }
  const packageJSON = require(path.join(__dirname, '..', '..', 'package.json')) as { version: string };
  const codeCache = existsSync(path.join(storage, 'code-cache')) && readdirSync(path.join(storage, 'code-cache')).length > 0;
  const memento = () => {
    const values = new Map<string, unknown>();
    return { get: (k: string, d?: unknown) => (values.has(k) ? values.get(k) : d), update: async (k: string, v: unknown) => void values.set(k, v), keys: () => [...values.keys()], setKeysForSync() {} };
  };
  const uri = (fsPath: string) => ({ fsPath, path: fsPath, scheme: 'file', toString: () => `file://${fsPath}` });
  const globalState = memento();
  const emulator = scenario.kind === 'expand' ? (JSON.parse(process.env.TRUNKLINE_BENCH_EMULATOR ?? '{}') as { baseUrl: string; credentials: { accountSid: string; authToken: string } }) : undefined;
  if (scenario.kind === 'file') {
    api.workspace.textDocuments.push(openDocument(scenario.file));
  } else if (emulator) {
    await globalState.update('trunkline.accounts', [{ id: 'bench-account', name: 'acme-prod', provider: 'twilio', accountSid: emulator.credentials.accountSid, twilioAuth: 'authToken', baseUrl: emulator.baseUrl }]);
  } else {
    await globalState.update('trunkline.accounts', [{ id: 'bench-account', name: 'acme-prod', provider: 'twilio', accountSid: `AC${'0'.repeat(32)}`, twilioAuth: 'authToken' }]);
  }
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    globalState,
    workspaceState: memento(),
    secrets: { get: async (key: string) => (emulator && key === 'trunkline.account.bench-account' ? JSON.stringify({ authToken: emulator.credentials.authToken }) : undefined), store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) },
    extensionMode: 1,
    extension: { id: 'trunkline.trunkline', packageJSON, extensionPath: path.dirname(bundle) },
    extensionUri: uri(path.dirname(bundle)),
    extensionPath: path.dirname(bundle),
    globalStorageUri: uri(storage),
    storageUri: uri(storage),
    logUri: uri(storage),
    asAbsolutePath: (p: string) => path.join(path.dirname(bundle), p),
  };

  if (scenario.kind === 'expand') for (const builtin of HOST_LOADED_BUILTINS) require(builtin);
  const started = performance.now();
  const extension = require(bundle) as { activate(context: unknown): unknown; deactivate(): Promise<void> };
  extension.activate(context);
  if (scenario.kind === 'view' || scenario.kind === 'expand') {
    const provider = api.marks.treeDataProvider;
    if (!provider) throw new Error('activate() registered no tree data provider');
    const accounts = await provider.getChildren(undefined);
    for (const item of accounts) provider.getTreeItem(item);
    const listed = performance.now() - started;
    if (scenario.kind === 'view') {
      await extension.deactivate();
      return { ms: listed, touchedStubs: [...api.touchedStubs], codeCache };
    }
    await new Promise((resolve) => setTimeout(resolve, USER_CLICK_MS));
    const profiler = process.env.TRUNKLINE_BENCH_PROFILE ? await startProfiler() : undefined;
    const clicked = performance.now();
    const cpu = process.cpuUsage();
    const folders = await provider.getChildren(accounts[0]);
    const trunks = folders.find((folder) => provider.getTreeItem(folder).label === 'Elastic SIP Trunks');
    if (!trunks) throw new Error('the account has no Elastic SIP Trunks folder');
    const rows = await provider.getChildren(trunks);
    for (const row of rows) provider.getTreeItem(row);
    const ms = performance.now() - clicked;
    const { user, system } = process.cpuUsage(cpu);
    if (profiler) writeFileSync(process.env.TRUNKLINE_BENCH_PROFILE!, JSON.stringify(await profiler.stop()));
    await extension.deactivate();
    return { ms, cpuMs: (user + system) / 1000, nodes: rows.length, touchedStubs: [...api.touchedStubs], codeCache };
  }
  // The engine loads after activate() returns (its bundle is required in a promise): wait for
  // the open file's first diagnostics, then time the moment its features were all registered.
  const deadline = Date.now() + 10_000;
  while (api.marks.firstDiagnostics === undefined && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  if (api.marks.registrations.length === 0 || api.marks.firstDiagnostics === undefined) throw new Error('the open trunk file got no language features or no diagnostics');
  const result = {
    ms: Math.max(...api.marks.registrations) - started,
    diagnosticsMs: api.marks.firstDiagnostics - started,
    touchedStubs: [...api.touchedStubs],
    codeCache,
  };
  await extension.deactivate();
  return result;
}

/**
 * A CPU profile of the timed part only (TRUNKLINE_BENCH_PROFILE=<file>.cpuprofile; open it in
 * Chrome's DevTools), sampled every 100 µs: `node --cpu-prof` would profile activation too.
 */
async function startProfiler(): Promise<{ stop(): Promise<unknown> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return { stop: async () => ((await post('Profiler.stop')) as { profile: unknown }).profile };
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

async function main(): Promise<void> {
  const [which, bundle, storage, scenario, file] = process.argv.slice(2);
  const result =
    which === 'trunkline' && bundle && storage
      ? await measureTrunkline(
          path.resolve(bundle),
          path.resolve(storage),
          scenario === 'file' && file ? { kind: 'file', file: path.resolve(file) } : scenario === 'expand' ? { kind: 'expand' } : { kind: 'view' },
        )
      : measureTwilio();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Whatever activation scheduled (timers, watchers) must not keep this process alive.
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
