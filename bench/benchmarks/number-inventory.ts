import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { DidsNode } from '../../src/ui/tree/dids-node';
import type { ExplorerNode } from '../../src/ui/tree/explorer-node';
import type { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { matchNumbers, type CatalogNumber } from '../../src/ui/tree/number-catalog';
import { NumberInventoryNode } from '../../src/ui/tree/number-inventory-node';
import { BenchEmulator } from '../bench-emulator';
import { boundResult, type Benchmark, type BenchmarkResult } from '../benchmark';
import { interleave } from '../measure';
import { explorerFor } from '../trunkline-clients';

const PAGE_SIZE = 50;
/** The tree's first-page goal (a folder of 50 items ready to draw). */
const FIRST_PAGE_GOAL_MS = 50;
/** One keystroke of Find Number: the quick pick's list redrawn within a frame. */
const KEYSTROKE_GOAL_MS = 16;
/** Find Number's first search of a session: both accounts' numbers read (all pages) before the first results. */
const FIRST_SEARCH_GOAL_MS = 2_000;

/** Expands the account and its Phone Numbers folder, building every item as the tree provider does. */
async function expandInventory(tree: ExplorerTree, accountIndex: number): Promise<ExplorerNode[]> {
  const accounts = await tree.childrenOf(undefined);
  const folders = await tree.childrenOf(accounts[accountIndex]);
  for (const folder of folders) folder.treeItem();
  const folder = folders.find((f) => f instanceof NumberInventoryNode || (f instanceof DidsNode && !f.group));
  if (!folder) throw new Error('the account has no Phone Numbers folder');
  const children = await tree.childrenOf(folder);
  for (const child of children) child.treeItem();
  if (children.length !== PAGE_SIZE + 1) throw new Error(`expected ${PAGE_SIZE} numbers and Load more, got ${children.length} nodes`);
  folder.treeItem();
  return children;
}

/** A user typing a number digit by digit: the queries Find Number answers, one per keystroke. */
function typing(numbers: readonly CatalogNumber[]): string[] {
  const target = numbers[Math.floor(numbers.length * 0.7)]!.digits;
  return [...target.slice(1)].map((_, i) => target.slice(1, i + 2));
}

/**
 * The account-wide number inventory with 10,000 numbers per account (quick: 2,000): the first
 * page of Account → Phone Numbers, Twilio and CarrierX; and Find Number over both accounts'
 * numbers, its first search (which reads every page once) and then each keystroke.
 */
export const numberInventory: Benchmark = {
  id: 'number-inventory',
  async run(config) {
    const count = config.trunks;
    const emulator = await BenchEmulator.start({ seeding: { trunks: 20, numbers: count, trunkGroups: 10, dids: count } });
    try {
      const pages = await interleave(
        {
          twilio: () => firstPage(emulator, 0),
          carrierx: () => firstPage(emulator, 1),
        },
        { ...config, rounds: Math.max(config.rounds, 10) },
      );
      let catalog: CatalogNumber[] = [];
      const first = await interleave(
        {
          trunkline: async () => {
            const dispatchers = new DispatcherPool();
            try {
              const tree = await explorerFor(emulator, dispatchers, PAGE_SIZE, ['twilio', 'carrierx']);
              const accounts = tree.roots().map((node) => node.account);
              const started = performance.now();
              const lists = await Promise.all(accounts.map((account) => tree.numbers.numbersOf(account)));
              catalog = lists.flat();
              const found = matchNumbers(catalog, '5');
              const elapsed = performance.now() - started;
              if (catalog.length !== 2 * count || found.length === 0) throw new Error(`expected ${2 * count} numbers, got ${catalog.length}`);
              return elapsed;
            } finally {
              await dispatchers.close();
            }
          },
        },
        { rounds: config.rounds, warmup: config.warmup },
      );
      const queries = typing(catalog);
      const keystrokes = await interleave(
        {
          trunkline: async () => {
            const started = performance.now();
            let shown = 0;
            for (const q of queries) shown += matchNumbers(catalog, q).length;
            if (shown === 0) throw new Error('the typed number was not found');
            return (performance.now() - started) / queries.length;
          },
        },
        { rounds: Math.max(config.rounds, 20), warmup: 2 },
      );
      const n = count.toLocaleString('en-US');
      const results: BenchmarkResult[] = [
        boundResult({
          name: `first page of ${PAGE_SIZE} numbers after expanding Phone Numbers of a Twilio account with ${n} numbers`,
          unit: 'ms',
          trunkline: pages.twilio,
          max: FIRST_PAGE_GOAL_MS,
          notes: ['A fresh tree and connection each round: the account, then its Phone Numbers (the first page of incoming numbers and, beside it, the trunks for their names).'],
        }),
        boundResult({
          name: `first page of ${PAGE_SIZE} numbers after expanding Phone Numbers of a CarrierX account with ${n} DIDs`,
          unit: 'ms',
          trunkline: pages.carrierx,
          max: FIRST_PAGE_GOAL_MS,
          notes: ['As above: the first page of DIDs and, beside it, the trunk groups for their names.'],
        }),
        boundResult({
          name: `Find Number: first search over two accounts with ${n} numbers each (every page read once)`,
          unit: 'ms',
          trunkline: first.trunkline,
          max: FIRST_SEARCH_GOAL_MS,
          notes: ['Both accounts read at once, 1,000 numbers a page, then kept until the explorer is refreshed.'],
        }),
        boundResult({
          name: `Find Number: one keystroke over ${(2 * count).toLocaleString('en-US')} numbers`,
          unit: 'ms',
          trunkline: keystrokes.trunkline,
          max: KEYSTROKE_GOAL_MS,
          notes: [`The mean of typing one number digit by digit (${queries.length} keystrokes), each matched by digits anywhere in every number, at most 100 shown.`],
        }),
      ];
      return results;
    } finally {
      await emulator.close();
    }
  },
};

async function firstPage(emulator: BenchEmulator, accountIndex: number): Promise<number> {
  const dispatchers = new DispatcherPool();
  try {
    const tree = await explorerFor(emulator, dispatchers, PAGE_SIZE, ['twilio', 'carrierx']);
    const started = performance.now();
    await expandInventory(tree, accountIndex);
    return performance.now() - started;
  } finally {
    await dispatchers.close();
  }
}
