import { computePlan, locatePlanError, refusal, remoteTargetOf, uniqueKeyValue } from './compute-plan';
import type { PlanOutcome } from './document-plan';
import { fetchRemoteStates } from './fetch-remote-states';
import { mapBounded } from './map-bounded';
import { errorText, plural } from './message-text';
import type { TrunkDocument } from '../file/parse-trunk-file';
import type { PlanError } from './plan-error';
import { documentKind } from '../kinds/document-kinds';
import { fetchRemoteState } from './fetch-remote-state';
import type { RemoteLookup, RemoteTarget, SameNamedResource } from './remote-state';
import type { SyncClients } from '../apply/sync-clients';
import { syncStateKeyOf, type PendingCreate, type SyncStateStore } from '../sync/sync-state';
import { CarrierXDidIndex } from './carrierx-did-index';
import { TwilioNumberIndex } from './twilio-number-index';
import { AccountReferences } from '../references/account-references';
import type { ReferenceListings } from '../references/reference-listings';
import type { ReferableDocument } from '../references/document-reference';
import { documentKeyId, referenceOrder } from '../references/reference-order';
import { referableDocument, specReferences } from '../references/spec-references';

/** A document and the file it is in. */
export interface SyncDocument {
  uri: string;
  document: TrunkDocument;
}

export interface PlanDocumentsOptions {
  syncState?: SyncStateStore | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Look up documents without sid (an existing trunk owning the domain name is adopted, same-named
   * BYOC trunks and groups are warned about). Default true; the status of such documents does not need it.
   */
  lookupNew?: boolean | undefined;
  /**
   * Sids owned by documents not in this call (the rest of the workspace). A document without sid
   * never adopts a resource that a document owns (these, or those of the documents planned here).
   */
  claimedSids?: Iterable<string> | undefined;
  /**
   * The workspace's documents, among which the names of references are resolved besides the
   * account's resources (the documents planned always count). Default: only those planned.
   */
  workspaceDocuments?: readonly SyncDocument[] | undefined;
  /**
   * Whether a file exists (the CLI asks the disk). A create an interrupted push journaled for a
   * document of a file not in this call goes to a same-named document of another file only when
   * that file is gone (renamed); while it exists, it may hold the document (a copy made as a
   * template), so the plan refuses and says which sid to write where. Without it, a file not
   * among `workspaceDocuments` (when given: the whole workspace) is gone.
   */
  fileExists?: ((uri: string) => boolean) | undefined;
  /** Keeps the account's resources listed for references, for the live diagnostics (which never list). */
  listings?: ReferenceListings | undefined;
}

export interface PlannedDocument extends SyncDocument {
  outcome: PlanOutcome;
}

const ACCOUNT_CONCURRENCY = 4;

/**
 * Plans many documents with few requests: grouped per account, each account's resources are
 * listed once (fetchRemoteStates) and its incoming numbers listed at most once, shared by all
 * its documents. Results are in input order. Never throws for provider failures: a document
 * whose account could not be read is refused as `unavailable`.
 */
