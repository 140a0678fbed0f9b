import { isProviderError } from '../../http/provider-error';
import { collect } from '../../providers/page';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import type { DocumentPlan } from '../plan/document-plan';
import type { PlanOperation } from '../plan/plan-operations';
import { createWithoutDuplicates, newResource, type CreateProcedure } from './reconcile-create';
import type { ResourceClaims } from './resource-claims';
import type { SyncClients } from './sync-clients';

export interface ExecuteOptions {
  signal?: AbortSignal | undefined;
  maxCreateAttempts?: number | undefined;
  /**
   * Journals the create of a document's resource that has no unique key (a trunk without
   * domain_name, BYOC trunk, trunk group) just before it is sent: its name and the same-named
   * resources that existed.
   */
  journalCreate?: ((name: string, before: ReadonlySet<string>) => Promise<void>) | undefined;
  /** Resources other documents own: a lost create's look-up never adopts one (see ResourceClaims). */
  claims?: ResourceClaims | undefined;
}

export interface OperationEffect {
  /** The document's resource got this sid (created, found after an unknown outcome, or adopted). */
  sid?: string;
  /** The outcome was unknown and a look-up found the resource. */
  reconciled?: boolean;
}

const PAGE_SIZE = 1000;
/** CarrierX's name for a trunk group or trunk created without one (seed 004). */
const CARRIERX_DEFAULT_NAME = 'N/A';

/**
 * Sends one operation. `sid` is the document's resource (undefined until created). Deleting
 * or detaching what is already gone counts as done: a retried DELETE that the provider had
 * committed answers 404, and so does a number another operation of the push moved away.
 */
