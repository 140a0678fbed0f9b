import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { pushAll } from '../../src/core/documents/apply/push-all';
import { fixedSyncClients } from '../../src/core/documents/apply/sync-clients';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import type { SyncDocument } from '../../src/core/documents/plan/plan-documents';
import { BenchEmulator } from '../bench-emulator';
import { formatNumber, type Benchmark } from '../benchmark';
import { collectGarbage, interleave, summarize } from '../measure';
import { trunklineClient } from '../trunkline-clients';
import { twilioSdkPeer } from '../twilio-sdk-peer';

const RATE_PER_SECOND = 100;
const MAX_FLOOR_RATIO = 1.15;
/** Push all's default: documents applied at the same time. The SDK gets the same. */
const CONCURRENCY = 4;
/** The SDK's own retry on 429 (full-jitter backoff; it ignores Retry-After). Its default is 3. */
const SDK_MAX_RETRIES = 10;
/** Trunks created in the warm-up round (not measured). */
const WARMUP_TRUNKS = 100;

interface Fields {
  friendly_name: string;
  domain_name: string;
  secure: boolean;
  transfer_mode: 'disable-all' | 'enable-all' | 'sip-only';
}

function trunkFields(count: number, round: number): Fields[] {
  return Array.from({ length: count }, (_, i) => ({
    friendly_name: `Bulk ${round} trunk ${i}`,
    domain_name: `bulk-r${round + 10}-t${i}.pstn.twilio.com`,
    secure: i % 2 === 0,
    transfer_mode: 'sip-only',
  }));
}

