import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planAll } from '../../../../../src/core/documents/apply/push-all';
import { fixedSyncClients } from '../../../../../src/core/documents/apply/sync-clients';
import type { SyncDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { DispatcherPool } from '../../../../../src/core/http/dispatcher-pool';
import { collect } from '../../../../../src/core/providers/page';
import { createTwilioClient } from '../../../../../src/core/providers/twilio/twilio-client';
import { documentText, validDocument } from '../../../../support/sync-harness';
import { startTestEmulator, type TestEmulator } from '../../../../support/test-emulator';

const FILES = 100;
const RATE = 20;
/** One page of trunks and one of incoming numbers. */
const LISTINGS = 2;
/** Planning 8 trunks at a time, beside the two listings: the most requests in flight when the limit first strikes. */
const IN_FLIGHT = 8 + LISTINGS;

// Planning many files that manage origination URLs costs one GET per trunk; against an
// account limited to 20 requests/s (a 20-token bucket, 429 + Retry-After: 1) the plan must
// meet the limit once, refused only for the requests in flight at that moment, not again
// because the pace it learnt counted the bucket's saved second in or a request already
// waiting its turn went out during the wait; planning again with the same client (paced) meets
// it at most once more.
describe('planning against a rate-limited account', () => {
  let emu: TestEmulator;
  let dispatchers: DispatcherPool;
  let documents: SyncDocument[];
  before(async () => {
    // Real time, so that the emulator's token bucket refills as the provider's does.
    emu = await startTestEmulator({ clock: { now: () => Date.now() }, seeding: { trunks: FILES, numbers: 0, byocTrunks: 0, trunkGroups: 0 } });
    dispatchers = new DispatcherPool({ responseTimeoutMs: 5_000 });
    const setup = createTwilioClient({ baseUrl: emu.baseUrl, dispatchers, accountSid: emu.credentials.accountSid, credentials: { kind: 'authToken', authToken: emu.credentials.authToken } });
    const trunks = await collect(setup.trunks.list({ pageSize: 1000 }));
    documents = trunks.map((trunk, i) => {
      const spec = { friendly_name: i % 10 === 0 ? `${trunk.friendly_name} (renamed)` : trunk.friendly_name, origination_urls: [] };
      return { uri: `file:///work/trunk-${i}.trunk.yaml`, document: validDocument(documentText('TwilioTrunk', spec, trunk.sid)) };
    });
  });
  after(async () => {
    await emu.close();
    await dispatchers.close();
  });

  it('sends one request per file and meets the limit once, refused only for the requests then in flight; planning again, at most once more', { timeout: 40_000 }, async () => {
    // A fresh client (nothing learnt) and a full bucket, as after a quiet second.
    const twilio = createTwilioClient({ baseUrl: emu.baseUrl, dispatchers, accountSid: emu.credentials.accountSid, credentials: { kind: 'authToken', authToken: emu.credentials.authToken } });
    emu.faults.setRateLimit({ requestsPerSecond: RATE });
    const clients = fixedSyncClients({ twilio });
    for (const [run, extra] of [
      ['first', IN_FLIGHT],
      ['second', 1],
    ] as const) {
      // A quiet second: the bucket is full again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      emu.stats.reset();
      const plan = await planAll(documents, clients);

      assert.equal(plan.documents.filter((d) => d.outcome.status === 'refused').length, 0);
      assert.ok(plan.operationCount >= FILES / 10, `planned ${plan.operationCount} operations`);
      const urlGets = emu.stats.count('GET', '/v1/Trunks/{TrunkSid}/OriginationUrls');
      // Requests answered 429 are counted too.
      const total = emu.stats.snapshot().total;
      assert.ok(urlGets >= FILES, `${urlGets} origination-URL GETs`);
      assert.ok(total <= FILES + LISTINGS + extra, `${run} plan: ${total} requests for ${FILES} files, 429s included: ${JSON.stringify(emu.stats.snapshot().requests)}`);
    }
  });
});
