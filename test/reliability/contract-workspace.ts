import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import { applyAll, planAll, type CombinedPlan } from '../../src/core/documents/apply/push-all';
import { setDocumentSid } from '../../src/core/documents/edit/set-document-sid';
import { applyTextEdits } from '../../src/core/documents/edit/text-edit';
import { FileSyncStateStore } from '../../src/cli/file-sync-state';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import type { TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import type { CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/run-cli';
import type { FaultRule } from '../../src/emulator/faults/fault-rule';
import type { RequestRecord } from '../../src/emulator/request-stats';
import { emulatorConfig } from '../support/cli-harness';
import type { SyncHarness } from '../support/sync-harness';

// A team's trunk-file workspace on disk, driven the way users drive it (`trunkline apply` in
// process, answering its confirmation prompt like a terminal user), next to a model of what it
// should hold. After every apply the push contract is checked against the emulator's own
// records, never against Trunkline's word:
//   - nothing was sent that the plan shown did not list (the emulator's request log);
//   - no colleague's change was overwritten without --overwrite;
//   - no resource is claimed by two documents because Push put it there, none is written while
//     two documents claim it, and after a clean apply none exists that no document claims;
//   - every file parses and holds exactly the model's documents (plus the sids Push wrote);
//   - after a clean apply (no fault, no race) the remote is what the files say.
// The model-based suite (contract.test.ts) and its regression tests both use it.

export type Variant = 'trunk' | 'trunk-without-domain' | 'byoc' | 'group';
export const VARIANTS: readonly Variant[] = ['trunk', 'trunk-without-domain', 'byoc', 'group'];

export interface ModelDoc {
  /** Stable across moves and renames: which document this is for the model. */
  id: number;
  kind: TrunkKind;
  spec: Record<string, unknown>;
  sid: string | undefined;
}

/** A colleague's change at the provider that no push of ours has been allowed to overwrite yet. */
export interface Drift {
  sid: string;
  kind: TrunkKind;
  field: string;
  value: string;
}

export interface ApplyStep {
  overwrite?: boolean;
  /** A colleague changes this document's resource while the user reads the plan (at the prompt). */
  raceOn?: number;
  /** Switched on for this apply only. */
  faults?: FaultRule[];
}

export interface ApplyReport {
  code: number;
  violations: string[];
  /** Each document's plan status and result, in the output's order (empty when apply failed as a whole). */
  plan: { file: string; index: number; status: string }[];
  results: { file: string; index: number; outcome: string }[];
  /** How many times the user was asked (more than once: the remote moved and apply asked again). */
  prompts: number;
  stdout: string;
  stderr: string;
}

const ACCOUNT_OF: Record<TrunkKind, string> = { TwilioTrunk: 'acme', TwilioByocTrunk: 'acme', CarrierXTrunkGroup: 'cx', TwilioIpAccessControlList: 'acme', TwilioCredentialList: 'acme' };
const COLLEAGUE_FIELD: Record<TrunkKind, string> = { TwilioTrunk: 'friendly_name', TwilioByocTrunk: 'voice_url', CarrierXTrunkGroup: 'hard_failure_codes', TwilioIpAccessControlList: 'friendly_name', TwilioCredentialList: 'friendly_name' };
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class ContractWorkspace {
  /** File name (relative to the workspace) → its documents in order. */
  readonly files = new Map<string, ModelDoc[]>();
  drift: Drift[] = [];
  /**
   * Resources no document claims any more because the user said so (a document deleted, a
   * copy detached): not duplicates. Everything unclaimed at that moment counts as let go.
   */
  private readonly abandoned = new Set<string>();
  /** Every violation found in this workspace, in order. */
  readonly violations: string[] = [];
  applies = 0;
  private counter = 0;

  private constructor(
    private readonly h: SyncHarness,
    readonly dir: string,
  ) {}

  /** A fresh folder with a config for the emulator's two accounts, on an emptied emulator. */
  static async open(h: SyncHarness): Promise<ContractWorkspace> {
    await h.emu.reset();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-contract-'));
    fs.writeFileSync(path.join(dir, 'trunkline.config.json'), emulatorConfig(h.emu));
    return new ContractWorkspace(h, dir);
  }

  close(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  docs(): ModelDoc[] {
    return [...this.files.values()].flat();
  }

  fileNames(): string[] {
    return [...this.files.keys()];
  }

  private next(): number {
    return ++this.counter;
  }

  private locate(id: number): { file: string; index: number } {
    for (const [file, docs] of this.files) {
      const index = docs.findIndex((d) => d.id === id);
      if (index >= 0) return { file, index };
    }
    throw new Error(`no document ${id}`);
  }

  // ---- what users do to the files ----

  /** A new document (no sid) at `position` of `file` (a new file when it does not exist). */
  add(variant: Variant, file: string, position: number): ModelDoc {
    const id = this.next();
    const doc: ModelDoc = { id, kind: kindOf(variant), spec: newSpec(variant, id), sid: undefined };
    const docs = this.files.get(file) ?? [];
    docs.splice(position % (docs.length + 1), 0, doc);
    this.files.set(file, docs);
    this.write();
    return doc;
  }

  /** Changes one field the document manages to a value only users ever write. */
  edit(id: number, which: number): void {
    const doc = this.docOf(id);
    const n = this.next();
    const fields = userFields(doc.kind);
    const field = fields[which % fields.length]!;
    doc.spec[field] = userValue(doc, field, n);
    this.write();
  }

  /** Cut and paste into another (or the same) file at `position`. */
  move(id: number, file: string, position: number): void {
    const from = this.locate(id);
    const [doc] = this.files.get(from.file)!.splice(from.index, 1);
    const docs = this.files.get(file) ?? [];
    docs.splice(position % (docs.length + 1), 0, doc!);
    this.files.set(file, docs);
    this.write();
  }

  /** Reverses the documents of a file. */
  reorder(file: string): void {
    this.files.get(file)?.reverse();
    this.write();
  }

  /** `git mv` of a file. */
  rename(file: string, to: string): void {
    if (file === to || this.files.has(to)) return;
    const entries = [...this.files.entries()].map(([name, docs]) => [name === file ? to : name, docs] as const);
    this.files.clear();
    for (const [name, docs] of entries) this.files.set(name, docs);
    this.write();
  }

  /**
   * A document copied as a template into `file`, sid and all; a Twilio domain (unique across
   * Twilio) is made new, as the provider would insist. Names stay: copies share them.
   */
  copy(id: number, file: string): ModelDoc {
    const source = this.docOf(id);
    const copyId = this.next();
    const spec = structuredClone(source.spec);
    if (typeof spec.domain_name === 'string') spec.domain_name = `copy-${copyId}.pstn.twilio.com`;
    const doc: ModelDoc = { id: copyId, kind: source.kind, spec, sid: source.sid };
    const docs = this.files.get(file) ?? [];
    docs.push(doc);
    this.files.set(file, docs);
    this.write();
    return doc;
  }

  /** What the user does about a copied template: removes its sid and names it anew. */
  detach(id: number): void {
    const doc = this.docOf(id);
    this.letGo(doc);
    const fresh = newSpec(variantOf(doc), this.next());
    doc.sid = undefined;
    doc.spec = { ...doc.spec, ...pick(fresh, ['friendly_name', 'name', 'domain_name']) };
    this.write();
  }

  /** Deletes the document from its file (the resource stays at the provider). */
  remove(id: number): void {
    this.letGo(this.docOf(id));
    const { file, index } = this.locate(id);
    this.files.get(file)!.splice(index, 1);
    this.write();
  }

  private letGo(doc: ModelDoc): void {
    const s = this.h.emu.store.snapshot();
    const claims = this.claims();
    for (const sid of [...sidsOf(s, 'trunks'), ...sidsOf(s, 'byoc_trunks'), ...sidsOf(s, 'trunk_groups')]) if (!claims.has(sid)) this.abandoned.add(sid);
    if (doc.sid) this.abandoned.add(doc.sid);
  }

  // ---- what the world does ----

  /** A colleague changes, in the console, a field the document manages to a value no user writes. */
  async colleague(id: number): Promise<void> {
    const doc = this.docOf(id);
    if (!doc.sid) return;
    const field = COLLEAGUE_FIELD[doc.kind];
    const n = this.next();
    const value =
      doc.kind === 'TwilioTrunk' ? `Colleague ${n}` : doc.kind === 'TwilioByocTrunk' ? `https://colleague.example.com/${n}` : `5${String(n % 100).padStart(2, '0')};`;
    // The colleague's console is not behind our faults.
    const rules = this.h.emu.faults.list();
    this.h.emu.faults.clear();
    try {
      if (doc.kind === 'TwilioTrunk') await this.h.twilio.trunks.update(doc.sid, { friendly_name: value });
      else if (doc.kind === 'TwilioByocTrunk') await this.h.twilio.byocTrunks.update(doc.sid, { voice_url: value });
      else await this.h.carrierx.trunkGroups.update(doc.sid, { hard_failure_codes: value });
    } finally {
      this.h.emu.faults.set(rules.flatMap(({ id: _id, fired, ...rule }) => (rule.times === undefined ? [rule] : rule.times > fired ? [{ ...rule, times: rule.times - fired }] : [])));
    }
    this.drift = this.drift.filter((d) => !(d.sid === doc.sid && d.field === field));
    this.drift.push({ sid: doc.sid, kind: doc.kind, field, value });
  }

  /**
   * `trunkline apply --format json [--overwrite]` as a user at a terminal runs it: reads the
   * plan, (a colleague may strike meanwhile), types "yes". Then checks the contract.
   */
  async apply(step: ApplyStep = {}): Promise<ApplyReport> {
    this.applies += 1;
    const claimedBefore = this.claims();
    const before = this.h.emu.store.snapshot();
    const logStart = this.h.emu.stats.log().length;
    const colleagueWindows: [number, number][] = [];
    const raceDoc = step.raceOn !== undefined ? this.docs().find((d) => d.id === step.raceOn && d.sid) : undefined;
    this.h.emu.faults.set(step.faults ?? []);

    const stdin = new PassThrough();
    let stdout = '';
    let stderr = '';
    let raced = false;
    let prompts = 0;
    let answering = Promise.resolve();
    const replanned: ApplyOutput['plan']['documents'] = [];
    const io: CliIo = {
      stdout: { write: (t) => void (stdout += t) },
      stderr: {
        write: (t) => {
          stderr += t;
          if (!/Type "yes" to continue/.test(t)) return;
          prompts += 1;
          const again = /new plan/.test(t);
          // The user reads the plan; a colleague saves a change in the console meanwhile.
          answering = answering.then(async () => {
            // Asked again after a remote moved: what the user reads now is a fresh plan (the
            // JSON output carries only the first), so it is what may be sent from here on.
            if (again) replanned.push(...((parseJson((await this.cli(['plan', '--format', 'json'])).stdout) as ApplyOutput['plan'] | undefined)?.documents ?? []));
            if (raceDoc && !raced) {
              raced = true;
              const start = this.h.emu.stats.log().length;
              await this.colleague(raceDoc.id);
              colleagueWindows.push([start, this.h.emu.stats.log().length]);
            }
            stdin.write('yes\n');
          });
        },
      },
      stdin,
      env: { TWILIO_AUTH_TOKEN: this.h.emu.credentials.authToken, CARRIERX_TOKEN: this.h.emu.credentials.carrierXToken },
      cwd: this.dir,
      isTTY: { stdin: true, stdout: false, stderr: false },
    };
    const args = ['apply', '--format', 'json', ...(step.overwrite ? ['--overwrite'] : [])];
    let code: number;
    try {
      code = await runCli(args, io, new AbortController().signal);
      await answering;
    } finally {
      this.h.emu.faults.set([]);
      stdin.end();
    }

    const log = this.h.emu.stats.log();
    const sent = log.slice(logStart).filter((_, i) => !colleagueWindows.some(([s, e]) => logStart + i >= s && logStart + i < e));
    const clean = !step.faults?.length && !raceDoc;
    const output = parseJson(stdout) as ApplyOutput | undefined;
    const violations = this.check({ step, output, sent, before, claimedBefore, clean, replanned });
    this.violations.push(...violations);
    return {
      code,
      violations,
      stdout,
      stderr,
      prompts,
      plan: (output?.plan?.documents ?? []).map(({ file, index, status }) => ({ file, index, status })),
      results: (output?.results ?? []).map(({ file, index, outcome }) => ({ file, index, outcome })),
    };
  }

  /**
   * Push All as the editor runs it, through the core: planAll, (a colleague may strike between
   * the plan and the apply), applyAll with the sync state and sid write-back into the files;
   * documents whose remote moved meanwhile are planned again and, the user confirming, applied.
   * The sync state is the CLI's file, so both ways in share one history.
   */
  async applyCore(step: ApplyStep = {}): Promise<ApplyReport> {
    this.applies += 1;
    const claimedBefore = this.claims();
    const before = this.h.emu.store.snapshot();
    const logStart = this.h.emu.stats.log().length;
    const colleagueWindows: [number, number][] = [];
    const raceDoc = step.raceOn !== undefined ? this.docs().find((d) => d.id === step.raceOn && d.sid) : undefined;
    const syncState = FileSyncStateStore.open(path.join(this.dir, '.trunkline', 'sync-state.json'), this.dir, this.dir, () => undefined);
    const read = () => [...this.files.keys()].flatMap((uri) => parseTrunkFile(fs.readFileSync(path.join(this.dir, uri), 'utf8')).documents.map((document) => ({ uri, document })));
    const planned = (combined: CombinedPlan): ApplyOutput['plan']['documents'] =>
      combined.documents.map((d) => {
        const plan = d.outcome.status === 'planned' ? d.outcome.plan : undefined;
        return {
          file: d.uri,
          index: d.document.index,
          sid: plan?.sid ?? d.document.sid ?? null,
          status: !plan ? 'not-planned' : plan.operations.length > 0 ? 'changes' : 'in-sync',
          remoteChanged: plan?.remoteChanged ?? null,
          operations: plan?.operations.map((o) => ({ type: o.type })) ?? [],
        };
      });
    const options = {
      syncState,
      overwrite: step.overwrite === true,
      onCreated: (p: { uri: string; index: number }, sid: string) => {
        const file = path.join(this.dir, p.uri);
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, applyTextEdits(text, setDocumentSid(text, p.index, sid)));
      },
    };
    this.h.emu.faults.set(step.faults ?? []);
    let output: ApplyOutput | undefined;
    const replanned: ApplyOutput['plan']['documents'] = [];
    let prompts = 1;
    try {
      const combined = await planAll(read(), this.h.clients, { syncState });
      if (raceDoc) {
        const start = this.h.emu.stats.log().length;
        await this.colleague(raceDoc.id);
        colleagueWindows.push([start, this.h.emu.stats.log().length]);
      }
      let summary = await applyAll(combined, this.h.clients, options);
      const results = new Map(summary.documents.map((r) => [`${r.uri}#${r.index}`, r]));
      for (let round = 0; round < 3; round++) {
        const outdated = summary.documents.filter((r) => r.apply?.status === 'outdated').map((r) => `${r.uri}#${r.index}`);
        if (outdated.length === 0) break;
        const again = await planAll(read().filter((d) => outdated.includes(`${d.uri}#${d.document.index}`)), this.h.clients, { syncState });
        replanned.push(...planned(again));
        prompts += 1;
        summary = await applyAll(again, this.h.clients, options);
        for (const r of summary.documents) results.set(`${r.uri}#${r.index}`, r);
      }
      output = { plan: { documents: planned(combined) }, results: [...results.values()].map((r) => ({ file: r.uri, index: r.index, sid: r.sid ?? null, outcome: r.outcome })) };
    } catch {
      // Nothing planned or applied as a whole (e.g. an account unreadable): the checks still run.
    } finally {
      this.h.emu.faults.set([]);
      syncState.save();
    }
    const log = this.h.emu.stats.log();
    const sent = log.slice(logStart).filter((_, i) => !colleagueWindows.some(([s, e]) => logStart + i >= s && logStart + i < e));
    const clean = !step.faults?.length && !raceDoc;
    const violations = this.check({ step, output, sent, before, claimedBefore, clean, replanned });
    this.violations.push(...violations);
    return {
      code: output ? 0 : 2,
      violations,
      stdout: '',
      stderr: '',
      prompts,
      plan: (output?.plan?.documents ?? []).map(({ file, index, status }) => ({ file, index, status })),
      results: (output?.results ?? []).map(({ file, index, outcome }) => ({ file, index, outcome })),
    };
  }

  /** Another `trunkline` command in this workspace (read-only ones: plan, validate). */
  async cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (t) => void (stdout += t) },
      stderr: { write: (t) => void (stderr += t) },
      stdin: new PassThrough(),
      env: { TWILIO_AUTH_TOKEN: this.h.emu.credentials.authToken, CARRIERX_TOKEN: this.h.emu.credentials.carrierXToken },
      cwd: this.dir,
      isTTY: { stdin: false, stdout: false, stderr: false },
    };
    const code = await runCli(args, io, new AbortController().signal);
    return { code, stdout, stderr };
  }

  // ---- the contract ----

  private check(run: {
    step: ApplyStep;
    output: ApplyOutput | undefined;
    sent: readonly RequestRecord[];
    before: Snapshot;
    claimedBefore: Map<string, number[]>;
    clean: boolean;
    replanned: ApplyOutput['plan']['documents'];
  }): string[] {
    const problems: string[] = [];
    const after = this.h.emu.store.snapshot();
    const output = run.output;

    // Every file parses and holds the model's documents; the sids Push wrote join the model.
    for (const [file, docs] of this.files) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(this.dir, file), 'utf8');
      } catch (error) {
        problems.push(`${file} cannot be read after apply: ${(error as Error).message}`);
        continue;
      }
      const parsed = parseTrunkFile(text).documents;
      if (parsed.length !== docs.length) {
        problems.push(`${file} holds ${parsed.length} documents after apply, ${docs.length} before`);
        continue;
      }
      docs.forEach((doc, i) => {
        const p = parsed[i]!;
        // A resource claimed twice is an error at both documents: they are invalid, rightly.
        const claimedTwice = doc.sid !== undefined && (run.claimedBefore.get(doc.sid)?.length ?? 0) > 1;
        if (claimedTwice) {
          if (p.sid !== doc.sid) problems.push(`${file} document ${i}: sid ${doc.sid} became ${p.sid ?? '(none)'}`);
          return;
        }
        if (!p.valid) return problems.push(`${file} document ${i} no longer valid after apply: ${p.diagnostics.map((d) => d.message).join('; ')}`);
        if (!isDeepStrictEqual(p.spec, doc.spec)) problems.push(`${file} document ${i}: spec changed by apply`);
        if (!text.includes(`# document ${doc.id}\n`)) problems.push(`${file} document ${i}: its comment was lost`);
        if (doc.sid !== undefined && p.sid !== doc.sid) problems.push(`${file} document ${i}: sid ${doc.sid} became ${p.sid ?? '(none)'}`);
        if (doc.sid === undefined && p.sid !== undefined) {
          const holders = run.claimedBefore.get(p.sid) ?? [];
          if (holders.length > 0) {
            problems.push(`one resource, two documents: ${file} document ${i} (model ${doc.id}) was given ${p.sid}, already the resource of document ${holders.join(', ')} [hole 5]`);
          }
          doc.sid = p.sid;
        }
      });
    }

    // Nothing sent that the plan shown did not list; nothing written to a resource two documents claim.
    const allowed = new Set<string>();
    const newSids = new Map<string, string>();
    for (const r of output?.results ?? []) if (r.sid) newSids.set(`${r.file}#${r.index}`, r.sid);
    for (const d of [...(output?.plan?.documents ?? []), ...run.replanned]) {
      if (d.status !== 'changes' || (d.remoteChanged && !run.step.overwrite)) continue;
      const sid = d.sid ?? newSids.get(`${d.file}#${d.index}`) ?? null;
      for (const op of d.operations) {
        if (op.type === 'adopt') continue;
        const creates = op.type === 'twilio.trunk.create' || op.type === 'twilio.byoc.create' || op.type === 'carrierx.group.create';
        allowed.add(`${op.type}|${creates ? '' : sid}`);
      }
    }
    const shared = new Set([...run.claimedBefore].filter(([, ids]) => ids.length > 1).map(([sid]) => sid));
    for (const r of run.sent) {
      if (!MUTATING.has(r.method)) continue;
      const { type, sid } = classify(r);
      if (!allowed.has(`${type}|${sid}`)) problems.push(`sent ${r.method} ${r.path} (${type}) that the plan shown did not list`);
      if (sid && shared.has(sid)) problems.push(`sent ${r.method} ${r.path} to ${sid}, the resource of documents ${run.claimedBefore.get(sid)!.join(' and ')} [hole 1]`);
    }
    const created = (k: 'trunks' | 'byoc_trunks' | 'trunk_groups') => count(after, k) - count(run.before, k);
    const plannedCreates = (type: string) => (output?.plan?.documents ?? []).filter((d) => d.status === 'changes' && d.operations.some((o) => o.type === type)).length;
    for (const [k, type] of [['trunks', 'twilio.trunk.create'], ['byoc_trunks', 'twilio.byoc.create'], ['trunk_groups', 'carrierx.group.create']] as const) {
      if (created(k) > plannedCreates(type)) problems.push(`${created(k)} new ${k} at the provider, the plan showed ${plannedCreates(type)} creates`);
    }

    // No colleague's change overwritten without --overwrite.
    const still: Drift[] = [];
    for (const d of this.drift) {
      const remote = remoteFields(after, d.kind, d.sid);
      if (!remote) continue;
      if (remote[d.field] === d.value) still.push(d);
      else if (!run.step.overwrite) problems.push(`${d.kind} ${d.sid}: the colleague's ${d.field} ${JSON.stringify(d.value)} was overwritten with ${JSON.stringify(remote[d.field])} without --overwrite [holes 3/4]`);
    }
    this.drift = still;

    // After a clean apply: no unclaimed resource, and the remote is what the files say.
    if (run.clean) {
      const claims = this.claims();
      for (const [k, kind] of [['trunks', 'TwilioTrunk'], ['byoc_trunks', 'TwilioByocTrunk'], ['trunk_groups', 'CarrierXTrunkGroup']] as const) {
        for (const sid of sidsOf(after, k)) if (!claims.has(sid) && !this.abandoned.has(sid)) problems.push(`${kind} ${sid} exists at the provider but no document claims it: a duplicate [holes 5/6]`);
      }
      const drifted = new Set(this.drift.map((d) => d.sid));
      for (const doc of this.docs()) {
        if (doc.sid && (claims.get(doc.sid)?.length ?? 0) > 1) continue;
        if (doc.sid && drifted.has(doc.sid)) continue;
        if (!doc.sid) {
          problems.push(`document ${doc.id} (${doc.kind}) still has no sid after a clean apply`);
          continue;
        }
        const remote = remoteFields(after, doc.kind, doc.sid);
        if (!remote) {
          problems.push(`document ${doc.id}: its resource ${doc.sid} does not exist`);
          continue;
        }
        for (const [field, value] of Object.entries(managedFields(doc))) {
          if (!isDeepStrictEqual(remote[field], value)) problems.push(`document ${doc.id} ${doc.sid}: remote ${field} ${JSON.stringify(remote[field])}, the file says ${JSON.stringify(value)}`);
        }
      }
    }
    return problems;
  }

  /** sid → the model ids of the documents naming it. */
  private claims(): Map<string, number[]> {
    const claims = new Map<string, number[]>();
    for (const doc of this.docs()) if (doc.sid) claims.set(doc.sid, [...(claims.get(doc.sid) ?? []), doc.id]);
    return claims;
  }

  docOf(id: number): ModelDoc {
    const doc = this.docs().find((d) => d.id === id);
    if (!doc) throw new Error(`no document ${id}`);
    return doc;
  }

  /** Writes every file from the model (the user's editor saving), removing files left empty. */
  private write(): void {
    for (const [file, docs] of [...this.files]) if (docs.length === 0) this.files.delete(file);
    for (const entry of fs.readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.trunk.yaml')) {
        const full = path.join(entry.parentPath, entry.name);
        if (!this.files.has(path.relative(this.dir, full).split(path.sep).join('/'))) fs.rmSync(full);
      }
    }
    for (const [file, docs] of this.files) {
      const full = path.join(this.dir, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, fileText(docs));
    }
  }

  /** The model, for a failure message. */
  describe(): string {
    return [...this.files].map(([file, docs]) => `${file}: ${docs.map((d) => `${d.id}:${d.kind}${d.sid ? `@${d.sid.slice(0, 8)}` : ''}`).join(', ')}`).join(' | ');
  }
}

