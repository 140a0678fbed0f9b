import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, beforeEach, describe, it } from 'node:test';
import type { default as AjvClass } from 'ajv';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// The outputs a CI pipeline posts: `plan --format markdown` and `drift` in text, JSON and
// Markdown, compared with the golden files in test/fixtures/cli-golden (the README shows the
// same files). TRUNKLINE_UPDATE_GOLDEN=1 rewrites them after an intended change.

const REPO = path.resolve(__dirname, '../../../..');
const GOLDEN_DIR = path.join(REPO, 'test', 'fixtures', 'cli-golden');
const [N1, N2, N3] = ['+14155550101', '+14155550102', '+14155550103'];

/** The object is a `definition` of schemas/cli-output.schema.json, and valid against the whole schema. */
function assertValidOutput(stdout: string, definition: string): void {
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'cli-output.schema.json'), 'utf8')) as { $id: string };
  const whole = ajv.compile(schema);
  const json: unknown = JSON.parse(stdout);
  assert.ok(whole(json), JSON.stringify(whole.errors, null, 2));
  const one = ajv.getSchema(`${schema.$id}#/definitions/${definition}`)!;
  assert.ok(one(json), JSON.stringify(one.errors, null, 2));
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.TRUNKLINE_UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (TRUNKLINE_UPDATE_GOLDEN=1 rewrites it)`);
}

const MAIN = `# Acme's main trunk: the two PBXs share the calls, the DR site takes them when both fail
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Acme main
  domain_name: acme-main.pstn.twilio.com
  origination_urls:
    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 20, enabled: true }
    - { friendly_name: pbx-b, sip_url: "sip:pbx-b.example.com", priority: 10, weight: 10, enabled: true }
    - { friendly_name: dr-site, sip_url: "sip:dr.example.com", priority: 20, weight: 10, enabled: true }
  phone_numbers: ["${N1}", "${N2}"]