export async function planDocuments(documents: readonly SyncDocument[], clients: SyncClients, options: PlanDocumentsOptions = {}): Promise<PlannedDocument[]> {
  const outcomes = new Array<PlanOutcome>(documents.length);
  const byAccount = new Map<string, number[]>();
  const targets = documents.map((d) => remoteTargetOf(d.document));
  for (const [i, target] of targets.entries()) {
    if (!target) {
      outcomes[i] = await computePlan(documents[i]!.document, undefined, { uri: documents[i]!.uri });
      continue;
    }
    const list = byAccount.get(target.account);
    if (list) list.push(i);
    else byAccount.set(target.account, [i]);
  }
  const claimed = new Set([...(options.claimedSids ?? []), ...documents.flatMap((d) => (d.document.sid !== undefined ? [d.document.sid] : []))]);
  const referables = referableDocuments([...documents, ...(options.workspaceDocuments ?? [])]);
  const resolvers = new Map<string, AccountReferences>();
  const journal = options.syncState ? matchJournal(await options.syncState.pendingCreates(), documents, targets, options) : new Map<number, JournalClaim>();
  await mapBounded([...byAccount], ACCOUNT_CONCURRENCY, async ([account, indexes]) => {
    try {
      await planAccount(account, indexes, documents, targets as RemoteTarget[], clients, options, claimed, outcomes, referables, resolvers, journal);
    } catch (error) {
      for (const i of indexes) {
        const { uri, document } = documents[i]!;
        outcomes[i] = refusal(uri, document, 'unavailable', `Could not read account ${account}: ${errorText(error)}.`, { cause: error });
      }
    }
  });
  rejectSharedClaims(documents, targets, outcomes);
  linkReferencedDocuments(documents, targets, outcomes, resolvers);
  return documents.map((d, i) => ({ ...d, outcome: outcomes[i]! }));
}

/** Plans one document (Push, Diff or status of a single document). */
export async function planDocument(uri: string, document: TrunkDocument, clients: SyncClients, options: PlanDocumentsOptions = {}): Promise<PlanOutcome> {
  const [planned] = await planDocuments([{ uri, document }], clients, options);
  return planned!.outcome;
}

async function planAccount(
  account: string,
  indexes: number[],
  documents: readonly SyncDocument[],
  targets: readonly RemoteTarget[],
  clients: SyncClients,
  options: PlanDocumentsOptions,
  claimed: ReadonlySet<string>,
  outcomes: PlanOutcome[],
  referables: readonly ReferableDocument[],
  resolvers: Map<string, AccountReferences>,
  journal: ReadonlyMap<number, JournalClaim>,
): Promise<void> {
  const { signal } = options;
  const lookupNew = options.lookupNew ?? true;
  const numbers = indexes.some((i) => documentKind(targets[i]!.kind).plan.usesNumberIndex) ? new TwilioNumberIndex(await clients.twilio(account)) : undefined;
  const fetched = indexes.filter((i) => targets[i]!.sid !== undefined || lookupNew);
  const dids = indexes.some((i) => documentKind(targets[i]!.kind).plan.usesDidIndex) ? new CarrierXDidIndex(await clients.carrierx(account)) : undefined;
  // The account's resources of each kind that a document names by name: one listing each, alongside the fetch.
  const named = indexes.flatMap((i) => specReferences(targets[i]!.kind, targets[i]!.spec as Record<string, unknown>).filter((r) => !documentKind(r.reference.kind).identity.sidPattern.test(r.value)).map((r) => r.reference.kind));
  const [{ lookups, trunkNames }, loaded] = await Promise.all([
    fetchRemoteStates(account, fetched.map((i) => targets[i]!), clients, { signal, numbers, dids }),
    AccountReferences.load(account, named, referables, clients, signal),
  ]);
  for (const [kind, resources] of loaded.listed()) options.listings?.set(account, kind, resources);
  const lookupOf = new Map<number, RemoteLookup>(fetched.map((i, k) => [i, lookups[k]!]));
  // Interrupted creates first: a document that adopts what one made stands for it when names resolve.
  const resumed = new Map<number, ResumedCreate | { error: unknown }>();
  const candidates = new Map<number, Map<string, PendingCreate>>();
  for (const i of indexes) {
    try {
      const made = await journalCandidates(targets[i]!, lookupOf.get(i), journal.get(i), clients, options, claimed);
      if (made) candidates.set(i, made);
    } catch (error) {
      resumed.set(i, { error });
    }
  }
  settleCandidates(candidates);
  for (const i of indexes) {
    if (!resumed.has(i)) resumed.set(i, await resumeJournaledCreate(targets[i]!, lookupOf.get(i), journal.get(i), candidates.get(i), clients, options));
  }
  const adopted = new Map<string, string>();
  for (const [i, r] of resumed) if ('made' in r && r.made && r.lookup?.status === 'new' && r.lookup.adopt) adopted.set(`${documents[i]!.uri}#${documents[i]!.document.index}`, r.lookup.adopt.sid);
  const references = loaded.withAdopted(adopted);
  resolvers.set(account, references);
  for (const i of indexes) {
    const { uri, document } = documents[i]!;
    const sid = targets[i]!.sid;
    try {
      const lastSynced = sid !== undefined && options.syncState ? await options.syncState.get(syncStateKeyOf(targets[i]!, sid)) : undefined;
      const r = resumed.get(i)!;
      if ('error' in r) throw r.error;
      const resumedCreate = r;
      if (resumedCreate.refusal) {
        outcomes[i] = refusal(uri, document, 'plan-errors', resumedCreate.refusal, { errors: [locatePlanError(document, { message: resumedCreate.refusal, path: ['spec'] })] });
        continue;
      }
      const lookup = resumedCreate.lookup;
      const owned = lookup?.status === 'new' && lookup.adopt && claimed.has(lookup.adopt.sid) ? lookup.adopt.sid : undefined;
      const outcome = owned ? adoptionRefused(uri, document, targets[i]!, owned) : await computePlan(document, lookup, { uri, numbers, dids, trunkNames, lastSynced, references, signal });
      if (outcome.status === 'planned' && resumedCreate.entries) {
        outcome.plan.journaled = resumedCreate.entries;
        const adopt = outcome.plan.operations[0];
        if (adopt?.type === 'adopt' && resumedCreate.made) adopt.description = resumedDescription(targets[i]!, adopt.sid, resumedCreate.made, { uri, index: document.index });
      }
      outcomes[i] = outcome;
    } catch (error) {
      outcomes[i] = refusal(uri, document, 'unavailable', `Could not plan this document: ${errorText(error)}.`, { cause: error });
    }
  }
}

