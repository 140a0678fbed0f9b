import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computePlan } from '../../../../src/core/documents/plan/compute-plan';
import { parseTrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import { planDocument } from '../../../../src/core/documents/plan/plan-documents';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../support/sync-harness';

const URI = 'file:///work/acme.trunk.yaml';

// What a refused document is called in the plan: the name the user wrote, and a sid said once.

describe('refusal titles', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(() => h.close());

  it('an invalid document with a friendly_name is titled by it', async () => {
    const invalid = parseTrunkFile('apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Front desk\n  secure: maybe\n').documents[0]!;
    const refused = await computePlan(invalid, undefined, { uri: URI });
    assert.equal(refused.status === 'refused' && refused.refusal.title, 'Twilio trunk "Front desk"');
  });

  it('an invalid CarrierX group is titled by its name', async () => {
    const invalid = parseTrunkFile('apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: sandbox\nspec:\n  name: East\n  bogus: 1\n').documents[0]!;
    const refused = await computePlan(invalid, undefined, { uri: URI });
    assert.equal(refused.status === 'refused' && refused.refusal.title, 'CarrierX trunk group "East"');
  });

  it('a deleted CarrierX group without a name is titled once by its sid', async () => {
    const group = await h.carrierx.trunkGroups.create({ name: 'Doomed' });
    await h.carrierx.trunkGroups.delete(group.trunk_group_sid);
    const missing = await planDocument(URI, validDocument(documentText('CarrierXTrunkGroup', { trunks: [] }, group.trunk_group_sid)), h.clients);
    assert.equal(missing.status, 'refused');
    assert.equal(
      missing.status === 'refused' && missing.refusal.message,
      `CarrierX trunk group ${group.trunk_group_sid} no longer exists in account sandbox: it was deleted outside Trunkline. Remove the sid line to create it again, or delete this document.`,
    );
  });
});
