import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import { computePlan } from '../../../../../src/core/documents/plan/compute-plan';
import type { DocumentPlan, PlanOutcome } from '../../../../../src/core/documents/plan/document-plan';
import { formatPlanLines } from '../../../../../src/core/documents/plan/format-plan';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

const URI = 'file:///work/acme.trunk.yaml';
const RULE = '4c51c85c-5355-4a91-bf1e-f33d731bcfa9';
const [N1, N2, N3, N4] = ['+14155550101', '+14155550102', '+14155550103', '+14155550104'];

function planned(outcome: PlanOutcome): DocumentPlan {
  if (outcome.status !== 'planned') assert.fail(`expected a plan, got: ${outcome.refusal.message}`);
  return outcome.plan;
}

describe('computePlan', () => {
  let h: SyncHarness;
  let pn: string[];
  before(async () => {
    h = await startSyncHarness();
  });
  beforeEach(async () => {
    await h.emu.reset();
    pn = await h.buyNumbers(N1, N2, N3, N4);
  });
  after(() => h.close());

  const plan = async (kind: Parameters<typeof documentText>[0], spec: object, sid?: string) => planDocument(URI, validDocument(documentText(kind, spec, sid)), h.clients);

  it('plans a new Twilio trunk as create, recording, origination URLs, then attaches (a move as detach there, attach here)', async () => {
    const other = await h.twilio.trunks.create({ friendly_name: 'Edge', domain_name: 'edge.pstn.twilio.com' });
    await h.twilio.trunkPhoneNumbers.attach(other.sid, pn[1]!);
    const result = planned(
      await plan('TwilioTrunk', {
        friendly_name: 'Acme main',
        domain_name: 'acme-main.pstn.twilio.com',
        secure: true,
        recording: { mode: 'record-from-answer', trim: 'do-not-trim' },
        origination_urls: [{ friendly_name: 'pbx-a', sip_url: 'sip:pbx-a.example.com', priority: 10, weight: 10, enabled: true }],
        phone_numbers: [N1, N2],
      }),
    );
    assert.deepEqual(formatPlanLines(result), [
      'Twilio trunk "Acme main" (sandbox): 6 changes',
      '  + Create Twilio trunk acme-main.pstn.twilio.com',
      '      friendly_name: (unset) → "Acme main"',
      '      domain_name: (unset) → "acme-main.pstn.twilio.com"',
      '      secure: (unset) → true',
      '  ~ Update recording',
      '      recording.mode: "do-not-record" → "record-from-answer"',
      '  + Add origination URL sip:pbx-a.example.com',
      '      weight: (unset) → 10',
      '      priority: (unset) → 10',
      '      enabled: (unset) → true',
      '      friendly_name: (unset) → "pbx-a"',
      '      sip_url: (unset) → "sip:pbx-a.example.com"',
      `  + Attach ${N1}`,
      `  - Detach ${N2} from trunk ${other.sid} "Edge" (moving it to this trunk)`,
      `  + Attach ${N2} (moved from trunk ${other.sid} "Edge")`,
    ]);
    const move = result.operations.filter((op) => op.type === 'twilio.number.detach' || op.type === 'twilio.number.attach').map((op) => ('move' in op ? op.move : undefined));
    assert.deepEqual(move, [undefined, { fromTrunkSid: other.sid, fromTrunkName: 'Edge' }, { fromTrunkSid: other.sid, fromTrunkName: 'Edge' }]);
  });

  it('updates only what differs on an existing trunk: fields, origination URLs by sip_url (any case), attach and detach', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Old', domain_name: 'acme.pstn.twilio.com', secure: false });
    const a = await h.twilio.originationUrls.create(trunk.sid, { friendly_name: 'a', sip_url: 'sip:A.example.com', priority: 10, weight: 10, enabled: true });
    const gone = await h.twilio.originationUrls.create(trunk.sid, { friendly_name: 'gone', sip_url: 'sip:gone.example.com', priority: 10, weight: 10, enabled: true });
    await h.twilio.trunkPhoneNumbers.attach(trunk.sid, pn[0]!);
    await h.twilio.trunkPhoneNumbers.attach(trunk.sid, pn[2]!);
    const result = planned(
      await plan(
        'TwilioTrunk',
        {
          friendly_name: 'New',
          secure: false,
          origination_urls: [
            { friendly_name: 'a', sip_url: 'sip:a.example.com', priority: 20, weight: 10, enabled: true },
            { friendly_name: 'b', sip_url: 'sip:b.example.com', priority: 10, weight: 10, enabled: false },
          ],
          phone_numbers: [N1, N2],
        },
        trunk.sid,
      ),
    );
    assert.deepEqual(
      result.operations.map((op) => [op.type, op.description]),
      [
        ['twilio.trunk.update', 'Update trunk fields: friendly_name'],
        ['twilio.originationUrl.create', 'Add origination URL sip:b.example.com'],
        ['twilio.originationUrl.update', 'Update origination URL sip:a.example.com'],
        ['twilio.originationUrl.delete', 'Remove origination URL sip:gone.example.com'],
        ['twilio.number.attach', `Attach ${N2}`],
        ['twilio.number.detach', `Detach ${N3}`],
      ],
    );
    assert.deepEqual(result.operations[0]!.changes, [{ field: 'friendly_name', from: 'Old', to: 'New' }]);
    assert.deepEqual(result.operations[2]!.changes, [
      { field: 'priority', from: 10, to: 20 },
      { field: 'sip_url', from: 'sip:A.example.com', to: 'sip:a.example.com' },
    ]);
    assert.deepEqual(result.operations[0]!.type === 'twilio.trunk.update' && result.operations[0]!.fields, { friendly_name: 'New' });
    assert.equal(result.operations[2]!.type === 'twilio.originationUrl.update' && result.operations[2]!.sid, a.sid);
    assert.equal(result.operations[3]!.type === 'twilio.originationUrl.delete' && result.operations[3]!.sid, gone.sid);
  });

  it('leaves absent keys alone, and makes a present empty list mean "none"', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'T', domain_name: 't.pstn.twilio.com' });
    await h.twilio.originationUrls.create(trunk.sid, { friendly_name: 'a', sip_url: 'sip:a.example.com', priority: 10, weight: 10, enabled: true });
    await h.twilio.trunkPhoneNumbers.attach(trunk.sid, pn[0]!);
    await h.twilio.recording.update(trunk.sid, { mode: 'record-from-ringing' });

    assert.deepEqual(planned(await plan('TwilioTrunk', { friendly_name: 'T' }, trunk.sid)).operations, []);
    const emptied = planned(await plan('TwilioTrunk', { origination_urls: [], phone_numbers: [] }, trunk.sid));
    assert.deepEqual(emptied.operations.map((op) => op.description), ['Remove origination URL sip:a.example.com', `Detach ${N1}`]);
    // Only the recording key the file names is managed.
    const trimOnly = planned(await plan('TwilioTrunk', { recording: { trim: 'trim-silence' } }, trunk.sid));
    assert.deepEqual(trimOnly.operations.map((op) => [op.type, op.changes]), [['twilio.recording.update', [{ field: 'recording.trim', from: 'do-not-trim', to: 'trim-silence' }]]]);
    assert.deepEqual(trimOnly.operations[0]!.type === 'twilio.recording.update' && trimOnly.operations[0]!.fields, { trim: 'trim-silence' });
  });

  it('treats null in the file and null remotely as equal, and a value versus null as a change', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'T', domain_name: 't.pstn.twilio.com' });
    assert.deepEqual(planned(await plan('TwilioTrunk', { disaster_recovery_url: null, friendly_name: 'T' }, trunk.sid)).operations, []);
    const set = planned(await plan('TwilioTrunk', { disaster_recovery_url: 'https://dr.example.com/twiml' }, trunk.sid));
    assert.deepEqual(set.operations[0]!.changes, [{ field: 'disaster_recovery_url', from: null, to: 'https://dr.example.com/twiml' }]);
  });

  it('refuses a number the account does not own, pointing at it in the file', async () => {
    const text = documentText('TwilioTrunk', { friendly_name: 'T', phone_numbers: [N1, '+14155550199'] });
    const outcome = await planDocument(URI, validDocument(text), h.clients);
    assert.equal(outcome.status, 'refused');
    if (outcome.status !== 'refused') return;
    assert.equal(outcome.refusal.reason, 'plan-errors');
    assert.equal(outcome.refusal.message, '+14155550199 is not a phone number of account sandbox. Buy or port it in Twilio first, or remove it from phone_numbers.');
    const [start, end] = outcome.refusal.errors[0]!.offsets!;
    assert.equal(text.slice(start, end), '"+14155550199"');
  });

  it('refuses an invalid document and one whose remote was deleted', async () => {
    const invalid = parseTrunkFile('apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  secure: maybe\n').documents[0]!;
    const refused = await computePlan(invalid, undefined, { uri: URI });
    assert.equal(refused.status === 'refused' && refused.refusal.message, 'This document has 1 error; fix it before pushing.');

    const trunk = await h.twilio.trunks.create({ friendly_name: 'Doomed' });
    await h.twilio.trunks.delete(trunk.sid);
    const missing = await plan('TwilioTrunk', { friendly_name: 'Doomed' }, trunk.sid);
    assert.equal(missing.status === 'refused' && missing.refusal.reason, 'remote-missing');
    assert.equal(
      missing.status === 'refused' && missing.refusal.message,
      `Twilio trunk "Doomed" (${trunk.sid}) no longer exists in account sandbox: it was deleted outside Trunkline. Remove the sid line to create it again, or delete this document.`,
    );
  });

  it('adopts the trunk that already owns the domain name instead of creating a second one', async () => {
    const existing = await h.twilio.trunks.create({ friendly_name: 'Half pushed', domain_name: 'acme-main.pstn.twilio.com' });
    const result = planned(await plan('TwilioTrunk', { friendly_name: 'Acme main', domain_name: 'acme-main.pstn.twilio.com' }));
    assert.deepEqual(
      result.operations.map((op) => op.description),
      [`Use the existing trunk ${existing.sid}, which already owns acme-main.pstn.twilio.com, and write its sid into the file`, 'Update trunk fields: friendly_name'],
    );
  });

  it('plans BYOC trunks: create with the writable fields, then only the fields that differ', async () => {
    const spec = { friendly_name: 'Carrier A', voice_url: 'https://pbx.example.com/voice', voice_method: 'POST', cnam_lookup_enabled: true };
    const created = planned(await plan('TwilioByocTrunk', spec));
    assert.deepEqual(created.operations.map((op) => [op.type, op.description]), [['twilio.byoc.create', 'Create BYOC trunk "Carrier A"']]);
    const trunk = await h.twilio.byocTrunks.create({ friendly_name: 'Carrier A', voice_url: 'https://pbx.example.com/old' });
    const updated = planned(await plan('TwilioByocTrunk', spec, trunk.sid));
    assert.deepEqual(updated.operations.map((op) => op.changes), [
      [
        { field: 'voice_url', from: 'https://pbx.example.com/old', to: 'https://pbx.example.com/voice' },
        { field: 'cnam_lookup_enabled', from: false, to: true },
      ],
    ]);
    // A same-named BYOC trunk is only a warning: names are not unique.
    assert.deepEqual(planned(await plan('TwilioByocTrunk', spec)).warnings, [
      `A BYOC trunk named "Carrier A" already exists (${trunk.sid}). If an interrupted push created it, put its sid in this document instead of creating another.`,
    ]);
  });

  it('plans CarrierX groups: create with trunks, then group fields and trunk add/change/remove, never read-only fields', async () => {
    const acl = { direction: 'inbound', access_control_rules: [RULE], voice_action_true: 'accept', sms_action_true: null };
    const spec = {
      name: 'EU edge',
      routing_type: 'round_robin',
      partner_sid: '5a4db0c0-0000-4000-8000-0000000000a1',
      trunks: [
        { name: 'trunk01', weight: 10, acls: [acl], in_rfc_4694_mode: 'cut_all' },
        { name: 'trunk02', weight: 20 },
      ],
    };
    const create = planned(await plan('CarrierXTrunkGroup', spec));
    assert.equal(create.operations.length, 1);
    const op = create.operations[0]!;
    assert.equal(op.description, 'Create trunk group "EU edge" with 2 trunks');
    assert.ok(op.type === 'carrierx.group.create');
    assert.deepEqual(op.fields, { name: 'EU edge', routing_type: 'round_robin' });
    assert.deepEqual(op.trunks, [
      { name: 'trunk01', acls: [{ access_control_rules: [RULE], direction: 'inbound', voice_action_true: 'accept' }], weight: 10 },
      { name: 'trunk02', weight: 20 },
    ]);

    const group = await h.carrierx.trunkGroups.create({ name: 'EU edge', routing_type: 'failover', trunks: [{ name: 'trunk01', weight: 5 }, { name: 'old', weight: 1 }] });
    const update = planned(await plan('CarrierXTrunkGroup', spec, group.trunk_group_sid));
    const [t01, old] = [group.trunks!.find((t) => t.name === 'trunk01')!, group.trunks!.find((t) => t.name === 'old')!];
    assert.deepEqual(
      update.operations.map((o) => [o.type, o.description]),
      [
        ['carrierx.group.update', 'Update trunk group fields: routing_type'],
        ['carrierx.trunk.create', 'Add trunk "trunk02"'],
        ['carrierx.trunk.update', `Update trunk "trunk01" (${t01.trunk_sid})`],
        ['carrierx.trunk.delete', `Remove trunk "old" (${old.trunk_sid})`],
      ],
    );
    assert.deepEqual(update.operations[2]!.changes.map((c) => c.field), ['acls', 'weight']);
  });

  it('matches CarrierX trunks by trunk_sid before name, and refuses a trunk_sid the group does not have', async () => {
    const group = await h.carrierx.trunkGroups.create({ name: 'G', trunks: [{ name: 'a' }, { name: 'b' }] });
    const a = group.trunks!.find((t) => t.name === 'a')!;
    // Renaming trunk "a" to "b" by its sid: "b" (by name) is then unmatched and removed.
    const renamed = planned(await plan('CarrierXTrunkGroup', { name: 'G', trunks: [{ trunk_sid: a.trunk_sid, name: 'b' }] }, group.trunk_group_sid));
    assert.deepEqual(renamed.operations.map((o) => o.type), ['carrierx.trunk.update', 'carrierx.trunk.delete']);
    assert.deepEqual(renamed.operations[0]!.changes, [{ field: 'name', from: 'a', to: 'b' }]);

    const unknown = await plan('CarrierXTrunkGroup', { name: 'G', trunks: [{ trunk_sid: '00000000-0000-4000-8000-000000000000' }] }, group.trunk_group_sid);
    assert.equal(unknown.status === 'refused' && unknown.refusal.message, 'Trunk 00000000-0000-4000-8000-000000000000 is not in this trunk group. Remove trunk_sid to create a new trunk, or correct it.');
  });

  for (const [kind, spec] of [
    ['TwilioTrunk', { friendly_name: 'Round trip', domain_name: 'round-trip.pstn.twilio.com', disaster_recovery_url: null, recording: { mode: 'record-from-answer' }, origination_urls: [{ friendly_name: 'a', sip_url: 'sip:a.example.com', priority: 10, weight: 10, enabled: true }], phone_numbers: [N4] }],
    ['TwilioByocTrunk', { friendly_name: 'Round trip', voice_url: null, voice_method: 'GET', from_domain_sid: null }],
    ['CarrierXTrunkGroup', { name: 'Round trip', acls: [{ direction: 'any', access_control_rules: [RULE] }], trunks: [{ name: 'x', codec: null, transformations: [{ action: 'strip' }] }] }],
  ] as const) {
    it(`is in sync right after applying a ${kind} plan`, async () => {
      const first = planned(await plan(kind, spec));
      let sid: string | undefined;
      const result = await applyPlan(first, h.clients, { onCreated: (s) => void (sid = s) });
      assert.equal(result.status, 'applied', result.message);
      assert.deepEqual(planned(await plan(kind, spec, sid)).operations, []);
    });
  }
});