/**
 * What the journal of interrupted creates says about a document of this call: the entries that
 * are its own, or, for `unsure` and `ambiguous`, an entry that may be its own or another's.
 */
interface JournalClaim {
  entries: PendingCreate[];
  verdict: 'own' | 'unsure' | 'ambiguous';
  /** For `ambiguous`: the other documents it may belong to. */
  others: string[];
}

/**
 * Gives each journaled create (PendingCreate) the document it was made for, by what the
 * document is rather than where it is: its kind, account and the name it was created with.
 * Same-named candidates (a copy made as a template) are told apart by the entry's file, then
 * its position; a document whose name was edited since is found at the entry's very place,
 * when no document still has the old name. A same-named document in another file gets it only
 * when the entry's file is part of this call or gone (`fileExists`); otherwise, or when several
 * documents fit equally, the plan refuses rather than guess (resumeJournaledCreate). Entries no
 * document fits (the document was deleted) stay for a later push.
 */
function matchJournal(journal: readonly PendingCreate[], documents: readonly SyncDocument[], targets: readonly (RemoteTarget | undefined)[], options: PlanDocumentsOptions): Map<number, JournalClaim> {
  const claims = new Map<number, JournalClaim>();
  if (journal.length === 0) return claims;
  const here = new Map(documents.map((d, i) => [documentKeyId({ uri: d.uri, index: d.document.index }), i]));
  const known = new Map<string, { uri: string; index: number; target: RemoteTarget | undefined }>();
  for (const [i, d] of documents.entries()) known.set(documentKeyId({ uri: d.uri, index: d.document.index }), { uri: d.uri, index: d.document.index, target: targets[i] });
  for (const d of options.workspaceDocuments ?? []) {
    const key = documentKeyId({ uri: d.uri, index: d.document.index });
    if (!known.has(key)) known.set(key, { uri: d.uri, index: d.document.index, target: remoteTargetOf(d.document) });
  }
  const knownUris = new Set([...known.values()].map((k) => k.uri));
  const gone = (uri: string) => !knownUris.has(uri) && (options.fileExists ? !options.fileExists(uri) : options.workspaceDocuments !== undefined);
  const claim = (k: { uri: string; index: number }, entry: PendingCreate, verdict: JournalClaim['verdict'], others: string[] = []) => {
    const i = here.get(documentKeyId(k));
    if (i === undefined) return;
    const found = claims.get(i);
    // one entry that is not surely this document's makes the whole claim unsure
    if (found) found.entries.push(entry);
    if (found && verdict !== 'own') Object.assign(found, { verdict, others });
    if (!found) claims.set(i, { entries: [entry], verdict, others });
  };
  const where = (k: { uri: string; index: number }) => `${k.uri} (document ${k.index + 1})`;
  for (const entry of journal) {
    const candidates = [...known.values()].filter((k) => k.target && k.target.sid === undefined && k.target.kind === entry.kind && k.target.account === entry.account);
    let byName = candidates.filter((k) => nameOfTarget(k.target!) === entry.name);
    if (byName.length > 1 && byName.some((k) => k.uri === entry.uri)) byName = byName.filter((k) => k.uri === entry.uri);
    if (byName.length > 1 && byName.filter((k) => k.index === entry.index).length === 1) byName = byName.filter((k) => k.index === entry.index);
    if (byName.length === 1) {
      const k = byName[0]!;
      if (k.uri === entry.uri || knownUris.has(entry.uri) || gone(entry.uri)) claim(k, entry, 'own');
      else claim(k, entry, 'unsure');
      continue;
    }
    if (byName.length > 1) {
      for (const k of byName) claim(k, entry, 'ambiguous', byName.filter((o) => o !== k).map(where));
      continue;
    }
    // Renamed since: the document at the entry's place, unless another entry names it as it is now.
    const atPlace = candidates.find((k) => k.uri === entry.uri && k.index === entry.index);
    const itsName = atPlace ? nameOfTarget(atPlace.target!) : undefined;
    if (atPlace && !journal.some((o) => o !== entry && o.kind === entry.kind && o.account === entry.account && o.name === itsName)) claim(atPlace, entry, 'own');
  }
  return claims;
}

