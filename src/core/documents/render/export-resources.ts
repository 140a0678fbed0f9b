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

/** The remote state of each target that still exists, in the targets' order. */
export async function exportStates(account: string, targets: readonly RemoteTarget[], clients: SyncClients, signal: AbortSignal): Promise<RemoteState[]> {
  const { lookups } = await fetchRemoteStates(account, targets, clients, { signal });
  return lookups.flatMap((lookup) => (lookup.status === 'found' ? [lookup.state] : []));
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
  return `# Exported by Trunkline from account "${account}".\n${renderDocument(state.kind, account, state.remote as never, { omit })}`;
}
