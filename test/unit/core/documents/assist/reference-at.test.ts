import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sipPasswordEnvVar } from '../../../../../src/core/documents/apply/secret-request';
import { referenceAt, referenceChoices, referenceHoverMarkdown } from '../../../../../src/core/documents/assist/reference-at';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { documentKind } from '../../../../../src/core/documents/kinds/document-kinds';
import { AccountReferences } from '../../../../../src/core/documents/references/account-references';

// What the editor's completion, hover and Go to Definition show at a reference entry, as data;
// the password rules of list documents; the CLI's variable name.

const AL_A = `AL${'a'.repeat(32)}`;
const AL_B = `AL${'b'.repeat(32)}`;
const TRUNK = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  friendly_name: Edge\n  ip_access_control_lists:\n    - Office\n    - "Lab "\n  credential_lists: [Users]\n';

describe('references in the editor', () => {
  it('finds the reference entry under the cursor, with the kind it names and its exact range', () => {
    const at = referenceAt(TRUNK, TRUNK.indexOf('Office') + 2);
    assert.deepEqual(at, { kind: 'TwilioIpAccessControlList', account: 'acme', value: 'Office', range: { start: TRUNK.indexOf('Office'), end: TRUNK.indexOf('Office') + 6 } });
    assert.equal(referenceAt(TRUNK, TRUNK.indexOf('Users') + 1)?.kind, 'TwilioCredentialList');
    assert.equal(referenceAt(TRUNK, TRUNK.indexOf('Edge')), undefined, 'friendly_name is no reference');
  });

  it("finds a field of a list's item: a CarrierX trunk's endpoint, and a BYOC trunk's connection_policy", () => {
    const group = 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: acme\nspec:\n  name: G\n  trunks:\n    - name: primary\n      endpoint: edge-sip\n';
    assert.deepEqual(referenceAt(group, group.indexOf('edge-sip') + 1), { kind: 'CarrierXEndpoint', account: 'acme', value: 'edge-sip', range: { start: group.indexOf('edge-sip'), end: group.indexOf('edge-sip') + 8 } });
    assert.equal(referenceAt(group, group.indexOf('primary') + 1), undefined, "a trunk's name is no reference");
    const byoc = 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: acme\nspec:\n  friendly_name: B\n  connection_policy: Carrier\n';
    assert.equal(referenceAt(byoc, byoc.indexOf('Carrier') + 1)?.kind, 'TwilioConnectionPolicy');
  });

  it("hovers a BYOC trunk's policy with its targets in the order Twilio tries them, each with its share of its priority", () => {
    const summary = documentKind('TwilioConnectionPolicy').referable!.summary({
      targets: [
        { target: 'sip:dr.example.com', priority: 20, weight: 10 },
        { target: 'sip:b.example.com', priority: 10, weight: 10 },
        { target: 'sip:off.example.com', priority: 10, weight: 50, enabled: false },
        { target: 'sip:a.example.com', priority: 10, weight: 30 },
      ],
    });
    assert.deepEqual(summary, [
      'sip:a.example.com (priority 10, weight 30, 75% of priority 10)',
      'sip:b.example.com (priority 10, weight 10, 25% of priority 10)',
      'sip:off.example.com (priority 10, weight 50, disabled)',
      'sip:dr.example.com (priority 20, weight 10, 100% of priority 20)',
    ]);
  });

  it("offers the account's and the workspace's names, a shared name as its sids, leaving out those listed", () => {
    const refs = new AccountReferences(
      'acme',
      new Map([
        [
          'TwilioIpAccessControlList',
          [
            { sid: AL_A, name: 'Twin' },
            { sid: AL_B, name: 'Twin' },
          ],
        ],
      ]),
      [{ uri: 'file:///w/new.trunk.yaml', index: 0, kind: 'TwilioIpAccessControlList', account: 'acme', sid: undefined, name: 'Office', spec: undefined }],
    );
    assert.deepEqual(referenceChoices(refs.candidates('TwilioIpAccessControlList'), []), [
      { value: 'Office', detail: 'not created yet · file:///w/new.trunk.yaml' },
      { value: AL_A, detail: `${AL_A} · in the account` },
      { value: AL_B, detail: `${AL_B} · in the account` },
    ]);
    assert.deepEqual(
      referenceChoices(refs.candidates('TwilioIpAccessControlList'), ['Office', AL_A]).map((c) => c.value),
      [AL_B],
    );
  });

  it('hovers with the resolved list and its addresses, or with the candidates of an ambiguous name', () => {
    const at = referenceAt(TRUNK, TRUNK.indexOf('Office'))!;
    const refs = new AccountReferences('acme', new Map([['TwilioIpAccessControlList', [{ sid: AL_A, name: 'Office' }]]]), []);
    assert.equal(referenceHoverMarkdown(at, refs.resolve(at.kind, 'Office'), 'acme', ['203.0.113.10/32 (pbx)']), `**IP access control list "Office"** \`${AL_A}\`\n\n- 203.0.113.10/32 (pbx)`);
    const twins = new AccountReferences('acme', new Map([['TwilioIpAccessControlList', [{ sid: AL_A, name: 'Office' }, { sid: AL_B, name: 'Office' }]]]), []);
    assert.match(referenceHoverMarkdown(at, twins.resolve(at.kind, 'Office'), 'acme', undefined), new RegExp(`names 2 IP access control lists:\\*\\*\\n\\n- ${AL_A} \\(in the account\\)\\n- ${AL_B} \\(in the account\\)`));
  });
});

describe('passwords never in list documents', () => {
  it('a password key in a credential is an error that says what to do instead', () => {
    const text = 'apiVersion: trunkline/v1\nkind: TwilioCredentialList\naccount: acme\nspec:\n  friendly_name: Users\n  credentials:\n    - { username: a, password: Hunter2-Hunter2 }\n';
    const [diagnostic] = parseTrunkFile(text).diagnostics;
    assert.equal(diagnostic?.code, 'password-in-file');
    assert.equal(diagnostic?.severity, 'error');
    assert.match(diagnostic!.message, /^password: passwords never go in trunk files.*TRUNKLINE_SIP_PASSWORD_<LIST>_<USERNAME>.*Set Credential Password/);
    assert.equal(diagnostic!.range.start.offset, text.indexOf('password'));
  });

  it('so is a secret-like key at the top of the spec of an IP list', () => {
    const text = 'apiVersion: trunkline/v1\nkind: TwilioIpAccessControlList\naccount: acme\nspec:\n  friendly_name: Office\n  sip_secret: x\n';
    assert.deepEqual(
      parseTrunkFile(text).diagnostics.map((d) => d.code),
      ['password-in-file'],
    );
  });

  it('names the CLI variable after the list and the username, upper case, other characters as _', () => {
    assert.equal(sipPasswordEnvVar('PBX users', 'pbx-a'), 'TRUNKLINE_SIP_PASSWORD_PBX_USERS_PBX_A');
    assert.equal(sipPasswordEnvVar('  Ünïcode / list ', 'a.b@c'), 'TRUNKLINE_SIP_PASSWORD_N_CODE_LIST_A_B_C');
  });
});