interface ResumedCreate {
  lookup: RemoteLookup | undefined;
  /** The document's own journal entries (forgotten once it has a sid). */
  entries?: PendingCreate[] | undefined;
  /** The entry whose resource is adopted. */
  made?: PendingCreate | undefined;
  refusal?: string | undefined;
}

/**
 * The resources an interrupted create of this document (matchJournal) may have made: those with
 * the journaled name that did not exist before that create and that no document owns. Undefined
 * when the document has no such create to resume.
 */
async function journalCandidates(
  target: RemoteTarget,
  lookup: RemoteLookup | undefined,
  claim: JournalClaim | undefined,
  clients: SyncClients,
  options: PlanDocumentsOptions,
  claimed: ReadonlySet<string>,
): Promise<Map<string, PendingCreate> | undefined> {
  if (!claim || target.sid !== undefined || lookup?.status !== 'new' || lookup.adopt) return undefined;
  const made = new Map<string, PendingCreate>();
  for (const entry of claim.entries) {
    const named = entry.name === nameOfTarget(target) && lookup.sameName.length > 0 ? lookup.sameName : await sameNamedResources(target, entry.name, clients, options.signal);
    for (const r of named) if (r.name === entry.name && !entry.before.includes(r.sid) && !claimed.has(r.sid)) made.set(r.sid, entry);
  }
  return made;
}

/**
 * Twins (identical documents in two files) whose creates were both interrupted: the later
 * create's resource is a candidate of the earlier entry too (it did not exist before it). A
 * resource that is the only candidate of one document is not another's: taken out of the
 * others' candidates until nothing changes.
 */