interface ApplyOutput {
  plan: { documents: { file: string; index: number; sid: string | null; status: string; remoteChanged: unknown; operations: { type: string }[] }[] };
  results: { file: string; index: number; sid: string | null; outcome: string }[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function fileText(docs: readonly ModelDoc[]): string {
  return docs
    .map((d) => `# document ${d.id}\n${toTrunkYaml({ apiVersion: 'trunkline/v1', kind: d.kind, account: ACCOUNT_OF[d.kind], ...(d.sid ? { sid: d.sid } : {}), spec: d.spec })}`)
    .join('---\n');
}

function kindOf(variant: Variant): TrunkKind {
  return variant === 'byoc' ? 'TwilioByocTrunk' : variant === 'group' ? 'CarrierXTrunkGroup' : 'TwilioTrunk';
}

function variantOf(doc: ModelDoc): Variant {
  if (doc.kind === 'TwilioByocTrunk') return 'byoc';
  if (doc.kind === 'CarrierXTrunkGroup') return 'group';
  return doc.spec.domain_name === undefined ? 'trunk-without-domain' : 'trunk';
}

export function newSpec(variant: Variant, id: number): Record<string, unknown> {
  switch (variant) {
    case 'trunk':
      return { friendly_name: `Trunk ${id}`, domain_name: `trunk-${id}.pstn.twilio.com`, secure: false };
    case 'trunk-without-domain':
      return { friendly_name: `Trunk ${id}`, secure: false };
    case 'byoc':
      return { friendly_name: `Carrier ${id}`, voice_url: `https://voice.example.com/${id}` };
    case 'group':
      return { name: `Group ${id}`, routing_type: 'failover', hard_failure_codes: '408;', trunks: [{ name: 'a' }] };
  }
}

function userFields(kind: TrunkKind): string[] {
  if (kind === 'TwilioTrunk') return ['friendly_name', 'secure'];
  if (kind === 'TwilioByocTrunk') return ['voice_url', 'friendly_name'];
  return ['hard_failure_codes', 'routing_type'];
}

function userValue(doc: ModelDoc, field: string, n: number): unknown {
  switch (field) {
    case 'secure':
      return !doc.spec.secure;
    case 'routing_type':
      return doc.spec.routing_type === 'failover' ? 'round_robin' : 'failover';
    case 'hard_failure_codes':
      return `4${String(n % 100).padStart(2, '0')};`;
    case 'voice_url':
      return `https://voice.example.com/${doc.id}/${n}`;
    default:
      return doc.kind === 'TwilioTrunk' ? `Trunk ${doc.id} v${n}` : `Carrier ${doc.id} v${n}`;
  }
}

function managedFields(doc: ModelDoc): Record<string, unknown> {
  const { trunks, ...fields } = doc.spec;
  return trunks === undefined ? fields : { ...fields, trunks: (trunks as { name: string }[]).map((t) => t.name) };
}

type Snapshot = ReturnType<SyncHarness['emu']['store']['snapshot']>;

function count(s: Snapshot, k: 'trunks' | 'byoc_trunks' | 'trunk_groups'): number {
  return sidsOf(s, k).length;
}

function sidsOf(s: Snapshot, k: 'trunks' | 'byoc_trunks' | 'trunk_groups'): string[] {
  if (k === 'trunks') return s.twilio.trunks.map((t) => t.sid);
  if (k === 'byoc_trunks') return s.twilio.byoc_trunks.map((t) => t.sid);
  return s.carrierx.trunk_groups.map((g) => g.trunk_group_sid);
}

/** The fields the model compares, as the provider holds them (undefined: no such resource). */
function remoteFields(s: Snapshot, kind: TrunkKind, sid: string): Record<string, unknown> | undefined {
  if (kind === 'TwilioTrunk') {
    const t = s.twilio.trunks.find((x) => x.sid === sid);
    return t && { friendly_name: t.friendly_name, domain_name: t.domain_name, secure: t.secure };
  }
  if (kind === 'TwilioByocTrunk') {
    const t = s.twilio.byoc_trunks.find((x) => x.sid === sid);
    return t && { friendly_name: t.friendly_name, voice_url: t.voice_url };
  }
  const g = s.carrierx.trunk_groups.find((x) => x.trunk_group_sid === sid);
  if (!g) return undefined;
  const trunks = s.carrierx.trunks.filter((t) => t.trunk_group_sid === sid).map((t) => t.name);
  return { name: g.name, routing_type: g.routing_type, hard_failure_codes: g.hard_failure_codes, trunks };
}

function pick(spec: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => spec[k] !== undefined).map((k) => [k, spec[k]]));
}

