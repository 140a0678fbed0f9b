import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ratioResult, type Benchmark } from '../benchmark';
import { interleave } from '../measure';

const run = promisify(execFile);
const MAX_RATIO = 0.2;
const PROBE = path.join(__dirname, 'activation-probe.js');
/** The production bundle build-bench.js writes (minified, as it ships). */
const BUNDLE = path.join(__dirname, 'dist', 'extension.js');

async function probe(...args: string[]): Promise<{ ms: number; touchedStubs?: string[] }> {
  const { stdout } = await run(process.execPath, [PROBE, ...args], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; touchedStubs?: string[] };
}

/**
 * What the editor pays when Trunkline activates: loading the production bundle and running
 * activate() (against a vscode stand-in), vs loading the twilio SDK; each round in a fresh
 * process, so nothing is cached in memory.
 */
export const activation: Benchmark = {
  id: 'activation',
  async run(config) {
    const stubs = new Set<string>();
    const rounds = await interleave(
      {
        trunkline: async () => {
          const result = await probe('trunkline', BUNDLE);
          for (const s of result.touchedStubs ?? []) stubs.add(s);
          return result.ms;
        },
        twilio: async () => (await probe('twilio')).ms,
      },
      { rounds: Math.max(config.rounds, 10), warmup: config.warmup },
    );
    return [
      ratioResult({
        name: 'bundle load + activate()',
        unit: 'ms',
        trunkline: rounds.trunkline,
        peer: rounds.twilio,
        peerName: "require('twilio')",
        maxRatio: MAX_RATIO,
        notes: [
          'Fresh node process per round; timed inside it from before require() to after activate() returns (process start-up excluded on both sides).',
          stubs.size === 0
            ? 'activate() touched only what the vscode stand-in implements.'
            : `activate() also touched (answered by inert stubs): ${[...stubs].sort().join(', ')}.`,
        ],
      }),
    ];
  },
};