function settleCandidates(candidates: Map<number, Map<string, PendingCreate>>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [i, made] of candidates) {
      if (made.size !== 1) continue;
      const [sid] = made.keys();
      for (const [j, other] of candidates) {
        if (j !== i && other.size > 1 && other.delete(sid!)) changed = true;
      }
    }
  }
}

/**
 * A document without sid that an interrupted push journaled a create for: the one candidate
 * (journalCandidates, settled against the other documents') is its resource, adopted instead of
 * created again. When several remain, or the entry may be another document's, the plan is
 * refused, naming the sids and where they may belong: nothing is created twice and nothing is
 * taken over on a guess.
 */
async function resumeJournaledCreate(
  target: RemoteTarget,
  lookup: RemoteLookup | undefined,
  claim: JournalClaim | undefined,
  made: Map<string, PendingCreate> | undefined,
  clients: SyncClients,
  options: PlanDocumentsOptions,
): Promise<ResumedCreate> {
  if (!claim || !made || lookup?.status !== 'new') return { lookup };
  const entries = claim.verdict === 'own' ? claim.entries : undefined;
  if (made.size === 0) return { lookup, entries };
  const noun = documentKind(target.kind).noun;
  if (made.size > 1) {
    const sids = [...made.keys()];
    const entry = made.get(sids[0]!)!;
    return {
      lookup,
      refusal: `An earlier push stopped after creating ${noun} "${entry.name}" before writing its sid, and ${sids.length} ${noun}s of that name were made since that no file names (${sids.join(', ')}): one of them is this document's. Add "sid: …" with the right one to this document, then push again (the others are left at the provider for you to delete or claim). Nothing was created.`,
    };
  }
  const [[sid, entry]] = [...made] as [[string, PendingCreate]];
  if (claim.verdict === 'unsure') {
    return {
      lookup,
      refusal: `An earlier push stopped after creating ${noun} "${entry.name}" (${sid}) for ${entry.uri} (document ${entry.index + 1}), which is not part of this push. If this document is that one (its file was renamed), add "sid: ${sid}" to it; otherwise push ${entry.uri} first, or together with this file. Nothing was created.`,
    };
  }
  if (claim.verdict === 'ambiguous') {
    return {
      lookup,
      refusal: `An earlier push stopped after creating ${noun} "${entry.name}" (${sid}) before writing its sid, and this document and ${claim.others.join(', ')} could each be the one it was made for. Add "sid: ${sid}" to the one it belongs to, then push again. Nothing was created.`,
    };
  }
  const state = await fetchRemoteState({ ...target, sid }, clients, { signal: options.signal });
  if (state.status !== 'found') return { lookup, entries };
  return { lookup: { status: 'new', adopt: state.state, sameName: lookup.sameName.filter((r) => r.sid !== sid) }, entries, made: entry };
}

/** The adopt operation of a resumed create says which create it finishes, and where the document was then. */
function resumedDescription(target: RemoteTarget, sid: string, entry: PendingCreate, now: { uri: string; index: number }): string {
  const moved = entry.uri !== now.uri || entry.index !== now.index ? ` (when this document was ${entry.uri}, document ${entry.index + 1})` : '';
  return `Use the existing ${documentKind(target.kind).noun} ${sid}, made for "${entry.name}"${moved} by a push that stopped before writing its sid, and write its sid into the file`;
}

/** The name a document gives its resource, as a create journals it. */
function nameOfTarget(target: RemoteTarget): string {
  const name = documentKind(target.kind).identity.nameOf(target.spec as Record<string, unknown>);
  return typeof name === 'string' ? name : '';
}

