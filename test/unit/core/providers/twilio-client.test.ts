import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collect } from '../../../../src/core/providers/page';
import { createTwilioClient } from '../../../../src/core/providers/twilio/twilio-client';
import { clientsFor } from '../../../support/test-clients';
import { startTestEmulator, type TestEmulator } from '../../../support/test-emulator';
import { expectProviderError } from '../../../support/expect-provider-error';

let emulator: TestEmulator;
let clients: ReturnType<typeof clientsFor>;

before(async () => {
  emulator = await startTestEmulator({ seeding: { trunks: 7, numbers: 30, byocTrunks: 3, trunkGroups: 0 } });
  clients = clientsFor(emulator);
});
after(async () => {
  await clients.close();
  await emulator.close();
});

describe('Twilio trunks', () => {
  test('create, fetch, update and delete a trunk with every writable field', async () => {
    const { trunks } = clients.twilio;
    const created = await trunks.create({
      friendly_name: 'Acme main',
      domain_name: 'acme-main-client.pstn.twilio.com',
      secure: true,
      transfer_mode: 'sip-only',
      transfer_caller_id: 'from-transferor',
      cnam_lookup_enabled: true,
      disaster_recovery_url: 'https://dr.example.com/twiml',
      disaster_recovery_method: 'GET',
    });
    assert.match(created.sid, /^TK[0-9a-f]{32}$/);
    assert.equal(created.friendly_name, 'Acme main');
    assert.equal(created.secure, true);
    assert.equal(created.transfer_mode, 'sip-only');
    assert.equal(created.transfer_caller_id, 'from-transferor');
    assert.equal(created.cnam_lookup_enabled, true);
    assert.equal(created.disaster_recovery_method, 'GET');
    assert.deepEqual(created.recording, { mode: 'do-not-record', trim: 'do-not-trim' });

    const fetched = await trunks.fetch(created.sid);
    assert.equal(fetched.domain_name, 'acme-main-client.pstn.twilio.com');

    emulator.clock.advance(5_000);
    const updated = await trunks.update(created.sid, { friendly_name: 'Acme renamed', disaster_recovery_url: null });
    assert.equal(updated.friendly_name, 'Acme renamed');
    assert.equal(updated.disaster_recovery_url, null, 'null clears a field');
    assert.notEqual(updated.date_updated, created.date_updated);

    await trunks.delete(created.sid);
    const gone = await expectProviderError(trunks.fetch(created.sid));
    assert.equal(gone.status, 404);
    assert.equal(gone.code, 20404);
    assert.equal(gone.isNotFound, true);
  });

  test('lists every trunk across pages, following next_page_url', async () => {
    const all = await collect(clients.twilio.trunks.list({ pageSize: 2 }));
    assert.equal(all.length, emulator.store.twilio.trunks.all.size);
    assert.equal(new Set(all.map((t) => t.sid)).size, all.length, 'no trunk twice');
    const first = await clients.twilio.trunks.page({ pageSize: 2 });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor?.startsWith(emulator.baseUrl), 'the cursor is the absolute next_page_url');
  });

  test('a taken domain is ProviderError 21248 with more_info', async () => {
    const [existing] = (await clients.twilio.trunks.page({ pageSize: 1 })).items;
    const err = await expectProviderError(clients.twilio.trunks.create({ friendly_name: 'dup', domain_name: existing!.domain_name! }));
    assert.equal(err.status, 400);
    assert.equal(err.code, 21248);
    assert.match(err.moreInfo ?? '', /21248/);
    assert.match(err.requestId ?? '', /^RQ/);
  });

  test('findByDomainName finds a trunk regardless of case, and nothing for an unknown domain', async () => {
    const [existing] = (await clients.twilio.trunks.page({ pageSize: 1 })).items;
    const found = await clients.twilio.trunks.findByDomainName(existing!.domain_name!.toUpperCase());
    assert.equal(found?.sid, existing!.sid);
    assert.equal(await clients.twilio.trunks.findByDomainName('nobody-here.pstn.twilio.com'), undefined);
  });

  test('recording is read and changed through its sub-resource', async () => {
    const trunk = await clients.twilio.trunks.create({ friendly_name: 'rec', domain_name: 'rec-client.pstn.twilio.com' });
    const updated = await clients.twilio.recording.update(trunk.sid, { mode: 'record-from-answer', trim: 'trim-silence' });
    assert.deepEqual(updated, { mode: 'record-from-answer', trim: 'trim-silence' });
    assert.deepEqual(await clients.twilio.recording.fetch(trunk.sid), updated);
    assert.deepEqual((await clients.twilio.trunks.fetch(trunk.sid)).recording, updated);
    const bad = await expectProviderError(clients.twilio.recording.update(trunk.sid, { mode: 'always' as never }));
    assert.equal(bad.status, 400);
    await clients.twilio.trunks.delete(trunk.sid);
  });
});

