import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run-cli';
import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import { collect } from '../../src/core/providers/page';
import type { EmulatorSnapshot } from '../../src/emulator/store/emulator-store';
import { CLI_PATH, emulatorConfig, ensureCliBuilt } from '../support/cli-harness';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { recordFigures } from './reliability-run';
import { documentCommandHarness } from '../support/document-command-harness';
import { pushAll } from '../../src/ui/commands/push-all';

// `trunkline apply` SIGKILLed while a create is in flight: the provider made the resource, its
// answer is held, the sid never reaches the file; only the journal in the sync state knows.
// Then, before the re-run, the workspace moves the way people move it: a document added above,
// documents reordered, the file renamed, copied as a template, the name edited. The re-run must
// give the made resource to the document it was made for, create nothing twice, and say what it
// did; when it cannot tell (the original file exists but is not in the run) it refuses, naming
// the sid. Six scenes, one kill each (about 1 s each).

const figures = { kills: 0, duplicates: 0, misattached: 0 };

interface Doc {
  name: string;
  sid?: string | undefined;
}

interface KindCase {
  kind: TrunkKind;
  account: string;
  /** The create's request, by route template: its answer is held while the CLI is killed. */
  createPath: string;
  spec: (name: string) => Record<string, unknown>;
  named: (s: EmulatorSnapshot, name: string) => string[];
  createDirect: (h: SyncHarness, name: string) => Promise<string>;
}

const BYOC: KindCase = {
  kind: 'TwilioByocTrunk',
  account: 'acme',
  createPath: '/v1/ByocTrunks',
  spec: (name) => ({ friendly_name: name, voice_url: 'https://voice.example.com/in' }),
  named: (s, name) => s.twilio.byoc_trunks.filter((t) => t.friendly_name === name).map((t) => t.sid),
  createDirect: async (h, name) => (await h.twilio.byocTrunks.create({ friendly_name: name, voice_url: 'https://voice.example.com/in' })).sid,
};
const GROUP: KindCase = {
  kind: 'CarrierXTrunkGroup',
  account: 'cx',
  createPath: '/core/v2/trunk_groups',
  spec: (name) => ({ name, routing_type: 'failover' }),
  named: (s, name) => s.carrierx.trunk_groups.filter((g) => g.name === name).map((g) => g.trunk_group_sid),
  createDirect: async (h, name) => (await h.carrierx.trunkGroups.create({ name, routing_type: 'failover' })).trunk_group_sid,
};
const TRUNK: KindCase = {
  kind: 'TwilioTrunk',
  account: 'acme',
  createPath: '/v1/Trunks',
  spec: (name) => ({ friendly_name: name, secure: true }),
  named: (s, name) => s.twilio.trunks.filter((t) => t.friendly_name === name).map((t) => t.sid),
  createDirect: async (h, name) => (await h.twilio.trunks.create({ friendly_name: name })).sid,
};

let h: SyncHarness;
let base: EmulatorSnapshot;
const env = () => ({ PATH: process.env.PATH ?? '', TWILIO_AUTH_TOKEN: h.emu.credentials.authToken, CARRIERX_TOKEN: h.emu.credentials.carrierXToken });

before(async () => {
  ensureCliBuilt();
  h = await startSyncHarness({ responseTimeoutMs: 5_000 });
  base = h.emu.store.snapshot();
});

after(async () => {
  recordFigures('journal-kill', figures);
  await h.close();
});

function writeFile(dir: string, file: string, c: KindCase, docs: readonly Doc[]): void {
  const text = docs.map((d) => toTrunkYaml({ apiVersion: 'trunkline/v1', kind: c.kind, account: c.account, ...(d.sid ? { sid: d.sid } : {}), spec: c.spec(d.name) })).join('---\n');
  fs.writeFileSync(path.join(dir, file), text);
}

function sidsIn(dir: string, file: string): (string | undefined)[] {
  return parseTrunkFile(fs.readFileSync(path.join(dir, file), 'utf8')).documents.map((d) => d.sid);
}