/** The account's resources of the target's kind named `name`: the kind's own look-up by name, or its look-up of a new document so named. */
async function sameNamedResources(target: RemoteTarget, name: string, clients: SyncClients, signal: AbortSignal | undefined): Promise<SameNamedResource[]> {
  const kind = documentKind(target.kind);
  if (kind.fetch.sameNamed) return kind.fetch.sameNamed(target.account, name, clients, signal);
  // the spec key nameOf reads (friendly_name or name): the journal keeps the name, not the key
  const key = ['friendly_name', 'name'].find((k) => kind.identity.nameOf({ [k]: name }) === name);
  if (!key) return [];
  const lookup = await kind.fetch.lookupNew({ ...target, sid: undefined, spec: { ...target.spec, [key]: name } } as never, clients, { signal });
  return lookup.status === 'new' ? lookup.sameName : [];
}

/** The resource a new document would adopt (the trunk owning its domain) is another document's. */
function adoptionRefused(uri: string, document: TrunkDocument, target: RemoteTarget, sid: string): PlanOutcome {
  const kind = documentKind(target.kind);
  const key = kind.identity.uniqueKey;
  const value = uniqueKeyValue(target);
  const error = locatePlanError(document, {
    message: `${key && value ? `${key.label} ${value} belongs to ${kind.noun} ${sid}` : `The resource this document would take over (${sid})`}, which another trunk document manages; one resource, one document. Give this document another domain, or delete it and edit the other one.`,
    path: key && value ? ['spec', key.field] : ['spec'],
  });
  return refusal(uri, document, 'plan-errors', error.message, { errors: [error] });
}

/**
 * Two documents that name the same resource (sid), or of one account that list the same phone
 * number or trunk domain, would undo each other on every push: neither is planned until one
 * lets go. (The editor and the CLI report these as diagnostics first; this is the last guard
 * for documents planned together.)
 */
function rejectSharedClaims(documents: readonly SyncDocument[], targets: readonly (RemoteTarget | undefined)[], outcomes: PlanOutcome[]): void {
  const claims = new Map<string, { i: number; error: PlanError }[]>();
  const claim = (key: string, i: number, error: PlanError) => {
    const list = claims.get(key);
    if (list) list.push({ i, error });
    else claims.set(key, [{ i, error }]);
  };
  for (const [i, { document }] of documents.entries()) {
    if (document.kind !== undefined && document.sid !== undefined) claim(`sid\u0000${document.sid}`, i, { message: document.sid, path: ['sid'] });
    const target = targets[i];
    if (!target) continue;
    const spec = target.spec as Readonly<Record<string, unknown>>;
    const key = (value: string, ignoreCase: boolean) => `${target.account}\u0000${ignoreCase ? value.toLowerCase() : value}`;
    // Lists first, then single values: the order the refusal lists its problems in.
    const claims = documentKind(target.kind).claims;
    for (const c of claims.filter((c) => c.list)) {
      const values = spec[c.field];
      if (Array.isArray(values)) values.forEach((n: string, k) => claim(key(n, c.ignoreCase), i, { message: n, path: ['spec', c.field, k] }));
    }
    for (const c of claims.filter((c) => !c.list)) {
      const value = spec[c.field];
      if (typeof value === 'string' && value) claim(key(value, c.ignoreCase), i, { message: value, path: ['spec', c.field] });
    }
  }
  const errors = new Map<number, PlanError[]>();
  for (const list of claims.values()) {
    if (new Set(list.map((c) => c.i)).size < 2) continue;
    for (const { i, error } of list) {
      if (outcomes[i]?.status !== 'planned') continue;
      const others = list.filter((c) => c.i !== i).map((c) => `${documents[c.i]!.uri} (document ${documents[c.i]!.document.index + 1})`);
      const rule = error.path[0] === 'sid' ? 'one resource, one document' : 'one trunk file per number and domain';
      const message = `${error.message} is also claimed by ${others.join(', ')}; ${rule}. Remove it from one of them.`;
      errors.set(i, [...(errors.get(i) ?? []), locatePlanError(documents[i]!.document, { ...error, message })]);
    }
  }
  for (const [i, list] of errors) {
    const { uri, document } = documents[i]!;
    const more = list.length > 1 ? ` (and ${plural(list.length - 1, 'more problem')})` : '';
    outcomes[i] = refusal(uri, document, 'plan-errors', `${list[0]!.message}${more}`, { errors: list });
  }
}

