import { isProviderError } from '../../http/provider-error';
import { collect } from '../../providers/page';
import {
  ORIGINATION_URL_RESPONSE_FIELDS,
  ORIGINATION_URL_WRITABLE_FIELDS,
  SID_PATTERNS,
  TRUNK_RESPONSE_FIELDS,
  TRUNK_WRITABLE_FIELDS,
} from '../../providers/twilio/field-names';
import type { OriginationUrl, Trunk } from '../../providers/twilio/models';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import { newResource, type CreateProcedure } from '../apply/reconcile-create';
import type { OperationRun } from '../apply/operation-run';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from '../plan/map-bounded';
import { planTwilioTrunk } from '../plan/plan-twilio-trunk';
import { TRUNK_LIST_REFERENCES } from '../plan/plan-trunk-auth-lists';
import type { RemoteLookup, RemoteStateOf, RemoteTargetOf, RemoteTwilioTrunk } from '../plan/remote-state';
import { TwilioNumberIndex } from '../plan/twilio-number-index';
import { compareText } from '../render/compare-text';
import type { TwilioTrunkSpec } from '../file/trunk-specs';
import type { TwilioTrunkOperation } from '../plan/plan-operations';
import type { TwilioTrunkFetched } from '../plan/remote-state';
import type { DocumentKindDescriptor, ExportOmission } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';
import { responseOnlyFields } from './response-only-fields';

// A Twilio Elastic SIP trunk with its recording, origination URLs and phone numbers. Its
// domain_name is unique in the account: a document without sid takes over the trunk owning it.

declare module './document-kind-types' {
  interface DocumentKindTypes {
    TwilioTrunk: KindTypes<TwilioTrunkSpec, RemoteTwilioTrunk, TwilioTrunkFetched, TwilioTrunkOperation>;
  }
}

type TwilioTrunkState = RemoteStateOf<'TwilioTrunk'>;
type TwilioTrunkTarget = RemoteTargetOf<'TwilioTrunk'>;

const PAGE_SIZE = 1000;