/** One file with a TwilioTrunk document (no sid: to be created) per trunk. */
function trunkDocuments(fields: Fields[]): SyncDocument[] {
  const text = fields.map((spec) => toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioTrunk', account: 'acme-prod', spec })).join('---\n');
  const file = parseTrunkFile(text, { knownAccounts: ['acme-prod'] });
  const invalid = file.documents.find((d) => !d.valid);
  if (invalid) throw new Error(`generated document is invalid: ${invalid.diagnostics.map((d) => d.message).join('; ')}`);
  return file.documents.map((document) => ({ uri: 'file:///bench/bulk.trunk.yaml', document }));
}

/**
 * Creating many trunks against a provider limited to 100 requests/s (429 + Retry-After):
 * Trunkline's Push all (plan, then apply 4 documents at a time, Retry-After shared by every
 * request of the account) vs the SDK creating the same trunks 4 at a time with its own retry.
 * The goal is about the floor the limit imposes: creates ÷ 100/s.
 */
export const bulkCreate: Benchmark = {
  id: 'bulk-create',
  async run(config) {
    const emulator = await BenchEmulator.start({ rateLimit: { requestsPerSecond: RATE_PER_SECOND } });
    const { twilio, dispatchers } = trunklineClient(emulator);
    const clients = fixedSyncClients({ twilio });
    const sdk = twilioSdkPeer(emulator, { autoRetry: true, maxRetries: SDK_MAX_RETRIES });
    const outcome = { trunkline: [] as RoundOutcome[], sdk: [] as RoundOutcome[] };
    const sizeOf = (round: number) => (round < 0 ? WARMUP_TRUNKS : config.bulkCreate);

    const finish = async (side: keyof typeof outcome, round: number, expected: number, started: number, failures: number) => {
      const elapsed = performance.now() - started;
      const [stored, stats] = await Promise.all([emulator.trunks(), emulator.stats()]);
      const result = { ms: elapsed, failures, created: stored.count, duplicates: stored.count - stored.distinctDomains, missing: expected - stored.count, requests: stats.total };
      if (round >= 0) outcome[side].push(result);
      return elapsed;
    };

    try {
      await interleave(
        {
          trunkline: async (round) => {
            const documents = trunkDocuments(trunkFields(sizeOf(round), round));
            const started = performance.now();
            const { summary } = await pushAll(documents, clients, { concurrency: CONCURRENCY });
            return finish('trunkline', round, documents.length, started, documents.length - summary.counts.created);
          },
          sdk: async (round) => {
            const fields = trunkFields(sizeOf(round), round);
            let failures = 0;
            let next = 0;
            const started = performance.now();
            await Promise.all(
              Array.from({ length: CONCURRENCY }, async () => {
                while (next < fields.length) {
                  const f = fields[next++]!;
                  try {
                    await sdk.trunking.v1.trunks.create({ friendlyName: f.friendly_name, domainName: f.domain_name, secure: f.secure, transferMode: f.transfer_mode });
                  } catch {
                    failures += 1;
                  }
                }
              }),
            );
            return finish('sdk', round, fields.length, started, failures);
          },
        },
        {
          ...config,
          // An empty account with a full token bucket and no GC debt on either side.
          before: async () => {
            await emulator.reset();
            await emulator.gc();
            collectGarbage();
          },
        },
      );
    } finally {
      await dispatchers.close();
      await emulator.close();
    }

    const floorMs = (config.bulkCreate / RATE_PER_SECOND) * 1000;
    const t = summarize(outcome.trunkline.map((o) => o.ms));
    const p = summarize(outcome.sdk.map((o) => o.ms));
    const sum = (list: RoundOutcome[], key: keyof RoundOutcome) => list.reduce((n, o) => n + o[key], 0);
    const clean = sum(outcome.trunkline, 'failures') === 0 && sum(outcome.trunkline, 'duplicates') === 0 && sum(outcome.trunkline, 'missing') === 0;
    const floorRatio = t.median / floorMs;
    return [
      {
        name: `bulk create ${config.bulkCreate.toLocaleString('en-US')} trunks (Push all), emulator limited to ${RATE_PER_SECOND} requests/s`,
        unit: 'ms',
        trunkline: t.median,
        peer: p.median,
        peerName: 'twilio SDK',
        ratio: t.median / p.median,
        goal: `≤ ${MAX_FLOOR_RATIO}× floor (${formatNumber(floorMs)} ms), 0 failures, 0 duplicates`,
        measured: `${floorRatio.toFixed(2)}× floor; ${sum(outcome.trunkline, 'failures')} failures, ${sum(outcome.trunkline, 'duplicates')} duplicates (SDK: ${(p.median / floorMs).toFixed(2)}× floor, ${sum(outcome.sdk, 'failures')} failures)`,
        pass: floorRatio <= MAX_FLOOR_RATIO && clean,
        ofGoal: floorRatio / MAX_FLOOR_RATIO,
        spread: { trunkline: t, peer: p },
        notes: [
          `Floor = ${config.bulkCreate} creates ÷ ${RATE_PER_SECOND}/s. The emulator's token bucket holds ${RATE_PER_SECOND} tokens (burst = rate), so the first ${RATE_PER_SECOND} requests pass at once; Retry-After is in whole seconds.`,
          `Trunkline's time includes planning (listing the account's trunks). Concurrency ${CONCURRENCY} on both sides; the SDK retries 429 with autoRetry, maxRetries ${SDK_MAX_RETRIES}.`,
          `Failures, duplicates and requests summed over ${t.rounds} rounds; requests include the 429 answers.`,
        ],
        details: {
          floorMs,
          trunkline: { failures: sum(outcome.trunkline, 'failures'), duplicates: sum(outcome.trunkline, 'duplicates'), missing: sum(outcome.trunkline, 'missing'), requestsPerRound: outcome.trunkline.map((o) => o.requests) },
          sdk: { failures: sum(outcome.sdk, 'failures'), duplicates: sum(outcome.sdk, 'duplicates'), missing: sum(outcome.sdk, 'missing'), requestsPerRound: outcome.sdk.map((o) => o.requests) },
        },
      },
    ];
  },
};

interface RoundOutcome {
  ms: number;
  failures: number;
  created: number;
  duplicates: number;
  missing: number;
  requests: number;
}
