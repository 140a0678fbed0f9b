import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ensureCliBuilt, makeWorkspace, readFile, runTrunkline, writeFile } from '../../support/cli-harness';

/** A BYOC trunk Push would create with no connection policy and no voice URL: it cannot carry a call. */
const NOT_READY = 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: Not ready\n';
const READY = 'apiVersion: trunkline/v1\nkind: TwilioByocTrunk\naccount: sandbox\nspec:\n  friendly_name: Ready\n  voice_url: https://example.com/voice\n';

describe('trunkline call readiness', () => {
  const dirs: string[] = [];
  before(() => ensureCliBuilt());
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const workspace = (files: Record<string, string> = {}) => {
    const dir = makeWorkspace(files);
    dirs.push(dir);
    return dir;
  };

  it('validate prints the warnings at spec by default and passes; with --strict it exits 1; --no-readiness leaves them out; --readiness is still accepted', async () => {
    const cwd = workspace({ 'b.trunk.yaml': NOT_READY });
    for (const args of [[], ['--readiness']]) {
      const run = await runTrunkline(['validate', '--sandbox', ...args, 'b.trunk.yaml'], { cwd });
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, 2, run.stdout);
      assert.match(lines[0]!, /^b\.trunk\.yaml:4:1 warning No connection policy\. Twilio has no SIP address to send this BYOC trunk’s calls to your carrier: .* \[readiness-byoc-trunk-no-connection-policy\]$/);
      assert.match(lines[1]!, /^b\.trunk\.yaml:4:1 warning No voice URL and no fallback URL\. A call that reaches this BYOC trunk gets no instructions: .* \[readiness-byoc-trunk-no-voice-url\]$/);
    }
    assert.equal((await runTrunkline(['validate', '--sandbox', '--strict', 'b.trunk.yaml'], { cwd })).code, 1);
    const off = await runTrunkline(['validate', '--sandbox', '--strict', '--no-readiness', 'b.trunk.yaml'], { cwd });
    assert.equal(off.code, 0);
    assert.equal(off.stdout, '');
    const both = await runTrunkline(['validate', '--sandbox', '--readiness', '--no-readiness', 'b.trunk.yaml'], { cwd });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--readiness and --no-readiness contradict each other/);
    assert.doesNotMatch(both.stderr, /\n\s+at /, 'no stack trace');
  });

  it('plan checks what the file leaves out against the provider by default; --strict turns a warning into exit 1; --no-readiness leaves it out', async () => {
    const cwd = workspace({ 'b.trunk.yaml': READY });
    const trunkline = (args: string[]) => runTrunkline([...args, '--sandbox-state', 'sandbox.json'], { cwd });
    // The file leaves connection_policy_sid out: the trunk the sandbox has (none) decides.
    assert.equal((await trunkline(['apply', '--yes'])).code, 0);
    for (const args of [[], ['--readiness']]) {
      const plan = await trunkline(['plan', ...args]);
      assert.equal(plan.code, 0, plan.stdout + plan.stderr);
      assert.match(plan.stdout, /^b\.trunk\.yaml:1\nBYOC trunk "Ready" .*in sync\n {2}⚠ b\.trunk\.yaml:\d+:1 warning No connection policy\. .*\[readiness-byoc-trunk-no-connection-policy\]$/m);
    }
    assert.equal((await trunkline(['plan', '--strict'])).code, 1);
    const off = await trunkline(['plan', '--strict', '--no-readiness']);
    assert.equal(off.code, 0);
    assert.doesNotMatch(off.stdout, /readiness-/);
    const json = JSON.parse((await trunkline(['plan', '--format', 'json'])).stdout);
    assert.deepEqual(json.readiness.map((d: { code: string }) => d.code), ['readiness-byoc-trunk-no-connection-policy']);
    assert.equal(JSON.parse((await trunkline(['plan', '--no-readiness', '--format', 'json'])).stdout).readiness, undefined);
  });

  it('plan shows the failover order before and after when a change moves it', async () => {
    const urls = (drPriority: number) =>
      `  origination_urls:\n    - { friendly_name: pbx-a, sip_url: "sip:pbx-a.example.com", priority: 10, weight: 20, enabled: true }\n    - { friendly_name: pbx-b, sip_url: "sip:pbx-b.example.com", priority: 10, weight: 10, enabled: true }\n    - { friendly_name: dr-site, sip_url: "sip:dr.example.com", priority: ${drPriority}, weight: 10, enabled: true }\n`;
    const trunk = (drPriority: number) => `apiVersion: trunkline/v1\nkind: TwilioTrunk\naccount: sandbox\nspec:\n  friendly_name: Failover\n  domain_name: failover-cli.pstn.twilio.com\n${urls(drPriority)}`;
    const cwd = workspace({ 't.trunk.yaml': trunk(20) });
    const trunkline = (args: string[]) => runTrunkline([...args, '--sandbox-state', 'sandbox.json'], { cwd });
    assert.equal((await trunkline(['apply', '--yes'])).code, 0);
    writeFile(cwd, 't.trunk.yaml', readFile(cwd, 't.trunk.yaml').replace('priority: 20', 'priority: 5'));
    const plan = await trunkline(['plan']);
    assert.equal(plan.code, 3, plan.stdout + plan.stderr);
    assert.match(plan.stdout, /^ {2}failover order before: 1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%\n {2}failover order after: {2}1st: dr-site 100% · then: pbx-a 67%, pbx-b 33%$/m);
    const json = JSON.parse((await trunkline(['plan', '--format', 'json'])).stdout);
    assert.deepEqual(json.documents[0].failover, { before: '1st: pbx-a 67%, pbx-b 33% · then: dr-site 100%', after: '1st: dr-site 100% · then: pbx-a 67%, pbx-b 33%' });
  });
});
