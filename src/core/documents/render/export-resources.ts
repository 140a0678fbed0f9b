import { fetchRemoteStates } from '../plan/fetch-remote-states';
import type { RemoteState, RemoteTarget } from '../plan/remote-state';
import type { SyncClients } from '../apply/sync-clients';
import type { TrunkKind } from '../file/trunk-kinds';
import type { ExportOmission } from '../kinds/document-kind-descriptor';
import { documentKind, documentKinds } from '../kinds/document-kinds';
import { renderDocument } from './render-document';

// What `export` reads: every resource of the chosen kinds of one account, fetched as the
// editor's Export does (trunks with their origination URLs, numbers and recording; groups with
// their trunks), and the file name each gets. The editor's Export and the CLI's export share it,
// so both produce the same trees.

/** Fetch targets for every resource of `kinds` in the account, in the providers' listing order. */
export async function exportTargets(account: string, kinds: ReadonlySet<TrunkKind>, clients: SyncClients, signal: AbortSignal): Promise<RemoteTarget[]> {
  const targets: RemoteTarget[] = [];
  for (const kind of documentKinds()) {
    if (kinds.has(kind.kind)) targets.push(...(await kind.export.targets(account, clients, signal)));
  }
  return targets;
}

/**
 * The names of the resources references may name, by the state they were read for: the
 * account's resources of each named kind, listed once per export. `unique`: sid → name for the
 * names no other resource of the kind has (Export writes those instead of a sid:
 * KindReference.sidField, a BYOC trunk's connection_policy_sid becomes `connection_policy:
 * <name>`); `shared`: name → sids for the others (a name that means two resources stays a sid).
 */
interface ExportNames {
  unique: ReadonlyMap<string, string>;
  shared: ReadonlyMap<string, readonly string[]>;
}
const exportNames = new WeakMap<RemoteState, ReadonlyMap<TrunkKind, ExportNames>>();

/** The remote state of each target that still exists, in the targets' order. */
export async function exportStates(account: string, targets: readonly RemoteTarget[], clients: SyncClients, signal: AbortSignal): Promise<RemoteState[]> {
  const { lookups } = await fetchRemoteStates(account, targets, clients, { signal });
  const states = lookups.flatMap((lookup) => (lookup.status === 'found' ? [lookup.state] : []));
  const named = new Set(states.flatMap((s) => (documentKind<TrunkKind>(s.kind).references ?? []).map((r) => r.kind)));
  const names = new Map<TrunkKind, ExportNames>();
  await Promise.all(
    [...named].map(async (kind) => {
      const resources = (await documentKind(kind).referable?.list(account, clients, signal)) ?? [];
      const sidsOf = new Map<string, string[]>();
      for (const r of resources) if (r.name) sidsOf.set(r.name, [...(sidsOf.get(r.name) ?? []), r.sid]);
      names.set(kind, {
        unique: new Map(resources.flatMap((r) => (r.name && sidsOf.get(r.name)!.length === 1 ? [[r.sid, r.name] as const] : []))),
        shared: new Map([...sidsOf].filter(([, sids]) => sids.length > 1)),
      });
    }),
  );
  for (const state of states) exportNames.set(state, names);
  return states;
}

/**
 * The rendered spec with each sid a reference can say by name (see exportNames) written as that
 * name, and each name several resources of the account have (a reference the kind renders by
 * name: a trunk's lists) written as the sid of the one the resource uses, so that the file
 * resolves and plans in sync.
 */
function referencesByName(state: RemoteState, spec: Record<string, unknown>): Record<string, unknown> {
  const names = exportNames.get(state);
  if (!names) return spec;
  const byName = (item: Record<string, unknown>, field: string, sidField: string, kind: TrunkKind): Record<string, unknown> => {
    const sid = item[sidField];
    const name = typeof sid === 'string' ? names.get(kind)?.unique.get(sid) : undefined;
    if (name === undefined) return item;
    // In the sid's place, so the file reads in the schema's order.
    return Object.fromEntries(Object.entries(item).map(([key, value]) => (key === sidField ? [field, name] : [key, value])));
  };
  let out = spec;
  for (const r of documentKind<TrunkKind>(state.kind).references ?? []) {
    if (!r.sidField) {
      if (r.within === undefined) out = sharedNamesAsSids(out, r.field, names.get(r.kind)?.shared, state);
      continue;
    }
    if (r.within === undefined) out = byName(out, r.field, r.sidField, r.kind);
    else if (Array.isArray(out[r.within])) out = { ...out, [r.within]: (out[r.within] as Record<string, unknown>[]).map((item) => byName(item, r.field, r.sidField!, r.kind)) };
  }
  return out;
}

/** `field`'s entries that name several resources, as the sids among those that the state holds (the ones it links). */
function sharedNamesAsSids(spec: Record<string, unknown>, field: string, shared: ReadonlyMap<string, readonly string[]> | undefined, state: RemoteState): Record<string, unknown> {
  const value = spec[field];
  if (!shared || shared.size === 0 || value === undefined) return spec;
  const held = stringsIn(state.remote);
  const used = new Set<string>();
  const sidFor = (entry: unknown): unknown => {
    if (typeof entry !== 'string' || !shared.has(entry)) return entry;
    const sid = shared.get(entry)!.find((s) => held.has(s) && !used.has(s));
    if (sid === undefined) return entry;
    used.add(sid);
    return sid;
  };
  return { ...spec, [field]: Array.isArray(value) ? value.map(sidFor) : sidFor(value) };
}

function stringsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, found);
  return found;
}

/** `acme-main` for acme-main.pstn.twilio.com, `byoc-carrier-a`, `group-east`: lower case, dashes, at most 60 characters. */
export function exportBaseName(state: RemoteState): string {
  const raw = documentKind<TrunkKind>(state.kind).export.baseName(state);
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || state.sid.toLowerCase();
}

/** `<base>.trunk.yaml`, or `<base>-2.trunk.yaml`… when taken (case-insensitive); records the name as taken. */
export function uniqueExportFileName(base: string, taken: Set<string>): string {
  let name = `${base}.trunk.yaml`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.trunk.yaml`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * What a trunk file cannot represent of a remote state the provider allows. Export leaves these
 * keys out (the document then does not manage them, so it still validates and plans in sync)
 * and says so, instead of writing a file that fails validation or plans changes.
 */
export function exportOmissions(state: RemoteState): ExportOmission[] {
  return documentKind<TrunkKind>(state.kind).export.omissions(state);
}

/** The text of an exported file: where it came from, then the rendered document with its sid, without what it cannot represent. */
export function exportedFileText(account: string, state: RemoteState): string {
  const omit = exportOmissions(state).map((o) => o.key);
  return `# Exported by Trunkline from account "${account}".\n${renderDocument(state.kind, account, state.remote as never, { omit, rewriteSpec: (spec) => referencesByName(state, spec) })}`;
}