/** The documents of referable kinds (each once), as candidates for the names references give. */
function referableDocuments(documents: readonly SyncDocument[]): ReferableDocument[] {
  const found = new Map<string, ReferableDocument>();
  for (const { uri, document } of documents) {
    const spec = (document.spec ?? undefined) as Readonly<Record<string, unknown>> | undefined;
    const referable = referableDocument({ uri, index: document.index }, document.kind, document.account, document.sid, spec);
    if (referable) found.set(documentKeyId(referable), referable);
  }
  return [...found.values()];
}

/**
 * Each plan learns the documents of this call it names (DocumentPlan.dependsOn: applied before
 * it). A reference to a document not created yet and not planned here cannot be pushed (its
 * sid does not exist); documents that name each other in a cycle cannot be ordered: both are
 * refused, saying so at the reference.
 */
function linkReferencedDocuments(documents: readonly SyncDocument[], targets: readonly (RemoteTarget | undefined)[], outcomes: PlanOutcome[], resolvers: ReadonlyMap<string, AccountReferences>): void {
  const here = new Map(documents.map((d, i) => [documentKeyId({ uri: d.uri, index: d.document.index }), i]));
  const errors = new Map<number, PlanError[]>();
  const edges = new Map<number, { key: { uri: string; index: number }; path: PlanError['path'] }[]>();
  for (const [i, outcome] of outcomes.entries()) {
    const target = targets[i];
    const resolver = target ? resolvers.get(target.account) : undefined;
    if (outcome.status !== 'planned' || !target || !resolver) continue;
    const list: { key: { uri: string; index: number }; path: PlanError['path'] }[] = [];
    for (const entry of specReferences(target.kind, target.spec as Record<string, unknown>)) {
      const resolution = resolver.resolve(entry.reference.kind, entry.value);
      if (resolution.status !== 'resolved' || !resolution.reference.document) continue;
      const { document, sid } = resolution.reference;
      if (here.has(documentKeyId(document))) list.push({ key: document, path: entry.path });
      else if (sid === undefined) {
        errors.set(i, [
          ...(errors.get(i) ?? []),
          {
            message: `${JSON.stringify(entry.value)} is ${document.uri} (document ${document.index + 1}), which is not created yet and not part of this push. Push it first, or push both together (Push All, or both files with trunkline apply).`,
            path: entry.path,
          },
        ]);
      }
    }
    outcome.plan.dependsOn = list.map((e) => e.key);
    edges.set(i, list);
  }
  const planned = [...edges.keys()];
  const { cycles } = referenceOrder(planned, (i) => ({ uri: documents[i]!.uri, index: documents[i]!.document.index }), (i) => edges.get(i)!.map((e) => e.key));
  for (const { item: i, cycle } of cycles) {
    const text = cycle.map((k) => `${k.uri} (document ${k.index + 1})`).join(' → ');
    const on = edges.get(i)!.find((e) => cycle.some((k) => documentKeyId(k) === documentKeyId(e.key))) ?? edges.get(i)![0];
    errors.set(i, [...(errors.get(i) ?? []), { message: `These documents name each other in a cycle, so neither can be pushed before the other: ${text}. Remove one of these references.`, path: on?.path ?? ['spec'] }]);
  }
  for (const [i, list] of errors) {
    const { uri, document } = documents[i]!;
    const located = list.map((e) => locatePlanError(document, e));
    const more = located.length > 1 ? ` (and ${plural(located.length - 1, 'more problem')})` : '';
    outcomes[i] = refusal(uri, document, 'plan-errors', `${located[0]!.message}${more}`, { errors: located });
  }
}