/** Runs `trunkline apply --yes` as a process and SIGKILLs it while the first create of `c` is made and its answer held. */
async function killDuringCreate(dir: string, c: Pick<KindCase, 'createPath'>): Promise<void> {
  h.emu.faults.set([{ kind: 'hold-response', method: 'POST', path: c.createPath, holdMs: 4_000, times: 1 }]);
  const stats = h.emu.stats;
  const record = stats.record.bind(stats);
  try {
    const killed = await new Promise<boolean>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_PATH, 'apply', '--yes'], { cwd: dir, env: env(), stdio: 'ignore' });
      stats.record = (method, template, p) => {
        record(method, template, p);
        // the request is handled (the resource exists) before its answer is held
        if (method.toUpperCase() === 'POST' && (template === c.createPath || p === c.createPath)) setTimeout(() => child.kill('SIGKILL'), 300);
      };
      const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        clearTimeout(guard);
        resolve(signal === 'SIGKILL');
      });
    });
    assert.ok(killed, 'the apply was killed during the create');
    figures.kills += 1;
  } finally {
    stats.record = record;
    h.emu.faults.set([]);
  }
}

/** The re-run, as a user runs it again (in this process: a process start would only cost time). */
async function rerun(dir: string, args: string[] = []): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(
    ['apply', '--yes', ...args],
    { stdout: { write: (t) => void (out += t) }, stderr: { write: (t) => void (out += t) }, stdin: new PassThrough(), env: env(), cwd: dir, isTTY: { stdin: false, stdout: false, stderr: false } },
    new AbortController().signal,
  );
  return { code, out };
}

/** A fresh workspace with `files`; kills the apply during the create of `crashed`; returns the sid the provider made for it. */
async function crashedWorkspace(c: KindCase, files: Record<string, Doc[]>, crashed: string): Promise<{ dir: string; made: string }> {
  h.emu.store.restore(base);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-journal-kill-'));
  fs.writeFileSync(path.join(dir, 'trunkline.config.json'), emulatorConfig(h.emu));
  for (const [file, docs] of Object.entries(files)) writeFile(dir, file, c, docs);
  await killDuringCreate(dir, c);
  const made = c.named(h.emu.store.snapshot(), crashed);
  assert.equal(made.length, 1, 'the provider made the resource');
  assert.ok(fs.readdirSync(path.join(dir, '.trunkline')).length > 0, 'the create was journaled');
  return { dir, made: made[0]! };
}

/** Counts a duplicate or a resource given to another document in the figures before asserting. */
function expectOnly(c: KindCase, name: string, sids: readonly (string | undefined)[], note: string): void {
  const now = c.named(h.emu.store.snapshot(), name);
  if (now.length > sids.length) figures.duplicates += now.length - sids.length;
  assert.deepEqual([...now].sort(), [...sids].sort(), `${name}: ${note}`);
}

