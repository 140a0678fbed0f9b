import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyAll, planAll } from '../../../../../src/core/documents/apply/push-all';
import { secretRequestsOf } from '../../../../../src/core/documents/apply/secret-requests';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import type { DocumentPlan } from '../../../../../src/core/documents/plan/document-plan';
import type { SyncDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { exportedFileText, exportStates, exportTargets } from '../../../../../src/core/documents/render/export-resources';
import { collect } from '../../../../../src/core/providers/page';
import { documentText, startSyncHarness, type SyncHarness } from '../../../../support/sync-harness';

// A BYOC trunk names its connection policy, and a CarrierX trunk its endpoint, by name: one
// push creates the named document first, then the one that names it with the new sid; export
// writes the names back, and the exported files plan in sync.

const uri = 'file:///routes.trunk.yaml';

function documents(...texts: string[]): SyncDocument[] {
  return parseTrunkFile(texts.join('---\n')).documents.map((document) => ({ uri, document }));
}

function planned(combined: Awaited<ReturnType<typeof planAll>>): DocumentPlan[] {
  return combined.documents.map((d) => {
    assert.equal(d.outcome.status, 'planned', JSON.stringify(d.outcome));
    return (d.outcome as { plan: DocumentPlan }).plan;
  });
}

async function pushAll(h: SyncHarness, docs: SyncDocument[], secrets?: ReadonlyMap<string, string>) {
  const combined = await planAll(docs, h.clients);
  const plans = planned(combined);
  const summary = await applyAll(combined, h.clients, { secrets });
  assert.equal(summary.counts.failed + summary.counts.skipped, 0, summary.documents.map((d) => d.message).join('\n'));
  return { plans, summary };
}

async function exportedInSync(h: SyncHarness, account: 'sandbox', kinds: TrunkKind[]): Promise<string[]> {
  const signal = new AbortController().signal;
  const states = await exportStates(account, await exportTargets(account, new Set(kinds), h.clients, signal), h.clients, signal);
  const texts = states.map((s) => exportedFileText(account, s));
  const combined = await planAll(documents(...texts.map((t) => t.replace(/^#.*\n/, ''))), h.clients);
  for (const plan of planned(combined)) assert.deepEqual(plan.operations, [], `${plan.title} plans changes after export`);
  return texts;
}

describe('references from trunks to their routes', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(async () => h?.close());
  beforeEach(async () => h.emu.reset());

  it('a BYOC trunk names a new connection policy: one push creates the policy first, then the trunk on it', async () => {
    const docs = documents(
      // The trunk comes first in the file: the push orders by reference, not by position.
      documentText('TwilioByocTrunk', { friendly_name: 'Carrier A', voice_url: 'https://example.com/voice', connection_policy: 'Carrier A routes' }),
      documentText('TwilioConnectionPolicy', { friendly_name: 'Carrier A routes', targets: [{ target: 'sip:carrier-a.example.com' }] }),
    );
    const { plans, summary } = await pushAll(h, docs);
    assert.deepEqual(plans.map((p) => p.kind), ['TwilioConnectionPolicy', 'TwilioByocTrunk'], 'the policy is applied first');
    assert.deepEqual(plans[1]!.dependsOn, [{ uri, index: 1 }]);
    assert.match(plans[1]!.operations[0]!.changes.map((c) => `${c.field}: ${String(c.to)}`).join('\n'), /connection_policy_sid: \(connection policy "Carrier A routes", created by this push\)/);
    const [policy] = await collect(h.twilio.connectionPolicies.list());
    const [byoc] = await collect(h.twilio.byocTrunks.list());
    assert.equal(byoc?.connection_policy_sid, policy?.sid);
    assert.equal(summary.documents.find((d) => d.index === 0)!.sid, byoc!.sid);

    // The exported trunk names its policy by name; both files plan in sync.
    const texts = await exportedInSync(h, 'sandbox', ['TwilioByocTrunk', 'TwilioConnectionPolicy']);
    const trunkText = texts.find((t) => t.includes('kind: TwilioByocTrunk'))!;
    assert.match(trunkText, /^ {2}connection_policy: Carrier A routes$/m);
    assert.doesNotMatch(trunkText, /connection_policy_sid/);
  });

  it('a BYOC trunk moves to an existing policy named by name, and says which sid', async () => {
    const policy = await h.twilio.connectionPolicies.create({ friendly_name: 'Backup routes' });
    const byoc = await h.twilio.byocTrunks.create({ friendly_name: 'Carrier B' });
    const { plans } = await pushAll(h, documents(documentText('TwilioByocTrunk', { friendly_name: 'Carrier B', connection_policy: 'Backup routes' }, byoc.sid)));
    assert.deepEqual(plans[0]!.operations[0]!.changes, [{ field: 'connection_policy_sid', from: null, to: policy.sid }]);
    assert.equal((await h.twilio.byocTrunks.fetch(byoc.sid)).connection_policy_sid, policy.sid);
  });

  it('refuses a trunk that names its policy twice, or a policy no one has', async () => {
    const twice = await planAll(
      documents(documentText('TwilioByocTrunk', { friendly_name: 'X', connection_policy: 'Nope', connection_policy_sid: `NY${'0'.repeat(32)}` })),
      h.clients,
    );
    assert.equal(twice.documents[0]!.outcome.status, 'refused');
    assert.match(JSON.stringify(twice.documents[0]!.outcome), /Name it once: connection_policy \(a sid or a name\) or connection_policy_sid \(a sid\), not both/);
    const unknown = await planAll(documents(documentText('TwilioByocTrunk', { friendly_name: 'X', connection_policy: 'Nope' })), h.clients);
    assert.match(JSON.stringify(unknown.documents[0]!.outcome), /No connection policy named \\"Nope\\" in account sandbox/);
  });

  it('a CarrierX trunk names a new endpoint: one push creates the endpoint (with its password) first, then the group on it', async () => {
    const docs = documents(
      documentText('CarrierXTrunkGroup', { name: 'east', trunks: [{ name: 'to-pbx', endpoint: 'PBX east' }] }),
      documentText('CarrierXEndpoint', { name: 'PBX east', addresses: [{ ip: '192.0.2.10', sip_username: 'pbx' }] }),
    );
    const combined = await planAll(docs, h.clients);
    const [request] = secretRequestsOf(planned(combined));
    assert.equal(request?.envVar, 'TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_PBX');
    const summary = await applyAll(combined, h.clients, { secrets: new Map([[request!.key, 'Pbx-pw-1']]) });
    assert.deepEqual(summary.counts.created, 2, summary.message);
    const endpoint = (await collect(h.carrierx.endpoints.list())).find((e) => e.name === 'PBX east')!;
    const [group] = await collect(h.carrierx.trunkGroups.list({ withTrunks: true }));
    assert.equal(group?.trunks?.[0]?.endpoint_sid, endpoint.endpoint_sid);
    assert.equal(endpoint.addresses[0]?.sip_password, 'Pbx-pw-1');

    const texts = await exportedInSync(h, 'sandbox', ['CarrierXTrunkGroup', 'CarrierXEndpoint']);
    const groupText = texts.find((t) => t.includes('kind: CarrierXTrunkGroup'))!;
    assert.match(groupText, /endpoint: PBX east/);
    assert.doesNotMatch(groupText, /endpoint_sid/);
    assert.ok(texts.every((t) => !t.includes('Pbx-pw-1')), 'no password in an exported file');
  });

  it('an existing trunk is moved to an endpoint document created in the same push', async () => {
    const group = await h.carrierx.trunkGroups.create({ name: 'west', trunks: [{ name: 'to-pbx' }] });
    const { plans } = await pushAll(
      h,
      documents(
        documentText('CarrierXTrunkGroup', { name: 'west', trunks: [{ name: 'to-pbx', endpoint: 'PBX west' }] }, group.trunk_group_sid),
        documentText('CarrierXEndpoint', { name: 'PBX west', addresses: [{ ip: '198.51.100.20' }] }),
      ),
    );
    assert.deepEqual(plans.map((p) => p.kind), ['CarrierXEndpoint', 'CarrierXTrunkGroup'], 'the endpoint is applied first');
    assert.deepEqual(plans[1]!.operations.map((o) => o.description), [`Update trunk "to-pbx" (${group.trunks![0]!.trunk_sid})`]);
    const endpoint = (await collect(h.carrierx.endpoints.list())).find((e) => e.name === 'PBX west')!;
    const fetched = await h.carrierx.trunkGroups.fetch(group.trunk_group_sid, { withTrunks: true });
    assert.equal(fetched.trunks?.[0]?.endpoint_sid, endpoint.endpoint_sid);
  });
});
