import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planAll } from '../../../../../src/core/documents/apply/push-all';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import { formatPlanLines } from '../../../../../src/core/documents/plan/format-plan';
import type { SyncDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { exportedFileText, exportStates, exportTargets } from '../../../../../src/core/documents/render/export-resources';
import { startSyncHarness, type SyncHarness } from '../../../../support/sync-harness';

// Export of resources that name others (issues 14 and 17): a name the account gives to one
// resource is written as that name, a name two resources share as the sid of the one used, so
// that the exported files resolve and plan in sync. Real HTTP against the emulator.

const ALL_KINDS = new Set<TrunkKind>(['TwilioTrunk', 'TwilioIpAccessControlList', 'TwilioCredentialList', 'TwilioByocTrunk', 'TwilioConnectionPolicy', 'CarrierXTrunkGroup', 'CarrierXEndpoint']);

describe('export of references whose name is not unique in the account', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(() => h.close());

  async function exported(): Promise<{ documents: SyncDocument[]; textOf: (pattern: RegExp) => string }> {
    const signal = new AbortController().signal;
    const texts: string[] = [];
    for (const account of ['sandbox']) {
      const states = await exportStates(account, await exportTargets(account, ALL_KINDS, h.clients, signal), h.clients, signal);
      texts.push(...states.map((s) => exportedFileText(account, s)));
    }
    return {
      documents: texts.map((text, i) => ({ uri: `file:///export/${i}.trunk.yaml`, document: parseTrunkFile(text).documents[0]! })),
      textOf: (pattern) => {
        const found = texts.filter((t) => pattern.test(t));
        assert.equal(found.length, 1, `one exported file matches ${pattern}`);
        return found[0]!;
      },
    };
  }

  it("writes the sid for a shared name and the name for a unique one, for the trunk's lists, a BYOC trunk's policy and a CarrierX trunk's endpoint; planning the export gives no operation", async () => {
    const [twinA, twinB, solo] = [await h.twilio.ipAccessControlLists.create('Twin office'), await h.twilio.ipAccessControlLists.create('Twin office'), await h.twilio.ipAccessControlLists.create('Solo office')];
    // Credential list names are unique in a Twilio account: always by name.
    const users = await h.twilio.credentialLists.create('Shared trunk users');
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Shared names', domain_name: 'shared-names.pstn.twilio.com' });
    await h.twilio.trunkIpAccessControlLists.add(trunk.sid, twinB.sid);
    await h.twilio.trunkIpAccessControlLists.add(trunk.sid, solo.sid);
    await h.twilio.trunkCredentialLists.add(trunk.sid, users.sid);

    const [policyA, policyB] = [await h.twilio.connectionPolicies.create({ friendly_name: 'Twin policy' }), await h.twilio.connectionPolicies.create({ friendly_name: 'Twin policy' })];
    await h.twilio.byocTrunks.create({ friendly_name: 'Shared policy name', connection_policy_sid: policyB.sid });

    const [edgeA, edgeB] = [await h.carrierx.endpoints.create({ name: 'twin-edge', type: 'third_party' }), await h.carrierx.endpoints.create({ name: 'twin-edge', type: 'third_party' })];
    await h.carrierx.trunkGroups.create({ name: 'shared-endpoint-name', trunks: [{ name: 'primary', endpoint_sid: edgeA.endpoint_sid }] });

    const { documents, textOf } = await exported();

    const trunkText = textOf(/friendly_name: Shared names/);
    assert.match(trunkText, new RegExp(`ip_access_control_lists:\\n(\\s+- .*\\n)*\\s+- ${twinB.sid}\\n`), 'the shared name as the sid of the list the trunk links');
    assert.match(trunkText, /- Solo office/, 'a unique name stays a name');
    assert.ok(!trunkText.includes('Twin office') && !trunkText.includes(twinA.sid), 'neither the shared name nor the other list');
    assert.match(trunkText, /credential_lists:\n\s+- Shared trunk users\n/);
    const byocText = textOf(/friendly_name: Shared policy name/);
    assert.match(byocText, new RegExp(`connection_policy_sid: ${policyB.sid}`));
    assert.ok(!byocText.includes(policyA.sid) && !byocText.includes('Twin policy'));
    const groupText = textOf(/name: shared-endpoint-name/);
    assert.match(groupText, new RegExp(`endpoint_sid: ${edgeA.endpoint_sid}`));
    assert.ok(!groupText.includes(edgeB.endpoint_sid) && !/endpoint: twin-edge/.test(groupText));

    const combined = await planAll(documents, h.clients);
    const refused = combined.documents.flatMap((d) => (d.outcome.status === 'refused' ? [`${d.uri}: ${d.outcome.refusal.message}`] : []));
    assert.deepEqual(refused, []);
    const lines = combined.documents.flatMap((d) => (d.outcome.status === 'planned' ? formatPlanLines(d.outcome.plan) : []));
    assert.equal(combined.operationCount, 0, lines.join('\n'));
  });
});
