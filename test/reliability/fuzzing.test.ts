import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { completeAt } from '../../src/core/documents/assist/complete-at';
import { hoverAt } from '../../src/core/documents/assist/hover-at';
import { parseTrunkFile, type TrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { planDocuments } from '../../src/core/documents/plan/plan-documents';
import type { SyncClients } from '../../src/core/documents/apply/sync-clients';
import { applyTextEdits } from '../../src/core/documents/edit/text-edit';
import type { SourceRange } from '../../src/core/documents/file/line-index';
import { MAX_RELATED_LOCATIONS } from '../../src/core/documents/validate/trunk-claims';
import { DispatcherPool } from '../../src/core/http/dispatcher-pool';
import { createCarrierXClient } from '../../src/core/providers/carrierx/carrierx-client';
import { createTwilioClient } from '../../src/core/providers/twilio/twilio-client';
import { json, startScriptedServer } from '../support/scripted-server';
import { recordFigures, scaled } from './reliability-run';
import { anyTrunkFile, mutatedFiles, pathologicalFiles, plausibleDocuments, tokenSoup, VALID_FILES } from './trunk-file-arbitraries';

// Whatever a user types (or pastes, or a merge leaves behind), validation answers with
// diagnostics at real positions, quickly, and an invalid document never becomes a request.

const SEED = Number(process.env.RELIABILITY_FUZZ_SEED ?? 20_250_102);
const CASES = scaled(10_000, 1_000);
/** Parse budget for a file under 100 KB; a slow case is measured again to rule out a GC pause. */
const PARSE_BUDGET_MS = 100;

const figures = { cases: 0, crashes: 0, maxParseMs: 0, worstRatio: 0, overBudgetInYaml: 0, invalidDocuments: 0, requests: 0, yamlWarnings: 0 };
let network: Awaited<ReturnType<typeof startScriptedServer>>;
let dispatchers: DispatcherPool;
let clients: SyncClients;
let clientLookups = 0;

before(async () => {
  // yaml warns on process 'warning' for odd keys (collections as keys); counted, not printed.
  process.removeAllListeners('warning');
  process.on('warning', () => (figures.yamlWarnings += 1));
  // A provider that would answer anything: an invalid document must never get as far as asking.
  network = await startScriptedServer((_req, res) => json(res, 500, { message: 'should not have been asked' }));
  dispatchers = new DispatcherPool({ connectTimeoutMs: 1_000, responseTimeoutMs: 1_000 });
  const twilio = createTwilioClient({ accountSid: `AC${'0'.repeat(32)}`, credentials: { kind: 'authToken', authToken: 'fuzz-token-0000' }, baseUrl: network.url, dispatchers });
  const carrierx = createCarrierXClient({ token: 'fuzz-token-0000', baseUrl: network.url, dispatchers });
  clients = {
    twilio: async () => (clientLookups++, twilio),
    carrierx: async () => (clientLookups++, carrierx),
  };
});

after(async () => {
  figures.requests = network.requests.length + clientLookups;
  recordFigures('fuzzing', figures);
  await dispatchers.close();
  await network.close();
});

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function checkRange(text: string, range: SourceRange, what: string): void {
  const { start, end } = range;
  assert.ok(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length, `${what}: offsets ${start.offset}..${end.offset} outside 0..${text.length}`);
  for (const p of [start, end]) {
    assert.deepEqual({ line: p.line, character: p.character }, positionOf(text, p.offset), `${what}: line/character do not match offset ${p.offset}`);
  }
}

v8.setFlagsFromString('--expose-gc');
/** A full collection before measuring again: a slow first parse is often a pause for garbage. */
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Valid, all different documents (a real workspace's file) of about `length` characters. */
function referenceFile(length: number): string {
  const docs: string[] = [];
  for (let i = 0, size = 0; size < length; i++) {
    const doc = VALID_FILES[i % 3]!.replace(/acme-main/g, `acme-${i}`).replace(/\+1415555010(\d)/g, (_, d: string) => `+1415${String(i * 2 + Number(d)).padStart(7, '0')}`);
    docs.push(doc);
    size += doc.length + 4;
  }
  return docs.join('---\n').slice(0, length);
}

/** Best of three for each, measured in turns (after a collection each) so that the machine's load weighs on all alike. */
function bestTimes(runs: readonly (() => unknown)[]): number[] {
  const best = runs.map(() => Infinity);
  for (let round = 0; round < 3; round++) {
    runs.forEach((run, i) => {
      collectGarbage();
      const started = performance.now();
      run();
      best[i] = Math.min(best[i]!, performance.now() - started);
    });
  }
  return best;
}

interface Timing {
  file: TrunkFile;
  /** Best time measured. */
  ms: number;
  /** Over budget because of what it contains, not because of the machine's load or yaml itself. */
  tooSlow: boolean;
}

/**
 * Parses with a stopwatch. This 2-core machine is shared, so a case over budget is timed again
 * (best of three after a collection), in turns with a valid file of the same size and with the
 * yaml library alone on the same text. It is too slow only when it is over 100 ms, over twice the
 * valid file's time, and mostly our own time: the super-linear cases this suite found took 10 to
 * 300 times the valid file's time, while some inputs are slow in yaml itself (20,000 empty
 * documents cost it ~5 µs each); those are counted, not failed.
 */
function timedParse(text: string): Timing {
  const started = performance.now();
  const file = parseTrunkFile(text);
  let ms = performance.now() - started;
  let tooSlow = false;
  if (ms > PARSE_BUDGET_MS) {
    const reference = referenceFile(text.length);
    const [again, referenceMs, yamlMs] = bestTimes([
      () => parseTrunkFile(text),
      () => parseTrunkFile(reference),
      () => parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }),
    ]) as [number, number, number];
    ms = Math.min(ms, again);
    figures.worstRatio = Math.max(figures.worstRatio, ms / referenceMs);
    if (ms > Math.max(PARSE_BUDGET_MS, 2 * referenceMs)) {
      if (yamlMs >= 0.5 * ms) figures.overBudgetInYaml += 1;
      else tooSlow = true;
    }
  }
  if (text.length < 100_000) figures.maxParseMs = Math.max(figures.maxParseMs, ms);
  return { file, ms, tooSlow };
}

