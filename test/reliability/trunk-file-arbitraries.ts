import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import { generateTrunkFile } from '../fixtures/documents/generate-trunk-file';

// Generated trunk files for fuzzing: token soup, structurally plausible documents holding
// values of every wrong type, mutations of valid files, and the constructs that break parsers
// (deep nesting, alias bombs, huge values, BOM, CRLF, tabs, duplicate keys).

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

function fixture(relative: string): string {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}

const VALID_DOCUMENTS = [
  toTrunkYaml({
    apiVersion: 'trunkline/v1',
    kind: 'TwilioTrunk',
    account: 'acme-prod',
    spec: {
      friendly_name: 'Acme main',
      domain_name: 'acme-main.pstn.twilio.com',
      secure: true,
      recording: { mode: 'record-from-answer', trim: 'trim-silence' },
      origination_urls: [{ friendly_name: 'pbx-a', sip_url: 'sip:pbx-a.example.com', priority: 10, weight: 10, enabled: true }],
      phone_numbers: ['+14155550100', '+14155550101'],
    },
  }),
  toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioByocTrunk', account: 'acme-prod', spec: { friendly_name: 'Carrier', voice_url: 'https://v.example.com/x', cnam_lookup_enabled: false } }),
  toTrunkYaml({
    apiVersion: 'trunkline/v1',
    kind: 'CarrierXTrunkGroup',
    account: 'carrierx-prod',
    spec: { name: 'EU', routing_type: 'failover', trunks: [{ name: 'a', codec: 'ulaw', acls: [{ direction: 'any', access_control_rules: [] }] }] },
  }),
];

/** Valid files to mutate: single documents, the fixtures, a generated multi-document file. */
export const VALID_FILES: readonly string[] = [
  ...VALID_DOCUMENTS,
  VALID_DOCUMENTS.join('---\n'),
  fixture('documents/acme-example.trunk.yaml'),
  fixture('workspace/acme-main.trunk.yaml'),
  fixture('workspace/edge-group.trunk.yaml'),
  generateTrunkFile(6, { seed: 7 }),
];

const TOKENS = [
  'apiVersion: trunkline/v1\n', 'kind: TwilioTrunk\n', 'kind: TwilioByocTrunk\n', 'kind: CarrierXTrunkGroup\n', 'account: acme-prod\n',
  'spec:\n', '  friendly_name: x\n', '  domain_name: a.pstn.twilio.com\n', '  phone_numbers:\n', '    - "+14155550100"\n', '  trunks:\n',
  '    - name: a\n', `sid: TK${'0'.repeat(32)}\n`, 'sid: 123\n', '---\n', '...\n', '- ', ': ', '? ', '  ', '\t', '\n', '\r\n', '\r', '\uFEFF',
  '{', '}', '[', ']', ',', '"', "'", '\\', '#', '&a ', '*a', '<<: *a\n', '!!str ', '!!binary ', '!<tag:x> ', '%YAML 1.2\n', '%TAG ! x\n',
  '|\n', '>-\n', 'null', '~', 'true', 'no', '0x1F', '0o17', '1e309', '-.inf', '.nan', '9'.repeat(40), '🦄', 'é', '\u0000', '\u2028', '\uD800',
];

