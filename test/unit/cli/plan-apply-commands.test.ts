import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

const [N1, N2] = ['+14155550101', '+14155550102'];

/** Document 1: an existing BYOC trunk, in sync; document 2: a new trunk with a number. */
function acmeFile(byocSid: string): string {
  return `# Acme trunks: reviewed in PRs
apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: acme   # production
sid: ${byocSid}
spec:
  friendly_name: Carrier A   # keep
---
# the main trunk
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Acme main  # shown in the console
  domain_name: acme-main.pstn.twilio.com
  # numbers for the front desk
  phone_numbers: ["${N1}"]
`;
}

describe('trunkline plan and apply', () => {
  let h: SyncHarness;
  let cwd: string;
  let byocSid: string;
  const trunkline = (args: string[], options: { env?: Record<string, string | undefined>; stdin?: string } = {}) =>
    runTrunkline(args, { cwd, env: { ...CANARY_ENV, ...options.env }, stdin: options.stdin, secrets: CANARY_SECRETS });

  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    await h.buyNumbers(N1, N2);
    byocSid = (await h.twilio.byocTrunks.create({ friendly_name: 'Carrier A' })).sid;
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'acme.trunk.yaml': acmeFile(byocSid) });
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('plan exits 3 with the editor\'s plan, apply --yes creates and writes the sid back, then plan exits 0', async () => {
    // Without the call-readiness warnings (readiness-cli.test.ts has them): apply prints the plan alone.
    const plan = await trunkline(['plan', '--no-readiness', 'acme.trunk.yaml']);
    assert.equal(plan.code, 3, plan.stderr);
    assert.equal(
      plan.stdout,
      `acme.trunk.yaml:10
Twilio trunk "Acme main" (acme): 2 changes
  + Create Twilio trunk acme-main.pstn.twilio.com
      friendly_name: (unset) → "Acme main"
      domain_name: (unset) → "acme-main.pstn.twilio.com"
  + Attach ${N1}

Plan: 1 to change (2 operations), 1 in sync.
`,
    );
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 0, 'plan sends nothing');

    const apply = await trunkline(['apply', '--yes', 'acme.trunk.yaml']);
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    const trunk = await h.twilio.trunks.findByDomainName('acme-main.pstn.twilio.com');
    assert.ok(trunk, 'the trunk was created');
    assert.ok(apply.stdout.startsWith(plan.stdout), 'apply prints the plan first');
    assert.match(apply.stdout, new RegExp(`^created   acme\\.trunk\\.yaml:10  Twilio trunk "Acme main": 2 operations applied\\. Wrote sid ${trunk.sid} into the file\\.$`, 'm'));
    assert.match(apply.stdout, /^Apply: 1 created, 1 unchanged\.$/m);

    // Only the sid line was added: comments, order and the other document are untouched.
    const expected = acmeFile(byocSid).replace('account: acme\nspec:\n  friendly_name: Acme main', `account: acme\nsid: ${trunk.sid}\nspec:\n  friendly_name: Acme main`);
    assert.equal(readFile(cwd, 'acme.trunk.yaml'), expected);
    assert.equal(readFile(cwd, 'acme.trunk.yaml').split('---\n')[0], acmeFile(byocSid).split('---\n')[0]);

    const state = JSON.parse(readFile(cwd, '.trunkline/sync-state.json'));
    assert.equal(state.version, 2);
    assert.deepEqual(Object.keys(state.resources).sort(), [`acme/TwilioByocTrunk/${byocSid}`, `acme/TwilioTrunk/${trunk.sid}`]);

    const again = await trunkline(['plan', '--no-readiness']);
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.stdout, 'Plan: 0 to change (0 operations), 2 in sync.\n');
  });

  it('prints the plan as stable JSON', async () => {
    const run = await trunkline(['plan', '--format', 'json', 'acme.trunk.yaml']);
    assert.equal(run.code, 3);
    const json = JSON.parse(run.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.summary, { documents: 2, toChange: 1, inSync: 1, notPlanned: 0, operations: 2, remoteChanged: 0 });
    assert.deepEqual(json.diagnostics, []);
    assert.deepEqual(json.documents[0], {
      file: 'acme.trunk.yaml',
      index: 0,
      line: 2,
      kind: 'TwilioByocTrunk',
      account: 'acme',
      sid: byocSid,
      title: 'BYOC trunk "Carrier A"',
      status: 'in-sync',
      operations: [],
      warnings: [],
      remoteChanged: null,
      refusal: null,
    });
    assert.deepEqual(json.documents[1].operations, [
      {
        type: 'twilio.trunk.create',
        mark: '+',
        description: 'Create Twilio trunk acme-main.pstn.twilio.com',
        changes: [
          { field: 'friendly_name', to: 'Acme main' },
          { field: 'domain_name', to: 'acme-main.pstn.twilio.com' },
        ],
      },
      { type: 'twilio.number.attach', mark: '+', description: `Attach ${N1}`, changes: [] },
    ]);
    assert.equal(json.documents[1].status, 'changes');
    assert.equal(json.documents[1].sid, null);
  });

  it('apply --format json reports each document\'s outcome and the sid it wrote', async () => {
    const run = await trunkline(['apply', '--yes', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    const trunk = await h.twilio.trunks.findByDomainName('acme-main.pstn.twilio.com');
    assert.equal(json.confirmed, true);
    assert.deepEqual(json.counts, { created: 1, updated: 0, unchanged: 1, failed: 0, skipped: 0 });
    assert.deepEqual(json.results[1], {
      file: 'acme.trunk.yaml',
      index: 1,
      title: 'Twilio trunk "Acme main"',
      outcome: 'created',
      message: '2 operations applied.',
      sid: trunk!.sid,
      sidWritten: true,
      applied: ['Create Twilio trunk acme-main.pstn.twilio.com', `Attach ${N1}`],
      notApplied: [],
    });
    assert.equal(json.plan.summary.toChange, 1);
  });

  it('refuses to apply without --yes when stdin is not a terminal, sending nothing', async () => {
    const run = await trunkline(['apply', 'acme.trunk.yaml'], { stdin: 'yes\n' });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'trunkline: Not applying without confirmation: stdin is not a terminal. Review the plan, then run "trunkline apply --yes".\n');
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 0);
    assert.equal(readFile(cwd, 'acme.trunk.yaml'), acmeFile(byocSid));
  });

  it('does not write the sid into a file that changed on disk after the plan, and says so', async () => {
    h.emu.faults.add({ kind: 'latency', latencyMs: 1_500, method: 'POST', path: '/v1/Trunks', times: 1 });
    const running = trunkline(['apply', '--yes', 'acme.trunk.yaml']);
    while (h.emu.stats.count('POST', '/v1/Trunks') === 0) await delay(10);
    const edited = `${acmeFile(byocSid)}# edited while apply was running\n`;
    writeFile(cwd, 'acme.trunk.yaml', edited);
    const run = await running;

    assert.equal(run.code, 1);
    const trunk = await h.twilio.trunks.findByDomainName('acme-main.pstn.twilio.com');
    assert.ok(trunk);
    assert.match(run.stdout, /^failed +acme\.trunk\.yaml:10 /m);
    assert.ok(
      run.stdout.includes(`exists as ${trunk.sid} but writing its sid into the file failed (acme.trunk.yaml changed on disk since the plan was made). Add "sid: ${trunk.sid}" to the document`),
      run.stdout,
    );
    assert.equal(readFile(cwd, 'acme.trunk.yaml'), edited, 'the edit is kept');
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks/{TrunkSid}/PhoneNumbers'), 0, 'nothing after the create was sent');

    // No duplicate next time: the trunk owning the domain is adopted.
    const plan = await trunkline(['plan', 'acme.trunk.yaml']);
    assert.equal(plan.code, 3);
    assert.match(plan.stdout, new RegExp(`= Use the existing trunk ${trunk.sid}, which already owns acme-main\\.pstn\\.twilio\\.com,`));
  });

  it('stops before the next operation when the file changes on disk during apply', async () => {
    const trunk = await h.twilio.trunks.create({ friendly_name: 'Old', domain_name: 'acme-main.pstn.twilio.com' });
    writeFile(cwd, 'acme.trunk.yaml', acmeFile(byocSid).replace('account: acme\nspec:\n  friendly_name: Acme main', `account: acme\nsid: ${trunk.sid}\nspec:\n  friendly_name: Acme main`));
    h.emu.faults.add({ kind: 'latency', latencyMs: 1_500, method: 'POST', path: '/v1/Trunks/{Sid}', times: 1 });
    const running = trunkline(['apply', '--yes', 'acme.trunk.yaml']);
    while (h.emu.stats.count('POST', '/v1/Trunks/{Sid}') === 0) await delay(10);
    writeFile(cwd, 'acme.trunk.yaml', `${readFile(cwd, 'acme.trunk.yaml')}# edited\n`);
    const run = await running;
    assert.equal(run.code, 1);
    assert.ok(run.stdout.includes(`1 of 2 operations applied; stopped before Attach ${N1}: acme.trunk.yaml changed on disk since the plan was made.`), run.stdout);
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks/{TrunkSid}/PhoneNumbers'), 0);
  });

  describe('when the trunk changed at the provider since the last push', () => {
    it('plan shows it, apply skips it without --overwrite and applies it with', async () => {
      assert.equal((await trunkline(['apply', '--yes'])).code, 0);
      const trunk = await h.twilio.trunks.findByDomainName('acme-main.pstn.twilio.com');
      await h.twilio.trunks.update(trunk!.sid, { friendly_name: 'Renamed in console' });
      writeFile(cwd, 'acme.trunk.yaml', readFile(cwd, 'acme.trunk.yaml').replace('  # numbers for the front desk', '  secure: true\n  # numbers for the front desk'));

      const plan = await trunkline(['plan']);
      assert.equal(plan.code, 3);
      assert.match(plan.stdout, /^ {2}! The remote changed since the last push or pull \(friendly_name\); applying overwrites it\.$/m);
      assert.match(plan.stdout, /^Plan: 1 to change \(1 operation\), 1 in sync\. 1 document changed at the provider since the last push or pull: apply skips it unless --overwrite is given\.$/m);

      const skipped = await trunkline(['apply', '--yes']);
      assert.equal(skipped.code, 1);
      assert.match(skipped.stdout, /^skipped +acme\.trunk\.yaml:10 {2}Twilio trunk "Acme main": The remote Twilio trunk "Acme main" changed since it was last pushed or pulled \(friendly_name\)\./m);
      assert.equal((await h.twilio.trunks.fetch(trunk!.sid)).friendly_name, 'Renamed in console');
      assert.equal((await h.twilio.trunks.fetch(trunk!.sid)).secure, false);

      const overwritten = await trunkline(['apply', '--yes', '--overwrite']);
      assert.equal(overwritten.code, 0, overwritten.stdout);
      const after = await h.twilio.trunks.fetch(trunk!.sid);
      assert.equal(after.friendly_name, 'Acme main');
      assert.equal(after.secure, true);
      assert.equal((await trunkline(['plan'])).code, 0);
    });

    it('--no-state neither reads nor writes the sync state', async () => {
      assert.equal((await trunkline(['apply', '--yes', '--no-state'])).code, 0);
      assert.equal(fs.existsSync(path.join(cwd, '.trunkline')), false);
    });
  });

  it('plan exits 1 for invalid documents and documents that cannot be planned, naming the place', async () => {
    writeFile(cwd, 'gone.trunk.yaml', `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nsid: TK00000000000000000000000000000000\nspec:\n  friendly_name: Gone\n`);
    writeFile(cwd, 'bad.trunk.yaml', `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  secure: maybe\n`);
    const run = await trunkline(['plan', 'gone.trunk.yaml', 'bad.trunk.yaml']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^bad\.trunk\.yaml:5:11 error secure must be true or false, not "maybe"\. \[invalid-type\]$/m);
    assert.match(run.stdout, /^Twilio trunk "Gone" \(acme\): not planned\. Twilio trunk "Gone" \(TK0{32}\) no longer exists in account acme/m);
    assert.match(run.stdout, /^Plan: 0 to change \(0 operations\), 0 in sync, 2 not planned\.$/m);
  });

  describe('credentials', () => {
    it('names the missing variable and sends nothing', async () => {
      h.emu.stats.reset();
      const run = await trunkline(['plan'], { env: { TWILIO_AUTH_TOKEN: undefined } });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'trunkline: Set TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET) for account "acme".\n');
      assert.equal(h.emu.stats.snapshot().total, 0);
    });

    it('reads PREFIX_ variables for an account with an "env" prefix', async () => {
      writeFile(cwd, 'trunkline.config.json', emulatorConfig(h.emu, { acme: { provider: 'twilio', accountSid: h.emu.credentials.accountSid, baseUrl: h.emu.baseUrl, env: 'ACME_PROD' } }));
      const missing = await trunkline(['plan']);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'trunkline: Set ACME_PROD_TWILIO_AUTH_TOKEN (or ACME_PROD_TWILIO_API_KEY and ACME_PROD_TWILIO_API_SECRET) for account "acme".\n');
      const found = await trunkline(['plan'], { env: { TWILIO_AUTH_TOKEN: undefined, ACME_PROD_TWILIO_AUTH_TOKEN: CANARY_CREDENTIALS.authToken } });
      assert.equal(found.code, 3, found.stderr);
    });

    it('accepts an API key and names its missing half', async () => {
      const key = { TWILIO_AUTH_TOKEN: undefined, TWILIO_API_KEY: h.emu.credentials.apiKeySid };
      const half = await trunkline(['plan'], { env: key });
      assert.equal(half.code, 2);
      assert.equal(half.stderr, `trunkline: Set TWILIO_API_SECRET to the secret of API key ${h.emu.credentials.apiKeySid}, for account "acme".\n`);
      const whole = await trunkline(['plan'], { env: { ...key, TWILIO_API_SECRET: CANARY_CREDENTIALS.apiKeySecret } });
      assert.equal(whole.code, 3, whole.stderr);
    });

    it('names CARRIERX_TOKEN for a CarrierX document', async () => {
      writeFile(cwd, 'cx.trunk.yaml', 'apiVersion: trunkline/v1\nkind: CarrierXTrunkGroup\naccount: cx\nspec:\n  name: East\n');
      const run = await trunkline(['plan', 'cx.trunk.yaml'], { env: { CARRIERX_TOKEN: undefined } });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'trunkline: Set CARRIERX_TOKEN to the CarrierX API token of account "cx".\n');
      assert.equal((await trunkline(['plan', 'cx.trunk.yaml'])).code, 3);
    });

    it('exits 2 when the provider rejects the credentials, never printing them', async () => {
      const wrong = 'wr0ngT0ken-never-printed-0123456';
      const run = await runTrunkline(['plan'], { cwd, env: { ...CANARY_ENV, TWILIO_AUTH_TOKEN: wrong }, secrets: [...CANARY_SECRETS, wrong] });
      assert.equal(run.code, 2);
      assert.match(run.stdout, /not planned\. Could not read account acme: Twilio 20003: .+ \(HTTP 401\)/);
      const apply = await runTrunkline(['apply', '--yes'], { cwd, env: { ...CANARY_ENV, TWILIO_AUTH_TOKEN: wrong }, secrets: [...CANARY_SECRETS, wrong] });
      assert.equal(apply.code, 2);
      assert.match(apply.stderr, /^trunkline: Nothing applied: 2 documents could not be read from the provider/);
    });

    it('a document naming an account the config does not have is a setup error, before any request', async () => {
      writeFile(cwd, 'other.trunk.yaml', 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: globex\nspec:\n  friendly_name: G\n');
      h.emu.stats.reset();
      const run = await trunkline(['plan']);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, `trunkline: No account named "globex" in ${path.join(fs.realpathSync(cwd), 'trunkline.config.json')} (accounts: acme, cx). Add it there, or correct the name.\n`);
      assert.equal(h.emu.stats.snapshot().total, 0);
    });

    it('without a config file, --account names the one account and the variables its credentials', async () => {
      fs.rmSync(path.join(cwd, 'trunkline.config.json'));
      const run = await trunkline(['plan', '--account', 'acme'], { env: { TWILIO_AUTH_TOKEN: undefined } });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'trunkline: Set TWILIO_ACCOUNT_SID to the Account SID (AC…) of account "acme".\n');
      const none = await trunkline(['plan']);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /^trunkline: No account named "acme": no trunkline\.config\.json was found in .+ or above\. Create one mapping "acme" to its provider, or pass --account acme with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN \(or CARRIERX_TOKEN\) set\.\n$/);
    });
  });

  describe('the config file', () => {
    it('is rejected, naming the key but never the value, when it holds something that looks like a secret', async () => {
      const config = JSON.parse(emulatorConfig(h.emu));
      config.accounts.acme.authToken = CANARY_CREDENTIALS.authToken;
      writeFile(cwd, 'trunkline.config.json', JSON.stringify(config));
      const run = await trunkline(['plan']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^trunkline: trunkline\.config\.json: "accounts\.acme\.authToken" looks like a secret\. Secrets never go in the config file/);
      assert.equal(h.emu.stats.count('GET', '/v1/Trunks'), 0);

      const hexValue = JSON.parse(emulatorConfig(h.emu));
      hexValue.accounts.acme.env = '0123456789abcdef0123456789abcdef';
      writeFile(cwd, 'trunkline.config.json', JSON.stringify(hexValue));
      const byValue = await runTrunkline(['validate'], { cwd, secrets: ['0123456789abcdef0123456789abcdef'] });
      assert.equal(byValue.code, 2);
      assert.match(byValue.stderr, /^trunkline: trunkline\.config\.json: the value of "accounts\.acme\.env" looks like a secret\./);
    });

    it('says what is wrong with a broken or mistyped config', async () => {
      writeFile(cwd, 'trunkline.config.json', '{ "accounts": { ');
      const broken = await trunkline(['validate']);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /^trunkline: trunkline\.config\.json is not valid JSON: /);
      writeFile(cwd, 'trunkline.config.json', JSON.stringify({ accounts: { acme: { provider: 'twillio' } } }));
      const typo = await trunkline(['validate']);
      assert.equal(typo.stderr, 'trunkline: trunkline.config.json: "accounts.acme.provider" must be "twilio" or "carrierx".\n');
      const explicit = await trunkline(['validate', '--config', 'missing.json']);
      assert.equal(explicit.code, 2);
      assert.equal(explicit.stderr, 'trunkline: Config file not found: missing.json\n');
    });

    it('is found from a subdirectory, and the sync state stays beside it', async () => {
      fs.mkdirSync(path.join(cwd, 'sub'));
      fs.renameSync(path.join(cwd, 'acme.trunk.yaml'), path.join(cwd, 'sub', 'acme.trunk.yaml'));
      const run = await runTrunkline(['apply', '--yes', 'acme.trunk.yaml'], { cwd: path.join(cwd, 'sub'), env: CANARY_ENV, secrets: CANARY_SECRETS });
      assert.equal(run.code, 0, run.stderr);
      const state = JSON.parse(readFile(cwd, '.trunkline/sync-state.json'));
      assert.ok(Object.keys(state.resources).length === 2 && Object.keys(state.resources).every((k) => k.startsWith('acme/')), JSON.stringify(state));
      assert.equal((await trunkline(['plan', 'sub'])).code, 0);
    });
  });

  it('--verbose logs each API call to stderr without credentials', async () => {
    const run = await trunkline(['plan', '--verbose']);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /^trunkline info: GET 127\.0\.0\.1:\d+\/v1\/Trunks\?PageSize=1000 → 200 in \d+ ms/m);
    assert.doesNotMatch(run.stderr, /Basic |Bearer /);
  });
});