async function checkFile(text: string): Promise<void> {
  figures.cases += 1;
  try {
    const { file, ms, tooSlow } = timedParse(text);
    assert.ok(text.length >= 100_000 || !tooSlow, `parsing ${text.length} characters took ${ms.toFixed(1)} ms`);
    for (const d of file.diagnostics) {
      checkRange(text, d.range, `diagnostic "${d.message}"`);
      assert.ok(d.message.trim().length > 0 && !/\bat .+:\d+:\d+\)?$/m.test(d.message), `diagnostic message "${d.message}" is empty or a stack trace`);
      for (const r of d.related ?? []) checkRange(text, r.range, `related location of "${d.message}"`);
      for (const fix of d.fixes ?? []) applyTextEdits(text, fix.edits); // throws on an edit outside the text
    }
    for (const doc of file.documents) checkRange(text, doc.range, `document ${doc.index}`);

    const invalid = file.documents.filter((d) => !d.valid);
    figures.invalidDocuments += invalid.length;
    if (invalid.length > 0) {
      const before = network.requests.length + clientLookups;
      const planned = await planDocuments(invalid.map((document) => ({ uri: 'file:///fuzz.trunk.yaml', document })), clients);
      assert.equal(network.requests.length + clientLookups, before, 'an invalid document reached the clients');
      for (const p of planned) assert.equal(p.outcome.status === 'refused' && p.outcome.refusal.reason, 'invalid', 'an invalid document was planned');
    }
  } catch (error) {
    figures.crashes += 1;
    throw error;
  }
}

/** fast-check's report, with the counterexample cut short: some are 100 KB. */
function compactReport(details: fc.RunDetails<unknown[]>): void {
  if (!details.failed) return;
  const shown = details.counterexample?.map((value) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 400 ? `${JSON.stringify(text.slice(0, 400))}… (${text.length} characters)` : JSON.stringify(text);
  });
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"): ${cause}\nCounterexample: ${shown?.join(', ')}`);
}

