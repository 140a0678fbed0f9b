import { DispatcherPool } from '../src/core/http/dispatcher-pool';
import { expandTrunks } from './benchmarks/tree-first-page';
import { explorerFor, type EmulatorAddress } from './trunkline-clients';

// One cold round of the tree benchmark in a fresh process: the first expansion after start-up,
// a click on an account 250 ms after the view showed it (the explorer loads the HTTP client in
// that moment), runs cold code and opens the first connection. Node's
// network modules are loaded first, untimed: the extension host has them loaded already.
// The emulator is given in TRUNKLINE_BENCH_EMULATOR ({baseUrl, credentials}; sandbox values,
// not secrets). Prints one JSON line: { ms, nodes }.

/** Between the view showing its accounts and a click on one: a fast user. */
const USER_CLICK_MS = 250;
const HOST_LOADED_BUILTINS = ['node:net', 'node:tls', 'node:http', 'node:https', 'node:zlib', 'node:crypto', 'node:stream', 'node:dns', 'node:worker_threads'];

async function main(): Promise<void> {
  for (const builtin of HOST_LOADED_BUILTINS) require(builtin);
  const emulator = JSON.parse(process.env.TRUNKLINE_BENCH_EMULATOR ?? '{}') as EmulatorAddress;
  const pageSize = Number(process.argv[2] ?? 50);
  const dispatchers = new DispatcherPool();
  const tree = await explorerFor(emulator, dispatchers, pageSize);
  // The view opens on the accounts (untimed); the user's click on one comes later: a person
  // takes well over the 50 ms after which the explorer has loaded the HTTP client.
  await tree.childrenOf(undefined);
  await Promise.all([tree.httpClientReady, new Promise((resolve) => setTimeout(resolve, USER_CLICK_MS))]);
  const started = performance.now();
  const { children } = await expandTrunks(tree);
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, nodes: children.length })}\n`);
  await dispatchers.close();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
