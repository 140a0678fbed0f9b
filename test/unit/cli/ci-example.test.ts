import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DRIFT_MARKER } from '../../../src/cli/drift-output';
import { PLAN_MARKER } from '../../../src/cli/plan-markdown';
import { CANARY_CREDENTIALS, CANARY_ENV, CANARY_SECRETS, emulatorConfig, ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// The README's CI workflow, kept honest: its `trunkline` commands, exactly as written there,
// run against the emulator in the order GitHub would run them (a pull request, its merge, two
// nights), each job in a fresh checkout that gets only the committed files and the cached sync
// state. Only the account differs: the emulator's instead of acme-prod.

const REPO = path.resolve(__dirname, '../../../..');
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

/** The workflow: the README's yaml block that starts with its file name. */
function workflow(): string {
  const block = /```yaml\n(# \.github\/workflows\/trunks\.yml\n[\s\S]*?)```/.exec(README);
  assert.ok(block, 'the README has no .github/workflows/trunks.yml block');
  return block[1]!;
}

interface Invocation {
  args: string[];
  /** `> file`: where the workflow sends stdout. */
  stdoutTo: string | undefined;
}

/** `npx trunkline …` lines of one job. */
function invocations(yaml: string, job: string): Invocation[] {
  const start = yaml.indexOf(`\n  ${job}:\n`);
  assert.ok(start >= 0, `no job ${job}`);
  const next = yaml.slice(start + 1).search(/\n {2}\w[\w-]*:\n/);
  const body = next >= 0 ? yaml.slice(start, start + 1 + next) : yaml.slice(start);
  return [...body.matchAll(/npx trunkline ([^>\n]+?)(?: > (\S+))?$/gm)].map((m) => ({ args: m[1]!.trim().split(/\s+/), stdoutTo: m[2] }));
}

describe('the README\'s CI workflow', () => {
  let h: SyncHarness;
  const dirs: string[] = [];
  before(async () => {
    ensureCliBuilt();
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
  });
  after(async () => {
    await h.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('plans the pull request with a comment, applies on merge, and reports drift at night', async () => {
    const yaml = workflow();
    const cached = [...yaml.matchAll(/^\s+path: (\S+)$/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(cached)], ['.trunkline'], 'every cache step keeps the sync state folder');
    assert.ok(yaml.includes(`startswith("${PLAN_MARKER}")`), 'the comment step looks for the plan\'s marker');
    const jobs = { plan: invocations(yaml, 'plan'), apply: invocations(yaml, 'apply'), drift: invocations(yaml, 'drift') };
    assert.deepEqual(Object.values(jobs).map((list) => list.length), [1, 1, 1], 'one trunkline command per job');

    // The repository: the config (here: the emulator's account "acme") and one trunk already managed.
    const byoc = await h.twilio.byocTrunks.create({ friendly_name: 'Carrier A' });
    const repo: Record<string, string> = {
      'trunkline.config.json': emulatorConfig(h.emu),
      'trunks/carrier-a.trunk.yaml': `apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: acme\nsid: ${byoc.sid}\nspec:\n  friendly_name: Carrier A\n`,
    };
    const cache = makeWorkspace();
    dirs.push(cache);
    /** One job: a fresh checkout of `repo`, the cache restored; afterwards the files it changed and, if asked, the cache saved. */
    const runJob = async (list: Invocation[], options: { saveCache?: boolean } = {}) => {
      const cwd = makeWorkspace(repo);
      dirs.push(cwd);
      if (fs.existsSync(path.join(cache, '.trunkline'))) fs.cpSync(path.join(cache, '.trunkline'), path.join(cwd, '.trunkline'), { recursive: true });
      const { args, stdoutTo } = list[0]!;
      const run = await runTrunkline(args, { cwd, env: CANARY_ENV, secrets: CANARY_SECRETS });
      if (stdoutTo) writeFile(cwd, stdoutTo, run.stdout);
      for (const file of Object.keys(repo)) repo[file] = readFile(cwd, file);
      if (options.saveCache) {
        fs.rmSync(path.join(cache, '.trunkline'), { recursive: true, force: true });
        fs.cpSync(path.join(cwd, '.trunkline'), path.join(cache, '.trunkline'), { recursive: true });
      }
      return { ...run, output: stdoutTo ? readFile(cwd, stdoutTo) : run.stdout };
    };

    // A pull request adds a trunk: the plan comment (exit 3, changes pending, passes the check).
    repo['trunks/main.trunk.yaml'] = 'apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nspec:\n  friendly_name: Acme main\n  domain_name: acme-main.pstn.twilio.com\n';
    const plan = await runJob(jobs.plan);
    assert.equal(plan.code, 3, plan.stderr);
    assert.ok(plan.output.startsWith(`${PLAN_MARKER}\n`));
    assert.match(plan.output, /^\*\*Plan: 1 to change \(1 operation\), 1 in sync\.\*\*$/m);
    assert.match(plan.output, /^\| <code>\+<\/code> \| Create Twilio trunk acme-main\.pstn\.twilio\.com \|/m);

    // Merged: applied, the new sid written into the file (the job commits it), the sync state cached.
    const apply = await runJob(jobs.apply, { saveCache: true });
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    assert.match(repo['trunks/main.trunk.yaml']!, /^sid: TK[0-9a-f]{32}$/m);
    assert.ok(fs.existsSync(path.join(cache, '.trunkline', 'sync-state.json')), 'the sync state is where the workflow caches it');

    // The first night: nothing changed.
    const quiet = await runJob(jobs.drift);
    assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
    assert.ok(quiet.output.startsWith(`${DRIFT_MARKER}\n`));
    assert.match(quiet.output, /^\*\*No drift: 2 in sync\.\*\*$/m);

    // Someone renames the trunk in the console; the next night fails the job (exit 4) and says what changed.
    const sid = /^sid: (\S+)$/m.exec(repo['trunks/main.trunk.yaml']!)![1]!;
    await h.twilio.trunks.update(sid, { friendly_name: 'Renamed in the console' });
    const drift = await runJob(jobs.drift);
    assert.equal(drift.code, 4, drift.stdout + drift.stderr);
    assert.match(drift.output, /^\*\*Changed at the provider since the last sync \(friendly\\_name\)\.\*\*$/m);
    assert.match(drift.output, /\| <code>"Acme main"<\/code> \| <code>"Renamed in the console"<\/code> \|$/m);

    // And the next pull request's plan warns before anyone overwrites that change.
    const next = await runJob(jobs.plan);
    assert.equal(next.code, 3, next.stderr);
    assert.match(next.output, /the remote changed since the last push or pull \(<code>friendly\\_name<\/code>\)\. Apply skips it unless `--overwrite` is given/);
  });

  it('shows the golden outputs of test/fixtures/cli-golden', () => {
    for (const name of ['plan.md', 'drift.txt', 'drift.md', 'drift.json']) {
      const golden = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'cli-golden', name), 'utf8');
      assert.ok(README.includes(`\n${golden}\`\`\``), `the README does not show ${name} as it is now`);
    }
  });
});
