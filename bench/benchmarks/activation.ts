import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ratioResult, type Benchmark } from '../benchmark';
import { interleave, summarize } from '../measure';

const run = promisify(execFile);
const MAX_RATIO = 0.2;
const PROBE = path.join(__dirname, 'activation-probe.js');
/** The production bundles build-bench.js writes (minified, as they ship): the root loads the others. */
const BUNDLE = path.join(__dirname, 'dist', 'extension.js');
const TRUNK_FILE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'documents', 'acme-example.trunk.yaml');

interface ProbeResult {
  ms: number;
  diagnosticsMs?: number;
  touchedStubs?: string[];
  codeCache?: boolean;
}

async function probe(...args: string[]): Promise<ProbeResult> {
  const { stdout } = await run(process.execPath, [PROBE, ...args], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ProbeResult;
}

/**
 * What the editor pays when Trunkline activates, in its two usual ways, against loading the
 * twilio SDK; each round in a fresh process, so nothing is cached in memory:
 * - a trunk file is open (activation on the trunk-yaml language): bundle load + activate()
 *   (against a vscode stand-in) until the trunk-file engine has registered the file's language
 *   features (the engine's bundles load after activate() returns, in the same turn);
 * - the Trunks view opens (one account connected): bundle load + activate() until the view
 *   has its first items.
 * Both rows share one global storage folder, so they run with the code cache the warm-up round
 * wrote (any session but the first after an install or update); a third series, a trunk file
 * open with an empty storage folder each round, is that first session (reported in the notes).
 */
export const activation: Benchmark = {
  id: 'activation',
  async run(config) {
    const stubs = new Set<string>();
    const diagnostics: number[] = [];
    const firstSessionDiagnostics: number[] = [];
    const withoutCache: string[] = [];
    const storage = mkdtempSync(path.join(os.tmpdir(), 'trunkline-bench-storage-'));
    const trunkline = async (round: number, folder: string, ...args: string[]) => {
      const result = await probe('trunkline', BUNDLE, folder, ...args);
      for (const s of result.touchedStubs ?? []) stubs.add(s);
      if (round >= 0 && folder === storage && !result.codeCache) withoutCache.push(args[0]!);
      if (result.diagnosticsMs !== undefined) (folder === storage ? diagnostics : firstSessionDiagnostics).push(result.diagnosticsMs);
      return result.ms;
    };
    const firstSession = async (round: number) => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'trunkline-bench-storage-'));
      try {
        return await trunkline(round, folder, 'file', TRUNK_FILE);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    };
    const rounds = await interleave(
      {
        file: (round) => trunkline(round, storage, 'file', TRUNK_FILE),
        view: (round) => trunkline(round, storage, 'view'),
        twilio: async () => (await probe('twilio')).ms,
        firstSession,
      },
      { rounds: Math.max(config.rounds, 10), warmup: config.warmup },
    );
    rmSync(storage, { recursive: true, force: true });
    if (withoutCache.length > 0) throw new Error(`measured rounds ran without the code cache: ${withoutCache.join(', ')}`);
    const first = summarize(rounds.firstSession);
    const notes = [
      'Fresh node process per round; timed inside it from before require() (process start-up excluded on both sides); the three series alternate in one run.',
      stubs.size === 0 ? 'Activation touched only what the vscode stand-in implements.' : `Activation also touched (answered by inert stubs): ${[...stubs].sort().join(', ')}.`,
    ];
    const common = { unit: 'ms', peer: rounds.twilio, peerName: "require('twilio')", maxRatio: MAX_RATIO };
    return [
      ratioResult({
        ...common,
        name: 'load + activate with a trunk file open (until its language features are registered)',
        trunkline: rounds.file,
        notes: [
          ...notes,
          `The open file's first diagnostics (its first validation, cold) were published ${summarize(diagnostics).median.toFixed(1)} ms after require() (median).`,
          `The first session after an install or update (no code cache yet; a series of its own, alternating): ${first.median.toFixed(1)} ms (${first.min.toFixed(1)}–${first.max.toFixed(1)}), ${(first.median / summarize(rounds.twilio).median).toFixed(2)}× require('twilio'); first diagnostics ${summarize(firstSessionDiagnostics).median.toFixed(1)} ms after require().`,
        ],
      }),
      ratioResult({ ...common, name: 'load + activate from the Trunks view (until it lists the account)', trunkline: rounds.view, notes }),
    ];
  },
};
