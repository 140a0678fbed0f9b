import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseTrunkFile } from '../../src/core/documents/parse-trunk-file';
import { generateTrunkFile } from '../../test/fixtures/documents/generate-trunk-file';
import { ratioResult, type Benchmark, type BenchmarkResult } from '../benchmark';
import { interleave, timed } from '../measure';
import { yamlLanguageServerPeer, type YamlValidator } from '../yaml-language-server-peer';

const REPO_ROOT = path.join(__dirname, '..', '..');
const MAX_RATIO = 0.33;
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
    ];
  },
};

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