describe('Twilio origination URLs and phone numbers', () => {
  test('origination URL CRUD on a trunk', async () => {
    const trunk = await clients.twilio.trunks.create({ friendly_name: 'ou', domain_name: 'ou-client.pstn.twilio.com' });
    const api = clients.twilio.originationUrls;
    const url = await api.create(trunk.sid, { friendly_name: 'pbx-a', sip_url: 'sip:pbx-a.example.com', priority: 10, weight: 20, enabled: true });
    assert.match(url.sid, /^OU/);
    assert.equal(url.weight, 20);
    const updated = await api.update(trunk.sid, url.sid, { enabled: false, priority: 5 });
    assert.equal(updated.enabled, false);
    assert.equal(updated.priority, 5);
    assert.deepEqual((await collect(api.list(trunk.sid))).map((u) => u.sid), [url.sid]);
    const sips = await expectProviderError(api.create(trunk.sid, { friendly_name: 'tls', sip_url: 'sips:pbx.example.com', priority: 1, weight: 1, enabled: true }));
    assert.equal(sips.status, 400);
    await api.delete(trunk.sid, url.sid);
    assert.equal((await expectProviderError(api.fetch(trunk.sid, url.sid))).status, 404);
    await clients.twilio.trunks.delete(trunk.sid);
  });

  test('attach a number, list and fetch it, detach it; deleting a trunk frees its numbers', async () => {
    const trunk = await clients.twilio.trunks.create({ friendly_name: 'nums', domain_name: 'nums-client.pstn.twilio.com' });
    const free = (await collect(clients.twilio.incomingPhoneNumbers.list({ pageSize: 7 }))).filter((n) => !n.trunk_sid);
    assert.ok(free.length >= 2, 'the seed leaves some numbers free');
    const [a, b] = free;
    const attached = await clients.twilio.trunkPhoneNumbers.attach(trunk.sid, a!.sid);
    assert.equal(attached.trunk_sid, trunk.sid);
    assert.equal(attached.phone_number, a!.phone_number);
    await clients.twilio.trunkPhoneNumbers.attach(trunk.sid, b!.sid);
    const listed = await collect(clients.twilio.trunkPhoneNumbers.list(trunk.sid, { pageSize: 1 }));
    assert.deepEqual(listed.map((n) => n.sid).sort(), [a!.sid, b!.sid].sort());
    assert.equal((await clients.twilio.trunkPhoneNumbers.fetch(trunk.sid, a!.sid)).sid, a!.sid);

    const other = await clients.twilio.trunks.create({ friendly_name: 'other', domain_name: 'other-client.pstn.twilio.com' });
    const taken = await expectProviderError(clients.twilio.trunkPhoneNumbers.attach(other.sid, a!.sid));
    assert.equal(taken.status, 400, 'a number is on at most one trunk');

    await clients.twilio.trunkPhoneNumbers.detach(trunk.sid, b!.sid);
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(b!.sid)).trunk_sid, null);
    await clients.twilio.trunks.delete(trunk.sid);
    assert.equal((await clients.twilio.incomingPhoneNumbers.fetch(a!.sid)).trunk_sid, null, 'deleting the trunk freed the number');
    await clients.twilio.trunks.delete(other.sid);
  });

  test('incoming numbers page across the 2010 API and filter by number', async () => {
    const all = await collect(clients.twilio.incomingPhoneNumbers.list({ pageSize: 4 }));
    assert.equal(all.length, 30);
    assert.match(all[0]!.date_created ?? '', /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/, 'RFC 2822 dates');
    const one = await collect(clients.twilio.incomingPhoneNumbers.list({ phoneNumber: all[3]!.phone_number }));
    assert.deepEqual(one.map((n) => n.sid), [all[3]!.sid]);
  });
});

