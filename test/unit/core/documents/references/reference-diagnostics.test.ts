import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';
import { parseTrunkFile, type TrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';
import { planDocuments } from '../../../../../src/core/documents/plan/plan-documents';
import type { ReferableResource } from '../../../../../src/core/documents/references/document-reference';
import { referenceDiagnostics } from '../../../../../src/core/documents/references/reference-diagnostics';
import { ReferenceListings } from '../../../../../src/core/documents/references/reference-listings';
import { WorkspaceReferables } from '../../../../../src/core/documents/references/workspace-referables';
import { documentText, startSyncHarness, validDocument, type SyncHarness } from '../../../../support/sync-harness';

// The live diagnostics of reference entries (issues 14 and 17): computed while typing from the
// workspace's documents and the account's last listing, never a request; an account not listed
// yet gives no "unknown".

const ACL_A = `AL${'a'.repeat(32)}`;
const ACL_B = `AL${'b'.repeat(32)}`;
const ACL_C = `AL${'c'.repeat(32)}`;

const TRUNK = ['apiVersion: trunkline/v1', 'kind: TwilioTrunk', 'account: acme', 'spec:', '  friendly_name: Main', '  ip_access_control_lists:', '    - Ofice', '    - Lab', ''].join('\n');

function diagnosticsOf(text: string, workspace: WorkspaceReferables, listed: (account: string, kind: TrunkKind) => readonly ReferableResource[] | undefined) {
  const file = parseTrunkFile(text);
  return { file, diagnostics: file.documents.flatMap((d) => referenceDiagnostics(d, file.lines, workspace.all(), listed)) };
}

const onlyAcls = (resources: ReferableResource[]) => (_account: string, kind: TrunkKind) => (kind === 'TwilioIpAccessControlList' ? resources : undefined);
const textAt = (file: TrunkFile, range: { start: { offset: number }; end: { offset: number } }) => file.text.slice(range.start.offset, range.end.offset);

describe('live reference diagnostics', () => {
  it('an unknown name once the account is listed: an error at the entry, "did you mean", and a fix that clears it', () => {
    const listed = onlyAcls([
      { sid: ACL_A, name: 'Office' },
      { sid: ACL_B, name: 'Lab' },
    ]);
    const { file, diagnostics } = diagnosticsOf(TRUNK, new WorkspaceReferables(), listed);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics as [(typeof diagnostics)[number]];
    assert.equal(d.severity, 'error');
    assert.equal(d.code, 'unknown-reference');
    assert.equal(textAt(file, d.range), 'Ofice');
    assert.match(d.message, /No IP access control list named "Ofice" in account acme or in the workspace's trunk files\. Did you mean "Office"\?/);
    assert.deepEqual(d.fixes?.map((f) => f.title), ['Change to "Office"', 'Create a TwilioIpAccessControlList document named "Ofice" in this file']);
    const fixed = applyTextEdits(TRUNK, d.fixes![0]!.edits);
    assert.match(fixed, /- Office\n {4}- Lab/);
    assert.deepEqual(diagnosticsOf(fixed, new WorkspaceReferables(), listed).diagnostics, []);
  });

  it('an unknown name with no close one lists the names there are; its fix adds a document of that name to the file, and the name then resolves', () => {
    const text = TRUNK.replace('Ofice', 'Warehouse');
    const listed = onlyAcls([{ sid: ACL_B, name: 'Lab' }]);
    const { diagnostics } = diagnosticsOf(text, new WorkspaceReferables(), listed);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /named "Warehouse".*\(there are "Lab"\)/);
    assert.deepEqual(diagnostics[0]!.fixes?.map((f) => f.title), ['Create a TwilioIpAccessControlList document named "Warehouse" in this file']);
    const fixed = applyTextEdits(text, diagnostics[0]!.fixes![0]!.edits);
    assert.ok(fixed.endsWith('---\napiVersion: trunkline/v1\nkind: TwilioIpAccessControlList\naccount: acme\nspec:\n  friendly_name: Warehouse\n'), fixed);
    const file = parseTrunkFile(fixed);
    assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), [], 'the new document is valid');
    const workspace = new WorkspaceReferables();
    workspace.update('file:///ws/t.trunk.yaml', file);
    assert.deepEqual(diagnosticsOf(fixed, workspace, listed).diagnostics, []);
  });

  it('says nothing about an account not listed yet (it may have the name)', () => {
    assert.deepEqual(diagnosticsOf(TRUNK, new WorkspaceReferables(), () => undefined).diagnostics, []);
  });

  it("resolves a name a workspace document defines, created or not, in this file or another", () => {
    const workspace = new WorkspaceReferables();
    workspace.update('file:///ws/lists.trunk.yaml', parseTrunkFile(documentText('TwilioIpAccessControlList', { friendly_name: 'Ofice', ip_addresses: [] }).replace('sandbox', 'acme')));
    assert.deepEqual(diagnosticsOf(TRUNK, workspace, onlyAcls([{ sid: ACL_B, name: 'Lab' }])).diagnostics, []);
  });

  it('ignores a list of the same name in another account', () => {
    const workspace = new WorkspaceReferables();
    workspace.update('file:///ws/lists.trunk.yaml', parseTrunkFile(documentText('TwilioIpAccessControlList', { friendly_name: 'Ofice', ip_addresses: [] })));
    assert.equal(diagnosticsOf(TRUNK, workspace, onlyAcls([{ sid: ACL_B, name: 'Lab' }])).diagnostics.length, 1);
  });

  it('a name two lists of the account have: an error naming both, whatever the workspace says', () => {
    const listed = onlyAcls([
      { sid: ACL_A, name: 'Lab' },
      { sid: ACL_B, name: 'Lab' },
      { sid: ACL_C, name: 'Ofice' },
    ]);
    const { file, diagnostics } = diagnosticsOf(TRUNK, new WorkspaceReferables(), listed);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'ambiguous-reference');
    assert.equal(textAt(file, diagnostics[0]!.range), 'Lab');
    assert.match(diagnostics[0]!.message, new RegExp(`"Lab" names 2 IP access control lists: ${ACL_A} \\(in the account\\); ${ACL_B} \\(in the account\\)\\. Write the sid`));
  });

  it('a name two workspace documents give: an error naming both documents, even before the account is listed', () => {
    const workspace = new WorkspaceReferables();
    const list = (name: string) => documentText('TwilioIpAccessControlList', { friendly_name: name, ip_addresses: [] }).replace('sandbox', 'acme');
    workspace.update('file:///ws/a.trunk.yaml', parseTrunkFile(`${list('Lab')}---\n${list('Ofice')}`));
    workspace.update('file:///ws/b.trunk.yaml', parseTrunkFile(list('Lab')));
    const { diagnostics } = diagnosticsOf(TRUNK, workspace, () => undefined);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /"Lab" names 2 IP access control lists: file:\/\/\/ws\/a\.trunk\.yaml document 1 \(not created yet\); file:\/\/\/ws\/b\.trunk\.yaml document 1 \(not created yet\)/);
  });

  it('a document with the sid of an account list stands for it: one list, not two', () => {
    const workspace = new WorkspaceReferables();
    workspace.update('file:///ws/a.trunk.yaml', parseTrunkFile(documentText('TwilioIpAccessControlList', { friendly_name: 'Lab', ip_addresses: [] }, ACL_B).replace('sandbox', 'acme')));
    assert.deepEqual(diagnosticsOf(TRUNK.replace('Ofice', 'Lab2'), workspace, onlyAcls([{ sid: ACL_B, name: 'Lab' }, { sid: ACL_A, name: 'Lab2' }])).diagnostics, []);
  });

  it('takes a sid as it is', () => {
    assert.deepEqual(diagnosticsOf(TRUNK.replace('Ofice', ACL_C), new WorkspaceReferables(), onlyAcls([{ sid: ACL_B, name: 'Lab' }])).diagnostics, []);
  });

  it("checks a BYOC trunk's connection_policy and a CarrierX trunk's endpoint, at the value", () => {
    const byoc = ['apiVersion: trunkline/v1', 'kind: TwilioByocTrunk', 'account: acme', 'spec:', '  friendly_name: Carrier', '  connection_policy: Carier policy', ''].join('\n');
    const policies = (_a: string, kind: TrunkKind) => (kind === 'TwilioConnectionPolicy' ? [{ sid: `NY${'a'.repeat(32)}`, name: 'Carrier policy' }] : undefined);
    const b = diagnosticsOf(byoc, new WorkspaceReferables(), policies);
    assert.equal(b.diagnostics.length, 1);
    assert.equal(textAt(b.file, b.diagnostics[0]!.range), 'Carier policy');
    assert.match(b.diagnostics[0]!.message, /No connection policy named "Carier policy".*Did you mean "Carrier policy"\?/);

    const group = ['apiVersion: trunkline/v1', 'kind: CarrierXTrunkGroup', 'account: acme', 'spec:', '  name: Group', '  trunks:', '    - name: primary', '      endpoint: edge-sip', ''].join('\n');
    const endpoints = (_a: string, kind: TrunkKind) => (kind === 'CarrierXEndpoint' ? [{ sid: '3f0ba54f-0b5c-4cb3-b2d0-0ca2f0d7a1a1', name: 'edge-sip-1' }] : undefined);
    const g = diagnosticsOf(group, new WorkspaceReferables(), endpoints);
    assert.equal(g.diagnostics.length, 1, JSON.stringify(g.diagnostics));
    assert.equal(textAt(g.file, g.diagnostics[0]!.range), 'edge-sip');
    assert.equal(g.diagnostics[0]!.fixes?.[0]?.edits[0]?.newText, 'edge-sip-1');
    assert.match(g.diagnostics[0]!.fixes?.[1]?.edits[0]?.newText ?? '', /kind: CarrierXEndpoint\naccount: acme\nspec:\n {2}name: edge-sip\n$/);
  });

  it("still checks the references of a document that has an error elsewhere (the user is typing)", () => {
    const { diagnostics } = diagnosticsOf(TRUNK.replace('  friendly_name: Main\n', '  friendly_name: Main\n  unknown_key: 1\n'), new WorkspaceReferables(), onlyAcls([{ sid: ACL_A, name: 'Office' }, { sid: ACL_B, name: 'Lab' }]));
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /"Ofice"/);
  });
});

