import { applyAll, planAll, type CombinedPlan } from '../../src/core/documents/apply/push-all';
import { fixedSyncClients, type SyncClients } from '../../src/core/documents/apply/sync-clients';
import { parseTrunkFile } from '../../src/core/documents/file/parse-trunk-file';
import type { TrunkKind } from '../../src/core/documents/file/trunk-kinds';
import type { SyncDocument } from '../../src/core/documents/plan/plan-documents';
import { toTrunkYaml } from '../../src/core/documents/render/to-trunk-yaml';
import { MemorySyncStateStore } from '../../src/core/documents/sync/sync-state';
import type { FaultRule } from '../../src/emulator/faults/fault-rule';
import type { EmulatorSnapshot } from '../../src/emulator/store/emulator-store';
import type { SequenceWorld, WorldSession } from './model-sequence';
import { clientsFor } from '../support/test-clients';
import type { TestEmulator } from '../support/test-emulator';

// Pushes of trunk files whose trunks name other resources (a BYOC trunk its connection policy, a
// CarrierX trunk its endpoint), by name or by sid, next to a model of the workspace, while a
// colleague renames, creates (same name: ambiguity), deletes and re-points at the provider, and
// the user's requests meet lost answers, 503s, 429 bursts and kills. The checks read the
// emulator's records, never Trunkline's word:
//   - a trunk our push re-pointed points at a resource whose name is the one its document names
//     (or at the sid named); an ambiguous or unknown name is refused naming it, nothing sent to the trunk;
//   - nothing created twice (every resource our requests made belongs to a document, to a killed
//     create the model knows of, or to a document the user deleted);
//   - nothing sent that the plan did not list (every write names a planned document's resource
//     or one made by this push); a colleague's re-pointing is not undone without --overwrite;
//   - after a clean push, every trunk applied points where the model resolves its name.
// references.test.ts drives it with fast-check and keeps the shrunk counterexamples.

export type Pair = 'policy' | 'endpoint';
export const PAIRS: readonly Pair[] = ['policy', 'endpoint'];
/** Few names, so that collisions (ambiguity) and renames onto a taken name happen. */
export const REF_NAMES = ['Edge', 'Core', 'Spare'];
export const TRUNK_NAMES = ['T1', 'T2'];
export const FILES = ['routes.trunk.yaml', 'trunks.trunk.yaml'];

