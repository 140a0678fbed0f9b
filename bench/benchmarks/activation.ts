import { execFile } from 'node:child_process';
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
 */
export const activation: Benchmark = {
  id: 'activation',
  async run(config) {
    const stubs = new Set<string>();
    const diagnostics: number[] = [];
    const trunkline = async (...args: string[]) => {
      const result = await probe('trunkline', BUNDLE, ...args);
      for (const s of result.touchedStubs ?? []) stubs.add(s);
      if (result.diagnosticsMs !== undefined) diagnostics.push(result.diagnosticsMs);
      return result.ms;
    };
    const rounds = await interleave(
      {
        file: () => trunkline('file', TRUNK_FILE),
        view: () => trunkline('view'),
        twilio: async () => (await probe('twilio')).ms,
      },
      { rounds: Math.max(config.rounds, 10), warmup: config.warmup },
    );
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
        ],
      }),
      ratioResult({ ...common, name: 'load + activate from the Trunks view (until it lists the account)', trunkline: rounds.view, notes }),
    ];
  },
};