describe('Twilio BYOC trunks', () => {
  test('create, update, list and delete with every writable field', async () => {
    const api = clients.twilio.byocTrunks;
    const policy = await clients.twilio.connectionPolicies.create({ friendly_name: 'Carrier A routes' });
    const created = await api.create({
      friendly_name: 'Carrier A',
      voice_url: 'https://example.com/voice',
      voice_method: 'POST',
      voice_fallback_url: 'https://example.com/fallback',
      voice_fallback_method: 'GET',
      status_callback_url: 'https://example.com/status',
      status_callback_method: 'POST',
      cnam_lookup_enabled: true,
      connection_policy_sid: policy.sid,
      from_domain_sid: `SD${'b'.repeat(32)}`,
    });
    assert.match(created.sid, /^BY/);
    assert.equal(created.voice_fallback_method, 'GET');
    assert.equal(created.connection_policy_sid, policy.sid);
    const updated = await api.update(created.sid, { voice_url: null, cnam_lookup_enabled: false });
    assert.equal(updated.voice_url, null);
    assert.equal(updated.cnam_lookup_enabled, false);
    assert.ok((await collect(api.list({ pageSize: 1 }))).some((b) => b.sid === created.sid));
    await api.delete(created.sid);
    assert.equal((await expectProviderError(api.fetch(created.sid))).code, 20404);
  });

  test('a friendly name over 255 characters is refused by the provider', async () => {
    const err = await expectProviderError(clients.twilio.byocTrunks.create({ friendly_name: 'x'.repeat(256) }));
    assert.equal(err.status, 400);
  });
});

describe('Twilio auth and transport behaviour', () => {
  test('API key auth reaches the same account', async () => {
    const keyClients = clientsFor(emulator, { apiKey: true });
    try {
      const page = await keyClients.twilio.trunks.page({ pageSize: 1 });
      assert.equal(page.items.length, 1);
    } finally {
      await keyClients.close();
    }
  });

  test('a wrong Auth Token is 20003 and the token appears nowhere', async () => {
    const token = 'deadbeefdeadbeefdeadbeefdeadbeef';
    const bad = createTwilioClient({
      accountSid: emulator.credentials.accountSid,
      credentials: { kind: 'authToken', authToken: token },
      baseUrl: emulator.baseUrl,
      dispatchers: clients.dispatchers,
      logger: clients.sink,
    });
    const err = await expectProviderError(bad.trunks.page());
    assert.equal(err.status, 401);
    assert.equal(err.code, 20003);
    assert.equal(err.isAuthError, true);
    assert.ok(!JSON.stringify({ err, message: err.message, lines: clients.sink.lines }).includes(token));
  });

  test('a 429 with Retry-After is waited out and the create happens exactly once', async () => {
    emulator.faults.add({ kind: 'throttle', method: 'POST', path: '/v1/Trunks', retryAfterSeconds: 2, times: 1 });
    const before = emulator.store.twilio.trunks.all.size;
    const trunk = await clients.twilio.trunks.create({ friendly_name: 'throttled', domain_name: 'throttled-client.pstn.twilio.com' });
    assert.equal(emulator.store.twilio.trunks.all.size, before + 1);
    assert.ok(clients.clock.sleeps.includes(2000), 'waited the 2 s the provider asked for');
    await clients.twilio.trunks.delete(trunk.sid);
  });

  test('a reset after commit on a create is reported as outcome unknown and never retried', async () => {
    emulator.faults.add({ kind: 'reset-after-commit', method: 'POST', path: '/v1/Trunks', times: 1 });
    const posts = emulator.stats.count('POST', '/v1/Trunks');
    const err = await expectProviderError(clients.twilio.trunks.create({ friendly_name: 'lost', domain_name: 'lost-answer.pstn.twilio.com' }));
    assert.equal(err.outcomeUnknown, true);
    assert.equal(emulator.stats.count('POST', '/v1/Trunks'), posts + 1, 'sent once');
    const found = await clients.twilio.trunks.findByDomainName('lost-answer.pstn.twilio.com');
    assert.ok(found, 'the trunk exists: reconciliation by domain finds it');
    await clients.twilio.trunks.delete(found.sid);
  });

  test('a server error on a read is retried until it succeeds', async () => {
    emulator.faults.add({ kind: 'server-error', status: 503, method: 'GET', path: '/v1/ByocTrunks', times: 2 });
    const page = await clients.twilio.byocTrunks.page({ pageSize: 50 });
    assert.ok(page.items.length >= 3);
  });

  test('a malformed SID is refused before any request', async () => {
    assert.throws(() => clients.twilio.trunks.fetch('TK../../v1/ByocTrunks'), /not a valid trunk SID/);
  });

  test('plain http to a remote host is refused', async () => {
    const remote = createTwilioClient({
      accountSid: emulator.credentials.accountSid,
      credentials: { kind: 'authToken', authToken: emulator.credentials.authToken },
      baseUrl: 'http://twilio.example.com',
      dispatchers: clients.dispatchers,
    });
    const err = await expectProviderError(remote.trunks.page());
    assert.equal(err.kind, 'config');
  });
});