`;

/** Three BYOC trunks in one file, with their sids. */
function carriersFile(sids: readonly string[]): string {
  const doc = (name: string, sid: string, extra = '') => `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: acme\nsid: ${sid}\nspec:\n  friendly_name: ${name}\n${extra}`;
  return [doc('Carrier A', sids[0]!, '  voice_url: https://voice.example.com/a\n'), doc('Carrier B', sids[1]!), doc('Carrier C', sids[2]!)].join('---\n');
}

describe('CI outputs: plan --format markdown and drift', () => {
  let h: SyncHarness;
  let cwd: string;
  const trunkline = (args: string[]) => runTrunkline(args, { cwd, env: CANARY_ENV, secrets: CANARY_SECRETS });
  const sidOf = (file: string, nth = 0) => [...readFile(cwd, file).matchAll(/^sid: (\S+)$/gm)][nth]![1]!;

  before(() => ensureCliBuilt());
  beforeEach(async () => {
    // A fresh emulator for each test: the sids it hands out, and so the golden files, depend only on the test.
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
    await h.buyNumbers(N1, N2, N3);
    // Made one after the other (apply works on documents in parallel): the same sids every run.
    const carriers: string[] = [];
    carriers.push((await h.twilio.byocTrunks.create({ friendly_name: 'Carrier A', voice_url: 'https://voice.example.com/a' })).sid);
    carriers.push((await h.twilio.byocTrunks.create({ friendly_name: 'Carrier B' })).sid);
    carriers.push((await h.twilio.byocTrunks.create({ friendly_name: 'Carrier C' })).sid);
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'trunks/main.trunk.yaml': MAIN, 'trunks/carriers.trunk.yaml': carriersFile(carriers) });
    // Creates the trunk and records all four as synced.
    const applied = await trunkline(['apply', '--yes', 'trunks']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
  });
  const cleanup = async () => {
    await h.close();
    fs.rmSync(cwd, { recursive: true, force: true });
  };

  it('plan --format markdown: problems and warnings first, a table per document, the failover order that changes', async (t) => {
    t.after(cleanup);
    // In the console: Carrier A's voice URL. In the pull request: the failover order, numbers, a name, and a number the account does not own.
    await h.twilio.byocTrunks.update(sidOf('trunks/carriers.trunk.yaml', 0), { voice_url: 'https://console.example.com/a' });
    const main = readFile(cwd, 'trunks/main.trunk.yaml')
      .replace('friendly_name: Acme main', 'friendly_name: Acme main (HQ)')
      .replace('priority: 10, weight: 10, enabled: true }', 'priority: 10, weight: 10, enabled: true }\n    - { friendly_name: pbx-c, sip_url: "sip:pbx-c.example.com", priority: 10, weight: 10, enabled: true }')
      .replace('priority: 20, weight: 10, enabled: true', 'priority: 20, weight: 10, enabled: false')
      .replace(`["${N1}", "${N2}"]`, `["${N1}", "${N3}"]`);
    writeFile(cwd, 'trunks/main.trunk.yaml', main);
    writeFile(cwd, 'trunks/carriers.trunk.yaml', readFile(cwd, 'trunks/carriers.trunk.yaml').replace('friendly_name: Carrier A', 'friendly_name: Carrier A (primary)'));
    writeFile(cwd, 'trunks/lab.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  domain_name: acme-lab.pstn.twilio.com\n  phone_numbers: ["+14155559999"]\n');

    const plan = await trunkline(['plan', '--format', 'markdown', 'trunks']);
    assert.equal(plan.code, 1, plan.stderr);
    golden('plan.md', plan.stdout);
  });

  it('drift, in text, JSON and Markdown: changed and deleted at the provider, apart from changes only in the files', async (t) => {
    t.after(cleanup);
    const trunkSid = sidOf('trunks/main.trunk.yaml');
    await h.twilio.trunks.update(trunkSid, { friendly_name: 'Acme main (edited in console)' });
    const pbxB = (await h.twilio.originationUrls.page(trunkSid)).items.find((u) => u.friendly_name === 'pbx-b')!;
    await h.twilio.originationUrls.delete(trunkSid, pbxB.sid);
    const n2 = (await h.twilio.trunkPhoneNumbers.page(trunkSid)).items.find((n) => n.phone_number === N2)!;
    await h.twilio.trunkPhoneNumbers.detach(trunkSid, n2.sid);
    await h.twilio.byocTrunks.update(sidOf('trunks/carriers.trunk.yaml', 0), { voice_url: 'https://console.example.com/a' });
    await h.twilio.byocTrunks.delete(sidOf('trunks/carriers.trunk.yaml', 1));
    // Only in the file, not applied yet: not drift.
    writeFile(cwd, 'trunks/carriers.trunk.yaml', readFile(cwd, 'trunks/carriers.trunk.yaml').replace('friendly_name: Carrier C', 'friendly_name: Carrier C (spare)'));
    const state = readFile(cwd, '.trunkline/sync-state.json');
    const posts = h.emu.stats.count('POST', '/v1/Trunks/{Sid}');

    const text = await trunkline(['drift', 'trunks']);
    assert.equal(text.code, 4, text.stderr);
    golden('drift.txt', text.stdout);
    const json = await trunkline(['drift', '--format', 'json', 'trunks']);
    assert.equal(json.code, 4, json.stderr);
    golden('drift.json', json.stdout);
    assertValidOutput(json.stdout, 'drift');
    const markdown = await trunkline(['drift', '--format', 'markdown', 'trunks']);
    assert.equal(markdown.code, 4, markdown.stderr);
    golden('drift.md', markdown.stdout);

    assert.equal(readFile(cwd, '.trunkline/sync-state.json'), state, 'drift leaves the record of the last sync alone');
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks/{Sid}'), posts, 'drift sends nothing');
  });

  it('drift exits 0 with "No drift" when only the files changed', async (t) => {
    t.after(cleanup);
    writeFile(cwd, 'trunks/carriers.trunk.yaml', readFile(cwd, 'trunks/carriers.trunk.yaml').replace('friendly_name: Carrier C', 'friendly_name: Carrier C (spare)'));
    const run = await trunkline(['drift', 'trunks']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^No drift: 3 in sync, 1 changed in the file, not applied yet\.$/m);
    const json = JSON.parse((await trunkline(['drift', '--format', 'json', 'trunks'])).stdout);
    assert.deepEqual(json.summary, { documents: 4, drifted: 0, deleted: 0, untracked: 0, inSync: 3, pending: 1, notCreated: 0, notChecked: 0 });
  });

  it('follows a resource whose document moved to another file since the last sync', async (t) => {
    t.after(cleanup);
    const sid = sidOf('trunks/main.trunk.yaml');
    fs.mkdirSync(path.join(cwd, 'trunks/acme'));
    fs.renameSync(path.join(cwd, 'trunks/main.trunk.yaml'), path.join(cwd, 'trunks/acme/main.trunk.yaml'));
    await h.twilio.trunks.update(sid, { friendly_name: 'Acme main (edited in console)' });
    const run = await trunkline(['drift', '--format', 'json', 'trunks']);
    assert.equal(run.code, 4, run.stderr);
    const main = JSON.parse(run.stdout).documents.find((d: { sid: string }) => d.sid === sid);
    assert.equal(main.file, 'trunks/acme/main.trunk.yaml');
    assert.equal(main.state, 'drifted', main.message);
    assert.deepEqual(main.fields, ['friendly_name']);
  });

  it('without the sync state, a difference cannot be told apart: it counts as drift, and says why', async (t) => {
    t.after(cleanup);
    fs.rmSync(path.join(cwd, '.trunkline'), { recursive: true });
    writeFile(cwd, 'trunks/carriers.trunk.yaml', readFile(cwd, 'trunks/carriers.trunk.yaml').replace('friendly_name: Carrier C', 'friendly_name: Carrier C (spare)'));
    const run = await trunkline(['drift', '--format', 'json', 'trunks']);
    assert.equal(run.code, 4, run.stderr);
    const carrierC = JSON.parse(run.stdout).documents.find((d: { title: string }) => d.title.startsWith('BYOC trunk "Carrier C'));
    assert.equal(carrierC.state, 'untracked');
    assert.match(carrierC.message, /no sync state records the last sync/);
    assert.deepEqual(carrierC.changes, [{ description: 'Changed: friendly_name', changes: [{ field: 'friendly_name', file: 'Carrier C (spare)', provider: 'Carrier C' }] }]);
    assert.ok(!fs.existsSync(path.join(cwd, '.trunkline', 'sync-state.json')), 'drift writes no sync state');
  });

  it('drift exits 1 for a document it cannot check, 2 when the account cannot be read', async (t) => {
    t.after(cleanup);
    writeFile(cwd, 'trunks/broken.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  secure: maybe\n');
    const invalid = await trunkline(['drift', 'trunks']);
    assert.equal(invalid.code, 1, invalid.stdout + invalid.stderr);
    assert.match(invalid.stdout, /^trunks\/broken\.trunk\.yaml:5:11 error /m);
    fs.rmSync(path.join(cwd, 'trunks/broken.trunk.yaml'));
    const denied = await runTrunkline(['drift', 'trunks'], { cwd, env: { ...CANARY_ENV, TWILIO_AUTH_TOKEN: 'wrong-token-0123456789abcdef0123' }, secrets: CANARY_SECRETS });
    assert.equal(denied.code, 2, denied.stdout + denied.stderr);
  });

  it('markdown is for plan and drift only', async (t) => {
    t.after(cleanup);
    const run = await trunkline(['validate', '--format', 'markdown', 'trunks']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'trunkline: validate has no markdown output: use --format text or json.\nRun "trunkline validate --help" for usage.\n');
  });
});
