import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import type { TrunkDiagnostic } from '../../../../../src/core/documents/validate/trunk-diagnostic';
import { generateTrunkFile } from '../../../../fixtures/documents/generate-trunk-file';
import { rangeOf } from '../../../../support/text-position';

const fixtures = join(__dirname, '../../../../../../test/fixtures/documents');

const HEADER = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prod\n';

function only(text: string, code?: string): TrunkDiagnostic {
  const diagnostics = parseTrunkFile(text).diagnostics.filter((d) => code === undefined || d.code === code);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
  return diagnostics[0]!;
}

function lc(d: TrunkDiagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

describe('parseTrunkFile', () => {
  test('the realistic example file is valid, with typed specs for the three kinds', () => {
    const text = readFileSync(join(fixtures, 'acme-example.trunk.yaml'), 'utf8');
    const file = parseTrunkFile(text, { knownAccounts: ['acme-prod', 'acme-carrierx'] });
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(
      file.documents.map((d) => [d.index, d.kind, d.account, d.valid]),
      [
        [0, 'TwilioTrunk', 'acme-prod', true],
        [1, 'TwilioByocTrunk', 'acme-prod', true],
        [2, 'CarrierXTrunkGroup', 'acme-carrierx', true],
      ],
    );
    const [trunk, , group] = file.documents;
    assert.equal(trunk?.sid, 'TK0123456789abcdef0123456789abcdef');
    assert.ok(trunk?.kind === 'TwilioTrunk' && trunk.spec);
    assert.deepEqual(trunk.spec.phone_numbers, ['+14155550100', '+14155550101', '+14155550102']);
    assert.equal(trunk.spec.origination_urls?.[2]?.sip_url, 'sip:dr.acme.example.com:5060');
    assert.ok(group?.kind === 'CarrierXTrunkGroup' && group.spec);
    assert.equal(group.spec.trunks?.[1]?.in_capacity, -1);
    assert.equal(trunk.range.start.line, 2, 'a document starts at its first key, after leading comments');
  });

  test('an unknown key is reported at the key, with a did-you-mean', () => {
    const text = `${HEADER}spec:\n  secrue: true\n`;
    const d = only(text);
    assert.equal(d.code, 'unknown-key');
    assert.deepEqual(lc(d), rangeOf(text, 'secrue'));
    assert.equal(d.message, 'Unknown key secrue in spec. Did you mean secure?');
    assert.equal(d.severity, 'error');
    assert.equal(d.source, 'trunkline');
  });

  test('a wrong enum value is reported at the value with the allowed values', () => {
    const text = `${HEADER}spec:\n  transfer_mode: sip-onyl\n`;
    const d = only(text);
    assert.equal(d.code, 'invalid-value');
    assert.deepEqual(lc(d), rangeOf(text, 'sip-onyl'));
    assert.equal(d.message, 'transfer_mode must be one of disable-all, enable-all, sip-only. Did you mean sip-only?');
  });

  test('a missing required property is reported at the key of the object that lacks it', () => {
    const text = `${HEADER}spec:\n  origination_urls:\n    - friendly_name: pbx-a\n      sip_url: sip:pbx-a.example.com\n`;
    const d = only(text);
    assert.equal(d.code, 'missing-property');
    assert.equal(d.message, 'origination_urls[0] is missing the required properties priority, weight, enabled.');
    assert.deepEqual(lc(d), rangeOf(text, 'friendly_name: pbx-a'));
  });

  test('a document without spec is reported on its first line', () => {
    const text = HEADER;
    const d = only(text);
    assert.equal(d.message, 'The document is missing the required property spec.');
    assert.deepEqual(lc(d), rangeOf(text, 'apiVersion: trunkline/v1'));
  });

  test('limits: friendly_name length, weight range, capacities', () => {
    const long = 'x'.repeat(65);
    const text = `${HEADER}spec:\n  friendly_name: ${long}\n  origination_urls:\n    - { friendly_name: a, sip_url: "sip:a.example.com", priority: 70000, weight: 0, enabled: true }\n`;
    const diagnostics = parseTrunkFile(text).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, lc(d)]),
      [
        ['too-long', 'friendly_name is 65 characters long; the maximum is 64.', rangeOf(text, long)],
        ['out-of-range', 'priority must be between 0 and 65535; got 70000.', rangeOf(text, '70000')],
        ['out-of-range', 'weight must be between 1 and 65535; got 0.', shift(rangeOf(text, 'weight: 0'), 'weight: '.length)],
      ].map(([code, message, range]) => [code, message, range]),
    );
  });

  test('a BYOC friendly_name may be up to 255 characters', () => {
    const text = `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: a\nspec:\n  friendly_name: ${'b'.repeat(255)}\n`;
    assert.deepEqual(parseTrunkFile(text).diagnostics, []);
    assert.equal(only(text.replace('b'.repeat(255), 'b'.repeat(256))).code, 'too-long');
  });

  test('a CarrierX capacity below -1 says what -1 and 0 mean', () => {
    const text = 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  trunks:\n    - name: a\n      in_capacity: -2\n';
    const d = only(text);
    assert.equal(d.message, 'in_capacity must be at least -1 (-1 disables, 0 is unlimited); got -2.');
    assert.deepEqual(lc(d), rangeOf(text, '-2'));
  });

  test('patterns: domain, sip: only, SIDs', () => {
    const text = `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nsid: TK123\nspec:\n  domain_name: acme.example.com\n  origination_urls:\n    - { friendly_name: a, sip_url: "sips:a.example.com", priority: 1, weight: 1, enabled: true }\n`;
    const diagnostics = parseTrunkFile(text).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, lc(d)]),
      [
        ['invalid-format', rangeOf(text, 'TK123')],
        ['invalid-format', rangeOf(text, 'acme.example.com')],
        ['invalid-format', rangeOf(text, '"sips:a.example.com"')],
      ],
    );
    assert.match(diagnostics[0]!.message, /TK followed by 32 hexadecimal digits/);
    assert.match(diagnostics[1]!.message, /\.pstn\.twilio\.com/);
    assert.match(diagnostics[2]!.message, /sips: is not supported/);
  });

  test('CarrierX failure codes are ;-separated SIP codes', () => {
    const doc = (codes: string) => `apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  hard_failure_codes: "${codes}"\n`;
    for (const ok of ['408;', '408;503;', '408;503', '']) assert.deepEqual(parseTrunkFile(doc(ok)).diagnostics, [], ok);
    for (const bad of ['408,503', '408503', '4080;', 'abc']) {
      const d = only(doc(bad));
      assert.match(d.message, /separated by ;/, bad);
    }
  });

  test('a wrong type names the expected type; an unquoted number is told to be quoted', () => {
    const text = `${HEADER}spec:\n  secure: "yes"\n  phone_numbers: [+14155550100]\n`;
    const [secure, number] = parseTrunkFile(text).diagnostics;
    assert.equal(secure?.message, 'secure must be true or false, not "yes".');
    assert.deepEqual(lc(secure!), rangeOf(text, '"yes"'));
    assert.equal(number?.message, 'Quote the phone number: YAML reads +14155550100 as a number, and phone_numbers[0] must be a string.');
    assert.deepEqual(lc(number!), rangeOf(text, '+14155550100'));
  });

  test('E.164: the message says what is wrong with the number', () => {
    const cases: [string, RegExp][] = [
      ['4155550100', /missing the leading \+/],
      ['+1 (415) 555-0100', /spaces or separators.*\+14155550100/],
      ['+0155550100', /country code starting with 0/],
      ['+1415555010012345', /has 16 digits; E\.164 allows at most 15/],
      ['+1415abc', /only \+ and digits/],
    ];
    for (const [number, expected] of cases) {
      const text = `${HEADER}spec:\n  phone_numbers: ["${number}"]\n`;
      const d = only(text);
      assert.equal(d.code, 'invalid-phone-number', number);
      assert.match(d.message, expected);
      assert.deepEqual(lc(d), rangeOf(text, `"${number}"`));
    }
  });

  test('a number listed twice in a document is flagged at the second one', () => {
    const text = `${HEADER}spec:\n  phone_numbers:\n    - "+14155550100"\n    - "+14155550101"\n    - "+14155550100"\n`;
    const d = only(text);
    assert.equal(d.code, 'duplicate-phone-number');
    assert.deepEqual(lc(d), rangeOf(text, '"+14155550100"', 1));
    assert.deepEqual(d.related?.map((r) => r.range.start.line), [5]);
  });

  test('origination URLs and trunks must be identifiable', () => {
    const ou = `${HEADER}spec:\n  origination_urls:\n    - { friendly_name: a, sip_url: "sip:x.example.com", priority: 1, weight: 1, enabled: true }\n    - { friendly_name: b, sip_url: "sip:X.example.com", priority: 2, weight: 1, enabled: true }\n`;
    assert.deepEqual(lc(only(ou, 'duplicate-origination-url')), rangeOf(ou, '"sip:X.example.com"'));
    const group = 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  trunks:\n    - name: a\n    - name: a\n    - call_type: regular\n';
    const diagnostics = parseTrunkFile(group).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, lc(d)]),
      [
        ['duplicate-trunk', shift(rangeOf(group, 'name: a', 1), 'name: '.length)],
        ['trunk-needs-name', rangeOf(group, 'call_type: regular')],
      ],
    );
  });

  test('unknown account: a warning with a suggestion, only when accounts are known', () => {
    const text = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme-prd\nspec: {}\n';
    assert.deepEqual(parseTrunkFile(text).diagnostics, []);
    const file = parseTrunkFile(text, { knownAccounts: ['acme-prod', 'sandbox'] });
    const [d] = file.diagnostics;
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.code, 'unknown-account');
    assert.match(d!.message, /No connected account is named acme-prd\. Did you mean acme-prod\?/);
    assert.deepEqual(lc(d!), rangeOf(text, 'acme-prd'));
    assert.equal(file.documents[0]?.valid, true, 'a warning does not make the document invalid');
  });

  test('a kind on an account of another provider is an error at the account; the sandbox takes every kind', () => {
    const group = 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: acme-prod\nspec:\n  name: East\n';
    const accountProviders = new Map([['acme-prod', 'twilio'], ['cx', 'carrierx'], ['sandbox', 'sandbox']] as const);
    const file = parseTrunkFile(group, { knownAccounts: ['acme-prod', 'cx', 'sandbox'], accountProviders });
    assert.equal(file.diagnostics.length, 1);
    const d = file.diagnostics[0]!;
    assert.equal(d.code, 'account-provider-mismatch');
    assert.equal(d.severity, 'error');
    assert.deepEqual(lc(d), [2, 9, 2, 18]);
    assert.equal(d.message, 'acme-prod is a Twilio account; a CarrierXTrunkGroup document needs a CarrierX account. CarrierX accounts: cx, sandbox.');
    assert.equal(file.documents[0]?.valid, false);
    for (const account of ['cx', 'sandbox']) {
      assert.deepEqual(parseTrunkFile(group.replace('acme-prod', account), { knownAccounts: ['acme-prod', 'cx', 'sandbox'], accountProviders }).diagnostics, []);
    }
  });

  test('wrong apiVersion and unknown kind', () => {
    const text = 'apiVersion: trunkline/v2\nkind: TwilioTrunks\naccount: a\nspec: {}\n';
    const diagnostics = parseTrunkFile(text).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, lc(d)]),
      [
        ['wrong-api-version', 'apiVersion must be trunkline/v1, not "trunkline/v2".', rangeOf(text, 'trunkline/v2')],
        ['unknown-kind', 'Unknown kind "TwilioTrunks": use TwilioTrunk, TwilioByocTrunk, CarrierXTrunkGroup, TwilioCredentialList, TwilioIpAccessControlList. Did you mean TwilioTrunk?', rangeOf(text, 'TwilioTrunks')],
      ],
    );
    assert.equal(parseTrunkFile(text).documents[0]?.kind, undefined);
  });

  test('read-only fields: Twilio ones are refused with the reason, CarrierX ones are allowed', () => {
    const twilio = `${HEADER}spec:\n  date_created: "2020-01-01T00:00:00Z"\n  sid: TK0123456789abcdef0123456789abcdef\n`;
    const [date, sid] = parseTrunkFile(twilio).diagnostics;
    assert.equal(date?.code, 'read-only-key');
    assert.match(date!.message, /date_created is set by Twilio and is read-only/);
    assert.deepEqual(lc(date!), rangeOf(twilio, 'date_created'));
    assert.match(sid!.message, /the SID goes in the document's top-level sid/);
    const carrierx = 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  partner_sid: ed437757-002d-4ecc-aa5a-efdf5e50dba0\n  trunks:\n    - name: a\n      in_rfc_4694_mode: cut_all\n      acls:\n        - { direction: any, access_control_rules: [], sms_action_true: null }\n';
    assert.deepEqual(parseTrunkFile(carrierx).diagnostics, []);
  });

  test('several documents are validated separately and keep their index', () => {
    const text = `${HEADER}spec: {}\n---\n# just a comment\n---\n${HEADER}spec:\n  secure: maybe\n`;
    const file = parseTrunkFile(text);
    assert.deepEqual(file.documents.map((d) => [d.index, d.valid]), [
      [0, true],
      [2, false],
    ]);
    assert.equal(file.documents[1]?.diagnostics[0]?.range.start.line, 11);
    assert.equal(file.documents[0]?.spec !== undefined, true);
    assert.equal(file.documents[1]?.spec, undefined, 'no spec for an invalid document');
  });

  test('the same number or domain in two documents of a file is an error on both', () => {
    const doc = (domain: string, number: string) => `${HEADER}spec:\n  domain_name: ${domain}\n  phone_numbers: ["${number}"]\n`;
    const text = `${doc('a.pstn.twilio.com', '+14155550100')}---\n${doc('A.pstn.twilio.com', '+14155550100')}`;
    const file = parseTrunkFile(text);
    assert.deepEqual(
      file.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['duplicate-domain-name', 4],
        ['duplicate-phone-number', 5],
        ['duplicate-domain-name', 11],
        ['duplicate-phone-number', 12],
      ],
    );
    assert.match(file.diagnostics[1]!.message, /\+14155550100 is also listed on the trunk in document 2 of this file \(line 13\)/);
    assert.deepEqual(file.documents.map((d) => d.valid), [false, false]);
  });

  test('numbers of different accounts do not collide', () => {
    const doc = (account: string) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: ${account}\nspec:\n  phone_numbers: ["+14155550100"]\n`;
    assert.deepEqual(parseTrunkFile(`${doc('prod')}---\n${doc('sandbox')}`).diagnostics, []);
  });
});

describe('parseTrunkFile: YAML syntax errors are diagnostics', () => {
  test('duplicate key', () => {
    const text = `${HEADER}spec:\n  secure: true\n  secure: false\n`;
    const d = only(text);
    assert.equal(d.code, 'yaml-syntax');
    assert.match(d.message, /Duplicate key/);
    assert.deepEqual(lc(d), rangeOf(text, 'secure', 1));
  });

  test('tab indentation', () => {
    const text = `${HEADER}spec:\n\tsecure: true\n`;
    const d = parseTrunkFile(text).diagnostics.find((x) => /Tabs/.test(x.message));
    assert.ok(d);
    assert.equal(d.range.start.line, 4);
    assert.equal(d.range.start.character, 0);
  });

  test('bad indentation and an unclosed flow sequence', () => {
    const text = `${HEADER}spec:\n  phone_numbers: ["+14155550100"\n  secure: true\n`;
    const diagnostics = parseTrunkFile(text).diagnostics;
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code === 'yaml-syntax'), 'no schema noise on top of a syntax error');
    assert.ok(diagnostics.every((d) => d.range.start.line >= 4));
    assert.equal(parseTrunkFile(text).documents[0]?.valid, false);
  });

  test('a non-mapping document', () => {
    const d = only('- just\n- a list\n');
    assert.equal(d.code, 'invalid-type');
    assert.equal(d.message, 'The document must be a mapping (key: value pairs), not a list.');
  });

  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const file = parseTrunkFile(text);
        assert.ok(Array.isArray(file.diagnostics));
      }),
      { seed: 6, numRuns: 300 },
    );
    const yamlish = fc.array(fc.constantFrom('apiVersion: trunkline/v1', 'kind: TwilioTrunk', 'spec:', '  phone_numbers:', '    - "+1415"', '  - [', '{', '---', '\t', '  recording: {', 'account: *a', '&a x', '!!binary', ':', '- - -', '? x'), { maxLength: 20 });
    fc.assert(
      fc.property(yamlish, (lines) => {
        parseTrunkFile(lines.join('\n'));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test('a long non-mapping document is quoted in at most about 80 characters', () => {
    const paragraph = 'this is a pasted paragraph '.repeat(20).trim();
    const d = only(`${paragraph}\n`);
    assert.equal(d.code, 'invalid-type');
    const quoted = /not (".*")\.$/.exec(d.message)?.[1];
    assert.ok(quoted, d.message);
    assert.ok(quoted.length <= 84, `quoted ${quoted.length} characters: ${d.message}`);
    assert.ok(quoted.startsWith('"this is a pasted paragraph this is') && quoted.endsWith('…"'), quoted);
  });

  test('an unresolved alias is reported at the alias', () => {
    const text = `${HEADER}spec:\n  friendly_name: *nothere\n`;
    const d = only(text, 'yaml-syntax');
    assert.match(d.message, /nothere/);
    assert.deepEqual(lc(d), [4, 17, 4, 25]);
    assert.equal(text.slice(d.range.start.offset, d.range.end.offset), '*nothere');
  });

  test('"unknown key" lists every allowed key, those already used included', () => {
    const d = only(`${HEADER}spec:\n  friendly_name: Acme\n  zzz: 1\n`, 'unknown-key');
    const allowed = /Allowed: (.*)\.$/.exec(d.message)?.[1]?.split(', ');
    assert.ok(allowed, d.message);
    assert.ok(allowed.includes('friendly_name'), d.message);
    assert.ok(allowed.includes('phone_numbers') && allowed.includes('domain_name'), d.message);
  });

  test('an alias bomb is a diagnostic, not a hang or a crash', () => {
    const text = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const file = parseTrunkFile(text);
    assert.ok(file.diagnostics.some((d) => d.code === 'yaml-syntax'));
  });
});

describe('parseTrunkFile at scale', () => {
  test('1,000 generated documents are all valid', () => {
    const file = parseTrunkFile(generateTrunkFile(1000), { knownAccounts: ['acme-prod'] });
    assert.equal(file.documents.length, 1000);
    assert.deepEqual(file.diagnostics, []);
    assert.equal(file.claims.filter((c) => c.type === 'phone-number').length, 600 * 3);
  });
});

function shift([line, character, endLine, endCharacter]: [number, number, number, number], by: number): [number, number, number, number] {
  return [line, character + by, endLine, endCharacter];
}
