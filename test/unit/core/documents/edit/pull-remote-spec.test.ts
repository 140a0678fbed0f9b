import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTrunkFile } from '../../../../../src/core/documents/file/parse-trunk-file';
import { pullRemoteSpec, type PullScope } from '../../../../../src/core/documents/edit/pull-remote-spec';
import { applyTextEdits } from '../../../../../src/core/documents/edit/text-edit';
import { toTrunkYaml } from '../../../../../src/core/documents/render/to-trunk-yaml';
import type { TrunkKind } from '../../../../../src/core/documents/file/trunk-kinds';

const HEAD = `# Our main trunk
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme-prod
sid: TK0123456789abcdef0123456789abcdef
`;

/** What renderSpec makes of the remote trunk: every field, numbers attached in the console included. */
const REMOTE = {
  friendly_name: 'Acme main',
  domain_name: 'acme-main.pstn.twilio.com',
  disaster_recovery_url: null,
  transfer_mode: 'sip-only',
  secure: true,
  cnam_lookup_enabled: false,
  recording: { mode: 'record-from-answer', trim: 'trim-silence' },
  origination_urls: [
    { friendly_name: 'pbx-a', sip_url: 'sip:pbx-a.example.com', priority: 10, weight: 20, enabled: true },
    { friendly_name: 'pbx-b', sip_url: 'sip:pbx-b.example.com', priority: 20, weight: 10, enabled: true },
  ],
  phone_numbers: ['+14155550100', '+14155550101'],
};

function pull(text: string, remote: object, scope: PullScope = 'managed', kind: TrunkKind = 'TwilioTrunk', index = 0) {
  const result = pullRemoteSpec(text, index, kind, remote as Record<string, unknown>, scope);
  return { ...result, text: applyTextEdits(text, result.edits) };
}

