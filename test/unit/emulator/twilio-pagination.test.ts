import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountPath, twilio, type TestResponse } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: Twilio pagination', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ seeding: { trunks: 7, numbers: 9 } });
  });
  after(() => emu.close());

  /** Follows next_page_url / next_page_uri to the end, collecting SIDs. */
  async function walk(first: string, key: string, between?: (page: number) => Promise<void>): Promise<string[]> {
    const sids: string[] = [];
    let path: string | null = first;
    for (let page = 0; path; page++) {
      const res: TestResponse = await twilio(emu, 'GET', path);
      assert.equal(res.status, 200);
      sids.push(...res.body[key].map((x: { sid: string }) => x.sid));
      const next: string | null = res.body.meta ? res.body.meta.next_page_url : res.body.next_page_uri;
      path = next ? next.replace(emu.baseUrl, '') : null;
      await between?.(page);
    }
    return sids;
  }

  it('pages v1 lists in creation order with the fixture meta and absolute URLs', async () => {
    const first = await twilio(emu, 'GET', '/v1/Trunks?PageSize=3');
    const base = `${emu.baseUrl}/v1/Trunks`;
    const { meta } = first.body;
    assert.deepEqual(Object.keys(meta).sort(), ['first_page_url', 'key', 'next_page_url', 'page', 'page_size', 'previous_page_url', 'url']);
    assert.equal(meta.first_page_url, `${base}?PageSize=3&Page=0`);
    assert.equal(meta.url, `${base}?PageSize=3&Page=0`);
    assert.equal(meta.key, 'trunks');
    assert.equal(meta.page, 0);
    assert.equal(meta.page_size, 3);
    assert.equal(meta.previous_page_url, null);
    assert.match(meta.next_page_url, new RegExp(`^${base}\\?PageSize=3&Page=1&PageToken=PA[A-Za-z0-9_-]+$`));

    const second = await twilio(emu, 'GET', meta.next_page_url.replace(emu.baseUrl, ''));
    assert.equal(second.body.meta.page, 1);
    assert.equal(second.body.meta.url, meta.next_page_url);
    assert.match(second.body.meta.previous_page_url, /Page=0&PageToken=PB/);

    const back = await twilio(emu, 'GET', second.body.meta.previous_page_url.replace(emu.baseUrl, ''));
    assert.deepEqual(back.body.trunks, first.body.trunks);

    const all = await walk('/v1/Trunks?PageSize=3', 'trunks');
    assert.deepEqual(
      all,
      emu.store.twilio.trunks.all.values().map((t) => t.sid),
    );
  });

  it('defaults to 50 per page and ends with next_page_url null', async () => {
    const res = await twilio(emu, 'GET', '/v1/Trunks');
    assert.equal(res.body.meta.page_size, 50);
    assert.equal(res.body.meta.next_page_url, null);
    assert.equal(res.body.meta.url, `${emu.baseUrl}/v1/Trunks?PageSize=50&Page=0`);
  });

  it('keeps pages stable while trunks are created and deleted between requests', async () => {
    const before = emu.store.twilio.trunks.all.values().map((t) => t.sid);
    const created: string[] = [];
    const seen = await walk('/v1/Trunks?PageSize=2', 'trunks', async (page) => {
      if (page === 0) {
        await twilio(emu, 'DELETE', `/v1/Trunks/${before[0]}`);
        created.push((await twilio(emu, 'POST', '/v1/Trunks', {})).body.sid);
      }
    });
    assert.equal(new Set(seen).size, seen.length, 'no trunk is listed twice');
    for (const sid of before.slice(2)) assert.ok(seen.includes(sid), `${sid} is not skipped`);
    assert.ok(seen.includes(created[0] ?? ''), 'a trunk created meanwhile appears at the end');
  });

  it('refuses a bad PageToken with 21481 and PageSize outside 1..1000 with 400', async () => {
    for (const token of ['PAnope', 'XX123', 'PA' + Buffer.from('3:00000000').toString('base64url')]) {
      const res = await twilio(emu, 'GET', `/v1/Trunks?PageToken=${token}`);
      assert.equal(res.status, 400, token);
      assert.deepEqual(res.body, {
        code: 21481,
        message: 'Invalid PageToken',
        more_info: 'https://www.twilio.com/docs/errors/21481',
        status: 400,
      });
    }
    const tokenFromTrunks = (await twilio(emu, 'GET', '/v1/Trunks?PageSize=1')).body.meta.next_page_url.split('PageToken=')[1];
    assert.equal(
      (await twilio(emu, 'GET', `/v1/ByocTrunks?PageToken=${tokenFromTrunks}`)).body.code,
      21481,
      'a token is bound to its list',
    );
    for (const size of ['0', '1001', 'ten']) assert.equal((await twilio(emu, 'GET', `/v1/Trunks?PageSize=${size}`)).status, 400, size);
  });

  it('pages the 2010 number list with relative URIs, start and end, keeping filters', async () => {
    const path = accountPath(emu, '/IncomingPhoneNumbers.json');
    const first = await twilio(emu, 'GET', `${path}?Beta=true&PageSize=4`);
    assert.equal(first.body.uri, `${path}?Beta=true&PageSize=4&Page=0`);
    assert.equal(first.body.first_page_uri, `${path}?Beta=true&PageSize=4&Page=0`);
    assert.equal(first.body.start, 0);
    assert.equal(first.body.end, 3);
    assert.equal(first.body.previous_page_uri, null);
    assert.match(first.body.next_page_uri, new RegExp(`^${path}\\?Beta=true&PageSize=4&Page=1&PageToken=PA`));
    const second = await twilio(emu, 'GET', first.body.next_page_uri);
    assert.equal(second.body.start, 4);
    assert.equal(second.body.page, 1);
    const all = await walk(`${path}?PageSize=4`, 'incoming_phone_numbers');
    assert.deepEqual(
      all,
      emu.store.twilio.numbers.all.values().map((n) => n.sid),
    );
  });
});