export const twilioTrunkKind: DocumentKindDescriptor<'TwilioTrunk'> = {
  kind: 'TwilioTrunk',
  provider: 'twilio',
  title: 'Twilio trunk',
  label: 'Twilio Elastic SIP Trunk',
  noun: 'trunk',
  examples: {
    naming: { name: 'My trunk', label: 'my-trunk' },
    starter: (n) => `  friendly_name: ${n.name}\n  domain_name: ${n.label}.pstn.twilio.com\n  secure: true\n  transfer_mode: disable-all\n`,
    full: {
      friendly_name: 'Kinds trunk',
      domain_name: 'kinds-trunk.pstn.twilio.com',
      recording: { mode: 'record-from-answer', trim: 'trim-silence' },
      origination_urls: [{ friendly_name: 'pbx-a', sip_url: 'sip:pbx-a.example.com', priority: 10, weight: 10, enabled: true }],
      phone_numbers: ['+14155550171'],
    },
  },
  schema: KIND_SCHEMAS.TwilioTrunk,
  schemaFile: SCHEMA_FILE_BY_KIND.TwilioTrunk,

  identity: {
    sidPattern: SID_PATTERNS.trunk,
    sidOf: (remote) => remote.trunk.sid,
    nameOf: (values) => values.friendly_name ?? values.domain_name,
    uniqueKey: { field: 'domain_name', label: 'Domain' },
  },

  fields: {
    writable: TRUNK_WRITABLE_FIELDS,
    subResources: ['recording', 'origination_urls', 'phone_numbers', 'ip_access_control_lists', 'credential_lists'],
    exactSets: ['origination_urls', 'phone_numbers', 'ip_access_control_lists', 'credential_lists'],
    readOnlyShown: [],
    responseOnly: {
      spec: responseOnlyFields(TRUNK_RESPONSE_FIELDS, TRUNK_WRITABLE_FIELDS, ['recording']),
      originationUrl: responseOnlyFields(ORIGINATION_URL_RESPONSE_FIELDS, ORIGINATION_URL_WRITABLE_FIELDS),
    },
  },

  claims: [
    { type: 'domain-name', field: 'domain_name', list: false, ignoreCase: true },
    { type: 'phone-number', field: 'phone_numbers', list: true, ignoreCase: false },
  ],

  rules: [
    {
      type: 'unique-items',
      list: 'phone_numbers',
      identity: (n) => (typeof n === 'string' ? n : undefined),
      describe: (n) => `${n} is listed twice in phone_numbers.`,
      code: 'duplicate-phone-number',
    },
    {
      type: 'unique-items',
      list: 'origination_urls',
      identity: (u) => {
        const url = u && typeof u === 'object' && !Array.isArray(u) ? (u as Record<string, unknown>).sip_url : undefined;
        return typeof url === 'string' ? url.toLowerCase() : undefined;
      },
      describe: (u) => `Origination URL ${u} is listed twice; origination URLs are matched by sip_url, so each must be unique.`,
      code: 'duplicate-origination-url',
      itemField: 'sip_url',
    },
    ...(['ip_access_control_lists', 'credential_lists'] as const).map((list) => ({
      type: 'unique-items' as const,
      list,
      identity: (v: unknown) => (typeof v === 'string' ? v : undefined),
      describe: (v: string) => `${v} is listed twice in ${list}.`,
      code: 'duplicate-list-reference' as const,
    })),
  ],

  references: TRUNK_LIST_REFERENCES,

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.twilio(account);
      const trunk = await client.trunks.fetch(sid, { signal });
      const [originationUrls, phoneNumbers, recording, ipAccessControlLists, credentialLists] = await Promise.all([
        collect(client.originationUrls.list(sid, { pageSize: PAGE_SIZE, signal })),
        collect(client.trunkPhoneNumbers.list(sid, { pageSize: PAGE_SIZE, signal })),
        trunk.recording ? Promise.resolve(trunk.recording) : client.recording.fetch(sid, { signal }),
        collect(client.trunkIpAccessControlLists.list(sid, { pageSize: PAGE_SIZE, signal })),
        collect(client.trunkCredentialLists.list(sid, { pageSize: PAGE_SIZE, signal })),
      ]);
      return { kind: 'TwilioTrunk', sid, remote: { trunk, recording, originationUrls, phoneNumbers, ipAccessControlLists, credentialLists }, originationUrlsFetched: true };
    },
    async lookupNew(target, clients, options) {
      const domain = target.spec.domain_name;
      if (!domain) return { status: 'new', sameName: [] };
      const client = await clients.twilio(target.account);
      const trunk = await client.trunks.findByDomainName(domain, { signal: options.signal });
      if (!trunk) return { status: 'new', sameName: [] };
      return { status: 'new', adopt: await twilioTrunkKind.fetch.bySid(target.account, trunk.sid, clients, options), sameName: [] };
    },
    // Looking up a new trunk by domain lists them all anyway.
    listsForNew: true,
    // The trunks (1,000 a page) carry their recording; the account's incoming numbers (one
    // listing, shared with phone number resolution) say which trunk each number is on; only
    // origination URLs need a request per trunk, and only for documents that manage them.
    async bulk(account, targets, clients, options, trunkNames) {
      const { signal } = options;
      const client = await clients.twilio(account);
      const numbers = options.numbers ?? new TwilioNumberIndex(client);
      // A document with a sid says which trunk's origination URLs it needs, so those GETs go out
      // alongside the listings instead of after them (a sid not on the account answers 404).
      const urlsBySid = new Map<string, OriginationUrl[]>();
      const withUrls = targets.flatMap((t) => (t.sid !== undefined && t.spec.origination_urls !== undefined ? [t.sid] : []));
      const [trunks] = await Promise.all([
        collect(client.trunks.list({ pageSize: PAGE_SIZE, signal })),
        numbers.load(signal),
        mapBounded(withUrls, PER_RESOURCE_CONCURRENCY, async (sid) => {
          try {
            urlsBySid.set(sid, await collect(client.originationUrls.list(sid, { pageSize: PAGE_SIZE, signal })));
          } catch (error) {
            if (!(isProviderError(error) && error.isNotFound)) throw error;
          }
        }),
      ]);
      const bySid = new Map<string, Trunk>();
      const byDomain = new Map<string, Trunk>();
      for (const trunk of trunks) {
        bySid.set(trunk.sid, trunk);
        trunkNames.set(trunk.sid, trunk.friendly_name);
        if (trunk.domain_name) byDomain.set(trunk.domain_name.toLowerCase(), trunk);
      }
      const lookups = new Array<RemoteLookup>(targets.length);
      await mapBounded([...targets.keys()], PER_RESOURCE_CONCURRENCY, async (i) => {
        const target = targets[i]!;
        if (target.sid !== undefined) {
          const trunk = bySid.get(target.sid);
          lookups[i] = trunk ? { status: 'found', state: await trunkState(client, trunk, target, numbers, signal, urlsBySid.get(trunk.sid)) } : { status: 'missing', sid: target.sid };
          return;
        }
        const owner = target.spec.domain_name ? byDomain.get(target.spec.domain_name.toLowerCase()) : undefined;
        lookups[i] = { status: 'new', adopt: owner ? await trunkState(client, owner, target, numbers, signal) : undefined, sameName: [] };
      });
      return lookups;
    },
    // A trunk without domain_name has no look-up by name in the bulk fetch.
    async sameNamed(account, name, clients, signal) {
      const client = await clients.twilio(account);
      const trunks = await collect(client.trunks.list({ pageSize: PAGE_SIZE, signal }));
      return trunks.filter((t) => (t.friendly_name ?? '') === name).map((t) => ({ sid: t.sid, name }));
    },
  },

  plan: {
    usesNumberIndex: true,
    plan: (spec, state, _sameName, context) =>
      planTwilioTrunk(spec, state, { account: context.account, numbers: context.numbers, trunkNames: context.trunkNames, references: context.references, signal: context.signal }),
    failoverUrls: (spec) => spec.origination_urls,
  },

  operations: {
    'twilio.trunk.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const domain = op.fields.domain_name;
      const name = op.fields.friendly_name ?? null;
      const procedure: CreateProcedure<{ sid: string }> = {
        what: `trunk ${domain ?? JSON.stringify(name)}`,
        // Domain names are unique; without one, fall back to same-named trunks (journaled, as for BYOC trunks).
        before: domain ? undefined : async () => new Set((await trunksNamed(client, name, run.signal)).map((t) => t.sid)),
        create: () => client.trunks.create(op.fields, { signal: run.signal }),
        find: async (before, s) =>
          domain
            ? client.trunks.findByDomainName(domain, { signal: s })
            : newResource('trunk', run.unclaimed(await trunksNamed(client, name, s), (t) => t.sid), (t) => t.sid, before),
      };
      const result = domain ? await run.create(procedure) : await run.createDocumentResource(name ?? '', (t) => t.sid, procedure, name ?? '');
      return { sid: result.value.sid, reconciled: result.reconciled };
    },
    'twilio.trunk.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.trunks.update(run.need(), op.fields, { signal: run.signal });
      return {};
    },
    'twilio.recording.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.recording.update(run.need(), op.fields, { signal: run.signal });
      return {};
    },
    'twilio.originationUrl.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const trunkSid = run.need();
      const wanted = op.fields.sip_url.toLowerCase();
      const result = await run.create({
        what: `origination URL ${op.fields.sip_url}`,
        create: () => client.originationUrls.create(trunkSid, op.fields, { signal: run.signal }),
        find: async (_, s) => (await collect(client.originationUrls.list(trunkSid, { pageSize: PAGE_SIZE, signal: s }))).find((u) => u.sip_url?.toLowerCase() === wanted),
      });
      return { reconciled: result.reconciled };
    },
    'twilio.originationUrl.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.originationUrls.update(run.need(), op.sid, op.fields, { signal: run.signal });
      return {};
    },
    'twilio.originationUrl.delete': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return run.gone(() => client.originationUrls.delete(run.need(), op.sid, { signal: run.signal }));
    },
    'twilio.number.attach': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const trunkSid = run.need();
      const result = await run.create({
        what: `the attachment of ${op.phoneNumber}`,
        create: () => client.trunkPhoneNumbers.attach(trunkSid, op.phoneNumberSid, { signal: run.signal }),
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
    },
    'twilio.number.detach': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const trunkSid = op.move ? op.move.fromTrunkSid : run.need();
      return run.gone(() => client.trunkPhoneNumbers.detach(trunkSid, op.phoneNumberSid, { signal: run.signal }));
    },
    'twilio.trunk.ipAccessControlList.link': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return linkList(client.trunkIpAccessControlLists, 'IP access control list', run.need(), run.referenced(op.list), run);
    },
    'twilio.trunk.ipAccessControlList.unlink': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return run.gone(() => client.trunkIpAccessControlLists.remove(run.need(), op.listSid, { signal: run.signal }));
    },
    'twilio.trunk.credentialList.link': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return linkList(client.trunkCredentialLists, 'credential list', run.need(), run.referenced(op.list), run);
    },
    'twilio.trunk.credentialList.unlink': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return run.gone(() => client.trunkCredentialLists.remove(run.need(), op.listSid, { signal: run.signal }));
    },
  },

  operationMeanings: {
    'twilio.trunk.create': { sets: 'all', drift: () => undefined },
    'twilio.trunk.update': { sets: 'fields', drift: () => 'Changed' },
    'twilio.recording.update': { sets: ['recording'], drift: () => 'Recording changed' },
    'twilio.originationUrl.create': { sets: ['origination_urls'], drift: (op) => `Origination URL ${op.fields.sip_url} removed`, driftWithoutChanges: true },
    'twilio.originationUrl.update': { sets: ['origination_urls'], drift: (op) => `Origination URL ${op.sipUrl} changed` },
    'twilio.originationUrl.delete': { sets: ['origination_urls'], drift: (op) => `Origination URL ${op.sipUrl} added` },
    'twilio.number.attach': {
      sets: ['phone_numbers'],
      drift: (op) => (op.move ? `${op.phoneNumber} moved to trunk ${op.move.fromTrunkSid}${op.move.fromTrunkName ? ` ${JSON.stringify(op.move.fromTrunkName)}` : ''}` : `${op.phoneNumber} detached`),
    },
    // A move's detach is half of the move the attach describes.
    'twilio.number.detach': { sets: ['phone_numbers'], drift: (op) => (op.move ? undefined : `${op.phoneNumber} attached`) },
    'twilio.trunk.ipAccessControlList.link': { sets: ['ip_access_control_lists'], drift: (op) => `IP access control list ${op.list.value} unlinked` },
    'twilio.trunk.ipAccessControlList.unlink': { sets: ['ip_access_control_lists'], drift: (op) => `IP access control list ${op.name ?? op.listSid} linked` },
    'twilio.trunk.credentialList.link': { sets: ['credential_lists'], drift: (op) => `Credential list ${op.list.value} unlinked` },
    'twilio.trunk.credentialList.unlink': { sets: ['credential_lists'], drift: (op) => `Credential list ${op.name ?? op.listSid} linked` },
  },

  render: {
    source: (remote) => twilioTrunkSource(remote),
  },

  sync: {
    trackedKeys: ['recording', 'origination_urls', 'phone_numbers', 'ip_access_control_lists', 'credential_lists'],
    dateUpdated: (remote) => remote.trunk.date_updated,
    unfetchedKeys: (state) => [
      ...(state.originationUrlsFetched ? [] : ['origination_urls']),
      ...(state.remote.ipAccessControlLists ? [] : ['ip_access_control_lists']),
      ...(state.remote.credentialLists ? [] : ['credential_lists']),
    ],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.twilio(account);
      // A spec that manages origination URLs makes the fetch read them too.
      return (await collect(client.trunks.list({ pageSize: PAGE_SIZE, signal }))).map((trunk) => twilioTrunkKind.export.target(account, trunk.sid));
    },
    // The termination lists too: Export writes them by name, next to the list documents.
    target: (account, sid) => ({ kind: 'TwilioTrunk', account, sid, spec: { origination_urls: [], ip_access_control_lists: [], credential_lists: [] } }),
    baseName: (state) => state.remote.trunk.domain_name?.replace(/\.pstn\.twilio\.com$/i, '') ?? state.remote.trunk.friendly_name ?? state.sid,
    omissions: (state) => originationUrlOmissions(state),
  },
};