describe('Pull: only what the document manages', () => {
  test('a file that does not manage phone_numbers does not get them (nor any other key)', () => {
    const text = `${HEAD}spec:
  # Shown in the console.
  friendly_name: Old name  # rename me
  secure: false
`;
    const result = pull(text, REMOTE);
    assert.equal(
      result.text,
      `${HEAD}spec:
  # Shown in the console.
  friendly_name: Acme main  # rename me
  secure: true
`,
    );
    assert.deepEqual(result.changed, ['friendly_name', 'secure']);
    assert.deepEqual(result.added, []);
  });

  test('already matching: no edit, nothing reported', () => {
    const text = `${HEAD}spec:\n  friendly_name: Acme main\n  recording: { mode: record-from-answer }\n`;
    const result = pull(text, REMOTE);
    assert.deepEqual(result.edits, []);
    assert.deepEqual(result.changed, []);
  });

  test('within recording, only the keys the file has', () => {
    const text = `${HEAD}spec:\n  recording:\n    mode: do-not-record   # quiet for now\n`;
    const result = pull(text, REMOTE);
    assert.equal(result.text, `${HEAD}spec:\n  recording:\n    mode: record-from-answer   # quiet for now\n`);
    assert.deepEqual(result.changed, ['recording.mode']);
  });

  test('origination URLs: a set the file manages, matched by sip_url; comments stay where they were', () => {
    const text = `${HEAD}spec:
  origination_urls:
    # Primary
    - { friendly_name: pbx-a, sip_url: "sip:PBX-A.example.com", priority: 10, weight: 5, enabled: true }
    # Gone at the provider
    - { friendly_name: pbx-c, sip_url: "sip:pbx-c.example.com", priority: 10, weight: 5, enabled: true }
`;
    const result = pull(text, REMOTE);
    assert.equal(
      result.text,
      `${HEAD}spec:
  origination_urls:
    # Primary
    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 20, enabled: true }
    # Gone at the provider
    - { friendly_name: pbx-b, sip_url: sip:pbx-b.example.com, priority: 20, weight: 10, enabled: true }
`,
    );
    assert.deepEqual(result.changed, ['origination_urls']);
    assert.deepEqual(parseTrunkFile(result.text).documents[0]?.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  test('phone_numbers: the set follows the remote, in the file order, comments kept', () => {
    const text = `${HEAD}spec:
  phone_numbers:
    - "+14155550101"  # support line
    - "+14155550199"
`;
    const result = pull(text, REMOTE);
    assert.equal(result.text, `${HEAD}spec:\n  phone_numbers:\n    - "+14155550101"  # support line\n    - "+14155550100"\n`);
    assert.deepEqual(result.changed, ['phone_numbers']);
  });

  test('CarrierX: a new trunk in the group carries the keys its siblings in the file manage', () => {
    const text = `apiVersion: trunkline/v1
kind: CarrierXTrunkGroup
account: cx
sid: 0b4d5e5a-3f2c-4b7e-9a51-6f8d3c2b1a00
spec:
  name: Main
  trunks:
    - name: east   # the old PBX
      in_capacity: 10
`;
    const remote = {
      name: 'Main',
      routing_type: 'failover',
      trunks: [
        { name: 'east', trunk_sid: 'e1', in_capacity: 20, codec: 'PCMU', call_type: 'regular' },
        { name: 'west', trunk_sid: 'w1', in_capacity: 5, codec: 'PCMA', call_type: 'regular' },
      ],
    };
    const result = pull(text, remote, 'managed', 'CarrierXTrunkGroup');
    assert.equal(
      result.text,
      text.replace('in_capacity: 10\n', 'in_capacity: 20\n    - name: west\n      trunk_sid: w1\n      in_capacity: 5\n'),
    );
  });

  test('a key the remote has no value for is left as it is and reported, not removed', () => {
    const text = `${HEAD}spec:\n  friendly_name: Old\n  domain_name: acme-main.pstn.twilio.com\n`;
    const { domain_name: _gone, ...remote } = REMOTE;
    const result = pull(text, remote);
    assert.equal(result.text, `${HEAD}spec:\n  friendly_name: Acme main\n  domain_name: acme-main.pstn.twilio.com\n`);
    assert.deepEqual(result.kept, ['domain_name']);
  });

  test('Pull All Fields adds the rest, says what it added, and keeps the comments and the file order', () => {
    const text = `${HEAD}spec:
  friendly_name: Old name  # rename me
  phone_numbers:
    - "+14155550101"  # support line
`;
    const result = pull(text, REMOTE, 'all-fields');
    assert.deepEqual(result.added, ['domain_name', 'disaster_recovery_url', 'transfer_mode', 'secure', 'cnam_lookup_enabled', 'recording', 'origination_urls']);
    assert.deepEqual(result.changed, ['friendly_name', 'phone_numbers']);
    assert.match(result.text, /friendly_name: Acme main {2}# rename me\n/);
    assert.match(result.text, /- "\+14155550101" {2}# support line\n {4}- "\+14155550100"\n/);
    assert.deepEqual(parseTrunkFile(result.text).documents[0]?.spec, { ...REMOTE, phone_numbers: ['+14155550101', '+14155550100'] });
  });

  test('only the pulled document changes in a file of several', () => {
    const second = 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: acme-prod\nsid: BY0123456789abcdef0123456789abcdef\nspec: { friendly_name: untouched }\n';
    const first = `${HEAD}spec:\n  secure: false\n`;
    const result = pull(`${first}---\n${second}`, REMOTE);
    assert.equal(result.text, `${first.replace('false', 'true')}---\n${second}`);
  });
});

// ---- property: Pull of a document never adds a key ----

const e164 = fc.integer({ min: 100, max: 199 }).map((n) => `+1415555${String(n).padStart(4, '0')}`);
const url = fc.record({
  friendly_name: fc.constantFrom('pbx-a', 'pbx-b', 'edge'),
  sip_url: fc.constantFrom('sip:a.example.com', 'sip:b.example.com', 'sip:c.example.com', 'sip:d.example.com'),
  priority: fc.integer({ min: 0, max: 65535 }),
  weight: fc.integer({ min: 1, max: 65535 }),
  enabled: fc.boolean(),
});
const uniqueUrls = fc.uniqueArray(url, { selector: (u) => u.sip_url, maxLength: 4 });
const remoteTrunk = fc.record(
  {
    friendly_name: fc.string({ maxLength: 20 }),
    domain_name: fc.constantFrom('a.pstn.twilio.com', 'b.pstn.twilio.com'),
    disaster_recovery_url: fc.constantFrom(null, 'https://dr.example.com/'),
    transfer_mode: fc.constantFrom('disable-all', 'enable-all', 'sip-only'),
    secure: fc.boolean(),
    cnam_lookup_enabled: fc.boolean(),
    recording: fc.record({ mode: fc.constantFrom('do-not-record', 'record-from-answer'), trim: fc.constantFrom('trim-silence', 'do-not-trim') }),
    origination_urls: uniqueUrls,
    phone_numbers: fc.uniqueArray(e164, { maxLength: 5 }).map((n) => [...n].sort()),
  },
  { requiredKeys: [] },
);

/** A document's spec: some of the keys, with other values; inside entries, some of the keys. */
const localTrunk = fc.record(
  {
    friendly_name: fc.string({ maxLength: 20 }),
    secure: fc.boolean(),
    transfer_mode: fc.constantFrom('disable-all', 'sip-only'),
    disaster_recovery_url: fc.constantFrom(null, 'https://other.example.com/'),
    recording: fc.record({ mode: fc.constantFrom('do-not-record', 'record-from-ringing'), trim: fc.constantFrom('do-not-trim') }, { requiredKeys: [] }),
    origination_urls: fc.uniqueArray(
      fc.record({ sip_url: url.map((u) => u.sip_url), weight: fc.integer({ min: 1, max: 9 }), enabled: fc.boolean() }, { requiredKeys: ['sip_url'] }),
      { selector: (u) => u.sip_url, maxLength: 3 },
    ),
    phone_numbers: fc.uniqueArray(e164, { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

type Spec = Record<string, unknown>;

/** Plain objects, as the YAML parser makes them. */
const plain = (a: Spec, b: Spec): [Spec, Spec] => [JSON.parse(JSON.stringify(a)) as Spec, JSON.parse(JSON.stringify(b)) as Spec];

/** Every key path of a spec; list items of mappings pooled under `key[]`. */
function keyPaths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) for (const item of value) for (const p of keyPaths(item, `${prefix}[]`)) out.add(p);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = prefix ? `${prefix}.${k}` : k;
      out.add(here);
      for (const p of keyPaths(v, here)) out.add(p);
    }
  }
  return out;
}

/** An origination URL entry has five required keys: a new entry in a list the file had empty brings them. */
const REQUIRED_URL_KEYS = ['friendly_name', 'sip_url', 'priority', 'weight', 'enabled'].map((k) => `origination_urls[].${k}`);

describe('Pull: properties', () => {
  test('Pull never adds a key, keeps every top-level comment, and takes the remote value of every key it keeps', () => {
    fc.assert(
      fc.property(localTrunk, remoteTrunk, (l: Spec, r: Spec) => {
        const [local, remote] = plain(l, r);
        const body = toTrunkYaml({ spec: local })
          .split('\n')
          .map((line) => (/^ {2}[a-z_]+:/.test(line) ? `${line} # note ${line.trim().split(':')[0]}` : line))
          .join('\n');
        const text = `${HEAD}${body}`;
        const result = pull(text, remote);
        const after = parseTrunkFile(result.text).documents[0]!.yaml.toJS().spec as Spec | undefined;
        const before = keyPaths(local);
        const allowed = new Set([...before, ...(before.has('origination_urls') ? REQUIRED_URL_KEYS : [])]);
        for (const path of keyPaths(after ?? {})) assert.ok(allowed.has(path), `Pull added ${path}`);
        for (const key of Object.keys(local)) {
          assert.match(result.text, new RegExp(`# note ${key}\\b`), `the comment on ${key} is kept`);
          if (remote[key] === undefined) continue;
          if (key === 'recording') for (const k of Object.keys(local.recording as Spec)) assert.equal((after!.recording as Spec)[k], (remote.recording as Spec)[k]);
          else if (key === 'phone_numbers') assert.deepEqual([...(after!.phone_numbers as string[])].sort(), remote.phone_numbers);
          else if (key === 'origination_urls') assert.deepEqual((after!.origination_urls as Spec[]).map((u) => u.sip_url).sort(), (remote.origination_urls as Spec[]).map((u) => u.sip_url).sort());
          else assert.deepEqual(after![key], remote[key]);
        }
        // A second pull has nothing left to do.
        assert.deepEqual(pull(result.text, remote).edits, []);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });

  test('Pull All Fields ends with every remote key at its remote value', () => {
    fc.assert(
      fc.property(localTrunk, remoteTrunk, (l: Spec, r: Spec) => {
        const [local, remote] = plain(l, r);
        const text = `${HEAD}${toTrunkYaml({ spec: local })}`;
        const after = parseTrunkFile(pull(text, remote, 'all-fields').text).documents[0]!.yaml.toJS().spec as Spec;
        for (const key of Object.keys(remote)) {
          if (key === 'phone_numbers') assert.deepEqual([...(after[key] as string[])].sort(), remote[key]);
          else if (key !== 'origination_urls') assert.deepEqual(after[key], remote[key], key);
        }
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });

  test('CarrierX: Pull never adds a key to the group or to a trunk; a new trunk carries only its siblings\' keys and its identity', () => {
    const trunkName = fc.constantFrom('east', 'west', 'north', 'south');
    const remoteTrunk = fc.record({
      name: trunkName,
      trunk_sid: fc.uuid(),
      call_type: fc.constantFrom('regular', 'bridged'),
      in_capacity: fc.integer({ min: 0, max: 100 }),
      codec: fc.constantFrom('PCMU', 'PCMA'),
    });
    const remoteGroup = fc.record({
      name: fc.string({ minLength: 1, maxLength: 10 }),
      routing_type: fc.constantFrom('failover', 'round_robin'),
      trunks: fc.uniqueArray(remoteTrunk, { selector: (t) => t.name, maxLength: 4 }),
    });
    const localGroup = fc.record(
      {
        name: fc.string({ minLength: 1, maxLength: 10 }),
        trunks: fc.uniqueArray(fc.record({ name: trunkName, in_capacity: fc.integer({ min: 0, max: 100 }), call_type: fc.constantFrom('regular') }, { requiredKeys: ['name'] }), {
          selector: (t) => t.name,
          maxLength: 3,
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(localGroup, remoteGroup, (l: Spec, r: Spec) => {
        const [local, remote] = plain(l, r);
        const text = `apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nsid: 0b4d5e5a-3f2c-4b7e-9a51-6f8d3c2b1a00\n${toTrunkYaml({ spec: local })}`;
        const after = parseTrunkFile(pull(text, remote, 'managed', 'CarrierXTrunkGroup').text).documents[0]!.yaml.toJS().spec as Spec | undefined;
        const allowed = new Set([...keyPaths(local), ...(local.trunks ? ['trunks[].name', 'trunks[].trunk_sid'] : [])]);
        for (const path of keyPaths(after ?? {})) assert.ok(allowed.has(path), `Pull added ${path}`);
        if (local.trunks) assert.deepEqual((after!.trunks as Spec[]).map((t) => t.name).sort(), (remote.trunks as Spec[]).map((t) => t.name).sort());
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });
});
