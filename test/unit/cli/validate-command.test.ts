import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ensureCliBuilt, makeWorkspace, runTrunkline } from '../../support/cli-harness';

const GOOD = `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Acme main
  domain_name: acme-main.pstn.twilio.com
  phone_numbers: ["+14155550100"]
`;

/** Document 2 has a wrong type on line 13 and claims GOOD's number on line 14. */
const MULTI = `# first is fine
apiVersion: trunkline/v1
kind: TwilioByocTrunk
account: acme
spec:
  friendly_name: Carrier A
---
apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Edge
  secure: maybe
  phone_numbers: ["+14155550100"]
`;

const BROKEN_YAML = `apiVersion: trunkline/v1
kind: TwilioTrunk
spec: [unclosed
`;

describe('trunkline validate', () => {
  const dirs: string[] = [];
  const workspace = (files: Record<string, string>) => {
    const dir = makeWorkspace(files);
    dirs.push(dir);
    return dir;
  };
  before(() => ensureCliBuilt());
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('exits 0 with nothing on stdout for a good file, and says so on stderr; call readiness is checked by default', async () => {
    const cwd = workspace({ 'good.trunk.yaml': GOOD });
    const run = await runTrunkline(['validate', '--no-readiness', 'good.trunk.yaml'], { cwd });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '1 file, 1 document checked: no problems.\n');
    // By default: the trunk Push would create links no list and has nowhere to send calls (warnings: still exit 0).
    const ready = await runTrunkline(['validate', 'good.trunk.yaml'], { cwd });
    assert.equal(ready.code, 0);
    assert.deepEqual(ready.stdout.trimEnd().split('\n').map((l) => l.replace(/ warning .* \[/, ' [')), ['good.trunk.yaml:4:1 [readiness-twilio-trunk-no-termination-lists]', 'good.trunk.yaml:4:1 [readiness-twilio-trunk-no-origination]']);
    assert.equal(ready.stderr, '1 file, 1 document checked: 2 warnings.\n');
  });

  it('prints each problem of a multi-document file as file:line:col severity message [code], 1-based, and exits 1', async () => {
    const cwd = workspace({ 'multi.trunk.yaml': MULTI });
    const run = await runTrunkline(['validate', '--no-readiness', 'multi.trunk.yaml'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, 'multi.trunk.yaml:13:11 error secure must be true or false, not "maybe". [invalid-type]\n');
  });

  it('reports a number claimed by two files in both of them (the editor\'s workspace check)', async () => {
    const cwd = workspace({ 'trunks/good.trunk.yaml': GOOD, 'trunks/multi.trunk.yaml': MULTI });
    const run = await runTrunkline(['validate', '--no-readiness', 'trunks'], { cwd });
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      'trunks/good.trunk.yaml:7:19 error +14155550100 is also listed on the trunk in trunks/multi.trunk.yaml (line 14); a number can be attached to only one trunk. [duplicate-phone-number]',
      'trunks/multi.trunk.yaml:13:11 error secure must be true or false, not "maybe". [invalid-type]',
      'trunks/multi.trunk.yaml:14:19 error +14155550100 is also listed on the trunk in trunks/good.trunk.yaml (line 7); a number can be attached to only one trunk. [duplicate-phone-number]',
    ]);
    assert.equal(run.stderr, '2 files, 3 documents checked: 3 errors.\n');
  });

  it('reports a sid named by two files (a file copied as a template) in both, at the sid', async () => {
    const sid = 'TK0123456789abcdef0123456789abcdef';
    const named = GOOD.replace('account: acme\n', `account: acme\nsid: ${sid}\n`);
    const copy = named.replace('Acme main', 'Acme copy').replace('acme-main', 'acme-copy').replace('+14155550100', '+14155550109');
    const cwd = workspace({ 'a.trunk.yaml': named, 'b.trunk.yaml': copy });
    const run = await runTrunkline(['validate', '--no-readiness', '.'], { cwd });
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      `a.trunk.yaml:4:6 error ${sid} is also the sid of b.trunk.yaml (line 4); one resource, one document, or each push would undo the other's changes. Keep the sid in one document; remove it from the other (a copy meant as a template) to create a new resource. [duplicate-sid]`,
      `b.trunk.yaml:4:6 error ${sid} is also the sid of a.trunk.yaml (line 4); one resource, one document, or each push would undo the other's changes. Keep the sid in one document; remove it from the other (a copy meant as a template) to create a new resource. [duplicate-sid]`,
    ]);
  });

  it('reports YAML syntax errors and files that are not YAML at all without a stack trace', async () => {
    const cwd = workspace({ 'broken.trunk.yaml': BROKEN_YAML, 'binary.trunk.yaml': '\u0000\u0001\u0002' });
    const run = await runTrunkline(['validate', 'broken.trunk.yaml', 'binary.trunk.yaml'], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^broken\.trunk\.yaml:4:1 error .+ \[yaml-syntax\]$/m);
    assert.match(run.stdout, /^binary\.trunk\.yaml:1:1 error .+ \[invalid-type\]$/m);
  });

  it('checks account names against the configured accounts: a warning passes, and fails with --strict', async () => {
    const cwd = workspace({ 'good.trunk.yaml': GOOD, 'trunkline.config.json': JSON.stringify({ accounts: { acmee: { provider: 'twilio' } } }) });
    const lenient = await runTrunkline(['validate', '--no-readiness', 'good.trunk.yaml'], { cwd });
    assert.equal(lenient.code, 0);
    assert.equal(lenient.stdout, 'good.trunk.yaml:3:10 warning No connected account is named acme. Did you mean acmee? Connected accounts: acmee. [unknown-account]\n');
    const strict = await runTrunkline(['validate', '--no-readiness', '--strict', 'good.trunk.yaml'], { cwd });
    assert.equal(strict.code, 1);
  });

  it('skips the account check when no account is configured', async () => {
    const cwd = workspace({ 'good.trunk.yaml': GOOD });
    const run = await runTrunkline(['validate', '--no-readiness', '--strict'], { cwd });
    assert.equal(run.code, 0);
  });

  it('prints JSON with every diagnostic, 1-based ranges and related locations', async () => {
    const cwd = workspace({ 'good.trunk.yaml': GOOD, 'multi.trunk.yaml': MULTI });
    const run = await runTrunkline(['validate', '--no-readiness', '--format', 'json', 'good.trunk.yaml', 'multi.trunk.yaml'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.files, [
      { file: 'good.trunk.yaml', documents: 1 },
      { file: 'multi.trunk.yaml', documents: 2 },
    ]);
    assert.deepEqual(json.summary, { files: 2, documents: 3, errors: 3, warnings: 0 });
    assert.deepEqual(json.diagnostics[0], {
      file: 'good.trunk.yaml',
      line: 7,
      column: 19,
      endLine: 7,
      endColumn: 33,
      severity: 'error',
      code: 'duplicate-phone-number',
      message: '+14155550100 is also listed on the trunk in multi.trunk.yaml (line 14); a number can be attached to only one trunk.',
      related: [{ file: 'multi.trunk.yaml', line: 14, column: 19, message: 'Also listed here' }],
    });
    assert.deepEqual(
      json.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line} ${d.code}`),
      ['good.trunk.yaml:7 duplicate-phone-number', 'multi.trunk.yaml:13 invalid-type', 'multi.trunk.yaml:14 duplicate-phone-number'],
    );
  });

  it('finds files by quoted glob, and by directory (the current one by default)', async () => {
    const cwd = workspace({ 'a/one.trunk.yaml': GOOD.replace('+14155550100', '+14155550101'), 'b/c/two.trunk.yml': GOOD.replace('acme-main', 'other'), 'b/notes.yaml': 'not: a trunk file' });
    const byGlob = await runTrunkline(['validate', '**/*.trunk.y*ml'], { cwd });
    assert.equal(byGlob.code, 0, byGlob.stdout);
    assert.match(byGlob.stderr, /^2 files, 2 documents checked/);
    const byDefault = await runTrunkline(['validate', '--format', 'json'], { cwd });
    assert.deepEqual(JSON.parse(byDefault.stdout).files.map((f: { file: string }) => f.file), ['a/one.trunk.yaml', 'b/c/two.trunk.yml']);
  });

  it('exits 2 with one line for a path that does not exist or a glob that matches nothing', async () => {
    const cwd = workspace({});
    const missing = await runTrunkline(['validate', 'nope.trunk.yaml'], { cwd });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'trunkline: No such file or directory: nope.trunk.yaml\n');
    const glob = await runTrunkline(['validate', 'trunks/*.trunk.yaml'], { cwd });
    assert.equal(glob.code, 2);
    assert.equal(glob.stderr, 'trunkline: No files match trunks/*.trunk.yaml.\n');
    const empty = await runTrunkline(['validate'], { cwd });
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, 'trunkline: No trunk files (*.trunk.yaml) in the current directory.\n');
  });

  it('exits 2 on usage errors and points to the command help', async () => {
    const cwd = workspace({ 'good.trunk.yaml': GOOD });
    const unknown = await runTrunkline(['validate', '--yes'], { cwd });
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'trunkline: Unknown option --yes.\nRun "trunkline validate --help" for usage.\n');
    const format = await runTrunkline(['validate', '--format', 'xml'], { cwd });
    assert.equal(format.code, 2);
    assert.match(format.stderr, /^trunkline: --format must be text, json or markdown, not "xml"\./);
    const help = await runTrunkline(['validate', '--help'], { cwd });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: trunkline validate /);
    assert.match(help.stdout, /Exit codes: 0 no errors/);
  });
});

describe('trunkline (no command)', () => {
  before(() => ensureCliBuilt());

  it('prints its version, its help, and exits 2 with the help on stderr when given nothing', async () => {
    const cwd = process.cwd();
    const version = await runTrunkline(['--version'], { cwd });
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = await runTrunkline(['--help'], { cwd });
    assert.equal(help.code, 0);
    for (const command of ['validate', 'plan', 'apply', 'export']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(help.stdout, /HTTPS_PROXY, NO_PROXY/);
    assert.match(help.stdout, /NODE_EXTRA_CA_CERTS/);
    const nothing = await runTrunkline([], { cwd });
    assert.equal(nothing.code, 2);
    assert.equal(nothing.stdout, '');
    assert.match(nothing.stderr, /^trunkline \d/);
    const unknown = await runTrunkline(['frobnicate'], { cwd });
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'trunkline: Unknown command "frobnicate". Commands: validate, plan, apply, export, drift.\nRun "trunkline --help" for usage.\n');
  });
});
