import { planAll } from '../../src/core/documents/apply/push-all';
import type { SyncClients } from '../../src/core/documents/apply/sync-clients';
import type { RunningEmulator } from '../../src/emulator/emulator-server';
import type { Fleet, FleetDocument } from './fault-fleet';
import { syncDocuments } from './fault-fleet';

// What a push left behind, judged independently of the planner where it can be: the emulator's
// own records for counts, keys and sub-resources, and a fresh plan for every managed field.

export interface FleetVerdict {
  /** Resources beyond the expected ones, plus keys held by more than one resource. */
  duplicates: number;
  /** Documents whose remote differs from the file, or whose sid is missing or wrong. */
  lostUpdates: number;
  /** One line per problem, for the assertion message. */
  problems: string[];
}

export async function judgeFleet(
  fleet: Fleet,
  emulator: RunningEmulator,
  texts: ReadonlyMap<string, string>,
  clients: SyncClients,
): Promise<FleetVerdict> {
  const problems: string[] = [];
  let duplicates = 0;
  const lost = new Set<string>();
  const state = emulator.store.snapshot();

  const counts = {
    trunks: [state.twilio.trunks.length, fleet.before.trunks + fleet.creates.TwilioTrunk],
    'BYOC trunks': [state.twilio.byoc_trunks.length, fleet.before.byocTrunks + fleet.creates.TwilioByocTrunk],
    'trunk groups': [state.carrierx.trunk_groups.length, fleet.before.trunkGroups + fleet.creates.CarrierXTrunkGroup],
  } as const;
  for (const [what, [actual, expected]] of Object.entries(counts)) {
    if (actual !== expected) problems.push(`${actual} ${what} exist, expected ${expected}`);
    if (actual > expected) duplicates += actual - expected;
  }

  const byKey = new Map<string, string[]>();
  const index = (key: string, sid: string) => byKey.set(key, [...(byKey.get(key) ?? []), sid]);
  for (const t of state.twilio.trunks) if (t.domain_name) index(`TwilioTrunk:${t.domain_name.toLowerCase()}`, t.sid);
  for (const t of state.twilio.byoc_trunks) index(`TwilioByocTrunk:${t.friendly_name}`, t.sid);
  for (const g of state.carrierx.trunk_groups) index(`CarrierXTrunkGroup:${g.name}`, g.trunk_group_sid);

  const documents = syncDocuments(texts);
  const fleetByPosition = new Map<string, FleetDocument>();
  for (const file of fleet.files) file.documents.forEach((d, i) => fleetByPosition.set(`${file.uri}#${i}`, d));

  for (const { uri, document } of documents) {
    const position = `${uri}#${document.index}`;
    const wanted = fleetByPosition.get(position);
    if (!wanted) {
      problems.push(`${position}: a document the fleet did not write`);
      continue;
    }
    const holders = byKey.get(`${wanted.kind}:${wanted.kind === 'TwilioTrunk' ? wanted.key.toLowerCase() : wanted.key}`) ?? [];
    if (holders.length > 1) {
      duplicates += holders.length - 1;
      problems.push(`${position} ${wanted.key}: ${holders.length} resources (${holders.join(', ')})`);
    }
    if (holders.length === 0 || document.sid !== holders[0]) {
      lost.add(position);
      problems.push(`${position} ${wanted.key}: file sid ${document.sid ?? '(none)'}, remote ${holders.join(', ') || '(none)'}`);
      continue;
    }
    const sid = document.sid;
    if (wanted.kind === 'TwilioTrunk') {
      const urls = state.twilio.origination_urls.filter((u) => u.trunk_sid === sid);
      const wantedUrls = wanted.spec.origination_urls as { sip_url: string }[] | undefined;
      if (wantedUrls && urls.length !== wantedUrls.length) {
        lost.add(position);
        problems.push(`${position}: ${urls.length} origination URLs, expected ${wantedUrls.length}`);
      }
      const wantedNumbers = wanted.spec.phone_numbers as string[] | undefined;
      const attached = state.twilio.incoming_phone_numbers.filter((n) => n.trunk_sid === sid).map((n) => n.phone_number).sort();
      if (wantedNumbers && attached.join() !== [...wantedNumbers].sort().join()) {
        lost.add(position);
        problems.push(`${position}: numbers ${attached.join(' ')}, expected ${[...wantedNumbers].sort().join(' ')}`);
      }
    }
    if (wanted.kind === 'CarrierXTrunkGroup') {
      const wantedTrunks = wanted.spec.trunks as { name: string }[] | undefined;
      const trunks = state.carrierx.trunks.filter((t) => t.trunk_group_sid === sid);
      const names = trunks.map((t) => t.name).sort();
      if (wantedTrunks && names.join() !== wantedTrunks.map((t) => t.name).sort().join()) {
        if (names.length > wantedTrunks.length) duplicates += names.length - wantedTrunks.length;
        lost.add(position);
        problems.push(`${position}: group trunks ${names.join(' ')}, expected ${wantedTrunks.map((t) => t.name).join(' ')}`);
      }
    }
  }
  if (documents.length !== fleet.documentCount) problems.push(`${documents.length} documents in the files, the fleet wrote ${fleet.documentCount}`);

  // Every managed field, as Push itself compares them: a fresh plan must have nothing to do.
  const fresh = await planAll(documents, clients);
  for (const p of fresh.documents) {
    const position = `${p.uri}#${p.document.index}`;
    if (p.outcome.status === 'refused') {
      lost.add(position);
      problems.push(`${position}: fresh plan refused: ${p.outcome.refusal.message}`);
    } else if (p.outcome.plan.operations.length > 0) {
      lost.add(position);
      problems.push(`${position}: fresh plan still has ${p.outcome.plan.operations.map((o) => o.description).join('; ')}`);
    }
  }
  return { duplicates, lostUpdates: lost.size, problems };
}
