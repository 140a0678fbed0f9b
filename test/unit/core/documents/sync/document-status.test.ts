import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { documentStatuses } from '../../../../../src/core/documents/sync/document-status';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { MemorySyncStateStore } from '../../../../../src/core/documents/sync/sync-state';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const URI = 'file:///work/acme.trunk.yaml';

describe('document status', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(() => h.close());

  it('labels every document of a file for its code lens', async () => {
    const inSync = await h.twilio.trunks.create({ friendly_name: 'In sync' });
    const behind = await h.twilio.trunks.create({ friendly_name: 'Behind' });
    const gone = await h.twilio.trunks.create({ friendly_name: 'Gone' });
    const unowned = await h.twilio.trunks.create({ friendly_name: 'Unowned' });
    await h.twilio.trunks.delete(gone.sid);
    const texts = [
      documentText('TwilioTrunk', { friendly_name: 'New' }),
      documentText('TwilioTrunk', { friendly_name: 'In sync' }, inSync.sid),
      documentText('TwilioTrunk', { friendly_name: 'Ahead', secure: true }, behind.sid),
      documentText('TwilioTrunk', { friendly_name: 'Gone' }, gone.sid),
      documentText('TwilioTrunk', { friendly_name: 'Unowned', phone_numbers: ['+14155550199'] }, unowned.sid),
    ];
    const file = `${texts.join('---\n')}---\napiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec: { secure: maybe }\n`;
    const documents = parseTrunkFile(file).documents.map((document) => ({ uri: URI, document }));
    const statuses = await documentStatuses(documents, h.clients);
    assert.deepEqual(
      statuses.map((s) => [s.state, s.label]),
      [
        ['not-created', 'not created'],
        ['in-sync', 'in sync'],
        ['changes', '1 change'],
        ['remote-missing', 'remote missing'],
        ['blocked', 'cannot push'],
        ['invalid', 'invalid'],
      ],
    );
    assert.equal(statuses[2]!.message, 'Push would apply 1 change to Twilio trunk "Ahead".');
  });

  it('needs no request for a document that was never pushed', async () => {
    h.emu.stats.reset();
    const [status] = await documentStatuses([{ uri: URI, document: validDocument(documentText('CarrierXTrunkGroup', { name: 'EU edge' })) }], h.clients);
    assert.equal(status!.label, 'not created');
    assert.equal(h.emu.stats.snapshot().total, 0);
  });

  it('remembers an in-sync remote as synced, so a later remote change shows as such', async () => {
    const syncState = new MemorySyncStateStore();
    const group = await h.carrierx.trunkGroups.create({ name: 'EU edge', trunks: [{ name: 'a' }] });
    const spec = { name: 'EU edge', trunks: [{ name: 'a' }] };
    const doc = () => ({ uri: URI, document: validDocument(documentText('CarrierXTrunkGroup', spec, group.trunk_group_sid)) });
    assert.equal((await documentStatuses([doc()], h.clients, { syncState }))[0]!.label, 'in sync');
    // CarrierX has no date_updated: the hash of the rendered spec carries the change.
    const trunk = group.trunks![0]!;
    await h.carrierx.trunks.update(group.trunk_group_sid, trunk.trunk_sid, { name: 'renamed' });
    const status = (await documentStatuses([doc()], h.clients, { syncState }))[0]!;
    assert.equal(status.label, 'remote changed');
    assert.ok(status.state === 'remote-changed');
    assert.deepEqual(status.fields, ['trunks']);
  });
});