const REF_KIND: Record<Pair, TrunkKind> = { policy: 'TwilioConnectionPolicy', endpoint: 'CarrierXEndpoint' };
const TRUNK_KIND: Record<Pair, TrunkKind> = { policy: 'TwilioByocTrunk', endpoint: 'CarrierXTrunkGroup' };
const SID = /[A-Z]{2}[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** How a trunk document names its policy or endpoint. */
export type RefValue = { by: 'name'; value: string } | { by: 'sid'; value: string };

export interface ModelDoc {
  id: number;
  pair: Pair;
  role: 'ref' | 'trunk';
  file: string;
  name: string;
  sid?: string | undefined;
  /** Trunks only. */
  ref?: RefValue | undefined;
}

export type ColleagueAct =
  | { type: 'rename'; pair: Pair; which: number; to: number }
  | { type: 'create'; pair: Pair; name: number }
  | { type: 'delete'; pair: Pair; which: number }
  | { type: 'point'; pair: Pair; trunk: number; to: number };

export type Fault = 'lost' | '503' | '429';

export interface PushStep {
  /** undefined: Push All; otherwise one file (the rest of the workspace still names and claims). */
  file?: number | undefined;
  /** A colleague acts while the plan is on screen (between plan and apply). */
  race?: ColleagueAct | undefined;
  fault?: Fault | undefined;
  /**
   * The push dies at this write-back (the resource made, its sid never written), or (killOnRequest)
   * the moment its killAt-th write reaches the provider (made or not, its answer never read).
   */
  killAt?: number | undefined;
  killOnRequest?: boolean | undefined;
  overwrite?: boolean | undefined;
}

export const figures = {
  sequences: 0,
  steps: 0,
  pushes: 0,
  faultedPushes: 0,
  kills: 0,
  races: 0,
  colleagueActs: 0,
  refusalsNamingTheName: 0,
  repointed: 0,
  outdated: 0,
  /** Hole 2 (references.test.ts): a twin's interrupted create made the journal give up; created again. */
  violations: 0,
};

const FAULTS: Record<Fault, FaultRule[]> = {
  lost: [{ kind: 'reset-after-commit', method: 'POST', probability: 0.5, times: 2 }],
  '503': [{ kind: 'server-error', status: 503, probability: 0.3, times: 3 }],
  '429': [{ kind: 'throttle', probability: 0.4, times: 6, retryAfterSeconds: 0 }],
};

/** The resources of a pair's named kind, sid → name. */
export function referables(s: EmulatorSnapshot, pair: Pair): Map<string, string> {
  if (pair === 'policy') return new Map((s.twilio.connection_policies ?? []).map((p) => [p.sid, p.friendly_name ?? '']));
  return new Map((s.carrierx.endpoints ?? []).map((e) => [e.endpoint_sid, e.name]));
}

/** Where each trunk of a pair points: BYOC trunk sid → policy sid; group sid → its trunk's endpoint sid. */
export function pointers(s: EmulatorSnapshot, pair: Pair): Map<string, string | null> {
  if (pair === 'policy') return new Map(s.twilio.byoc_trunks.map((t) => [t.sid, t.connection_policy_sid ?? null]));
  return new Map(s.carrierx.trunk_groups.map((g) => [g.trunk_group_sid, s.carrierx.trunks.find((t) => t.trunk_group_sid === g.trunk_group_sid)?.endpoint_sid ?? null]));
}

export function trunkNames(s: EmulatorSnapshot, pair: Pair): Map<string, string> {
  if (pair === 'policy') return new Map(s.twilio.byoc_trunks.map((t) => [t.sid, t.friendly_name ?? '']));
  return new Map(s.carrierx.trunk_groups.map((g) => [g.trunk_group_sid, g.name ?? '']));
}

function spec(d: ModelDoc): Record<string, unknown> {
  const ref = d.ref;
  if (d.role === 'ref') return d.pair === 'policy' ? { friendly_name: d.name, targets: [{ target: 'sip:pbx.example.com' }] } : { name: d.name, addresses: [{ ip: '192.0.2.10' }] };
  if (d.pair === 'policy') return { friendly_name: d.name, voice_url: 'https://voice.example.com/in', ...(ref?.by === 'sid' ? { connection_policy_sid: ref.value } : { connection_policy: ref?.value }) };
  return { name: d.name, routing_type: 'failover', trunks: [{ name: 'to-pbx', ...(ref?.by === 'sid' ? { endpoint_sid: ref.value } : { endpoint: ref?.value }) }] };
}

function kindOf(d: ModelDoc): TrunkKind {
  return d.role === 'ref' ? REF_KIND[d.pair] : TRUNK_KIND[d.pair];
}

/** What the model says a name resolves to (account-references.ts's rule, from the model's side). */
export type Resolution = { status: 'resolved'; sid: string | undefined } | { status: 'unknown' | 'ambiguous' };

export class ReferencesWorld implements SequenceWorld {
  stopped = false;
  docs: ModelDoc[] = [];
  readonly state = new MemorySyncStateStore();
  readonly violations: string[] = [];
  /** Resources a colleague made, or the emulator started with (they are not ours to account for). */
  readonly colleagueMade = new Set<string>();
  /** Sids of documents the user deleted from the file: the resource stays, no document owns it. */
  readonly released = new Set<string>();
  /** Resources made by a killed push, by sid: the document they were made for, and its name then. */
  readonly owed = new Map<string, { doc: ModelDoc; name: string }>();
  /** A colleague re-pointed this trunk after it was synced: trunk sid → where it points. */
  readonly drift = new Map<string, string | null>();
  readonly user: SyncClients;
  private readonly userClients: ReturnType<typeof clientsFor>;
  private nextId = 1;

  constructor(
    private readonly emu: TestEmulator,
    private readonly session: WorldSession,
  ) {
    this.userClients = clientsFor(emu);
    this.user = fixedSyncClients({ twilio: this.userClients.twilio, carrierx: this.userClients.carrierx });
    // What the emulator starts with (e.g. CarrierX's system endpoint) is nobody's to account for.
    const s = emu.store.snapshot();
    for (const pair of PAIRS) for (const sid of [...referables(s, pair).keys(), ...pointers(s, pair).keys()]) this.colleagueMade.add(sid);
  }

  async close(): Promise<void> {
    try {
      await this.userClients.close();
    } finally {
      await this.session.close();
    }
  }

  check(label: string): void {
    if (this.violations.length > 0) throw new Error(`after ${label}:\n${this.violations.join('\n')}`);
  }

  add(doc: Omit<ModelDoc, 'id'>): void {
    this.docs.push({ ...doc, id: this.nextId++ });
  }

  deleteDoc(doc: ModelDoc): void {
    this.docs = this.docs.filter((d) => d !== doc);
    if (doc.sid) this.released.add(doc.sid);
    for (const [sid, o] of this.owed) if (o.doc === doc) this.released.add(sid);
  }

  private documents(docs: readonly ModelDoc[]): SyncDocument[] {
    return FILES.flatMap((file) => {
      const inFile = docs.filter((d) => d.file === file);
      if (inFile.length === 0) return [];
      const text = inFile.map((d) => toTrunkYaml({ apiVersion: 'trunkline/v1', kind: kindOf(d), account: 'sandbox', ...(d.sid ? { sid: d.sid } : {}), spec: spec(d) })).join('---\n');
      return parseTrunkFile(text).documents.map((document) => ({ uri: file, document }));
    });
  }

  private docAt(uri: string, index: number): ModelDoc | undefined {
    return this.docs.filter((d) => d.file === uri)[index];
  }

  /** The model's resolution of a trunk's name: the workspace's documents of the kind, and the account's resources no document holds. */
  resolve(pair: Pair, ref: RefValue, s: EmulatorSnapshot): Resolution {
    if (ref.by === 'sid') return { status: 'resolved', sid: ref.value };
    const remote = referables(s, pair);
    // A resource a killed push made for a document (the journal knows) stands for that document.
    const documents = this.docs
      .filter((d) => d.role === 'ref' && d.pair === pair)
      .map((d) => ({ name: d.name, sid: d.sid ?? [...this.owed].find(([, o]) => o.doc === d && o.name === d.name)?.[0] }));
    const held = new Set([...documents.flatMap((d) => (d.sid ? [d.sid] : [])), ...[...this.owed].filter(([, o]) => this.docs.includes(o.doc)).map(([sid]) => sid)]);
    const candidates = [
      ...documents.map((d) => ({ sid: d.sid, name: d.name })),
      ...[...remote].filter(([sid]) => !held.has(sid)).map(([sid, name]) => ({ sid, name })),
    ].filter((c) => c.name === ref.value);
    if (candidates.length === 0) return { status: 'unknown' };
    if (candidates.length > 1) return { status: 'ambiguous' };
    return { status: 'resolved', sid: candidates[0]!.sid };
  }

  /** A colleague at the provider, with their own clients. */
  async colleague(act: ColleagueAct): Promise<void> {
    figures.colleagueActs += 1;
    const { twilio, carrierx } = this.session.colleague;
    const s = this.emu.store.snapshot();
    const refs = [...referables(s, act.pair).keys()];
    try {
      if (act.type === 'create') {
        const name = REF_NAMES[act.name % REF_NAMES.length]!;
        const sid = act.pair === 'policy' ? (await twilio.connectionPolicies.create({ friendly_name: name })).sid : (await carrierx.endpoints.create({ name, type: 'third_party' })).endpoint_sid;
        this.colleagueMade.add(sid);
        return;
      }
      if (act.type === 'point') {
        const trunks = [...pointers(s, act.pair).keys()];
        if (trunks.length === 0 || refs.length === 0) return;
        const trunk = trunks[act.trunk % trunks.length]!;
        const to = refs[act.to % refs.length]!;
        if (act.pair === 'policy') await twilio.byocTrunks.update(trunk, { connection_policy_sid: to });
        else {
          const child = s.carrierx.trunks.find((t) => t.trunk_group_sid === trunk);
          if (!child) return;
          await carrierx.trunks.update(trunk, child.trunk_sid, { endpoint_sid: to });
        }
        // Only a change to a resource the user's last push knew of is the colleague's to keep.
        const kind = TRUNK_KIND[act.pair];
        if (this.docs.some((d) => d.sid === trunk) && (await this.state.get({ account: 'sandbox', kind, sid: trunk }))) this.drift.set(trunk, to);
        return;
      }
      if (refs.length === 0) return;
      const sid = refs[act.which % refs.length]!;
      if (act.type === 'rename') {
        const name = REF_NAMES[act.to % REF_NAMES.length]!;
        if (act.pair === 'policy') await twilio.connectionPolicies.update(sid, { friendly_name: name });
        else await carrierx.endpoints.update(sid, { name });
      } else if (act.pair === 'policy') await twilio.connectionPolicies.delete(sid);
      else await carrierx.endpoints.delete(sid);
    } catch {
      // The provider refused (e.g. an endpoint in use): the colleague gives up, nothing changed.
    }
  }

  /** Push All (or one file) as the editor runs it: plan, (a colleague meanwhile), apply. */
  async push(step: PushStep): Promise<void> {
    figures.pushes += 1;
    const all = this.documents(this.docs);
    const file = step.file === undefined ? undefined : FILES[step.file % FILES.length]!;
    const scope = file === undefined ? all : all.filter((d) => d.uri === file);
    if (scope.length === 0) return;
    const claimedSids = file === undefined ? [] : this.docs.filter((d) => d.file !== file && d.sid).map((d) => d.sid!);
    const atPlan = this.emu.store.snapshot();
    // What the model expects of each trunk's name, against what the plan saw.
    const expected = new Map<ModelDoc, Resolution>();
    for (const d of this.docs) if (d.role === 'trunk') expected.set(d, this.resolve(d.pair, d.ref!, atPlan));
    const docsAtPlan = new Map(this.docs.map((d) => [d, { name: d.name, ref: d.ref }]));

    const combined = await planAll(scope, this.user, { syncState: this.state, claimedSids, workspaceDocuments: all, fileExists: (uri) => this.docs.some((d) => d.file === uri) });
    if (step.race) {
      figures.races += 1;
      await this.colleague(step.race);
    }
    const before = this.emu.store.snapshot();
    const logStart = this.emu.stats.log().length;
    if (step.fault) {
      figures.faultedPushes += 1;
      this.emu.faults.set(FAULTS[step.fault]);
    }
    const killer = new AbortController();
    let writes = 0;
    let killed = false;
    let summary: Awaited<ReturnType<typeof applyAll>> | undefined;
    const stats = this.emu.stats;
    if (step.killAt !== undefined && step.killOnRequest) {
      // The emulator's own record of each request as it arrives: the k-th write kills the push.
      const record = stats.record.bind(stats);
      stats.record = (method, template, path) => {
        record(method, template, path);
        if (method !== 'GET' && writes++ === step.killAt && !killed) {
          killed = true;
          killer.abort();
        }
      };
    }
    try {
      summary = await applyAll(combined, this.user, {
        syncState: this.state,
        concurrency: 1,
        signal: killer.signal,
        claimedSids,
        overwrite: step.overwrite === true,
        onCreated: (plan, sid) => {
          const doc = this.docAt(plan.uri, plan.index)!;
          if (killed) throw new Error('dead');
          if (step.killAt !== undefined && !step.killOnRequest && writes++ === step.killAt) {
            killed = true;
            killer.abort();
            if (!this.docs.some((d) => d.sid === sid)) this.owed.set(sid, { doc, name: doc.name });
            throw new Error('killed');
          }
          this.receive(doc, sid);
        },
      });
    } finally {
      this.emu.faults.set([]);
      delete (stats as Partial<typeof stats>).record;
    }
    const after = this.emu.store.snapshot();
    if (killed) {
      figures.kills += 1;
      // Made by the killed request, its answer never read: owed to the document of that kind and name.
      for (const pair of PAIRS) {
        for (const [sid, made] of [...[...referables(after, pair)].filter(([x]) => !referables(before, pair).has(x)).map(([x, n]) => [x, { n, role: 'ref' as const }] as const), ...[...trunkNames(after, pair)].filter(([x]) => !trunkNames(before, pair).has(x)).map(([x, n]) => [x, { n, role: 'trunk' as const }] as const)]) {
          if (this.docs.some((d) => d.sid === sid) || this.owed.has(sid)) continue;
          const doc = this.docs.find((d) => d.pair === pair && d.role === made.role && d.name === made.n && !d.sid && ![...this.owed.values()].some((o) => o.doc === d));
          if (doc) this.owed.set(sid, { doc, name: doc.name });
        }
      }
    }
    const sent = this.emu.stats.log().slice(logStart).filter((r) => r.method !== 'GET');
    this.checkPush({ step, combined, summary, atPlan, before, after, sent, expected, docsAtPlan, clean: !step.fault && !step.race && !killed });
    if (step.overwrite) for (const d of this.docs) if (d.sid && scope.some((x) => x.uri === d.file)) this.drift.delete(d.sid);
    this.checkOwnership(after);
  }

  /** A document gets the sid made for it; made already for it before a kill, with the same name: a duplicate. */
  private receive(doc: ModelDoc, sid: string): void {
    for (const [owedSid, o] of this.owed) {
      if (owedSid !== sid && o.doc === doc && o.name === doc.name && !this.released.has(owedSid)) {
        this.violations.push(`document #${doc.id} (${doc.role} "${doc.name}") got ${sid}, but ${owedSid} was made for it before a kill: created twice`);
      }
    }
    const owner = this.owed.get(sid);
    if (owner && owner.doc !== doc && this.docs.includes(owner.doc) && owner.name !== doc.name) {
      this.violations.push(`${sid}, made for document #${owner.doc.id} ("${owner.name}"), went to document #${doc.id} ("${doc.name}")`);
    }
    this.owed.delete(sid);
    doc.sid = sid;
  }

  private checkPush(c: {
    step: PushStep;
    combined: CombinedPlan;
    summary: Awaited<ReturnType<typeof applyAll>> | undefined;
    atPlan: EmulatorSnapshot;
    before: EmulatorSnapshot;
    after: EmulatorSnapshot;
    sent: readonly { method: string; path: string }[];
    expected: Map<ModelDoc, Resolution>;
    docsAtPlan: Map<ModelDoc, { name: string; ref: RefValue | undefined }>;
    clean: boolean;
  }): void {
    const { combined, before, after } = c;
    const planned = new Map(combined.documents.map((p) => [p, this.docAt(p.uri, p.document.index)]));
    const made = new Set<string>();
    for (const pair of PAIRS) {
      for (const sid of referables(after, pair).keys()) if (!referables(before, pair).has(sid)) made.add(sid);
      for (const sid of pointers(after, pair).keys()) if (!pointers(before, pair).has(sid)) made.add(sid);
    }

    // An ambiguous or unknown name: refused, naming the name; nothing sent to that trunk.
    const refusedTrunks = new Set<string>();
    for (const [p, doc] of planned) {
      if (!doc || doc.role !== 'trunk') continue;
      const expectation = c.expected.get(doc);
      if (expectation?.status !== 'unknown' && expectation?.status !== 'ambiguous') continue;
      const name = doc.ref!.value;
      if (p.outcome.status !== 'refused') {
        this.violations.push(`trunk document #${doc.id} names ${expectation.status} "${name}" but was planned`);
        continue;
      }
      if (!p.outcome.refusal.message.includes(`"${name}"`)) this.violations.push(`trunk document #${doc.id}'s refusal does not name "${name}": ${p.outcome.refusal.message}`);
      else figures.refusalsNamingTheName += 1;
      if (doc.sid) refusedTrunks.add(doc.sid);
      else if (c.summary?.documents.some((r) => r.uri === p.uri && r.index === p.document.index && r.sid)) this.violations.push(`trunk document #${doc.id} (${expectation.status} "${name}") was created`);
    }

    // Nothing sent that the plan did not list: every write names a planned document's resource
    // (or a child of it), or one this push made.
    const allowed = new Set<string>(made);
    for (const p of combined.documents) {
      if (p.outcome.status !== 'planned' || p.outcome.plan.operations.length === 0) continue;
      const plan = p.outcome.plan;
      const first = plan.operations[0];
      const sid = plan.sid ?? (first?.type === 'adopt' ? first.sid : undefined);
      if (sid) allowed.add(sid);
    }
    for (const snapshot of [before, after]) {
      for (const t of snapshot.twilio.connection_policy_targets ?? []) if (allowed.has(t.connection_policy_sid)) allowed.add(t.sid);
      for (const t of snapshot.carrierx.trunks) if (allowed.has(t.trunk_group_sid)) allowed.add(t.trunk_sid);
    }
    for (const r of c.sent) {
      const sids = r.path.match(SID) ?? [];
      for (const sid of sids) {
        if (sid.startsWith('AC')) continue;
        if (refusedTrunks.has(sid)) this.violations.push(`${r.method} ${r.path}: a write to a trunk whose name was refused`);
        else if (!allowed.has(sid)) this.violations.push(`${r.method} ${r.path}: ${sid} is in no planned document's operations`);
      }
    }

    // A trunk our push re-pointed points at a resource whose name is the one its document names.
    for (const pair of PAIRS) {
      const was = pointers(before, pair);
      const now = pointers(after, pair);
      const names = referables(after, pair);
      for (const [trunk, pointer] of now) {
        if (was.get(trunk) === pointer || (!was.has(trunk) && pointer === null)) continue;
        figures.repointed += 1;
        const doc = this.docs.find((d) => d.sid === trunk) ?? [...this.owed].find(([sid]) => sid === trunk)?.[1].doc;
        const ref = doc ? c.docsAtPlan.get(doc)?.ref : undefined;
        if (!doc || !ref) {
          this.violations.push(`${pair} trunk ${trunk} ("${trunkNames(after, pair).get(trunk)}") was pointed at ${pointer} by a push, and no document names it`);
          continue;
        }
        if (this.drift.has(trunk) && !c.step.overwrite) {
          this.violations.push(`trunk document #${doc.id} (${trunk}): a colleague pointed it at ${this.drift.get(trunk)}, the push without overwrite changed it to ${pointer}`);
          continue;
        }
        if (ref.by === 'sid') {
          if (pointer !== ref.value) this.violations.push(`trunk document #${doc.id} names ${ref.value}, the push pointed it at ${pointer}`);
          continue;
        }
        const name = pointer === null ? undefined : names.get(pointer);
        if (name !== ref.value) {
          this.violations.push(`trunk document #${doc.id} names "${ref.value}", the push pointed it at ${pointer} which is ${name === undefined ? 'gone' : `"${name}"`}`);
        }
        // Two resources of that name at the provider are fine when the workspace says which one
        // (a document holding the other is being renamed): the model's resolution at the plan decides.
        const expectation = c.expected.get(doc);
        if (expectation?.status === 'resolved' && expectation.sid !== undefined && pointer !== expectation.sid) {
          this.violations.push(`trunk document #${doc.id} names "${ref.value}", which was ${expectation.sid} when planned; the push pointed it at ${pointer}`);
        }
      }
    }

    for (const r of c.summary?.documents ?? []) if (r.apply?.status === 'outdated') figures.outdated += 1;

    // After a clean push: every trunk applied points where the model resolves its name.
    if (!c.clean || !c.summary) return;
    for (const r of c.summary.documents) {
      const doc = this.docAt(r.uri, r.index);
      if (!doc || doc.role !== 'trunk' || !doc.sid) continue;
      if (r.outcome !== 'created' && r.outcome !== 'updated' && r.outcome !== 'unchanged') continue;
      if (this.drift.has(doc.sid) && !c.step.overwrite) continue;
      const expectation = this.resolve(doc.pair, doc.ref!, after);
      const pointer = pointers(after, doc.pair).get(doc.sid);
      if (expectation.status !== 'resolved') this.violations.push(`trunk document #${doc.id} names "${doc.ref!.value}" (${expectation.status} to the model), yet the push said ${r.outcome}`);
      else if (pointer !== expectation.sid) this.violations.push(`after a clean push trunk document #${doc.id} (${doc.sid}) names "${doc.ref!.value}" (${expectation.sid}) and points at ${pointer}`);
    }
  }

  /** Every resource our requests made belongs to a document, a killed create, or a document the user deleted. */
  private checkOwnership(s: EmulatorSnapshot): void {
    const owned = new Set(this.docs.flatMap((d) => (d.sid ? [d.sid] : [])));
    for (const pair of PAIRS) {
      const all = [...referables(s, pair)].map(([sid, name]) => ({ sid, name, what: REF_KIND[pair] }));
      all.push(...[...trunkNames(s, pair)].map(([sid, name]) => ({ sid, name, what: TRUNK_KIND[pair] })));
      for (const r of all) {
        if (owned.has(r.sid) || this.colleagueMade.has(r.sid) || this.released.has(r.sid) || this.owed.has(r.sid)) continue;
        this.violations.push(`${r.what} "${r.name}" ${r.sid} belongs to no document, no killed create and no colleague: made twice`);
      }
    }
  }

  /** Clean pushes until nothing is left to create. */
  async finish(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await this.push({});
      this.check(`clean push ${round + 1} at the end`);
    }
  }
}
