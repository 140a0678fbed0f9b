import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyAll, planAll } from '../../../../../src/core/documents/apply/push-all';
import { secretRequestsOf } from '../../../../../src/core/documents/apply/secret-requests';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import type { DocumentPlan } from '../../../../../src/core/documents/plan/document-plan';
import { formatPlanLines } from '../../../../../src/core/documents/plan/format-plan';
import { planDocuments, type PlannedDocument, type SyncDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { exportedFileText, exportStates, exportTargets } from '../../../../../src/core/documents/render/export-resources';
import { collect } from '../../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

// Termination lists as trunk-file documents, and a trunk that names them by name: resolution
// (the account's lists and the workspace's documents), plans across documents in reference
// order, passwords that come from the caller only, and Export's round trip. Real HTTP against
// the emulator (which always seeds a few lists of each kind).

const LISTS_PATH = '/2010-04-01/Accounts/{AccountSid}/SIP/IpAccessControlLists.json';
const PASSWORD = 'Canary-Passw0rd-7731';

let counter = 0;
function doc(kind: TrunkKind, spec: object, sid?: string): SyncDocument {
  const uri = `file:///ws/doc-${String(counter++).padStart(3, '0')}.trunk.yaml`;
  return { uri, document: validDocument(documentText(kind, spec, sid)) };
}

const plansOf = (documents: readonly PlannedDocument[]): DocumentPlan[] => documents.flatMap((d) => (d.outcome.status === 'planned' ? [d.outcome.plan] : []));
const secretsFor = (plans: DocumentPlan[]) => new Map(secretRequestsOf(plans).map((r) => [r.key, PASSWORD]));

describe('termination list documents and references', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(() => h.close());

  it('pushes a trunk that names two new list documents in one plan: lists created first, then the trunk links both', async () => {
    const trunk = doc('TwilioTrunk', { friendly_name: 'Term A', domain_name: 'term-a.pstn.twilio.com', ip_access_control_lists: ['Term A office'], credential_lists: ['Term A users'] });
    const acl = doc('TwilioIpAccessControlList', { friendly_name: 'Term A office', ip_addresses: [{ friendly_name: 'pbx', ip_address: '203.0.113.10', cidr_prefix_length: 32 }] });
    const creds = doc('TwilioCredentialList', { friendly_name: 'Term A users', credentials: [{ username: 'pbx-a' }] });

    const combined = await planAll([trunk, acl, creds], h.clients);

    assert.deepEqual(
      combined.documents.map((d) => d.uri),
      [acl.uri, creds.uri, trunk.uri],
      'the lists come before the trunk that names them',
    );
    const plans = plansOf(combined.documents);
    assert.equal(plans.length, 3, JSON.stringify(combined.documents.map((d) => d.outcome)));
    const trunkLines = formatPlanLines(plans[2]!).join('\n');
    assert.match(trunkLines, /Link IP access control list "Term A office", created by this push/);
    assert.match(trunkLines, /Link credential list "Term A users", created by this push/);
    assert.deepEqual(secretRequestsOf(plans).map((r) => r.envVar), ['TRUNKLINE_SIP_PASSWORD_TERM_A_USERS_PBX_A']);
    assert.ok(!JSON.stringify(plans).includes(PASSWORD));

    const summary = await applyAll(combined, h.clients, { secrets: secretsFor(plans) });

    assert.deepEqual(summary.counts, { created: 3, updated: 0, unchanged: 0, failed: 0, skipped: 0 }, summary.documents.map((d) => d.message).join('\n'));
    const trunkSid = summary.documents.find((d) => d.uri === trunk.uri)!.sid!;
    const fetched = await h.twilio.trunks.fetch(trunkSid);
    assert.deepEqual([...(fetched.auth_type_set ?? [])].sort(), ['CREDENTIAL_LIST', 'IP_ACL']);
    const aclSid = summary.documents.find((d) => d.uri === acl.uri)!.sid!;
    assert.deepEqual((await collect(h.twilio.trunkIpAccessControlLists.list(trunkSid))).map((l) => l.sid), [aclSid]);
    assert.ok(!JSON.stringify(summary).includes(PASSWORD), 'the password is in no result');

    // Planned again with their sids, all three are in sync.
    const again = await planAll(
      [
        doc('TwilioTrunk', { friendly_name: 'Term A', domain_name: 'term-a.pstn.twilio.com', ip_access_control_lists: ['Term A office'], credential_lists: ['Term A users'] }, trunkSid),
        doc('TwilioIpAccessControlList', { friendly_name: 'Term A office', ip_addresses: [{ friendly_name: 'pbx', ip_address: '203.0.113.10', cidr_prefix_length: 32 }] }, aclSid),
      ],
      h.clients,
    );
    assert.deepEqual(
      plansOf(again.documents).map((p) => p.operations.length),
      [0, 0],
    );
  });

  it('lists the account\'s lists once per plan, whatever the number of trunks that name them', async () => {
    const [first] = await collect(h.twilio.ipAccessControlLists.list());
    const trunks = [1, 2, 3, 4, 5, 6].map((i) => doc('TwilioTrunk', { friendly_name: `Many ${i}`, ip_access_control_lists: [first!.friendly_name!] }));
    h.emu.stats.reset();
    const combined = await planAll(trunks, h.clients);
    assert.equal(plansOf(combined.documents).length, 6);
    assert.equal(h.emu.stats.count('GET', LISTS_PATH), 1);
  });

  it('refuses an unknown name at its entry, naming the lists there are', async () => {
    const text = documentText('TwilioTrunk', { friendly_name: 'Unknown', ip_access_control_lists: ['No such list'] });
    const [planned] = await planDocuments([{ uri: 'file:///ws/unknown.trunk.yaml', document: validDocument(text) }], h.clients);
    assert.equal(planned!.outcome.status, 'refused');
    if (planned!.outcome.status !== 'refused') return;
    const [error] = planned!.outcome.refusal.errors;
    assert.match(error!.message, /^No IP access control list named "No such list" in account sandbox or in the workspace's trunk files \(there are "/);
    assert.equal(text.slice(error!.offsets![0], error!.offsets![1]), 'No such list');
  });

  it('refuses a name two lists share, naming both sids', async () => {
    // IP access control list names need not be unique (credential list names must).
    const a = await h.twilio.ipAccessControlLists.create('Twin office');
    const b = await h.twilio.ipAccessControlLists.create('Twin office');
    const [planned] = await planDocuments([doc('TwilioTrunk', { friendly_name: 'Twins', ip_access_control_lists: ['Twin office'] })], h.clients);
    assert.equal(planned!.outcome.status, 'refused');
    if (planned!.outcome.status !== 'refused') return;
    assert.match(planned!.outcome.refusal.message, new RegExp(`"Twin office" names 2 IP access control lists: (${a.sid}|${b.sid}) \\(in the account\\); (${a.sid}|${b.sid}) \\(in the account\\)\\. Write the sid of the one you mean`));
  });

  it('a new credential list document takes over the list of its name: a trunk naming it is not ambiguous', async () => {
    const existing = await h.twilio.credentialLists.create('Shared users');
    const list = doc('TwilioCredentialList', { friendly_name: 'Shared users', credentials: [] });
    const trunk = doc('TwilioTrunk', { friendly_name: 'Takes over', credential_lists: ['Shared users'] });
    const combined = await planAll([trunk, list], h.clients);
    const [listPlan, trunkPlan] = plansOf(combined.documents);
    assert.equal(listPlan?.operations[0]?.type, 'adopt', JSON.stringify(combined.documents.map((d) => d.outcome)));
    assert.equal(listPlan?.operations[0]?.type === 'adopt' && listPlan.operations[0].sid, existing.sid);
    assert.match(formatPlanLines(trunkPlan!).join('\n'), new RegExp(`Link credential list "Shared users" \\(${existing.sid}\\)`));
  });

  it('a name the workspace defines in a document not created yet, outside the push: refused, saying to push it first', async () => {
    const list = doc('TwilioIpAccessControlList', { friendly_name: 'Later list', ip_addresses: [] });
    const trunk = doc('TwilioTrunk', { friendly_name: 'Waits', ip_access_control_lists: ['Later list'] });
    const [planned] = await planDocuments([trunk], h.clients, { workspaceDocuments: [list, trunk] });
    assert.equal(planned!.outcome.status, 'refused');
    if (planned!.outcome.status === 'refused') assert.match(planned!.outcome.refusal.message, /"Later list" is file:\/\/\/ws\/doc-\d+\.trunk\.yaml \(document 1\), which is not created yet and not part of this push\. Push it first/);
  });

  it('unlinks a list the trunk no longer names (links before unlinks), by sid or name', async () => {
    const lists = await collect(h.twilio.ipAccessControlLists.list());
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Swap' });
    await h.twilio.trunkIpAccessControlLists.add(trunk.sid, lists[0]!.sid);
    const [planned] = await planDocuments([doc('TwilioTrunk', { friendly_name: 'Swap', ip_access_control_lists: [lists[1]!.sid] }, trunk.sid)], h.clients);
    assert.equal(planned!.outcome.status, 'planned');
    if (planned!.outcome.status !== 'planned') return;
    assert.deepEqual(
      planned!.outcome.plan.operations.map((o) => o.type),
      ['twilio.trunk.ipAccessControlList.link', 'twilio.trunk.ipAccessControlList.unlink'],
    );
    const summary = await applyAll({ documents: [planned!], operationCount: 2 }, h.clients);
    assert.equal(summary.counts.updated, 1, summary.message);
    assert.deepEqual((await collect(h.twilio.trunkIpAccessControlLists.list(trunk.sid))).map((l) => l.sid), [lists[1]!.sid]);
  });

  it('a credential create without its password fails before sending it, naming the environment variable', async () => {
    const combined = await planAll([doc('TwilioCredentialList', { friendly_name: 'No password', credentials: [{ username: 'alice' }] })], h.clients);
    const summary = await applyAll(combined, h.clients);
    assert.equal(summary.counts.failed, 1);
    assert.match(summary.documents[0]!.message, /the password of alice in credential list "No password" was not given .*TRUNKLINE_SIP_PASSWORD_NO_PASSWORD_ALICE/);
  });

  it('Export writes the lists and the trunks that name them; planning the export is in sync', async () => {
    const signal = new AbortController().signal;
    const kinds = new Set<TrunkKind>(['TwilioTrunk', 'TwilioIpAccessControlList', 'TwilioCredentialList']);
    const states = await exportStates('sandbox', await exportTargets('sandbox', kinds, h.clients, signal), h.clients, signal);
    const documents: SyncDocument[] = states
      // Names two lists share (made above) cannot be written by name: leave those trunks out of the round trip.
      .filter((s) => !(s.kind === 'TwilioTrunk' && s.remote.trunk.friendly_name === 'Twins'))
      .map((state, i) => {
        const text = exportedFileText('sandbox', state);
        return { uri: `file:///export/${i}.trunk.yaml`, document: parseTrunkFile(text).documents[0]! };
      });
    const linked = documents.filter((d) => d.document.kind === 'TwilioTrunk' && /ip_access_control_lists:\n\s+- /.test(d.document.yaml.toString()));
    assert.ok(linked.length > 0, 'some exported trunk names a list');
    assert.match(linked[0]!.document.yaml.toString(), /ip_access_control_lists:\n\s+- [A-Za-z]/, 'by name, not by sid');
    const combined = await planAll(documents, h.clients);
    const refused = combined.documents.filter((d) => d.outcome.status === 'refused');
    assert.deepEqual(refused.map((d) => (d.outcome as { refusal: { message: string } }).refusal.message), []);
    assert.equal(combined.operationCount, 0, plansOf(combined.documents).flatMap((p) => formatPlanLines(p)).join('\n'));
  });
});