describe('trunkline apply killed during a create, the workspace moved before the re-run', () => {
  it('BYOC trunk: a document added above it', async () => {
    const { dir, made } = await crashedWorkspace(BYOC, { 'a.trunk.yaml': [{ name: 'Edge one' }] }, 'Edge one');
    writeFile(dir, 'a.trunk.yaml', BYOC, [{ name: 'Edge zero' }, { name: 'Edge one' }]);
    const { code, out } = await rerun(dir);
    assert.equal(code, 0, out);
    const [zero, one] = sidsIn(dir, 'a.trunk.yaml');
    if (one !== made) figures.misattached += 1;
    assert.equal(one, made, 'the document it was made for has it');
    assert.match(out, new RegExp(`${made}, made for "Edge one" \\(when this document was a\\.trunk\\.yaml, document 1\\)`), 'the plan says which create it finishes');
    expectOnly(BYOC, 'Edge one', [made], 'not created twice');
    expectOnly(BYOC, 'Edge zero', [zero], 'the new document has its own');
  });

  it('CarrierX trunk group: the documents reordered', async () => {
    h.emu.store.restore(base);
    const two = await GROUP.createDirect(h, 'Group two');
    base = h.emu.store.snapshot();
    const { dir, made } = await crashedWorkspace(GROUP, { 'a.trunk.yaml': [{ name: 'Group two', sid: two }, { name: 'Group one' }] }, 'Group one');
    writeFile(dir, 'a.trunk.yaml', GROUP, [{ name: 'Group one' }, { name: 'Group two', sid: two }]);
    const { code, out } = await rerun(dir);
    assert.equal(code, 0, out);
    assert.deepEqual(sidsIn(dir, 'a.trunk.yaml'), [made, two]);
    expectOnly(GROUP, 'Group one', [made], 'not created twice');
  });

  it('Twilio trunk without a domain: the file renamed', async () => {
    const { dir, made } = await crashedWorkspace(TRUNK, { 'a.trunk.yaml': [{ name: 'Trunk one' }] }, 'Trunk one');
    fs.renameSync(path.join(dir, 'a.trunk.yaml'), path.join(dir, 'b.trunk.yaml'));
    const { code, out } = await rerun(dir);
    assert.equal(code, 0, out);
    assert.deepEqual(sidsIn(dir, 'b.trunk.yaml'), [made]);
    expectOnly(TRUNK, 'Trunk one', [made], 'not created twice');
  });

  it('BYOC trunk: the file copied as a template, both pushed: the original gets what was made for it, the copy its own', async () => {
    const { dir, made } = await crashedWorkspace(BYOC, { 'b.trunk.yaml': [{ name: 'Edge one' }] }, 'Edge one');
    // the copy sorts first: the order of the run must not decide
    fs.copyFileSync(path.join(dir, 'b.trunk.yaml'), path.join(dir, 'a-copy.trunk.yaml'));
    const { code, out } = await rerun(dir);
    assert.equal(code, 0, out);
    const [original] = sidsIn(dir, 'b.trunk.yaml');
    const [copy] = sidsIn(dir, 'a-copy.trunk.yaml');
    if (original !== made) figures.misattached += 1;
    assert.equal(original, made);
    expectOnly(BYOC, 'Edge one', [made, copy], 'one each');
  });

  it('CarrierX trunk group: only the copy given to the re-run while the original exists: refused with the sid, nothing created; then all: one each', async () => {
    const { dir, made } = await crashedWorkspace(GROUP, { 'a.trunk.yaml': [{ name: 'Group one' }] }, 'Group one');
    fs.copyFileSync(path.join(dir, 'a.trunk.yaml'), path.join(dir, 'copy.trunk.yaml'));
    const only = await rerun(dir, ['copy.trunk.yaml']);
    assert.notEqual(only.code, 0, only.out);
    assert.match(only.out, new RegExp(`${made}.*a\\.trunk\\.yaml`), 'it names the sid and the file it was made for');
    expectOnly(GROUP, 'Group one', [made], 'nothing created on a guess');
    const all = await rerun(dir);
    assert.equal(all.code, 0, all.out);
    assert.deepEqual(sidsIn(dir, 'a.trunk.yaml'), [made]);
    expectOnly(GROUP, 'Group one', [made, sidsIn(dir, 'copy.trunk.yaml')[0]], 'one each');
  });

  it('Twilio trunk without a domain: the name edited: the made trunk is taken and renamed', async () => {
    const { dir, made } = await crashedWorkspace(TRUNK, { 'a.trunk.yaml': [{ name: 'Trunk one' }] }, 'Trunk one');
    writeFile(dir, 'a.trunk.yaml', TRUNK, [{ name: 'Trunk uno' }]);
    const { code, out } = await rerun(dir);
    assert.equal(code, 0, out);
    assert.deepEqual(sidsIn(dir, 'a.trunk.yaml'), [made]);
    expectOnly(TRUNK, 'Trunk uno', [made], 'renamed, not created');
    expectOnly(TRUNK, 'Trunk one', [], 'no trunk left under the old name');
  });
});

