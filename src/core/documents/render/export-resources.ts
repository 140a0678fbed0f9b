import { fetchRemoteStates } from '../plan/fetch-remote-states';
import type { RemoteState, RemoteTarget } from '../plan/remote-state';
import type { SyncClients } from '../apply/sync-clients';
import type { TrunkKind } from '../file/trunk-kinds';
import { collect } from '../../providers/page';
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

/** A spec key that Export leaves out of a file (so the file does not manage it), and why. */
export interface ExportOmission {
  key: string;
  /** A sentence for the user: what the file cannot say, and what to do about it. */
  reason: string;
}

/**
 * What a trunk file cannot represent of a remote state the provider allows. Export leaves these
 * keys out (the document then does not manage them, so it still validates and plans in sync)
 * and says so, instead of writing a file that fails validation or plans changes.
 */
export function exportOmissions(state: RemoteState): ExportOmission[] {
  const omissions: ExportOmission[] = [];
  if (state.kind === 'TwilioTrunk') {
    // Twilio accepts the same SIP URL twice (or in two cases), but a file matches origination
    // URLs by sip_url, case-insensitively, so it cannot tell such URLs apart.
    const bySipUrl = new Map<string, string[]>();
    for (const url of state.remote.originationUrls) {
      const key = (url.sip_url ?? '').toLowerCase();
      bySipUrl.set(key, [...(bySipUrl.get(key) ?? []), url.sip_url ?? '']);
    }
    const clashes = [...bySipUrl.values()]
      .filter((spellings) => spellings.length > 1)
      .map((spellings) => {
        const distinct = [...new Set(spellings)].sort();
        return distinct.length === 1 ? `${distinct[0]} ${spellings.length === 2 ? 'twice' : `${spellings.length} times`}` : distinct.join(' and ');
      })
      .sort();
    if (clashes.length > 0) {
      omissions.push({
        key: 'origination_urls',
        reason: `origination_urls left out: the trunk has ${clashes.join('; ')}, which a file cannot tell apart (it matches origination URLs by sip_url, ignoring case). Remove the duplicates at the provider and export again to manage them in the file.`,
      });
    }
  }
  return omissions;
}

/** The text of an exported file: where it came from, then the rendered document with its sid, without what it cannot represent. */
export function exportedFileText(account: string, state: RemoteState): string {
  const omit = exportOmissions(state).map((o) => o.key);
  return `# Exported by Trunkline from account "${account}".\n${renderDocument(state.kind, account, state.remote as never, { omit })}`;
}
