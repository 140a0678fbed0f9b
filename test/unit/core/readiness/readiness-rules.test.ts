import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseTrunkFile } from '../../../../src/core/documents/file/parse-trunk-file';
import { applyTextEdits } from '../../../../src/core/documents/edit/text-edit';
import type { DocumentPlan } from '../../../../src/core/documents/plan/document-plan';
import { planDocument } from '../../../../src/core/documents/plan/plan-documents';
import type { TrunkDiagnostic } from '../../../../src/core/documents/validate/trunk-diagnostic';
import { fetchReadinessRemote } from '../../../../src/core/readiness/fetch-readiness-remote';
import type { ReadinessRemote } from '../../../../src/core/readiness/readiness-facts';
import { readinessDiagnostics } from '../../../../src/core/readiness/readiness-diagnostics';
import { READINESS_RULES } from '../../../../src/core/readiness/readiness-rules';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../support/sync-harness';

/** The readiness warnings of the file's first document, from the file alone. */
function warnings(text: string, remote?: ReadinessRemote): TrunkDiagnostic[] {
  const file = parseTrunkFile(text);
  const doc = file.documents[0]!;
  assert.ok(doc.valid, doc.diagnostics.map((d) => d.message).join('; '));
  return readinessDiagnostics(doc, file.lines, remote);
}

const codes = (ds: readonly TrunkDiagnostic[]) => ds.map((d) => d.code).sort();
/** The text a diagnostic's range covers. */
const at = (text: string, d: TrunkDiagnostic) => text.slice(d.range.start.offset, d.range.end.offset);