// References: a trunk names a new IP access control list by name; both are pushed together (the
// list first). Killed while the list's create is in flight, and again while the trunk's link
// to it is: each re-run finishes what the kill left, with one list, linked once.
describe('trunkline apply killed between a referenced create and the link that names it', () => {
  async function workspace(): Promise<string> {
    h.emu.store.restore(base);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-journal-kill-'));
    fs.writeFileSync(path.join(dir, 'trunkline.config.json'), emulatorConfig(h.emu));
    fs.writeFileSync(path.join(dir, 'lists.trunk.yaml'), toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioIpAccessControlList', account: 'acme', spec: { friendly_name: 'Office', ip_addresses: [{ friendly_name: 'hq', ip_address: '203.0.113.10' }] } }));
    fs.writeFileSync(path.join(dir, 'trunk.trunk.yaml'), toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioTrunk', account: 'acme', spec: { friendly_name: 'Main', secure: true, ip_access_control_lists: ['Office'] } }));
    return dir;
  }
  async function finished(dir: string): Promise<void> {
    const { code, out } = await rerun(dir);
    assert.equal(code, 0, out);
    const s = h.emu.store.snapshot();
    const lists = s.twilio.ip_access_control_lists.filter((l) => l.friendly_name === 'Office');
    if (lists.length > 1) figures.duplicates += lists.length - 1;
    assert.equal(lists.length, 1, 'one list');
    const [listSid] = sidsIn(dir, 'lists.trunk.yaml');
    assert.equal(listSid, lists[0]!.sid);
    const trunks = TRUNK.named(s, 'Main');
    assert.deepEqual(sidsIn(dir, 'trunk.trunk.yaml'), trunks, 'one trunk, its sid in the file');
    const linked = await collect(h.twilio.trunkIpAccessControlLists.list(trunks[0]!));
    assert.deepEqual(linked.map((l) => l.sid), [listSid], 'linked once, to that list');
  }

  it('killed during the list\'s create: the re-run takes the list made and links it', async () => {
    const dir = await workspace();
    await killDuringCreate(dir, { createPath: `/2010-04-01/Accounts/${h.emu.credentials.accountSid}/SIP/IpAccessControlLists.json` });
    await finished(dir);
  });

  it('killed during the link: the re-run finishes the link', async () => {
    const dir = await workspace();
    await killDuringCreate(dir, { createPath: '/v1/Trunks/{TrunkSid}/IpAccessControlLists' });
    await finished(dir);
  });
});

// The editor path: the window closes (the extension host dies) after the provider made the
// resource and before the sid was written into the editor; the workspace state (the journal)
// survives it. Then the file is renamed and a document added above before Push All.
describe('Push All in the editor, the window closed during a create', () => {
  it('BYOC trunk: the file renamed and a document added above it: the made one goes to its document', async () => {
    h.emu.store.restore(base);
    const first = documentCommandHarness(h);
    try {
      first.workspace.writeDisk('a.trunk.yaml', toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioByocTrunk', account: 'sandbox', spec: BYOC.spec('Edge one') }));
      first.workspace.applyEdits = async () => {
        throw new Error('the window was closed');
      };
      first.answers([{ confirm: true, message: /^Push All: 1 to create/ }]);
      await pushAll.run(first.context());
    } finally {
      first.close();
    }
    const made = BYOC.named(h.emu.store.snapshot(), 'Edge one');
    assert.equal(made.length, 1);
    figures.kills += 1;

    const next = documentCommandHarness(h);
    try {
      for (const pending of first.syncState.pendingCreates()) next.syncState.setPendingCreate(pending);
      const text = ['Edge zero', 'Edge one'].map((name) => toTrunkYaml({ apiVersion: 'trunkline/v1', kind: 'TwilioByocTrunk', account: 'sandbox', spec: BYOC.spec(name) })).join('---\n');
      const uri = next.workspace.writeDisk('b.trunk.yaml', text);
      const input = next.answers([{ confirm: true, message: /^Push All: 2 to create or change/, detail: new RegExp(`${made[0]}, made for "Edge one" \\(when this document was file:///work/a\\.trunk\\.yaml, document 1\\)`) }]);
      await pushAll.run(next.context());
      input.assertDone();
      const [zero, one] = parseTrunkFile(next.workspace.disk.get(uri)!).documents.map((d) => d.sid);
      if (one !== made[0]) figures.misattached += 1;
      assert.equal(one, made[0]);
      expectOnly(BYOC, 'Edge one', made, 'not created twice');
      expectOnly(BYOC, 'Edge zero', [zero], 'the new document has its own');
      assert.deepEqual(next.syncState.pendingCreates(), [], 'the journal is empty');
    } finally {
      next.close();
    }
  });
});
