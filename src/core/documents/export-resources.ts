import { fetchRemoteStates } from './fetch-remote-states';
import type { RemoteState, RemoteTarget } from './remote-state';
import type { SyncClients } from './sync-clients';
import type { TrunkKind } from './trunk-kinds';
import { collect } from '../providers/page';
import { renderDocument } from './render-document';

// What `export` reads: every resource of the chosen kinds of one account, fetched as the
// editor's Export does (trunks with their origination URLs, numbers and recording; groups with
// their trunks), and the file name each gets. The editor's Export and the CLI's export share it,
// so both produce the same trees.

const PAGE_SIZE = 1000;

/** Fetch targets for every resource of `kinds` in the account, in the providers' listing order. */
export async function exportTargets(account: string, kinds: ReadonlySet<TrunkKind>, clients: SyncClients, signal: AbortSignal): Promise<RemoteTarget[]> {
  const targets: RemoteTarget[] = [];
  if (kinds.has('TwilioTrunk') || kinds.has('TwilioByocTrunk')) {
    const client = await clients.twilio(account);
    if (kinds.has('TwilioTrunk')) {
      for (const trunk of await collect(client.trunks.list({ pageSize: PAGE_SIZE, signal }))) {
        // A spec that manages origination URLs makes the fetch read them too.
        targets.push({ kind: 'TwilioTrunk', account, sid: trunk.sid, spec: { origination_urls: [] } });
      }
    }
    if (kinds.has('TwilioByocTrunk')) {
      for (const byoc of await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal }))) targets.push({ kind: 'TwilioByocTrunk', account, sid: byoc.sid, spec: {} });
    }
  }
  if (kinds.has('CarrierXTrunkGroup')) {
    const client = await clients.carrierx(account);
    for (const group of await collect(client.trunkGroups.list({ pageSize: PAGE_SIZE, signal }))) {
      targets.push({ kind: 'CarrierXTrunkGroup', account, sid: group.trunk_group_sid, spec: {} });
    }
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
  const raw =
    state.kind === 'TwilioTrunk'
      ? (state.remote.trunk.domain_name?.replace(/\.pstn\.twilio\.com$/i, '') ?? state.remote.trunk.friendly_name ?? state.sid)
      : state.kind === 'TwilioByocTrunk'
        ? `byoc-${state.remote.friendly_name ?? state.sid}`
        : `group-${state.remote.trunkGroup.name ?? state.sid}`;
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || state.sid.toLowerCase();
}

/** `<base>.trunk.yaml`, or `<base>-2.trunk.yaml`… when taken (case-insensitive); records the name as taken. */
export function uniqueExportFileName(base: string, taken: Set<string>): string {
  let name = `${base}.trunk.yaml`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.trunk.yaml`;
  taken.add(name.toLowerCase());
  return name;
}

/** The text of an exported file: where it came from, then the rendered document with its sid. */
export function exportedFileText(account: string, state: RemoteState): string {
  return `# Exported by Trunkline from account "${account}".\n${renderDocument(state.kind, account, state.remote as never)}`;
}
