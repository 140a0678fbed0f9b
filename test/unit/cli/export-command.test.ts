import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';
import { TRUNK_KINDS } from '../../../src/core/documents/file/trunk-kinds';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

describe('trunkline export', () => {
  let h: SyncHarness;
  let cwd: string;
  const trunkline = (args: string[], env: Record<string, string | undefined> = {}) => runTrunkline(args, { cwd, env: { ...CANARY_ENV, ...env }, secrets: CANARY_SECRETS });
  const files = (dir: string) => fs.readdirSync(path.join(cwd, dir)).sort();

  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS, seeding: { trunks: 2, numbers: 6, byocTrunks: 1, trunkGroups: 1 } });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu) });
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('writes one file per resource, with sids, that validates strictly and plans as in sync', async () => {
    const twilio = await trunkline(['export', '--account', 'acme', '--out', 'trunks']);
    assert.equal(twilio.code, 0, twilio.stderr);
    const cx = await trunkline(['export', '--account', 'cx', '--out', 'trunks']);
    assert.equal(cx.code, 0, cx.stderr);
    const written = files('trunks');
    // The Sandbox's three IP access control lists and three credential lists, next to the trunks that name them;
    // the seeded BYOC trunk and trunk group come with the routes they name: 2 policies, 2 endpoints.
    assert.equal(written.length, 14, written.join(', '));
    assert.equal(written.filter((f) => f.startsWith('acl-')).length, 3);
    assert.equal(written.filter((f) => f.startsWith('credentials-')).length, 3);
    assert.equal(written.filter((f) => f.startsWith('byoc-')).length, 1);
    assert.equal(written.filter((f) => f.startsWith('group-')).length, 1);
    assert.equal(written.filter((f) => f.startsWith('policy-')).length, 2);
    assert.equal(written.filter((f) => f.startsWith('endpoint-')).length, 2);
    assert.match(twilio.stdout, /^written {5}trunks\/[a-z0-9-]+\.trunk\.yaml {2}Twilio trunk ".+" \(TK[0-9a-f]{32}\)$/m);
    assert.equal(twilio.stderr, 'Exported 11 files from "acme".\n');
    for (const name of written) {
      const text = readFile(cwd, `trunks/${name}`);
      assert.match(text, /^# Exported by Trunkline from account "(acme|cx)"\.\napiVersion: trunkline\/v1\nkind: \w+\naccount: (acme|cx)\nsid: \S+\nspec:\n/);
    }

    const validate = await trunkline(['validate', '--strict', '--no-readiness', 'trunks']);
    assert.equal(validate.code, 0, validate.stdout);
    // What is left by default are call-readiness warnings: a seeded trunk that links no list cannot take calls.
    const ready = await trunkline(['validate', 'trunks']);
    assert.equal(ready.code, 0, ready.stdout);
    for (const line of ready.stdout.trimEnd().split('\n').filter(Boolean)) assert.match(line, / warning .* \[readiness-[a-z-]+\]$/);
    const plan = await trunkline(['plan', '--no-readiness', 'trunks']);
    assert.equal(plan.code, 0, plan.stdout);
    assert.equal(plan.stdout, 'Plan: 0 to change (0 operations), 14 in sync.\n');
  });

  it('records the exported version, so a later change at the provider shows as remote changed', async () => {
    assert.equal((await trunkline(['export', '--account', 'acme', '--kind', 'TwilioByocTrunk'])).code, 0);
    const [file] = fs.readdirSync(cwd).filter((f) => f.endsWith('.trunk.yaml'));
    const sid = /^sid: (\S+)$/m.exec(readFile(cwd, file!))![1]!;
    await h.twilio.byocTrunks.update(sid, { voice_url: 'https://changed.example.com/voice' });
    writeFile(cwd, file!, readFile(cwd, file!).replace(/^ {2}friendly_name: .+$/m, '  friendly_name: Renamed in the file'));
    const plan = await trunkline(['plan']);
    assert.equal(plan.code, 3);
    assert.match(plan.stdout, /! The remote changed since the last push or pull \(voice_url\); applying overwrites it\./);
  });

  it('never overwrites an existing file without --force', async () => {
    assert.equal((await trunkline(['export', '--account', 'acme', '--out', 'trunks'])).code, 0);
    const [first] = files('trunks');
    writeFile(cwd, `trunks/${first}`, '# my edits\n');
    const again = await trunkline(['export', '--account', 'acme', '--out', 'trunks']);
    assert.equal(again.code, 1);
    assert.match(again.stdout, new RegExp(`^skipped {5}trunks/${first!.replace(/\./g, '\\.')} {2}.+: the file exists; --force overwrites it$`, 'm'));
    assert.equal(readFile(cwd, `trunks/${first}`), '# my edits\n');
    const forced = await trunkline(['export', '--account', 'acme', '--out', 'trunks', '--force', '--format', 'json']);
    assert.equal(forced.code, 0);
    const json = JSON.parse(forced.stdout);
    assert.deepEqual(json.counts, { written: 0, overwritten: 11, skipped: 0 });
    assert.equal(json.account, 'acme');
    assert.equal(json.directory, 'trunks');
    assert.deepEqual(Object.keys(json.files[0]), ['file', 'kind', 'sid', 'title', 'status']);
    assert.match(readFile(cwd, `trunks/${first}`), /^# Exported by Trunkline/);
  });

  it('leaves out what a file cannot represent (an origination URL held twice) and says so; the file validates and plans in sync', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Twice', domain_name: 'twice.pstn.twilio.com' });
    const url = { friendly_name: 'pbx', sip_url: 'sip:pbx.example.com', priority: 10, weight: 10, enabled: true };
    await h.twilio.originationUrls.create(trunk.sid, url);
    await h.twilio.originationUrls.create(trunk.sid, { ...url, sip_url: 'sip:PBX.example.com' });
    const run = await trunkline(['export', '--account', 'acme', '--kind', 'TwilioTrunk', '--out', 'trunks']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^written {5}trunks\/twice\.trunk\.yaml {2}.+\n {12}! origination_urls left out: the trunk has sip:PBX\.example\.com and sip:pbx\.example\.com, which a file cannot tell apart \(it matches origination URLs by sip_url, ignoring case\)\. Remove the duplicates at the provider and export again to manage them in the file\.$/m);
    assert.doesNotMatch(readFile(cwd, 'trunks/twice.trunk.yaml'), /origination_urls/);
    assert.equal((await trunkline(['validate', '--strict', '--no-readiness', 'trunks'])).code, 0);
    const plan = await trunkline(['plan', 'trunks']);
    assert.equal(plan.code, 0, plan.stdout);
    assert.match(plan.stdout, /^Plan: 0 to change \(0 operations\), 3 in sync\.$/m);
    const json = JSON.parse((await trunkline(['export', '--account', 'acme', '--kind', 'TwilioTrunk', '--out', 'json', '--format', 'json'])).stdout);
    const twice = json.files.find((f: { sid: string }) => f.sid === trunk.sid);
    assert.deepEqual(twice.omitted.map((o: { key: string }) => o.key), ['origination_urls']);
    assert.equal(json.files.filter((f: { omitted?: unknown }) => f.omitted).length, 1);
  });

  it('exports only the kinds asked for, and rejects kinds that do not exist', async () => {
    const byoc = await trunkline(['export', '--account', 'acme', '--kind', 'twiliobyoctrunk', '--format', 'json']);
    assert.equal(byoc.code, 0);
    assert.deepEqual(JSON.parse(byoc.stdout).files.map((f: { kind: string }) => f.kind), ['TwilioByocTrunk']);
    const bogus = await trunkline(['export', '--account', 'acme', '--kind', 'Trunk']);
    assert.equal(bogus.code, 2);
    assert.equal(bogus.stderr, `trunkline: Unknown --kind Trunk: use ${TRUNK_KINDS.join(', ')}.\nRun "trunkline export --help" for usage.\n`);
    const wrongProvider = await trunkline(['export', '--account', 'acme', '--kind', 'CarrierXTrunkGroup']);
    assert.equal(wrongProvider.code, 2);
    assert.match(wrongProvider.stderr, /^trunkline: Account "acme" is a Twilio account in .+trunkline\.config\.json, not a CarrierX one\.\n$/);
  });

  it('exits 2 naming the variable when the credentials are missing, and without --account', async () => {
    const missing = await trunkline(['export', '--account', 'cx'], { CARRIERX_TOKEN: undefined });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'trunkline: Set CARRIERX_TOKEN to the CarrierX API token of account "cx".\n');
    const noAccount = await trunkline(['export']);
    assert.equal(noAccount.code, 2);
    assert.equal(noAccount.stderr, 'trunkline: Name the account to export: --account NAME.\nRun "trunkline export --help" for usage.\n');
  });

  it('exits 2 with the provider\'s error when the credentials are rejected', async () => {
    const wrong = 'wr0ngT0ken-never-printed-0123456';
    const run = await runTrunkline(['export', '--account', 'acme'], { cwd, env: { ...CANARY_ENV, TWILIO_AUTH_TOKEN: wrong }, secrets: [...CANARY_SECRETS, wrong] });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^trunkline: Twilio 20003: .+ \(HTTP 401\)\. Check the credentials in the environment\.\n$/);
  });
});
