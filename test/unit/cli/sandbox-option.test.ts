import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_CREDENTIALS } from '../../../src/emulator/sandbox-credentials';
import { ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';

describe('trunkline --sandbox', () => {
  const dirs: string[] = [];
  before(() => ensureCliBuilt());
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const workspace = (files: Record<string, string> = {}) => {
    const dir = makeWorkspace(files);
    dirs.push(dir);
    return dir;
  };

  it('exports, plans, applies and plans again against the embedded emulator, its data kept in --sandbox-state', async () => {
    const cwd = workspace();
    const trunkline = (args: string[]) => runTrunkline([...args, '--sandbox-state', 'sandbox.json'], { cwd });

    const exported = await trunkline(['export', '--out', 'trunks']);
    assert.equal(exported.code, 0, exported.stderr);
    const files = fs.readdirSync(`${cwd}/trunks`).sort();
    // SANDBOX_SEED: 6 trunks, 2 BYOC trunks, 3 trunk groups, 3 IP access control lists, 3 credential lists,
    // and the routes seeded with them: 3 connection policies, 4 endpoints.
    assert.equal(files.length, 24, files.join(', '));
    assert.equal((await runTrunkline(['validate', '--sandbox', '--strict', '--no-readiness', 'trunks'], { cwd })).code, 0);
    // The seed has a few trunks that cannot take calls, on purpose: by default they are said, and --strict fails on them.
    const ready = await runTrunkline(['validate', '--sandbox', 'trunks'], { cwd });
    assert.equal(ready.code, 0);
    assert.deepEqual([...new Set(ready.stdout.trimEnd().split('\n').map((l) => /\[(readiness-[a-z-]+)\]$/.exec(l)?.[1] ?? l))].sort(), ['readiness-carrierx-trunk-no-endpoint', 'readiness-twilio-trunk-no-numbers', 'readiness-twilio-trunk-no-termination-lists']);
    assert.equal((await runTrunkline(['validate', '--sandbox', '--strict', 'trunks'], { cwd })).code, 1);
    assert.equal((await trunkline(['plan', '--no-readiness', 'trunks'])).stdout, 'Plan: 0 to change (0 operations), 24 in sync.\n');

    const group = files.find((f) => f.startsWith('group-'))!;
    writeFile(cwd, `trunks/${group}`, readFile(cwd, `trunks/${group}`).replace(/^ {2}name: .+$/m, '  name: Renamed by the CLI test'));
    writeFile(cwd, 'new.trunk.yaml', '# a new BYOC trunk\napiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: CLI BYOC\n');
    const plan = await trunkline(['plan']);
    assert.equal(plan.code, 3, plan.stdout);
    assert.match(plan.stdout, /^Plan: 2 to change \(2 operations\), 23 in sync\.$/m);

    const apply = await trunkline(['apply', '--yes']);
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    assert.match(apply.stdout, /^Apply: 1 created, 1 updated, 23 unchanged\.$/m);
    assert.match(readFile(cwd, 'new.trunk.yaml'), /^account: sandbox\nsid: BY[0-9a-f]{32}\nspec:/m);

    // A new process, a new emulator: the same data, read back from sandbox.json.
    const after = await trunkline(['plan', '--format', 'json']);
    assert.equal(after.code, 0, after.stdout);
    assert.deepEqual(JSON.parse(after.stdout).summary, { documents: 25, toChange: 0, inSync: 25, notPlanned: 0, operations: 0, remoteChanged: 0 });
  });

  it('offers only the account "sandbox"', async () => {
    const cwd = workspace({ 'acme.trunk.yaml': 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: acme\nspec:\n  friendly_name: A\n' });
    const validate = await runTrunkline(['validate', '--sandbox'], { cwd });
    assert.equal(validate.code, 0);
    assert.match(validate.stdout, /warning No connected account is named acme\. .*Connected accounts: sandbox\. \[unknown-account\]/);
    const plan = await runTrunkline(['plan', '--sandbox'], { cwd });
    assert.equal(plan.code, 2);
    assert.equal(plan.stderr, 'trunkline: With --sandbox the only account is "sandbox"; "acme" is not available.\n');
    const exported = await runTrunkline(['--sandbox', 'export', '--account', 'acme'], { cwd });
    assert.equal(exported.code, 2);
    assert.match(exported.stderr, /^trunkline: With --sandbox the only account is "sandbox", not "acme"\./);
  });

  it('without --sandbox, a document naming "sandbox" says how to reach it', async () => {
    const cwd = workspace({ 'trunkline.config.json': '{ "accounts": {} }', 'sb.trunk.yaml': 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: A\n' });
    const run = await runTrunkline(['plan'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'trunkline: Account "sandbox" is the embedded emulator: run with --sandbox.\n');
    // The sandbox's published credentials are not secrets, but they still never need printing.
    assert.ok(!run.stderr.includes(SANDBOX_CREDENTIALS.authToken));
  });
});
