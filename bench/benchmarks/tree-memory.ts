import { parseTrunkFile, type TrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { WorkspaceIndex } from '../../src/core/documents/validate/workspace-index';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { generateTrunkFile } from '../../test/fixtures/documents/generate-trunk-file';
import type { ExplorerTree } from '../../src/ui/tree/explorer-tree';
import { BenchEmulator } from '../bench-emulator';
import { boundResult, type Benchmark } from '../benchmark';
import { interleave } from '../measure';
import { explorerFor } from '../trunkline-clients';
import { expandTrunks } from './tree-first-page';

/** The largest page the setting allows: memory held does not depend on it, loading time does. */
const PAGE_SIZE = 1000;
const GOAL_MB = 40;
const HOST_GOAL_MB = 60;
const MB = 1024 * 1024;

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Expands the trunks folder and clicks "Load more…" until every trunk is in the tree. */
async function loadEverything(tree: ExplorerTree): Promise<number> {
  const { folder } = await expandTrunks(tree);
  while (folder.hasMore) await folder.loadMore();
  const children = await tree.childrenOf(folder);
  for (const child of children) child.treeItem();
  return folder.loadedCount;
}

/**
 * Heap the explorer holds once every trunk of a 10,000-trunk account is loaded: heap after a
 * full GC with the tree alive, minus heap after a full GC before it was built.
 */
export const treeMemory: Benchmark = {
  id: 'tree-memory',
  async run(config) {
    const emulator = await BenchEmulator.start({ seeding: { trunks: config.trunks } });
    const dispatchers = new DispatcherPool();
    const loadTimes: number[] = [];
    // Keeps the round's tree reachable until the second measurement is taken.
    const alive: ExplorerTree[] = [];
    const files: TrunkFile[] = [];
    const largeFile = generateTrunkFile(config.largeFileDocuments, { account: 'acme-prod' });
    try {
      const rounds = await interleave(
        {
          trunkline: async (round) => {
            const before = heapAfterGc();
            const tree = await explorerFor(emulator, dispatchers, PAGE_SIZE);
            alive.push(tree);
            const started = performance.now();
            const loaded = await loadEverything(tree);
            if (round >= 0) loadTimes.push(performance.now() - started);
            if (loaded !== config.trunks) throw new Error(`loaded ${loaded} trunks, expected ${config.trunks}`);
            const held = heapAfterGc() - before;
            alive.length = 0;
            return held / MB;
          },
        },
        config,
      );
      // Both together, as in an editor with the large file open and the tree loaded: the file's
      // parse (kept for the next keystroke), the workspace index and the tree.
      const host = await interleave(
        {
          trunkline: async () => {
            const before = heapAfterGc();
            const tree = await explorerFor(emulator, dispatchers, PAGE_SIZE);
            alive.push(tree);
            await loadEverything(tree);
            const index = new WorkspaceIndex();
            let file = parseTrunkFile(largeFile, { knownAccounts: ['acme-prod'] });
            const at = largeFile.indexOf('friendly_name: Trunk 1') + 10;
            file = parseTrunkFile(`${largeFile.slice(0, at)}x${largeFile.slice(at)}`, { knownAccounts: ['acme-prod'] }, file);
            index.update('file:///bench/large.trunk.yaml', file.claims);
            files.push(file);
            const held = heapAfterGc() - before;
            alive.length = 0;
            files.length = 0;
            return held / MB;
          },
        },
        { ...config, rounds: Math.min(config.rounds, 5) },
      );
      const perNode = (rounds.trunkline.reduce((a, b) => a + b, 0) / rounds.trunkline.length) * MB / config.trunks;
      return [
        boundResult({
          name: `memory held by the tree after loading ${config.trunks.toLocaleString('en-US')} trunks`,
          unit: 'MB',
          trunkline: rounds.trunkline,
          max: GOAL_MB,
          goal: `≤ ${GOAL_MB} MB heap`,
          notes: [
            `Heap delta after full GC (--expose-gc), tree alive; about ${Math.round(perNode)} bytes per trunk node. Loaded ${PAGE_SIZE} per page (the largest trunkline.pageSize).`,
          ],
          details: { bytesPerTrunk: Math.round(perNode), loadAllMs: loadTimes },
        }),
        boundResult({
          name: `extension host memory: a ${config.largeFileDocuments.toLocaleString('en-US')}-document file open plus ${config.trunks.toLocaleString('en-US')} trunks in the tree`,
          unit: 'MB',
          trunkline: host.trunkline,
          max: HOST_GOAL_MB,
          goal: `≤ ${HOST_GOAL_MB} MB heap`,
          notes: [
            'Heap delta after full GC: the tree with every trunk loaded, the large file parsed and re-parsed after a keystroke (the parse kept for the next one, with its YAML nodes and diagnostics), and the workspace index of its claims.',
          ],
        }),
      ];
    } finally {
      await dispatchers.close();
      await emulator.close();
    }
  },
};