function twilioTrunkSource(remote: RemoteTwilioTrunk): Record<string, unknown> {
  const recording = remote.recording === undefined ? remote.trunk.recording : remote.recording;
  const hasRecording = !!recording && (recording.mode !== null || recording.trim !== null);
  return {
    ...remote.trunk,
    recording: hasRecording ? recording : undefined,
    origination_urls: [...remote.originationUrls].sort((a, b) => compareText(a.sip_url ?? '', b.sip_url ?? '')),
    phone_numbers: remote.phoneNumbers
      .map((n) => (typeof n === 'string' ? n : n.phone_number))
      .filter((n): n is string => typeof n === 'string')
      .sort(compareText),
    // By name, as a file names them (export writes the list documents with those names).
    ip_access_control_lists: remote.ipAccessControlLists?.map((l) => l.friendly_name ?? l.sid).sort(compareText),
    credential_lists: remote.credentialLists?.map((l) => l.friendly_name ?? l.sid).sort(compareText),
  };
}

async function trunkState(
  client: TwilioClient,
  trunk: Trunk,
  target: TwilioTrunkTarget,
  numbers: TwilioNumberIndex,
  signal: AbortSignal | undefined,
  fetchedUrls?: OriginationUrl[],
): Promise<TwilioTrunkState> {
  const managesUrls = target.spec.origination_urls !== undefined;
  // Linked lists only for a document that manages them: one request each per trunk.
  const linked = <T>(managed: boolean, list: () => Promise<T[]>) => (managed ? list() : Promise.resolve(undefined));
  const [originationUrls, recording, phoneNumbers, ipAccessControlLists, credentialLists] = await Promise.all([
    fetchedUrls ? Promise.resolve(fetchedUrls) : managesUrls ? collect(client.originationUrls.list(trunk.sid, { pageSize: PAGE_SIZE, signal })) : Promise.resolve([]),
    trunk.recording || target.spec.recording === undefined ? Promise.resolve(trunk.recording) : client.recording.fetch(trunk.sid, { signal }),
    numbers.onTrunk(trunk.sid, signal),
    linked(target.spec.ip_access_control_lists !== undefined, () => collect(client.trunkIpAccessControlLists.list(trunk.sid, { pageSize: PAGE_SIZE, signal }))),
    linked(target.spec.credential_lists !== undefined, () => collect(client.trunkCredentialLists.list(trunk.sid, { pageSize: PAGE_SIZE, signal }))),
  ]);
  return { kind: 'TwilioTrunk', sid: trunk.sid, remote: { trunk, recording, originationUrls, phoneNumbers, ipAccessControlLists, credentialLists }, originationUrlsFetched: managesUrls };
}