const trunk = (body: string, sid = '') => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\n${sid ? `sid: ${sid}\n` : ''}spec:\n  friendly_name: T\n  domain_name: t.pstn.twilio.com\n${body}`;
const URLS_OFF = '  origination_urls:\n    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 10, enabled: false }\n';
const URLS_ON = '  origination_urls:\n    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 10, enabled: true }\n';

describe('call readiness rules', () => {
  it('every rule names its source with a quote, says what happens to a call and what to change', () => {
    for (const rule of READINESS_RULES) {
      assert.match(rule.source.file, /\.(json|md|txt)\b/, rule.id);
      assert.ok(rule.source.quote.length > 20, rule.id);
      assert.ok(rule.consequence.length > 20 && rule.remedy.length > 10, rule.id);
    }
    assert.equal(new Set(READINESS_RULES.map((r) => r.id)).size, READINESS_RULES.length);
  });

  describe('Twilio trunk, from the file', () => {
    it('a new trunk with nothing: no lists, no origination, no numbers, each at spec with its consequence', () => {
      const text = trunk('');
      const ds = warnings(text);
      assert.deepEqual(codes(ds), ['readiness-twilio-trunk-no-numbers', 'readiness-twilio-trunk-no-origination', 'readiness-twilio-trunk-no-termination-lists']);
      for (const d of ds) assert.equal(at(text, d), 'spec');
      const lists = ds.find((d) => d.code === 'readiness-twilio-trunk-no-termination-lists')!;
      assert.equal(lists.severity, 'warning');
      assert.match(lists.message, /^No IP access control list and no credential list\. Twilio refuses every call/);
      assert.match(lists.message, /Link an IP access control list or a credential list/);
    });

    it('no lists: the quick fix adds ip_access_control_lists and credential_lists; naming a list clears the warning', () => {
      const text = trunk('  phone_numbers: ["+14155550100"]\n');
      const d = warnings(text).find((x) => x.code === 'readiness-twilio-trunk-no-termination-lists')!;
      assert.equal(d.fixes?.[0]?.title, 'Add ip_access_control_lists and credential_lists');
      const fixed = applyTextEdits(text, d.fixes![0]!.edits);
      assert.match(fixed, /\n {2}phone_numbers: \["\+14155550100"\]\n {2}ip_access_control_lists: \[\]\n {2}credential_lists: \[\]\n$/);
      const moved = warnings(fixed).find((x) => x.code === 'readiness-twilio-trunk-no-termination-lists')!;
      assert.equal(at(fixed, moved), 'ip_access_control_lists', 'the warning now sits where the list goes');
      const named = fixed.replace('ip_access_control_lists: []', 'ip_access_control_lists: [office]');
      assert.ok(!codes(warnings(named)).includes('readiness-twilio-trunk-no-termination-lists'));
    });

    it('all origination URLs disabled and no disaster recovery URL: at origination_urls; a quick fix enables one and clears it', () => {
      const text = trunk(`${URLS_OFF}  phone_numbers: ["+14155550100"]\n`);
      const d = warnings(text).find((x) => x.code === 'readiness-twilio-trunk-no-origination');
      assert.ok(d);
      assert.equal(at(text, d), 'origination_urls');
      assert.match(d.message, /Calls to the trunk’s numbers have nowhere to go/);
      const fix = d.fixes?.[0];
      assert.equal(fix?.title, 'Enable origination URL pbx-a');
      const fixed = applyTextEdits(text, fix!.edits);
      assert.match(fixed, /enabled: true/);
      assert.equal(warnings(fixed).filter((x) => x.code === 'readiness-twilio-trunk-no-origination').length, 0);
    });

    it('does not fire with an enabled URL, or with disabled ones and a disaster recovery URL', () => {
      assert.ok(!codes(warnings(trunk(URLS_ON))).includes('readiness-twilio-trunk-no-origination'));
      const withDr = trunk(`  disaster_recovery_url: https://example.com/dr\n${URLS_OFF}`);
      assert.ok(!codes(warnings(withDr)).includes('readiness-twilio-trunk-no-origination'));
    });

    it('phone_numbers: [] is flagged at the key; numbers clear it', () => {
      const text = trunk('  phone_numbers: []\n');
      const d = warnings(text).find((x) => x.code === 'readiness-twilio-trunk-no-numbers')!;
      assert.equal(at(text, d), 'phone_numbers');
      assert.match(d.message, /No call from the PSTN reaches this trunk/);
      assert.ok(!codes(warnings(trunk('  phone_numbers: ["+14155550100"]\n'))).includes('readiness-twilio-trunk-no-numbers'));
    });

    it('a trunk that exists (sid) is not judged on keys the file leaves out until the remote is read', () => {
      assert.deepEqual(warnings(trunk('', 'TK0123456789abcdef0123456789abcdef')), []);
    });
  });

  describe('BYOC trunk and CarrierX group, from the file', () => {
    const byoc = (body: string) => `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: B\n${body}`;
    it('a new BYOC trunk without policy or voice URLs: both rules; a fallback URL alone is enough', () => {
      assert.deepEqual(codes(warnings(byoc(''))), ['readiness-byoc-trunk-no-connection-policy', 'readiness-byoc-trunk-no-voice-url']);
      const text = byoc('  voice_fallback_url: https://example.com/fallback\n  connection_policy_sid: null\n');
      const ds = warnings(text);
      assert.deepEqual(codes(ds), ['readiness-byoc-trunk-no-connection-policy']);
      assert.equal(at(text, ds[0]!), 'connection_policy_sid');
    });

    const group = (trunks: string) => `apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: sandbox\nspec:\n  name: G\n${trunks}`;
    it('every trunk with in_capacity -1: at the first one; the quick fix sets it to 0 and clears it', () => {
      const text = group('  trunks:\n    - name: a\n      in_capacity: -1\n      endpoint_sid: null\n    - name: b\n      in_capacity: -1\n');
      const ds = warnings(text);
      const receiving = ds.find((d) => d.code === 'readiness-carrierx-group-receiving-disabled')!;
      assert.equal(at(text, receiving), 'in_capacity');
      assert.equal(receiving.range.start.line, 7);
      assert.deepEqual(receiving.fixes?.map((f) => f.title), ['Set in_capacity of a to 0 (unlimited)', 'Set in_capacity of b to 0 (unlimited)']);
      const fixed = applyTextEdits(text, receiving.fixes![1]!.edits);
      assert.ok(!codes(warnings(fixed)).includes('readiness-carrierx-group-receiving-disabled'));
      // One trunk able to receive is enough.
      assert.ok(!codes(warnings(group('  trunks:\n    - name: a\n      in_capacity: -1\n    - name: b\n'))).includes('readiness-carrierx-group-receiving-disabled'));
    });

    it('a trunk without endpoint: at its endpoint_sid, or at its item when the key is absent', () => {
      const text = group('  trunks:\n    - name: a\n      endpoint_sid: null\n    - name: b\n      priority: 1\n');
      const ds = warnings(text).filter((d) => d.code === 'readiness-carrierx-trunk-no-endpoint');
      assert.equal(ds.length, 2);
      assert.equal(at(text, ds[0]!), 'endpoint_sid');
      assert.match(ds[0]!.message, /^Trunk "a": no endpoint\. Calls the group gives this trunk have no SIP address/);
      assert.equal(at(text, ds[1]!), 'name: b');
    });

    it('a policy or an endpoint named in the file (connection_policy, a trunk\'s endpoint, by name or sid) is set: no "no policy" or "no endpoint" warning', () => {
      assert.deepEqual(codes(warnings(byoc('  voice_url: https://example.com/voice\n  connection_policy: carrier-routes\n'))), []);
      assert.deepEqual(codes(warnings(byoc('  voice_url: https://example.com/voice\n  connection_policy: NY0123456789abcdef0123456789abcdef\n'))), []);
      const named = group('  trunks:\n    - name: a\n      endpoint: stark-freight-pbx-1\n    - name: b\n      endpoint: 0af5fc09-132a-4e17-99bd-6ef5213c8750\n  phone_numbers: ["+14045413979"]\n');
      assert.deepEqual(codes(warnings(named)), []);
    });

    it('no trunks at all', () => {
      const text = group('  trunks: []\n');
      assert.ok(codes(warnings(text)).includes('readiness-carrierx-group-no-trunks'));
    });
  });

  describe('from the remote (the background status)', () => {
    let h: SyncHarness;
    before(async () => {
      h = await startSyncHarness();
    });
    beforeEach(() => h.emu.reset());
    after(() => h.close());

    const plan = async (text: string): Promise<DocumentPlan> => {
      const outcome = await planDocument('file:///w/a.trunk.yaml', validDocument(text), h.clients);
      assert.equal(outcome.status, 'planned');
      return (outcome as { plan: DocumentPlan }).plan;
    };
    const remoteWarnings = async (text: string) => warnings(text, await fetchReadinessRemote(await plan(text), h.clients));

    it('a trunk with no linked list (auth_type empty) warns at spec; linking an IP access control list clears it', async () => {
      const created = await h.twilio.trunks.create({ friendly_name: 'R', domain_name: 'r.pstn.twilio.com' });
      const text = documentText('TwilioTrunk', { friendly_name: 'R', domain_name: 'r.pstn.twilio.com' }, created.sid);
      const ds = await remoteWarnings(text);
      assert.deepEqual(codes(ds), ['readiness-twilio-trunk-no-numbers', 'readiness-twilio-trunk-no-origination', 'readiness-twilio-trunk-no-termination-lists']);
      for (const d of ds) assert.equal(at(text, d), 'spec');
      const acl = await h.twilio.ipAccessControlLists.create('office');
      await h.twilio.trunkIpAccessControlLists.add(created.sid, acl.sid);
      assert.deepEqual(codes(await remoteWarnings(text)), ['readiness-twilio-trunk-no-numbers', 'readiness-twilio-trunk-no-origination']);
    });

    it('a BYOC trunk whose policy has only a disabled target; enabling it clears the warning', async () => {
      const policy = await h.twilio.connectionPolicies.create({ friendly_name: 'carrier' });
      const target = await h.twilio.connectionPolicyTargets.create(policy.sid, { target: 'sip:carrier.example.com', enabled: false });
      const byoc = await h.twilio.byocTrunks.create({ friendly_name: 'B', voice_url: 'https://example.com/voice', connection_policy_sid: policy.sid });
      const text = documentText('TwilioByocTrunk', { friendly_name: 'B' }, byoc.sid);
      const ds = await remoteWarnings(text);
      assert.deepEqual(codes(ds), ['readiness-byoc-trunk-policy-without-target']);
      assert.match(ds[0]!.message, /no enabled target/);
      await h.twilio.connectionPolicyTargets.update(policy.sid, target.sid, { enabled: true });
      assert.deepEqual(await remoteWarnings(text), []);
    });

    it('a CarrierX group whose trunk\'s endpoint has no address, and no DID assigned', async () => {
      const endpoint = await h.carrierx.endpoints.create({ name: 'pbx', type: 'third_party', addresses: [] });
      const group = await h.carrierx.trunkGroups.create({ name: 'G', trunks: [{ name: 'a', endpoint_sid: endpoint.endpoint_sid }] });
      const text = documentText('CarrierXTrunkGroup', { name: 'G' }, group.trunk_group_sid);
      const ds = await remoteWarnings(text);
      assert.deepEqual(codes(ds), ['readiness-carrierx-endpoint-no-address', 'readiness-carrierx-group-no-numbers']);
      assert.match(ds.find((d) => d.code === 'readiness-carrierx-endpoint-no-address')!.message, /^Trunk "a": its endpoint has no address\./);
    });
  });
});
