import { DispatcherPool } from '../src/core/http/dispatcher-pool';
import { expandTrunks } from './benchmarks/tree-first-page';
import { explorerFor, type EmulatorAddress } from './trunkline-clients';

// One cold round of the tree benchmark in a fresh process: the first expansion after start-up
// also loads the HTTP client (undici is loaded on the first request) and runs cold code. Node's
// network modules are loaded first, untimed: the extension host has them loaded already.
// The emulator is given in TRUNKLINE_BENCH_EMULATOR ({baseUrl, credentials}; sandbox values,
// not secrets). Prints one JSON line: { ms, nodes }.

const HOST_LOADED_BUILTINS = ['node:net', 'node:tls', 'node:http', 'node:https', 'node:zlib', 'node:crypto', 'node:stream', 'node:dns', 'node:worker_threads'];

async function main(): Promise<void> {
  for (const builtin of HOST_LOADED_BUILTINS) require(builtin);
  const emulator = JSON.parse(process.env.TRUNKLINE_BENCH_EMULATOR ?? '{}') as EmulatorAddress;
  const pageSize = Number(process.argv[2] ?? 50);
  const dispatchers = new DispatcherPool();
  const tree = await explorerFor(emulator, dispatchers, pageSize);
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
