import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { CliIo } from '../../../src/cli/cli-io';
import { ExitCode } from '../../../src/cli/exit-codes';
import { runCli } from '../../../src/cli/run-cli';
import { CANARY_CREDENTIALS, CANARY_ENV, emulatorConfig, makeWorkspace, readFile } from '../../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';

// "The plan shown is the plan sent": a colleague's change made while the user reads apply's
// plan at the terminal prompt is never overwritten by the confirmed plan. apply reads the remote
// again, shows the new plan and asks again. (In-process: a child process has no terminal.)

/** A terminal-like run: answers each prompt with what `answer` returns once the prompt shows. */
async function runAtTerminal(argv: string[], cwd: string, answer: (prompt: number) => Promise<string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  let stdout = '';
  let stderr = '';
  let prompts = 0;
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t) },
    stderr: {
      write: (t) => {
        stderr += t;
        if (t.includes('Type "yes" to continue')) void answer(++prompts).then((line) => stdin.write(`${line}\n`));
      },
    },
    stdin,
    env: { ...CANARY_ENV },
    cwd,
    isTTY: { stdin: true, stdout: false, stderr: false },
  };
  const code = await runCli(argv, io, new AbortController().signal);
  return { code, stdout, stderr };
}

describe('trunkline apply when the remote moves while the plan is on screen', () => {
  let h: SyncHarness;
  let cwd: string;
  let sid: string;
  before(async () => {
    h = await startSyncHarness({ credentials: CANARY_CREDENTIALS });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.emu.reset();
    sid = (await h.twilio.trunks.create({ friendly_name: 'Acme', secure: false })).sid;
    const file = `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: acme\nsid: ${sid}\nspec:\n  friendly_name: Acme 2  # renamed in review\n  secure: false\n`;
    cwd = makeWorkspace({ 'trunkline.config.json': emulatorConfig(h.emu), 'acme.trunk.yaml': file });
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('sends nothing of the old plan, shows the new one and asks again; declining leaves the colleague\'s change', async () => {
    const run = await runAtTerminal(['apply', 'acme.trunk.yaml'], cwd, async (prompt) => {
      if (prompt === 1) {
        await h.twilio.trunks.update(sid, { secure: true }); // the colleague, while the user reads
        h.emu.stats.reset();
        return 'yes';
      }
      return 'no';
    });
    assert.equal(run.code, ExitCode.problems, run.stdout + run.stderr);
    assert.match(run.stdout, /1 document changed at the provider after the plan was made; nothing was sent to it\./);
    // the new plan shows that pushing would now also revert secure
    const newPlan = run.stdout.slice(run.stdout.indexOf('after the plan was made'));
    assert.match(newPlan, /secure: true → false/);
    assert.equal((run.stderr.match(/Type "yes" to continue/g) ?? []).length, 2, 'asked twice');
    assert.equal(h.emu.stats.count('POST', '/v1/Trunks/{TrunkSid}'), 0, 'nothing was sent');
    const remote = await h.twilio.trunks.fetch(sid);
    assert.deepEqual([remote.friendly_name, remote.secure], ['Acme', true]);
    assert.match(run.stdout, /^skipped +acme\.trunk\.yaml:1 +Twilio trunk "Acme 2": The remote Twilio trunk "Acme 2" changed after the plan was made \(secure\)/m);
  });

  it('applies the new plan when the user confirms it', async () => {
    const run = await runAtTerminal(['apply', 'acme.trunk.yaml'], cwd, async (prompt) => {
      if (prompt === 1) await h.twilio.trunks.update(sid, { transfer_mode: 'enable-all' });
      return 'yes';
    });
    assert.equal(run.code, ExitCode.ok, run.stdout + run.stderr);
    const remote = await h.twilio.trunks.fetch(sid);
    assert.deepEqual([remote.friendly_name, remote.transfer_mode], ['Acme 2', 'enable-all'], 'the file did not manage transfer_mode: the colleague\'s value stays');
    assert.match(run.stdout, /^Apply: 1 updated\.$/m);
    assert.match(readFile(cwd, 'acme.trunk.yaml'), /# renamed in review/);
  });
});
