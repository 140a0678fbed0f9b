import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import type { DocumentPlan } from '../../../../../src/core/documents/plan/document-plan';
import { exportedFileText } from '../../../../../src/core/documents/render/export-resources';
import { documentKind } from '../../../../../src/core/documents/kinds/document-kinds';
import { collect } from '../../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

// A BYOC connection policy in a trunk file: created with its targets by one push, then kept to
// exactly the file's targets (matched by SIP URI), and exported back to a file that plans in sync.

const uri = 'file:///routes.trunk.yaml';

async function planOf(h: SyncHarness, spec: object, sid?: string): Promise<DocumentPlan> {
  const outcome = await planDocument(uri, validDocument(documentText('TwilioConnectionPolicy', spec, sid)), h.clients);
  assert.equal(outcome.status, 'planned', JSON.stringify(outcome));
  return (outcome as { plan: DocumentPlan }).plan;
}

async function push(h: SyncHarness, spec: object, sid?: string): Promise<{ sid: string; plan: DocumentPlan }> {
  const plan = await planOf(h, spec, sid);
  const result = await applyPlan(plan, h.clients);
  assert.equal(result.status, 'applied', result.message);
  return { sid: result.sid!, plan };
}

describe('TwilioConnectionPolicy documents', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(async () => h?.close());

  const spec = {
    friendly_name: 'Carrier A routes',
    targets: [
      { friendly_name: 'primary', target: 'sip:pbx-a.example.com:5060', priority: 1, weight: 30, enabled: true },
      { friendly_name: 'backup', target: 'sip:pbx-b.example.com', priority: 2, enabled: false },
    ],
  };

  it('creates the policy and each target in one push, with the file\'s priority, weight and enabled', async () => {
    const { sid, plan } = await push(h, spec);
    assert.deepEqual(
      plan.operations.map((o) => o.description),
      ['Create connection policy "Carrier A routes"', 'Add target sip:pbx-a.example.com:5060', 'Add target sip:pbx-b.example.com'],
    );
    assert.match(sid, /^NY[0-9a-f]{32}$/);
    const policy = await h.twilio.connectionPolicies.fetch(sid);
    assert.equal(policy.friendly_name, 'Carrier A routes');
    const targets = (await collect(h.twilio.connectionPolicyTargets.list(sid))).sort((a, b) => a.priority - b.priority);
    assert.deepEqual(
      targets.map((t) => [t.friendly_name, t.target, t.priority, t.weight, t.enabled]),
      [
        ['primary', 'sip:pbx-a.example.com:5060', 1, 30, true],
        // weight left out: Twilio's default
        ['backup', 'sip:pbx-b.example.com', 2, 10, false],
      ],
    );
    assert.deepEqual((await planOf(h, spec, sid)).operations, [], 'pushed: in sync');
  });

  it('keeps exactly the file\'s targets: adds first, then changes, then removes (the trunks always have somewhere to send calls)', async () => {
    const { sid } = await push(h, { ...spec, friendly_name: 'Exact set' });
    const edited = {
      friendly_name: 'Exact set (renamed)',
      targets: [
        // matched ignoring case: the same target, its spelling and weight changed
        { friendly_name: 'primary', target: 'sip:PBX-A.example.com:5060', priority: 1, weight: 50, enabled: true },
        { friendly_name: 'new', target: 'sip:pbx-c.example.com', priority: 3 },
      ],
    };
    const plan = await planOf(h, edited, sid);
    assert.deepEqual(
      plan.operations.map((o) => o.description),
      [
        'Update connection policy fields: friendly_name',
        'Add target sip:pbx-c.example.com',
        'Update target sip:PBX-A.example.com:5060',
        'Remove target sip:pbx-b.example.com',
      ],
    );
    assert.deepEqual(plan.operations[2]!.changes, [
      { field: 'target', from: 'sip:pbx-a.example.com:5060', to: 'sip:PBX-A.example.com:5060' },
      { field: 'weight', from: 30, to: 50 },
    ]);
    assert.equal((await applyPlan(plan, h.clients)).status, 'applied');
    const targets = await collect(h.twilio.connectionPolicyTargets.list(sid));
    assert.deepEqual(targets.map((t) => [t.target, t.weight]).sort(), [
      ['sip:PBX-A.example.com:5060', 50],
      ['sip:pbx-c.example.com', 10],
    ]);
    assert.deepEqual((await planOf(h, edited, sid)).operations, []);
  });

  it('exports a policy with its targets to a file that plans in sync', async () => {
    const { sid } = await push(h, { ...spec, friendly_name: 'Exported' });
    const state = await documentKind('TwilioConnectionPolicy').fetch.bySid('sandbox', sid, h.clients, {});
    const text = exportedFileText('sandbox', state);
    assert.match(text, /kind: TwilioConnectionPolicy/);
    assert.match(text, /target: sip:pbx-b\.example\.com/);
    assert.doesNotMatch(text, /date_created|account_sid|url:/, 'only what a file may set');
    const outcome = await planDocument(uri, validDocument(text), h.clients);
    assert.equal(outcome.status, 'planned');
    assert.deepEqual((outcome as { plan: DocumentPlan }).plan.operations, []);
  });

  it('refuses a sips: target and a target listed twice, at the value', () => {
    const diagnostics = parseTrunkFile(
      documentText('TwilioConnectionPolicy', {
        friendly_name: 'Bad',
        targets: [{ target: 'sips:secure.example.com' }, { target: 'sip:a.example.com' }, { target: 'SIP:A.example.com' }],
      }),
    ).diagnostics;
    const pattern = diagnostics.find((d) => d.message.includes('sips: is not supported'));
    assert.ok(pattern, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(pattern.severity, 'error');
    const duplicate = diagnostics.filter((d) => d.code === 'duplicate-target');
    assert.equal(duplicate.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.match(duplicate[0]!.message, /listed twice/);
  });
});