async function trunksNamed(client: TwilioClient, name: string | null, signal: AbortSignal | undefined) {
  return (await collect(client.trunks.list({ pageSize: PAGE_SIZE, signal }))).filter((t) => t.friendly_name === name);
}

/**
 * Twilio accepts the same SIP URL twice (or in two cases), but a file matches origination URLs
 * by sip_url, case-insensitively, so it cannot tell such URLs apart.
 */
function originationUrlOmissions(state: TwilioTrunkState): ExportOmission[] {
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
  if (clashes.length === 0) return [];
  return [
    {
      key: 'origination_urls',
      reason: `origination_urls left out: the trunk has ${clashes.join('; ')}, which a file cannot tell apart (it matches origination URLs by sip_url, ignoring case). Remove the duplicates at the provider and export again to manage them in the file.`,
    },
  ];
}

/** Links a list to the trunk; after an unknown outcome, the link is looked up before sending it again. */
async function linkList(api: TwilioClient['trunkIpAccessControlLists'] | TwilioClient['trunkCredentialLists'], noun: string, trunkSid: string, listSid: string, run: OperationRun) {
  const result = await run.create({
    what: `the link of ${noun} ${listSid}`,
    create: () => api.add(trunkSid, listSid, { signal: run.signal }),
    find: async (_, s) => {
      try {
        return await api.fetch(trunkSid, listSid, { signal: s });
      } catch (error) {
        if (isProviderError(error) && error.isNotFound) return undefined;
        throw error;
      }
    },
  });
  return { reconciled: result.reconciled };
}