describe('reference listings', () => {
  let h: SyncHarness;
  before(async () => {
    h = await startSyncHarness();
  });
  after(() => h.close());

  it('keep what a plan listed for a name, and tell listeners only when it changed', async () => {
    const listings = new ReferenceListings();
    const heard: string[] = [];
    listings.onDidChange((account, kind) => heard.push(`${account}/${kind}`));
    const text = documentText('TwilioTrunk', { friendly_name: 'T', domain_name: 'refs-live-t.pstn.twilio.com', ip_access_control_lists: ['Nobody has this name'] }, `TK${'f'.repeat(32)}`);
    await planDocuments([{ uri: 'file:///ws/t.trunk.yaml', document: validDocument(text) }], h.clients, { listings });
    const listed = listings.get('sandbox', 'TwilioIpAccessControlList');
    assert.ok(listed && listed.length > 0, 'the plan listed the account\'s IP access control lists');
    assert.equal(listings.get('sandbox', 'TwilioCredentialList'), undefined, 'a kind no entry names is not listed');
    assert.deepEqual(heard, ['sandbox/TwilioIpAccessControlList']);
    listings.set('sandbox', 'TwilioIpAccessControlList', [...listed].reverse());
    assert.equal(heard.length, 1, 'the same resources again: no news');
  });

  it('list in the background the names a document not created yet gives, once per account and kind, and never sids', async () => {
    const listings = new ReferenceListings();
    const mark = listings.mark();
    const trunk = validDocument(documentText('TwilioTrunk', { friendly_name: 'New', ip_access_control_lists: ['A', 'B'], credential_lists: [`CL${'a'.repeat(32)}`] }));
    await listings.listNamed([trunk], h.clients, mark);
    assert.ok(listings.get('sandbox', 'TwilioIpAccessControlList'));
    assert.equal(listings.get('sandbox', 'TwilioCredentialList'), undefined, 'a sid needs no listing');
    const before = listings.mark();
    await listings.listNamed([trunk], h.clients, mark);
    assert.equal(listings.mark(), before, 'listed since the mark: no second request');
  });

  it('keep the last listing when the account cannot be read', async () => {
    const listings = new ReferenceListings();
    listings.set('nowhere', 'TwilioIpAccessControlList', [{ sid: ACL_A, name: 'Office' }]);
    const trunk = validDocument(documentText('TwilioTrunk', { friendly_name: 'New', ip_access_control_lists: ['A'] }).replace('sandbox', 'nowhere'));
    await listings.listNamed([trunk], { ...h.clients, twilio: () => Promise.reject(new Error('offline')) }, 0);
    assert.deepEqual(listings.get('nowhere', 'TwilioIpAccessControlList'), [{ sid: ACL_A, name: 'Office' }]);
  });
});
