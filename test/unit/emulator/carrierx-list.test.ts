import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { carrierX } from '../../support/emulator-http';
import { startTestEmulator, type TestEmulator } from '../../support/test-emulator';

describe('emulator: CarrierX lists', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator({ seeding: { trunkGroups: 0 } });
    const groups = [
      { name: 'Alpha East', hard_failure_threshold: 1, trunks: [{ name: 'a1', allow_transfer: true }] },
      { name: 'Beta East', hard_failure_threshold: 2, trunks: [{ name: 'b1' }] },
      { name: 'Gamma West', hard_failure_threshold: 3, trunks: [] },
      { name: 'My Group', hard_failure_threshold: 4, trunks: [{ name: 'm1' }, { name: 'm2' }] },
      { name: 'Delta West', hard_failure_threshold: 5, trunks: [] },
    ];
    for (const g of groups) await carrierX(emu, 'POST', '/trunk_groups?with_trunks=true', g);
  });
  after(() => emu.close());

  const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

  it('answers the list envelope with limit 10 by default and absolute pagination links', async () => {
    const res = await carrierX(emu, 'GET', '/trunk_groups');
    assert.deepEqual(Object.keys(res.body).sort(), ['count', 'has_more', 'items', 'limit', 'offset', 'pagination', 'total']);
    assert.equal(res.body.limit, 10);
    assert.equal(res.body.total, 5);
    assert.equal(res.body.has_more, false);
    assert.deepEqual(res.body.pagination, {});

    const page = await carrierX(emu, 'GET', '/trunk_groups?with_trunks=true&limit=2&offset=2');
    assert.deepEqual(names(page.body), ['Gamma West', 'My Group']);
    assert.equal(page.body.count, 2);
    assert.equal(page.body.has_more, true);
    assert.deepEqual(page.body.pagination, {
      next: `${emu.baseUrl}/core/v2/trunk_groups?with_trunks=true&limit=2&offset=4`,
      previous: `${emu.baseUrl}/core/v2/trunk_groups?with_trunks=true&limit=2&offset=0`,
    });
    assert.equal(page.body.items[1].trunks.length, 2);
  });

  it('walks every page by following pagination.next, also while groups are added', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${emu.baseUrl}/core/v2/trunk_groups?limit=2`;
    let added = false;
    while (url) {
      const res = await carrierX(emu, 'GET', url.replace(`${emu.baseUrl}/core/v2`, ''));
      seen.push(...names(res.body));
      if (!added) {
        added = true;
        await carrierX(emu, 'POST', '/trunk_groups', { name: 'Late' });
      }
      url = res.body.pagination.next;
    }
    assert.deepEqual(seen, ['Alpha East', 'Beta East', 'Gamma West', 'My Group', 'Delta West', 'Late']);
    await carrierX(emu, 'DELETE', `/trunk_groups/${emu.store.carrierx.groups.values().at(-1)?.trunk_group_sid}`);
  });

  it('filters with eq, like (%), and, and nested trunk attributes', async () => {
    const filter = async (expr: string) => names((await carrierX(emu, 'GET', `/trunk_groups?filter=${encodeURIComponent(expr)}`)).body);
    assert.deepEqual(await filter('name eq "My Group"'), ['My Group']);
    assert.deepEqual(await filter("name like '%East'"), ['Alpha East', 'Beta East']);
    assert.deepEqual(await filter('name like "%West" and hard_failure_threshold gt 3'), ['Delta West']);
    assert.deepEqual(await filter('trunks.allow_transfer eq true'), ['Alpha East']);
    assert.deepEqual(await filter('trunks.name eq m2'), ['My Group']);
    assert.equal(
      (await carrierX(emu, 'GET', `/trunk_groups?filter=${encodeURIComponent('name eq "My Group"')}`)).body.items[0].trunks,
      undefined,
    );
  });

  it('orders by an attribute ascending or descending', async () => {
    const order = async (o: string) => names((await carrierX(emu, 'GET', `/trunk_groups?order=${o}`)).body);
    assert.deepEqual(await order('name'), ['Alpha East', 'Beta East', 'Delta West', 'Gamma West', 'My Group']);
    assert.deepEqual(await order('hard_failure_threshold+desc'), ['Delta West', 'My Group', 'Gamma West', 'Beta East', 'Alpha East']);
    assert.equal((await carrierX(emu, 'GET', '/trunk_groups?order=shuffle')).body.total, 5);
  });

  it('answers 400 for a malformed filter, order, limit or offset', async () => {
    for (const query of [
      'filter=name%20eq',
      'filter=name%20is%20x',
      'filter=name%20eq%20%22x',
      'order=name%20sideways',
      'limit=1001',
      'limit=-1',
      'offset=x',
    ]) {
      const res = await carrierX(emu, 'GET', `/trunk_groups?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.errors[0].field, query.split('=')[0]);
    }
  });

  it("pages a group's trunks the same way", async () => {
    const group = emu.store.carrierx.groups.values().find((g) => g.name === 'My Group');
    const res = await carrierX(emu, 'GET', `/trunk_groups/${group?.trunk_group_sid}/trunks?limit=1`);
    assert.deepEqual(names(res.body), ['m1']);
    assert.equal(res.body.total, 2);
    assert.match(res.body.pagination.next, /\/trunks\?limit=1&offset=1$/);
  });
});
