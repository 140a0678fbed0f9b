import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseTrunkFile, type TrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { WorkspaceIndex } from '../../src/core/documents/validate/workspace-index';
import { generateTrunkFile } from '../../test/fixtures/documents/generate-trunk-file';
import { boundResult, ratioResult, type Benchmark, type BenchmarkResult } from '../benchmark';
import { interleave, summarize, timed } from '../measure';
import { yamlLanguageServerPeer, type YamlValidator } from '../yaml-language-server-peer';

const REPO_ROOT = path.join(__dirname, '..', '..');
const MAX_RATIO = 0.33;
const MAX_KEYSTROKE_RATIO = 0.05;
const MAX_COLD_MS = 5;
const run = promisify(execFile);
const KNOWN_ACCOUNTS = ['acme-prod', 'acme-carrierx'];

/**
 * The small file takes about a millisecond: many short rounds, each a single validation per
 * side, alternating, so that load from other processes falls on both sides alike.
 */
const SMALL_FILE_ROUNDS = 200;

/**
 * Trunkline's full validation (parse with ranges + ajv schema + semantic rules) against the
 * YAML language server's doValidation with the same schema, on a realistic file and on a
 * 1,000-document file. Both must find the files valid, so each does all of its work.
 */
export const validateTrunkFile: Benchmark = {
  id: 'validate',
  async run(config) {
    const peer = await yamlLanguageServerPeer(REPO_ROOT);
    const realistic = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'documents', 'acme-example.trunk.yaml'), 'utf8');
    const large = generateTrunkFile(config.largeFileDocuments, { account: 'acme-prod' });
    const lines = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    return [
      await compare(peer, {
        name: `validate a realistic ${lines(realistic)}-line trunk file (3 documents)`,
        text: realistic,
        rounds: config.quick ? SMALL_FILE_ROUNDS / 2 : SMALL_FILE_ROUNDS,
        warmup: 20,
      }),
      await compare(peer, {
        name: `validate a ${config.largeFileDocuments.toLocaleString('en-US')}-document file (${lines(large).toLocaleString('en-US')} lines)`,
        text: large,
        rounds: config.rounds,
        warmup: config.warmup,
      }),
      await keystroke(peer, large, config.largeFileDocuments, config.quick ? config.rounds : 10, config.warmup),
      await coldValidation(path.join(REPO_ROOT, 'test', 'fixtures', 'documents', 'acme-example.trunk.yaml'), lines(realistic), config.quick ? 3 : 10),
    ];
  },
};

/**
 * Typing in a large file: one character typed into the middle document, then removed, round
 * after round; Trunkline re-validates from the file as it was before the keystroke (as the
 * editor does: TrunkFileCache) and updates the workspace index; the peer validates the file.
 */
async function keystroke(peer: YamlValidator, text: string, documents: number, rounds: number, warmup: number): Promise<BenchmarkResult> {
  const middle = Math.floor(documents / 2);
  const anchor = `friendly_name: Trunk ${middle}`;
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`the large file has no "${anchor}"`);
  const typed = `${text.slice(0, at + anchor.length)}x${text.slice(at + anchor.length)}`;
  const index = new WorkspaceIndex();
  const uri = 'file:///bench/large.trunk.yaml';
  let file: TrunkFile = parseTrunkFile(text, { knownAccounts: KNOWN_ACCOUNTS });
  index.update(uri, file.claims);
  let edits = 0;
  const result = await interleave(
    {
      trunkline: () =>
        timed(() => {
          file = parseTrunkFile(++edits % 2 === 1 ? typed : text, { knownAccounts: KNOWN_ACCOUNTS }, file);
          index.update(uri, file.claims);
          index.diagnosticsFor(uri);
        }),
      yamlLanguageServer: () => timed(() => peer.validate(edits % 2 === 1 ? typed : text)),
    },
    { rounds, warmup },
  );
  if (file.diagnostics.some((d) => d.severity === 'error')) throw new Error('the edited large file must stay valid');
  return ratioResult({
    name: `re-validate after one keystroke in a ${documents.toLocaleString('en-US')}-document file`,
    unit: 'ms',
    trunkline: result.trunkline,
    peer: result.yamlLanguageServer,
    peerName: 'yaml-language-server',
    maxRatio: MAX_KEYSTROKE_RATIO,
    notes: [
      `A character typed into (then removed from) document ${middle + 1}, alternately; Trunkline: parseTrunkFile with the previous parse (only the edited document is read again) plus the workspace index update; yaml-language-server: doValidation of the whole file (it has no incremental validation).`,
    ],
  });
}

