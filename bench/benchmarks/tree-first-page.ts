import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import type { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { ElasticSipTrunksNode } from '../../src/ui/tree/elastic-sip-trunks-node';
import { BenchEmulator } from '../bench-emulator';
import { boundResult, type Benchmark } from '../benchmark';
import { interleave } from '../measure';
import { explorerFor } from '../trunkline-clients';

const PAGE_SIZE = 50;
const GOAL_MS = 25;
const run = promisify(execFile);

/** The first expansion in a fresh process (tree-probe.js): cold code, and the HTTP client loads on this first request. */
async function coldRound(emulator: BenchEmulator): Promise<number> {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'tree-probe.js'), String(PAGE_SIZE)], {
    timeout: 30_000,
    env: { ...process.env, TRUNKLINE_BENCH_EMULATOR: JSON.stringify({ baseUrl: emulator.baseUrl, credentials: emulator.credentials }) },
  });
  const result = JSON.parse(stdout.trim()) as { ms: number; nodes: number };
  if (result.nodes !== PAGE_SIZE + 1) throw new Error(`expected ${PAGE_SIZE} trunks and Load more, got ${result.nodes} nodes`);
  return result.ms;
}

/** Expands the account and its Elastic SIP Trunks folder: the nodes VS Code asks for, with their items. */
export async function expandTrunks(tree: ExplorerTree): Promise<{ folder: ElasticSipTrunksNode; children: ExplorerNode[] }> {
  const [account] = await tree.childrenOf(undefined);
  const folders = await tree.childrenOf(account);
  for (const folder of folders) folder.treeItem();
  const folder = folders.find((f): f is ElasticSipTrunksNode => f instanceof ElasticSipTrunksNode);
  if (!folder) throw new Error('the account has no Elastic SIP Trunks folder');
  const children = await tree.childrenOf(folder);
  for (const child of children) child.treeItem();
  return { folder, children };
}

/**
 * What a user waits for: from expanding an account (10,000 trunks) to the first 50 trunk items
 * and the "Load more…" node, built as the tree provider builds them. Each round is a fresh
 * tree and fresh connections, as after a window reload.
 */
export const treeFirstPage: Benchmark = {
  id: 'tree-first-page',
  async run(config) {
    const emulator = await BenchEmulator.start({ seeding: { trunks: config.trunks } });
    try {
      const rounds = await interleave(
        {
          trunkline: async () => {
            const dispatchers = new DispatcherPool();
            try {
              const tree = await explorerFor(emulator, dispatchers, PAGE_SIZE);
              const started = performance.now();
              const { children } = await expandTrunks(tree);
              const elapsed = performance.now() - started;
              if (children.length !== PAGE_SIZE + 1) throw new Error(`expected ${PAGE_SIZE} trunks and Load more, got ${children.length} nodes`);
              return elapsed;
            } finally {
              await dispatchers.close();
            }
          },
        },
        { ...config, rounds: Math.max(config.rounds, 10) },
      );
      const cold = await interleave({ trunkline: () => coldRound(emulator) }, { rounds: config.rounds, warmup: 0 });
      const name = `first page of ${PAGE_SIZE} tree items after expanding an account with ${config.trunks.toLocaleString('en-US')} trunks`;
      return [
        boundResult({
          name,
          unit: 'ms',
          trunkline: rounds.trunkline,
          max: GOAL_MS,
          notes: ['A fresh tree each round, as after a window reload: includes building the account\'s client and a new connection to the emulator.'],
        }),
        boundResult({
          name: `${name}, first time after start-up`,
          unit: 'ms',
          trunkline: cold.trunkline,
          max: GOAL_MS,
          notes: ['A fresh node process each round (tree-probe.js): the view lists the accounts (untimed), the account is clicked 250 ms later (the explorer has loaded the HTTP client by then), then cold code and the first connection.'],
        }),
      ];
    } finally {
      await emulator.close();
    }
  },
};
