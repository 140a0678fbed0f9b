import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applyPlan } from '../../../../../src/core/documents/apply/apply-plan';
import { secretRequestsOf } from '../../../../../src/core/documents/apply/secret-requests';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { documentKind } from '../../../../../src/core/documents/kinds/document-kinds';
import type { DocumentPlan } from '../../../../../src/core/documents/plan/document-plan';
import { formatPlanLines } from '../../../../../src/core/documents/plan/format-plan';
import { planDocument } from '../../../../../src/core/documents/plan/plan-documents';
import { exportedFileText } from '../../../../../src/core/documents/render/export-resources';
import { remoteFingerprint } from '../../../../../src/core/documents/sync/remote-fingerprint';
import { collect } from '../../../../../src/core/providers/page';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

// A CarrierX third_party endpoint in a trunk file: created with its addresses by one push, its
// SIP passwords given by the caller (never in the file, the plan, the render or the fingerprint),
// kept when an edit sends the addresses again, and asked for again only when a username changes.

const uri = 'file:///endpoints.trunk.yaml';
const OUT_PASSWORD = 'Out-c4n4ry-pw-1';
const ADDRESS_PASSWORD = 'Addr-c4n4ry-pw-2';

async function planOf(h: SyncHarness, spec: object, sid?: string): Promise<DocumentPlan> {
  const outcome = await planDocument(uri, validDocument(documentText('CarrierXEndpoint', spec, sid)), h.clients);
  assert.equal(outcome.status, 'planned', JSON.stringify(outcome));
  return (outcome as { plan: DocumentPlan }).plan;
}

const spec = {
  name: 'PBX east',
  capacity: 20,
  out_sip_username: 'carrierx-out',
  addresses: [
    { ip: '192.0.2.10', port: 5060, transport: 'udp', sip_username: 'pbx-east' },
    { ip: 'pbx-east.example.com', port: 5061, transport: 'tls', srtp: true },
  ],
};