/** Which planned operation a provider request is, and the resource it targets (`''` for creates). */
export function classify(r: RequestRecord): { type: string; sid: string } {
  const p = r.path.split('/').filter(Boolean);
  const m = r.method;
  if (p[0] === 'v1' && p[1] === 'Trunks') {
    if (p.length === 2 && m === 'POST') return { type: 'twilio.trunk.create', sid: '' };
    const sid = p[2]!;
    if (p.length === 3) return { type: m === 'DELETE' ? 'twilio.trunk.delete' : 'twilio.trunk.update', sid };
    if (p[3] === 'Recording') return { type: 'twilio.recording.update', sid };
    if (p[3] === 'OriginationUrls') return { type: p.length === 4 ? 'twilio.originationUrl.create' : m === 'DELETE' ? 'twilio.originationUrl.delete' : 'twilio.originationUrl.update', sid };
    if (p[3] === 'PhoneNumbers') return { type: p.length === 4 ? 'twilio.number.attach' : 'twilio.number.detach', sid };
  }
  if (p[0] === 'v1' && p[1] === 'ByocTrunks') {
    if (p.length === 2 && m === 'POST') return { type: 'twilio.byoc.create', sid: '' };
    return { type: m === 'DELETE' ? 'twilio.byoc.delete' : 'twilio.byoc.update', sid: p[2]! };
  }
  if (p[0] === 'core' && p[2] === 'trunk_groups') {
    if (p.length === 3 && m === 'POST') return { type: 'carrierx.group.create', sid: '' };
    const sid = p[3]!;
    if (p.length === 4) return { type: m === 'DELETE' ? 'carrierx.group.delete' : 'carrierx.group.update', sid };
    if (p[4] === 'trunks') return { type: p.length === 5 ? 'carrierx.trunk.create' : m === 'DELETE' ? 'carrierx.trunk.delete' : 'carrierx.trunk.update', sid };
  }
  return { type: `${m} ${r.path}`, sid: '' };
}