/**
 * The first validation in a fresh process (validate-probe.js): nothing compiled or run before in
 * it. What is timed is what the editor does for the first trunk file of a session:
 * parseTrunkFile, then the workspace index's update and the file's cross-file diagnostics.
 * The engine loads as the extension loads its bundles, through the code cache: the row's rounds
 * share a cache folder (written by the warm-up round), as every session after the first does;
 * a second series, alternating, starts each round from an empty folder (the first session after
 * an install or update) and is reported in the notes. Loading the engine's code is timed apart
 * (in the extension it loads with the bundle, at activation).
 */
async function coldValidation(file: string, lineCount: number, rounds: number): Promise<BenchmarkResult> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'trunkline-bench-code-cache-'));
  const loads = { cached: [] as number[], firstSession: [] as number[] };
  const probe = async (dir: string, series: keyof typeof loads, round: number) => {
    const { stdout } = await run(process.execPath, [path.join(__dirname, 'validate-probe.js'), file, dir], { timeout: 30_000 });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; loadMs: number; errors: number; cached: boolean };
    if (result.errors !== 0) throw new Error('the realistic file must be valid in the probe');
    if (round >= 0 && result.cached !== (series === 'cached')) throw new Error(`a ${series} round ran ${result.cached ? 'with' : 'without'} the code cache`);
    if (round >= 0) loads[series].push(result.loadMs);
    return result.ms;
  };
  const times = await interleave(
    {
      cached: (round) => probe(cacheDir, 'cached', round),
      firstSession: async (round) => {
        const empty = mkdtempSync(path.join(os.tmpdir(), 'trunkline-bench-code-cache-'));
        try {
          return await probe(empty, 'firstSession', round);
        } finally {
          rmSync(empty, { recursive: true, force: true });
        }
      },
    },
    { rounds, warmup: 1 },
  );
  rmSync(cacheDir, { recursive: true, force: true });
  const first = summarize(times.firstSession);
  return boundResult({
    name: `first validation of a session, realistic ${lineCount}-line file (cold)`,
    unit: 'ms',
    trunkline: times.cached,
    max: MAX_COLD_MS,
    notes: [
      `A fresh node process per round, ${rounds} rounds: the trunk-file engine's bundle is loaded through the code-cache loader with the cache an earlier session wrote (untimed here: ${summarize(loads.cached).median.toFixed(1)} ms median), then the first parseTrunkFile, WorkspaceIndex.update and diagnosticsFor are timed: nothing run before in the process.`,
      `The first session after an install or update (no code cache yet; alternating rounds): ${first.median.toFixed(1)} ms (${first.min.toFixed(1)}–${first.max.toFixed(1)}), loading ${summarize(loads.firstSession).median.toFixed(1)} ms.`,
    ],
  });
}

async function compare(
  peer: YamlValidator,
  args: { name: string; text: string; rounds: number; warmup: number },
): Promise<BenchmarkResult> {
  const trunklineProblems = parseTrunkFile(args.text, { knownAccounts: KNOWN_ACCOUNTS }).diagnostics.filter((d) => d.severity === 'error');
  const peerProblems = (await peer.validate(args.text)).filter((d) => d.severity === 1);
  if (trunklineProblems.length > 0 || peerProblems.length > 0) {
    throw new Error(
      `the benchmark file must be valid for both: Trunkline ${trunklineProblems.map((d) => d.message).join('; ')} / yaml-language-server ${peerProblems.map((d) => d.message).join('; ')}`,
    );
  }
  const rounds = await interleave(
    {
      trunkline: () => timed(() => parseTrunkFile(args.text, { knownAccounts: KNOWN_ACCOUNTS })),
      yamlLanguageServer: () => timed(() => peer.validate(args.text)),
    },
    args,
  );
  return ratioResult({
    name: args.name,
    unit: 'ms',
    trunkline: rounds.trunkline,
    peer: rounds.yamlLanguageServer,
    peerName: 'yaml-language-server',
    maxRatio: MAX_RATIO,
    notes: [
      `One validation per side per round, ${args.rounds} rounds.`,
      'Trunkline: parseTrunkFile (YAML with source ranges, ajv schema, semantic rules, diagnostics with ranges); yaml-language-server: doValidation with schemas/trunk-file.schema.json.',
    ],
  });
}
