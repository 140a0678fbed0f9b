import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { replaceDocumentSpec } from '../../../../../src/core/documents/edit/replace-document-spec';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';

const FIRST = `# Production trunk
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme-prod   # the prod account
sid: TK0123456789abcdef0123456789abcdef
spec:
  # Shown in the console.
  friendly_name: Old name  # rename me
  domain_name: acme-main.pstn.twilio.com
  secure: false
  origination_urls:
    # Primary
    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 5, enabled: true }
    # To be removed
    - { friendly_name: pbx-c, sip_url: "sip:pbx-c.example.com", priority: 10, weight: 5, enabled: true }
  phone_numbers:
    - "+14155550100"  # main line
    - "+14155550199"
`;
const SECOND = `apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: acme-prod
spec: { friendly_name: untouched }
`;
const FILE = `${FIRST}---\n${SECOND}`;

const REMOTE = {
  friendly_name: 'Acme main',
  domain_name: 'acme-main.pstn.twilio.com',
  transfer_mode: 'sip-only',
  secure: true,
  recording: { mode: 'record-from-answer', trim: 'trim-silence' },
  origination_urls: [
    { friendly_name: 'pbx-a', sip_url: 'sip:pbx-a.example.com', priority: 10, weight: 10, enabled: true },
    { friendly_name: 'pbx-b', sip_url: 'sip:pbx-b.example.com', priority: 20, weight: 10, enabled: true },
  ],
  phone_numbers: ['+14155550100', '+14155550101'],
};

function pull(text: string, index: number, spec: object): string {
  return applyTextEdits(text, replaceDocumentSpec(text, index, spec));
}

describe('replaceDocumentSpec', () => {
  test('Pull keeps the comments of surviving keys and items, and changes only what differs', () => {
    const result = pull(FILE, 0, REMOTE);
    assert.equal(
      result,
      `# Production trunk
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme-prod   # the prod account
sid: TK0123456789abcdef0123456789abcdef
spec:
  # Shown in the console.
  friendly_name: Acme main  # rename me
  domain_name: acme-main.pstn.twilio.com
  transfer_mode: sip-only
  secure: true
  recording: { mode: record-from-answer, trim: trim-silence }
  origination_urls:
    # Primary
    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 10, enabled: true }
    # To be removed
    - { friendly_name: pbx-b, sip_url: sip:pbx-b.example.com, priority: 20, weight: 10, enabled: true }
  phone_numbers:
    - "+14155550100"  # main line
    - "+14155550101"
---
${SECOND}`,
    );
    assert.deepEqual(parseTrunkFile(result).documents[0]?.spec, REMOTE);
  });

  test('other documents stay byte-identical and the edits stay inside the document', () => {
    const edits = replaceDocumentSpec(FILE, 0, REMOTE);
    const end = FILE.indexOf('---\n');
    assert.ok(edits.every((e) => e.end <= end));
    assert.ok(pull(FILE, 0, REMOTE).endsWith(`---\n${SECOND}`));
    const second = pull(FILE, 1, { friendly_name: 'changed' });
    assert.ok(second.startsWith(`${FIRST}---\n`));
    assert.match(second, /spec: \{ friendly_name: changed \}/);
  });

  test('no change, no edit', () => {
    const spec = parseTrunkFile(FILE).documents[0]?.spec;
    assert.ok(spec);
    assert.deepEqual(replaceDocumentSpec(FILE, 0, spec), []);
  });

  test('keys that are gone are removed; a list emptied becomes []', () => {
    const result = pull(FILE, 0, { friendly_name: 'Old name', phone_numbers: [] });
    assert.equal(
      result.slice(0, result.indexOf('---')),
      `# Production trunk
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme-prod   # the prod account
sid: TK0123456789abcdef0123456789abcdef
spec:
  # Shown in the console.
  friendly_name: Old name  # rename me
  phone_numbers: []
`,
    );
  });

  test('a document without spec gets one; an empty spec is filled', () => {
    const text = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\n';
    assert.equal(pull(text, 0, { secure: true }), `${text}spec:\n  secure: true\n`);
    assert.equal(pull(`${text}spec: {}\n`, 0, { secure: true, phone_numbers: ['+14155550100'] }), `${text}spec: { secure: true, phone_numbers: [ "+14155550100" ] }\n`);
  });

  test('CarrierX trunks are matched by trunk_sid, then by name', () => {
    const text = `apiVersion: trunkline/v1
kind: CarrierXTrunkGroup
account: cx
spec:
  trunks:
    # East
    - name: east
      trunk_sid: 4c51c85c-5355-4a91-bf1e-f33d731bcfa9
      in_capacity: 10   # busy hour
    - name: west
      in_capacity: 5
`;
    const result = pull(text, 0, {
      trunks: [
        { name: 'east', trunk_sid: '4c51c85c-5355-4a91-bf1e-f33d731bcfa9', in_capacity: 20 },
        { name: 'west', in_capacity: 5, codec: null },
      ],
    });
    assert.equal(
      result,
      `apiVersion: trunkline/v1
kind: CarrierXTrunkGroup
account: cx
spec:
  trunks:
    # East
    - name: east
      trunk_sid: 4c51c85c-5355-4a91-bf1e-f33d731bcfa9
      in_capacity: 20   # busy hour
    - name: west
      in_capacity: 5
      codec: null
`,
    );
  });

  test('CRLF files keep CRLF', () => {
    const text = 'apiVersion: trunkline/v1\r\nkind: TwilioTrunk\r\naccount: a\r\nspec:\r\n  secure: false\r\n';
    assert.equal(pull(text, 0, { secure: true, transfer_mode: 'sip-only' }), 'apiVersion: trunkline/v1\r\nkind: TwilioTrunk\r\naccount: a\r\nspec:\r\n  secure: true\r\n  transfer_mode: sip-only\r\n');
  });

  test('whatever the edits, the result holds exactly the new spec', () => {
    const specs: object[] = [
      {},
      { origination_urls: [] },
      { recording: { mode: 'do-not-record' } },
      { phone_numbers: ['+14155550111', '+14155550100', '+14155550112'] },
      { origination_urls: [{ friendly_name: 'z', sip_url: 'sip:z.example.com', priority: 1, weight: 1, enabled: false }] },
      { friendly_name: null, secure: false, phone_numbers: ['+14155550199'] },
    ];
    for (const spec of specs) {
      const result = pull(FILE, 0, spec);
      assert.deepEqual(parseTrunkFile(result).documents[0]?.spec, spec, JSON.stringify(spec));
      assert.ok(result.endsWith(`---\n${SECOND}`));
    }
  });
});
