import { isProviderError } from '../http/provider-error';
import { collect } from '../providers/page';
import type { SyncClients } from '../documents/apply/sync-clients';
import type { DocumentPlan } from '../documents/plan/document-plan';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from '../documents/plan/map-bounded';
import { carrierXTrunkGroupFacts, twilioByocTrunkFacts, type ReadinessRemote } from './readiness-facts';

// What the readiness rules need from the provider beyond the planned resource: the targets of
// a BYOC trunk's connection policy, the addresses of a CarrierX group's endpoints and whether
// any DID is assigned to it. Run with the background status (never while typing): a few
// requests per document, and only for the kinds that need them.

/** The remote facts of a planned document; a read that fails leaves its fact unknown (no warning from it). */
export async function fetchReadinessRemote(plan: DocumentPlan, clients: SyncClients, signal?: AbortSignal): Promise<ReadinessRemote> {
  const state = plan.remote ?? (plan.sid === undefined ? 'new' : undefined);
  const remote: ReadinessRemote = { state };
  const spec = plan.target.spec as Record<string, unknown>;
  if (plan.kind === 'TwilioByocTrunk') {
    const policy = twilioByocTrunkFacts(spec, remote).connectionPolicySid;
    if (!policy) return remote;
    const targets = await unlessMissing(async () => collect((await clients.twilio(plan.account)).connectionPolicyTargets.list(policy, { pageSize: 1000, signal })));
    return targets ? { ...remote, enabledTargets: new Map([[policy, targets.filter((t) => t.enabled !== false).length]]) } : remote;
  }
  if (plan.kind === 'CarrierXTrunkGroup') {
    const client = await clients.carrierx(plan.account);
    const endpoints = [...new Set((carrierXTrunkGroupFacts(spec, remote).trunks ?? []).flatMap((t) => (t.endpointSid ? [t.endpointSid] : [])))];
    const endpointAddresses = new Map<string, number>();
    await mapBounded(endpoints, PER_RESOURCE_CONCURRENCY, async (sid) => {
      const endpoint = await unlessMissing(() => client.endpoints.fetch(sid, { signal }));
      if (endpoint) endpointAddresses.set(sid, endpoint.addresses.length);
    });
    // One DID is enough to know the group is reachable: a page of one.
    const groupSid = state && state !== 'new' ? state.sid : undefined;
    const dids = groupSid ? await client.dids.page({ trunkGroupSid: groupSid, pageSize: 1, signal }) : undefined;
    return { ...remote, endpointAddresses, ...(dids ? { phoneNumbers: dids.items.length } : state === 'new' ? { phoneNumbers: 0 } : {}) };
  }
  return remote;
}

async function unlessMissing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isProviderError(error) && error.isNotFound) return undefined;
    throw error;
  }
}