const options = (numRuns: number): fc.Parameters<unknown[]> => ({ seed: SEED, numRuns, endOnFailure: true, reporter: compactReport });

const run = (arbitrary: fc.Arbitrary<string>, numRuns: number) => fc.assert(fc.asyncProperty(arbitrary, checkFile), options(numRuns));

describe(`fuzzing trunk files (fast-check seed ${SEED}; rerun with RELIABILITY_FUZZ_SEED)`, () => {
  test(`${Math.round(CASES * 0.15)} files of YAML tokens and arbitrary unicode`, () => run(tokenSoup, Math.round(CASES * 0.15)));
  test(`${Math.round(CASES * 0.25)} trunk-shaped files with values of every type`, () => run(plausibleDocuments, Math.round(CASES * 0.25)));
  test(`${Math.round(CASES * 0.35)} mutations of valid files`, () => run(mutatedFiles, Math.round(CASES * 0.35)));
  test(`${Math.round(CASES * 0.1)} pathological files: deep nesting, alias bombs, huge values, BOM, CRLF, tabs`, () => run(pathologicalFiles, Math.round(CASES * 0.1)));

  test(`${Math.round(CASES * 0.15)} completions and hovers at random offsets never throw and stay inside the text`, () =>
    fc.assert(
      fc.asyncProperty(anyTrunkFile, fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { minLength: 1, maxLength: 5 }), async (text, where) => {
        figures.cases += 1;
        try {
          for (const w of where) {
            // Offsets just outside the text too: they must not throw (the editor never sends them).
            const offset = Math.round(w * text.length);
            const inside = offset >= 0 && offset <= text.length;
            const items = await completeAt(text, offset, { accounts: ['acme-prod', 'sandbox'], phoneNumbers: () => [{ phone_number: '+14155550100', trunk_sid: null }] });
            const hover = hoverAt(text, offset);
            if (!inside) continue;
            for (const item of items) assert.ok(0 <= item.range.start && item.range.start <= item.range.end && item.range.end <= text.length, `completion "${item.label}" replaces ${item.range.start}..${item.range.end}`);
            if (hover) assert.ok(0 <= hover.range.start && hover.range.start <= hover.range.end && hover.range.end <= text.length, `hover range ${hover.range.start}..${hover.range.end}`);
          }
        } catch (error) {
          figures.crashes += 1;
          throw error;
        }
      }),
      options(Math.round(CASES * 0.15)),
    ));

  test(`${Math.round(CASES * 0.05)} files: duplicate keys are reported on the keys yaml's own (slower) check finds`, () =>
    fc.assert(
      fc.property(fc.oneof(mutatedFiles, plausibleDocuments, tokenSoup), (text) => {
        figures.cases += 1;
        // yaml may point at the whitespace before the key; the diagnostic is on the key itself.
        const keyAt = (pos: number) => pos + (/^\s*/.exec(text.slice(pos))?.[0].length ?? 0);
        const yamlSays = parseAllDocuments(text, { prettyErrors: false }).flatMap((d) => d.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => keyAt(e.pos[0])));
        const weSay = parseTrunkFile(text).diagnostics.filter((d) => d.code === 'yaml-syntax' && d.message.startsWith('Duplicate key')).map((d) => d.range.start.offset);
        assert.deepEqual(weSay, yamlSays);
      }),
      options(Math.round(CASES * 0.05)),
    ));

  test('a document pasted 250 times: each duplicate lists a bounded number of related locations and counts them all', () => {
    const text = Array.from({ length: 250 }, () => VALID_FILES[0]).join('---\n');
    const file = parseTrunkFile(text);
    const duplicates = file.diagnostics.filter((d) => d.code === 'duplicate-phone-number' || d.code === 'duplicate-domain-name');
    assert.equal(duplicates.length, 250 * 3);
    assert.ok(duplicates.every((d) => (d.related?.length ?? 0) <= MAX_RELATED_LOCATIONS));
    assert.match(duplicates[0]!.message, /document 2 of this file \(line \d+\) and 248 more/);
  });
});