/** Lines of YAML-ish tokens and arbitrary text. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }), { maxLength: 120 })
  .map((parts) => parts.join(''));

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', ' ', '+1415', '+999999999999999999', 'sip:', 'TK', 'null', 'true', '1e309', 'x'.repeat(70), '🦄'.repeat(40)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const KINDS = ['TwilioTrunk', 'TwilioByocTrunk', 'CarrierXTrunkGroup', 'twiliotrunk', '', 'Trunk'];
const SPEC_KEYS = [
  'friendly_name', 'domain_name', 'secure', 'transfer_mode', 'recording', 'origination_urls', 'phone_numbers', 'disaster_recovery_url',
  'voice_url', 'voice_method', 'connection_policy_sid', 'name', 'routing_type', 'trunks', 'acls', 'hard_failure_codes', 'partner_sid',
  'baseUrl', 'host', 'token', 'url', 'auth_token', 'sid',
];

/** Documents shaped like trunk files whose values are of every type, wrong ones included. */
export const plausibleDocuments: fc.Arbitrary<string> = fc
  .array(
    fc.record(
      {
        apiVersion: fc.oneof(fc.constant('trunkline/v1'), anyValue),
        kind: fc.oneof(fc.constantFrom(...KINDS), anyValue),
        account: fc.oneof(fc.constantFrom('acme-prod', 'sandbox', 'https://evil.example.com'), anyValue),
        sid: anyValue,
        spec: fc.oneof(
          { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...SPEC_KEYS), anyValue, { maxKeys: 8 }) },
          { weight: 1, arbitrary: anyValue },
        ),
      },
      { requiredKeys: [] },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((docs) => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n'));

type Mutation = (text: string, at: number, pick: number) => string;

const MUTATIONS: readonly Mutation[] = [
  (t, at) => t.slice(0, at) + t.slice(at + 1), // delete a character
  (t, at, pick) => t.slice(0, at) + (TOKENS[pick % TOKENS.length] ?? '') + t.slice(at), // insert a token
  (t, at, pick) => t.slice(0, at) + t.slice(at + 1 + (pick % 40)), // delete a range
  (t, at) => {
    // duplicate the line at `at` (duplicate keys, repeated list items)
    const start = t.lastIndexOf('\n', at - 1) + 1;
    const end = t.indexOf('\n', at);
    const line = t.slice(start, end === -1 ? t.length : end + 1);
    return t.slice(0, start) + line + (line.endsWith('\n') ? '' : '\n') + t.slice(start);
  },
  (t) => t.replace(/\n/g, '\r\n'), // CRLF
  (t) => `\uFEFF${t}`, // BOM
  (t, at) => t.slice(0, at).replace(/ {2}(?=[^\n]*$)/, '\t') + t.slice(at), // a tab as indentation
  (t, at, pick) => t.slice(0, at) + ['&a ', '*a', '*zz', '<<: *a\n', '&a [1, *a]'][pick % 5] + t.slice(at), // anchors and aliases
  (t, at) => `${t.slice(0, at)}${'9'.repeat(400)}${t.slice(at)}`, // a huge number
  (t, at, pick) => `${t.slice(0, at)}${'é🦄x'.repeat(200 + (pick % 2000))}${t.slice(at)}`, // a long unicode value
  (t, at) => {
    const end = t.indexOf('\n', at);
    return end === -1 ? t : t.slice(0, at) + t.slice(end); // cut a line short
  },
  (t, at) => `${t.slice(0, at)}\n${' '.repeat(at % 7)}${t.slice(at)}`, // break a line with odd indentation
];

/** A valid file with 1–8 random edits. */
export const mutatedFiles: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...VALID_FILES),
    fc.array(fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 10_000 })), { minLength: 1, maxLength: 8 }),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [which, where, pick]) => {
      const at = Math.min(t.length, Math.floor(where * t.length));
      return MUTATIONS[which]!(t, at, pick).slice(0, 100_000);
    }, text),
  );

/** A size from 1 to `max`, log-uniform: mostly small, now and then near the maximum. */
const size = (max: number): fc.Arbitrary<number> => fc.double({ min: 0, max: Math.log(max), noNaN: true }).map((x) => Math.max(1, Math.round(Math.exp(x))));

/** The inputs that break parsers, each under 100 KB. */
export const pathologicalFiles: fc.Arbitrary<string> = fc.oneof(
  size(20_000).map((n) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec: ${'['.repeat(n)}${']'.repeat(n)}\n`),
  size(12_000).map((n) => `spec:\n${Array.from({ length: Math.min(n, 400) }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`),
  size(9_000).map((n) => `spec: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
  fc.integer({ min: 2, max: 12 }).map((n) => {
    // a billion laughs: every level references the previous one n times
    const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: n }, () => `*a${i - 1}`).join(', ')}]`);
    return `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n  friendly_name: x\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
  }),
  size(95_000).map((n) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n  friendly_name: "${'x'.repeat(n)}"\n`),
  size(4_000).map((n) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n  phone_numbers:\n${'    - "+14155550100"\n'.repeat(n)}`),
  size(2_500).map((n) => Array.from({ length: n }, () => VALID_DOCUMENTS[0]).join('---\n').slice(0, 99_000)),
  size(30_000).map((n) => `${'---\n'.repeat(n)}`),
  size(5_000).map((n) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n${'  friendly_name: x\n'.repeat(n)}`),
  size(5_000).map((n) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n${Array.from({ length: n }, (_, i) => `  key_${i}: x\n`).join('')}`),
  size(30_000).map((n) => `${'\t'.repeat(n % 50)}kind: ${'\uFEFF\r\n'.repeat(n % 2000)}TwilioTrunk\n${'#'.repeat(n)}\n`),
  size(20_000).map((n) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: a\nspec:\n  recording: ${'&x '.repeat(n % 100)}{ mode: ${'"'.repeat(n % 3)}x }\n${'? '.repeat(n % 300)}\n`),
);

/** Any fuzz input, roughly in the proportions of the suite. */
export const anyTrunkFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: tokenSoup },
  { weight: 3, arbitrary: plausibleDocuments },
  { weight: 4, arbitrary: mutatedFiles },
  { weight: 1, arbitrary: pathologicalFiles },
);
