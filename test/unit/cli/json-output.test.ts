import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { default as AjvClass, ValidateFunction } from 'ajv';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/run-cli';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, runTrunkline, writeFile } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// With --format json every run prints exactly one JSON object on stdout, errors included, and
// every such object is valid against schemas/cli-output.schema.json (the README's shapes).

const schemaFile = path.join(__dirname, '..', '..', '..', '..', 'schemas', 'cli-output.schema.json');

const TRUNK = `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Acme main
  domain_name: acme-main.pstn.twilio.com
`;

const INVALID = `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Edge
  secure: maybe
`;

type Definition = 'validate' | 'plan' | 'apply' | 'export' | 'error' | 'help' | 'version';

describe('--format json', () => {
  let h: SyncHarness;
  let cwd: string;
  let validateOutput: ValidateFunction;
  let definition: (name: Definition) => ValidateFunction;

  /** Parses stdout as one JSON object, checks it against the whole schema and one definition. */
  const checkOutput = (stdout: string, expected: Definition): Record<string, unknown> => {
    let json: unknown;
    assert.doesNotThrow(() => (json = JSON.parse(stdout)), `stdout is not one JSON value:\n${stdout}`);
    assert.ok(json && typeof json === 'object' && !Array.isArray(json), stdout);
    assert.ok(validateOutput(json), `invalid against the schema: ${JSON.stringify(validateOutput.errors, null, 2)}\n${stdout}`);
    const one = definition(expected);
    assert.ok(one(json), `not a ${expected} object: ${JSON.stringify(one.errors, null, 2)}\n${stdout}`);
    return json as Record<string, unknown>;
  };
  const expectError = (run: { code: number | null; stdout: string; stderr: string }, code: string, exitCode = 2) => {
    const json = checkOutput(run.stdout, 'error') as { command: string | null; error: { code: string; exitCode: number; message: string } };
    assert.equal(json.error.code, code, run.stdout);
    assert.equal(json.error.exitCode, exitCode);
    assert.equal(run.code, exitCode);
    assert.ok(run.stderr.includes(json.error.message.split('\n')[0]!), 'stderr keeps the human line');
    return json;
  };
  const trunkline = (args: string[], env: Record<string, string | undefined> = {}) => runTrunkline(args, { cwd, env: { ...CANARY_ENV, ...env }, secrets: CANARY_SECRETS });

  before(async () => {
    ensureCliBuilt();
    const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $id: string };
    validateOutput = ajv.compile(schema);
    definition = (name) => ajv.getSchema(`${schema.$id}#/definitions/${name}`)!;
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS, seeding: { trunks: 1, numbers: 0, byocTrunks: 0, trunkGroups: 1 } });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    if (cwd) fs.rmSync(cwd, { recursive: true, force: true });
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'acme.trunk.yaml': TRUNK });
  });

  it('validate, plan, apply and export print their result as one object of their shape', async () => {
    const clean = await trunkline(['validate', '--format', 'json']);
    assert.equal(clean.code, 0);
    checkOutput(clean.stdout, 'validate');

    writeFile(cwd, 'edge.trunk.yaml', INVALID);
    const problems = await trunkline(['validate', '--format=json']);
    assert.equal(problems.code, 1);
    // The invalid document's one error, and the call-readiness warnings of the documents (checked by default).
    const diagnostics = checkOutput(problems.stdout, 'validate').diagnostics as { severity: string; code: string }[];
    assert.deepEqual(diagnostics.filter((d) => !d.code.startsWith('readiness-')).length, 1);
    assert.ok(diagnostics.filter((d) => d.code.startsWith('readiness-')).every((d) => d.severity === 'warning'));

    const plan = await trunkline(['plan', '--format', 'json']);
    assert.equal(plan.code, 1, plan.stderr);
    checkOutput(plan.stdout, 'plan');
    fs.rmSync(path.join(cwd, 'edge.trunk.yaml'));

    const apply = await trunkline(['apply', '--yes', '--format', 'json']);
    assert.equal(apply.code, 0, apply.stderr);
    assert.equal(checkOutput(apply.stdout, 'apply').interrupted, false);

    const exported = await trunkline(['export', '--account', 'cx', '--out', 'cx', '--format', 'json']);
    assert.equal(exported.code, 0, exported.stderr);
    checkOutput(exported.stdout, 'export');
  });

  it('help and version are objects too', async () => {
    checkOutput((await trunkline(['--help', '--format', 'json'])).stdout, 'help');
    const planHelp = checkOutput((await trunkline(['plan', '--help', '--format', 'json'])).stdout, 'help');
    assert.equal(planHelp.command, 'plan');
    checkOutput((await trunkline(['help', 'apply', '--format', 'json'])).stdout, 'help');
    checkOutput((await trunkline(['--version', '--format', 'json'])).stdout, 'version');
  });

  it('usage errors: an unknown option, an unknown command, no command, a bad value', async () => {
    const option = expectError(await trunkline(['plan', '--bogus', '--format', 'json']), 'usage');
    assert.equal(option.command, 'plan');
    expectError(await trunkline(['deploy', '--format', 'json']), 'usage');
    expectError(await trunkline(['--format', 'json']), 'usage');
    expectError(await trunkline(['export', '--format', 'json']), 'usage');
    expectError(await trunkline(['export', '--account', 'acme', '--kind', 'Nope', '--format', 'json']), 'usage');
  });

  it('config, account, file and not-found errors', async () => {
    writeFile(cwd, 'broken.config.json', '{ "accounts": ');
    expectError(await trunkline(['plan', '--config', 'broken.config.json', '--format', 'json']), 'config');
    expectError(await trunkline(['validate', '--config', 'missing.config.json', '--format', 'json']), 'config');

    writeFile(cwd, 'other.trunk.yaml', TRUNK.replace('account: acme', 'account: nobody').replace('acme-main', 'other'));
    expectError(await trunkline(['plan', '--format', 'json']), 'account');
    fs.rmSync(path.join(cwd, 'other.trunk.yaml'));
    expectError(await trunkline(['plan', '--format', 'json'], { TWILIO_AUTH_TOKEN: undefined }), 'account');

    expectError(await trunkline(['validate', 'nothere.trunk.yaml', '--format', 'json']), 'not-found');
    fs.mkdirSync(path.join(cwd, 'empty'));
    expectError(await trunkline(['plan', 'empty', '--format', 'json']), 'not-found');

    // The sync state is a folder: it cannot be read.
    fs.mkdirSync(path.join(cwd, '.trunkline', 'sync-state.json'), { recursive: true });
    expectError(await trunkline(['plan', '--format', 'json']), 'io');
  });

  it('apply without a terminal and without --yes, and apply that cannot read the provider', async () => {
    expectError(await trunkline(['apply', '--format', 'json']), 'not-confirmed');
    expectError(await trunkline(['apply', '--yes', '--format', 'json'], { TWILIO_AUTH_TOKEN: 'wrong-token-wrong-token-wrong-tok' }), 'provider');
  });

  describe('in process, where stdin can be a terminal', () => {
    const run = async (args: string[], stdinText: string | undefined, signal: AbortSignal) => {
      let stdout = '';
      let stderr = '';
      const stdin = new PassThrough();
      const io: CliIo = {
        stdout: { write: (t) => void (stdout += t) },
        stderr: { write: (t) => void (stderr += t) },
        stdin,
        env: { ...CANARY_ENV },
        cwd,
        isTTY: { stdin: true, stdout: false, stderr: false },
      };
      if (stdinText !== undefined) stdin.end(stdinText);
      const code = await runCli(args, io, signal);
      stdin.destroy();
      return { code, stdout, stderr };
    };

    it('a declined confirmation is an apply object with confirmed false', async () => {
      const declined = await run(['apply', '--format', 'json'], 'no\n', new AbortController().signal);
      assert.equal(declined.code, 1);
      const json = checkOutput(declined.stdout, 'apply');
      assert.equal(json.confirmed, false);
      assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 0);
    });

    it('Ctrl-C at the confirmation, or before the plan is made, is an interrupted error', async () => {
      const controller = new AbortController();
      const waiting = run(['apply', '--format', 'json'], undefined, controller.signal);
      setTimeout(() => controller.abort(), 1_500);
      expectError(await waiting, 'interrupted', 130);

      const aborted = new AbortController();
      aborted.abort();
      expectError(await run(['plan', '--format', 'json'], undefined, aborted.signal), 'interrupted', 130);
      assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 0);
    });
  });
});
