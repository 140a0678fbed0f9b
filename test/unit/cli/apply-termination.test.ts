import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { collect } from '../../../src/core/providers/page';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// `trunkline apply` of a folder holding a trunk and the two lists it names: the lists first, one
// plan, and a new username's password from its environment variable only (never in a file,
// the output or the sync state). Without it, apply refuses before any change, naming the variable.

const PASSWORD = 'Cli-Canary-Passw0rd-4412';
const VARIABLE = 'TRUNKLINE_SIP_PASSWORD_CLI_PBX_USERS_PBX_A';

const FILES = {
  // Named so that the trunk comes first: apply orders by reference, not by file name.
  'a-trunk.trunk.yaml': 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  friendly_name: CLI term\n  domain_name: cli-term.pstn.twilio.com\n  ip_access_control_lists: [CLI office]\n  credential_lists: [CLI PBX users]\n',
  'b-acl.trunk.yaml': 'apiVersion: trunkline/v1\nkind: TwilioIpAccessControlList\naccount: acme\nspec:\n  friendly_name: CLI office\n  ip_addresses:\n    - { friendly_name: pbx, ip_address: 198.51.100.7 }\n',
  'c-users.trunk.yaml': 'apiVersion: trunkline/v1\nkind: TwilioCredentialList\naccount: acme\nspec:\n  friendly_name: CLI PBX users\n  credentials:\n    - username: pbx-a\n',
};

describe('trunkline apply: termination lists and a trunk that names them', () => {
  let h: SyncHarness;
  let cwd: string;
  const trunkline = (args: string[], env: Record<string, string> = {}) => runTrunkline(args, { cwd, env: { ...CANARY_ENV, ...env }, secrets: [...CANARY_SECRETS, PASSWORD] });

  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), ...FILES });
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('refuses before any change when the password variable is missing, naming it', async () => {
    const run = await trunkline(['apply', '--yes']);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /Nothing applied: the plan needs 1 secret that no trunk file holds/);
    assert.match(run.stderr, new RegExp(`${VARIABLE} \\(the password of pbx-a in credential list "CLI PBX users"\\): it is not set`));
    assert.equal((await h.twilio.trunks.findByDomainName('cli-term.pstn.twilio.com')) ?? undefined, undefined);
    assert.deepEqual(await h.twilio.credentialLists.findByFriendlyName('CLI PBX users'), []);
    for (const name of Object.keys(FILES)) assert.equal(readFile(cwd, name), FILES[name as keyof typeof FILES]);

    const json = await trunkline(['apply', '--yes', '--format', 'json']);
    assert.equal(JSON.parse(json.stdout).error.code, 'missing-secret');
  });

  it('refuses a password that breaks Twilio\'s rules, without printing it', async () => {
    const run = await trunkline(['apply', '--yes'], { [VARIABLE]: 'short1A' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`${VARIABLE} \\(the password of pbx-a in credential list "CLI PBX users"\\): Twilio needs at least 12 characters`));
    assert.ok(!run.stderr.includes('short1A'));
  });

  it('applies the lists first, then links both to the trunk; the password is nowhere but at the provider', async () => {
    const plan = await trunkline(['plan']);
    assert.match(plan.stdout, new RegExp(`Add username pbx-a \\(its password is asked for; the CLI reads ${VARIABLE}\\)`));
    const run = await trunkline(['apply', '--yes'], { [VARIABLE]: PASSWORD });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^Apply: 3 created\.$/m);
    const trunk = await h.twilio.trunks.findByDomainName('cli-term.pstn.twilio.com');
    assert.ok(trunk);
    assert.deepEqual([...((await h.twilio.trunks.fetch(trunk.sid)).auth_type_set ?? [])].sort(), ['CREDENTIAL_LIST', 'IP_ACL']);
    assert.match(readFile(cwd, 'a-trunk.trunk.yaml'), /^sid: TK[0-9a-f]{32}$/m);
    const [list] = await h.twilio.credentialLists.findByFriendlyName('CLI PBX users');
    assert.deepEqual((await collect(h.twilio.credentials.list(list!.sid))).map((c) => c.username), ['pbx-a']);
    for (const file of walk(cwd)) assert.ok(!fs.readFileSync(file, 'utf8').includes(PASSWORD), `${file} holds the password`);
    assert.equal((await trunkline(['plan'])).stdout.split('\n').at(-2), 'Plan: 0 to change (0 operations), 3 in sync.');
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