export async function executeOperation(op: PlanOperation, plan: DocumentPlan, sid: string | undefined, clients: SyncClients, options: ExecuteOptions = {}): Promise<OperationEffect> {
  const { signal } = options;
  const call = { signal };
  const create = <T>(procedure: CreateProcedure<T>, journalAs?: string) =>
    createWithoutDuplicates(procedure, {
      signal,
      maxAttempts: options.maxCreateAttempts,
      beforeSend: journalAs !== undefined && options.journalCreate ? (before) => options.journalCreate!(journalAs, before) : undefined,
    });
  const claims = options.claims;
  /** Same-named resources a lost create may have made: none that a document already owns. */
  const unclaimed = <T>(items: readonly T[], sidOf: (item: T) => string): T[] => (claims ? items.filter((i) => !claims.has(sidOf(i))) : [...items]);
  /** A document's resource without unique key: one create per name at a time, its sid claimed once known. */
  const createDocumentResource = async <T>(name: string, sidOf: (item: T) => string, procedure: CreateProcedure<T>, journalAs: string | undefined) => {
    const run = () => create(procedure, journalAs);
    const result = claims ? await claims.oneAtATime(plan.account, plan.kind, name, run) : await run();
    claims?.add(sidOf(result.value));
    return result;
  };
  const need = (): string => {
    if (sid === undefined) throw new Error(`${op.description}: the ${plan.title} has not been created.`);
    return sid;
  };
  const gone = async (send: () => Promise<void>): Promise<OperationEffect> => {
    try {
      await send();
    } catch (error) {
      if (!(isProviderError(error) && error.isNotFound)) throw error;
    }
    return {};
  };

  switch (op.type) {
    case 'adopt':
      return { sid: op.sid };
    case 'twilio.trunk.create': {
      const client = await clients.twilio(plan.account);
      const domain = op.fields.domain_name;
      const name = op.fields.friendly_name ?? null;
      const procedure: CreateProcedure<{ sid: string }> = {
        what: `trunk ${domain ?? JSON.stringify(name)}`,
        // Domain names are unique; without one, fall back to same-named trunks (journaled, as for BYOC trunks).
        before: domain ? undefined : async () => new Set((await trunksNamed(client, name, signal)).map((t) => t.sid)),
        create: () => client.trunks.create(op.fields, call),
        find: async (before, s) =>
          domain
            ? client.trunks.findByDomainName(domain, { signal: s })
            : newResource('trunk', unclaimed(await trunksNamed(client, name, s), (t) => t.sid), (t) => t.sid, before),
      };
      const result = domain ? await create(procedure) : await createDocumentResource(name ?? '', (t) => t.sid, procedure, name ?? '');
      return { sid: result.value.sid, reconciled: result.reconciled };
    }
    case 'twilio.trunk.update': {
      const client = await clients.twilio(plan.account);
      await client.trunks.update(need(), op.fields, call);
      return {};
    }
    case 'twilio.recording.update': {
      const client = await clients.twilio(plan.account);
      await client.recording.update(need(), op.fields, call);
      return {};
    }
    case 'twilio.originationUrl.create': {
      const client = await clients.twilio(plan.account);
      const trunkSid = need();
      const wanted = op.fields.sip_url.toLowerCase();
      const result = await create({
        what: `origination URL ${op.fields.sip_url}`,
        create: () => client.originationUrls.create(trunkSid, op.fields, call),
        find: async (_, s) => (await collect(client.originationUrls.list(trunkSid, { pageSize: PAGE_SIZE, signal: s }))).find((u) => u.sip_url?.toLowerCase() === wanted),
      });
      return { reconciled: result.reconciled };
    }
    case 'twilio.originationUrl.update': {
      const client = await clients.twilio(plan.account);
      await client.originationUrls.update(need(), op.sid, op.fields, call);
      return {};
    }
    case 'twilio.originationUrl.delete': {
      const client = await clients.twilio(plan.account);
      return gone(() => client.originationUrls.delete(need(), op.sid, call));
    }
    case 'twilio.number.attach': {
      const client = await clients.twilio(plan.account);
      const trunkSid = need();
      const result = await create({
        what: `the attachment of ${op.phoneNumber}`,
        create: () => client.trunkPhoneNumbers.attach(trunkSid, op.phoneNumberSid, call),
        find: async (_, s) => {
          try {
            return await client.trunkPhoneNumbers.fetch(trunkSid, op.phoneNumberSid, { signal: s });
          } catch (error) {
            if (isProviderError(error) && error.isNotFound) return undefined;
            throw error;
          }
        },
      });
      return { reconciled: result.reconciled };
    }
    case 'twilio.number.detach': {
      const client = await clients.twilio(plan.account);
      const trunkSid = op.move ? op.move.fromTrunkSid : need();
      return gone(() => client.trunkPhoneNumbers.detach(trunkSid, op.phoneNumberSid, call));
    }
    case 'twilio.byoc.create': {
      const client = await clients.twilio(plan.account);
      const name = op.fields.friendly_name ?? null;
      const named = async (s: AbortSignal | undefined) => (await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal: s }))).filter((t) => t.friendly_name === name);
      const result = await createDocumentResource(name ?? '', (t) => t.sid, {
        what: `BYOC trunk ${JSON.stringify(name)}`,
        before: async () => new Set((await named(signal)).map((t) => t.sid)),
        create: () => client.byocTrunks.create(op.fields, call),
        find: async (before, s) => newResource('BYOC trunk', unclaimed(await named(s), (t) => t.sid), (t) => t.sid, before),
      }, name ?? '');
      return { sid: result.value.sid, reconciled: result.reconciled };
    }
    case 'twilio.byoc.update': {
      const client = await clients.twilio(plan.account);
      await client.byocTrunks.update(need(), op.fields, call);
      return {};
    }
    case 'carrierx.group.create': {
      const client = await clients.carrierx(plan.account);
      const name = op.fields.name ?? CARRIERX_DEFAULT_NAME;
      const result = await createDocumentResource(name, (g) => g.trunk_group_sid, {
        what: `trunk group ${JSON.stringify(name)}`,
        before: async () => new Set((await client.trunkGroups.findByName(name, { pageSize: PAGE_SIZE, signal })).map((g) => g.trunk_group_sid)),
        create: () => client.trunkGroups.create({ ...op.fields, ...(op.trunks ? { trunks: op.trunks } : {}) }, call),
        find: async (before, s) =>
          newResource('trunk group', unclaimed(await client.trunkGroups.findByName(name, { pageSize: PAGE_SIZE, signal: s }), (g) => g.trunk_group_sid), (g) => g.trunk_group_sid, before),
      }, name);
      return { sid: result.value.trunk_group_sid, reconciled: result.reconciled };
    }
    case 'carrierx.group.update': {
      const client = await clients.carrierx(plan.account);
      await client.trunkGroups.update(need(), op.fields, call);
      return {};
    }
    case 'carrierx.trunk.create': {
      const client = await clients.carrierx(plan.account);
      const groupSid = need();
      const name = op.fields.name ?? CARRIERX_DEFAULT_NAME;
      const named = async (s: AbortSignal | undefined) => (await collect(client.trunks.list(groupSid, { pageSize: PAGE_SIZE, signal: s }))).filter((t) => t.name === name);
      const result = await create({
        what: `trunk ${JSON.stringify(name)}`,
        before: async () => new Set((await named(signal)).map((t) => t.trunk_sid)),
        create: () => client.trunks.create(groupSid, op.fields, call),
        find: async (before, s) => newResource('trunk', await named(s), (t) => t.trunk_sid, before),
      });
      return { reconciled: result.reconciled };
    }
    case 'carrierx.trunk.update': {
      const client = await clients.carrierx(plan.account);
      await client.trunks.update(need(), op.trunkSid, op.fields, call);
      return {};
    }
    case 'carrierx.trunk.delete': {
      const client = await clients.carrierx(plan.account);
      return gone(() => client.trunks.delete(need(), op.trunkSid, call));
    }
  }
}

async function trunksNamed(client: TwilioClient, name: string | null, signal: AbortSignal | undefined) {
  return (await collect(client.trunks.list({ pageSize: PAGE_SIZE, signal }))).filter((t) => t.friendly_name === name);
}
