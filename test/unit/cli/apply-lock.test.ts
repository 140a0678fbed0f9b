import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, CLI_PATH, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// Two `trunkline apply` runs on one sync state, as two real processes: the second waits for the
// first (or refuses at once with --lock-timeout 0), naming the lock file and the holder's pid;
// they never plan from the same state or write the same files at once. A lock left by a dead
// process is taken over with a note.

const TRUNK = `apiVersion: trunkline/v1
kind: TwilioTrunk
account: acme
spec:
  friendly_name: Acme main
  domain_name: acme-main.pstn.twilio.com
`;

const LOCK = path.join('.trunkline', 'sync-state.json.lock');

interface Started {
  pid: number;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

describe('two applies at once', () => {
  let h: SyncHarness;
  let cwd: string;
  const env = () => ({ PATH: process.env.PATH ?? '', ...CANARY_ENV });

  /** `trunkline apply` in a child process whose pid the test knows. */
  const start = (args: string[]): Started => {
    const child = spawn(process.execPath, [CLI_PATH, 'apply', ...args], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.once('close', (code) => {
        clearTimeout(timer);
        for (const secret of CANARY_SECRETS) assert.ok(!stdout.includes(secret) && !stderr.includes(secret));
        resolve({ code, stdout, stderr });
      }),
    );
    return { pid: child.pid!, done };
  };
  const waitForLock = async () => {
    for (let i = 0; i < 300 && !fs.existsSync(path.join(cwd, LOCK)); i++) await delay(20);
    assert.ok(fs.existsSync(path.join(cwd, LOCK)), 'the first apply took the lock');
  };

  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'acme.trunk.yaml': TRUNK });
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('the second refuses at once with --lock-timeout 0, naming the lock file and the first one\'s pid', async () => {
    h.emu.faults.add({ kind: 'latency', latencyMs: 2_500, method: 'POST', path: '/v1/Trunks', times: 1 });
    const first = start(['--yes']);
    await waitForLock();
    const second = await start(['--yes', '--lock-timeout', '0', '--format', 'json']).done;
    assert.equal(second.code, 2, second.stderr);
    const json = JSON.parse(second.stdout) as { error: { code: string; message: string } };
    assert.equal(json.error.code, 'locked');
    assert.match(json.error.message, new RegExp(`^Not applying: another trunkline apply \\(process ${first.pid}, since [0-9T:.-]+Z\\) holds the lock \\.trunkline/sync-state\\.json\\.lock\\.`));
    assert.ok(second.stderr.includes(json.error.message));

    const firstRun = await first.done;
    assert.equal(firstRun.code, 0, firstRun.stderr);
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 1, 'only the first apply created the trunk');
    assert.ok(!fs.existsSync(path.join(cwd, LOCK)), 'the lock is released');
  });

  it('the second waits with a message, then plans from what the first left: no second create, one sid line', async () => {
    h.emu.faults.add({ kind: 'latency', latencyMs: 2_000, method: 'POST', path: '/v1/Trunks', times: 1 });
    const first = start(['--yes']);
    await waitForLock();
    const second = start(['--yes']);
    const [a, b] = await Promise.all([first.done, second.done]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stdout + b.stderr);
    assert.match(b.stderr, new RegExp(`^Waiting up to 60 s for another trunkline apply \\(process ${first.pid}, since [^)]+\\) to finish: it holds the lock \\.trunkline/sync-state\\.json\\.lock\\.$`, 'm'));
    assert.match(b.stdout, /^Plan: 0 to change \(0 operations\), 1 in sync\.$/m);
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 1);
    const text = readFile(cwd, 'acme.trunk.yaml');
    assert.equal(text.match(/^sid: /gm)?.length, 1, text);
    assert.ok(!fs.existsSync(path.join(cwd, LOCK)));
  });

  it('export waits for an apply before it writes the sync state', async () => {
    h.emu.faults.add({ kind: 'latency', latencyMs: 2_000, method: 'POST', path: '/v1/Trunks', times: 1 });
    const first = start(['--yes']);
    await waitForLock();
    const exported = await runTrunkline(['export', '--account', 'cx', '--out', 'cx'], { cwd, env: { ...CANARY_ENV }, secrets: CANARY_SECRETS });
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stderr, new RegExp(`^Waiting up to 60 s for another trunkline apply \\(process ${first.pid}, since [^)]+\\) to finish: it holds the lock \\.trunkline/sync-state\\.json\\.lock\\.$`, 'm'));
    assert.equal((await first.done).code, 0);
    assert.ok(!fs.existsSync(path.join(cwd, LOCK)));
  });

  it('a lock left by a killed process is taken over, with a note', async () => {
    const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => dead.once('exit', resolve));
    fs.mkdirSync(path.join(cwd, '.trunkline'));
    fs.writeFileSync(path.join(cwd, LOCK), JSON.stringify({ pid: dead.pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const run = await runTrunkline(['apply', '--yes', '--lock-timeout', '0'], { cwd, env: { ...CANARY_ENV }, secrets: CANARY_SECRETS });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`^Took over the lock \\.trunkline/sync-state\\.json\\.lock: process ${dead.pid}, which took it at 2026-01-01T00:00:00\\.000Z, is no longer running\\.$`, 'm'));
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks'), 1);
    assert.ok(!fs.existsSync(path.join(cwd, LOCK)));
  });
});