describe('CarrierXEndpoint documents', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(async () => h?.close());
  beforeEach(async () => h.emu.reset());

  /** Creates `spec`'s endpoint with both passwords given; returns its sid. */
  async function created(): Promise<string> {
    const plan = await planOf(h, spec);
    const [outRequest, addressRequest] = secretRequestsOf([plan]);
    const result = await applyPlan(plan, h.clients, {
      secrets: new Map([
        [outRequest!.key, OUT_PASSWORD],
        [addressRequest!.key, ADDRESS_PASSWORD],
      ]),
    });
    assert.equal(result.status, 'applied', result.message);
    return result.sid!;
  }

  it('asks for a password per username it sets, named by a documented environment variable, and the plan holds none', async () => {
    const plan = await planOf(h, spec);
    assert.deepEqual(
      secretRequestsOf([plan]).map((r) => [r.envVar, r.what]),
      [
        ['TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_CARRIERX_OUT', 'the SIP password of carrierx-out at endpoint "PBX east"'],
        ['TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_PBX_EAST', 'the SIP password of pbx-east at endpoint "PBX east"'],
      ],
    );
    assert.equal(plan.operations[0]!.description, 'Create endpoint "PBX east" with 2 addresses');
    assert.match(formatPlanLines(plan).join('\n'), /out_sip_password: \(unset\) → "secret TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_CARRIERX_OUT"$/m);
  });

  it('sends nothing when a password was not given, and says which variable holds it', async () => {
    const plan = await planOf(h, spec);
    const result = await applyPlan(plan, h.clients);
    assert.equal(result.status, 'failed');
    assert.match(result.message, /the SIP password of carrierx-out at endpoint "PBX east" was not given .*TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_CARRIERX_OUT/);
    assert.equal(h.emu.stats.count('POST', '/core/v2/endpoints'), 0);
  });

  it('creates the endpoint with its addresses and the given passwords; the file, render and fingerprint never show them', async () => {
    const sid = await created();
    assert.equal(h.emu.stats.count('POST', '/core/v2/endpoints'), 1);
    const endpoint = await h.carrierx.endpoints.fetch(sid);
    assert.equal(endpoint.type, 'third_party');
    assert.equal(endpoint.capacity, 20);
    assert.equal(endpoint.out_sip_username, 'carrierx-out');
    assert.equal(endpoint.out_sip_password, OUT_PASSWORD);
    const byIp = new Map(endpoint.addresses.map((a) => [a.ip, a]));
    assert.equal(byIp.get('192.0.2.10')?.sip_password, ADDRESS_PASSWORD);
    assert.equal(byIp.get('pbx-east.example.com')?.transport, 'tls');
    assert.equal(byIp.get('pbx-east.example.com')?.sip_password, null);

    const state = await documentKind('CarrierXEndpoint').fetch.bySid('sandbox', sid, h.clients, {});
    const text = exportedFileText('sandbox', state);
    for (const leak of [text, JSON.stringify(remoteFingerprint(state))]) {
      assert.ok(!leak.includes(OUT_PASSWORD) && !leak.includes(ADDRESS_PASSWORD), leak);
    }
    assert.doesNotMatch(text, /password/);
    // In sync: passwords are not compared, and nothing is asked for again.
    const again = await planOf(h, spec, sid);
    assert.deepEqual(again.operations, []);
    const exported = await planDocument(uri, validDocument(text), h.clients);
    assert.equal(exported.status, 'planned');
    assert.deepEqual((exported as { plan: DocumentPlan }).plan.operations, [], 'the exported file plans in sync');
  });

  it('an added address sends them all again, keeping the passwords CarrierX has; a removed one goes', async () => {
    const sid = await created();
    const edited = { ...spec, addresses: [spec.addresses[0], { ip: '198.51.100.7' }] };
    const plan = await planOf(h, edited, sid);
    assert.deepEqual(plan.operations.map((o) => o.description), ['Update endpoint: add address 198.51.100.7:5060, remove address pbx-east.example.com:5061']);
    assert.deepEqual(secretRequestsOf([plan]), [], 'no new username: no password asked for');
    assert.equal((await applyPlan(plan, h.clients)).status, 'applied');
    const endpoint = await h.carrierx.endpoints.fetch(sid);
    assert.deepEqual(endpoint.addresses.map((a) => [a.ip, a.sip_username ?? null, a.sip_password ?? null]).sort(), [
      ['192.0.2.10', 'pbx-east', ADDRESS_PASSWORD],
      ['198.51.100.7', null, null],
    ]);
    assert.equal(endpoint.out_sip_password, OUT_PASSWORD, 'untouched');
    assert.deepEqual((await planOf(h, edited, sid)).operations, []);
  });

  it('a changed username needs its new password; clearing the out username clears its password', async () => {
    const sid = await created();
    const edited = { ...spec, out_sip_username: null, addresses: [{ ...spec.addresses[0], sip_username: 'pbx-east-2' }, spec.addresses[1]] };
    const plan = await planOf(h, edited, sid);
    const requests = secretRequestsOf([plan]);
    assert.deepEqual(requests.map((r) => r.envVar), ['TRUNKLINE_ENDPOINT_SIP_PASSWORD_PBX_EAST_PBX_EAST_2']);
    assert.equal((await applyPlan(plan, h.clients, { secrets: new Map([[requests[0]!.key, 'New-pw-3']]) })).status, 'applied');
    const endpoint = await h.carrierx.endpoints.fetch(sid);
    assert.equal(endpoint.out_sip_username, null);
    assert.equal(endpoint.out_sip_password, null);
    assert.equal(endpoint.addresses.find((a) => a.ip === '192.0.2.10')?.sip_password, 'New-pw-3');
  });

  it('refuses to manage an endpoint that is not third_party', async () => {
    const gateway = (await collect(h.carrierx.endpoints.list())).find((e) => e.type === 'system_gateway');
    assert.ok(gateway, 'the emulator gives every partner a System Gateway');
    const outcome = await planDocument(uri, validDocument(documentText('CarrierXEndpoint', { name: 'x' }, gateway.endpoint_sid)), h.clients);
    assert.equal(outcome.status, 'refused');
    assert.match((outcome as { refusal: { message: string } }).refusal.message, /is a system_gateway endpoint; CarrierXEndpoint documents manage third_party endpoints only/);
  });

  it('a password in the file is an error at its key; so is an address listed twice', () => {
    const diagnostics = parseTrunkFile(
      documentText('CarrierXEndpoint', {
        name: 'Leaky',
        out_sip_password: 'hunter2-Secret',
        addresses: [{ ip: '192.0.2.1', sip_password: 'x' }, { ip: '192.0.2.1', port: 5060 }],
      }),
    ).diagnostics;
    const secrets = diagnostics.filter((d) => d.code === 'password-in-file');
    assert.equal(secrets.length, 2, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.ok(secrets.every((d) => d.severity === 'error' && /passwords never go in trunk files.*TRUNKLINE_ENDPOINT_SIP_PASSWORD_<ENDPOINT>_<USERNAME>/.test(d.message)));
    assert.ok(secrets.every((d) => d.message.includes('Set SIP Password…') && !d.message.includes('Set Credential Password') && !d.message.includes('TRUNKLINE_SIP_PASSWORD_')), 'the endpoint\'s own command and variable, not the credential list\'s');
    assert.ok(diagnostics.every((d) => !d.message.includes('hunter2')), 'the value is never repeated');
    assert.equal(diagnostics.filter((d) => d.code === 'duplicate-address').length, 1);
  });
});
