import { collect } from '../../providers/page';
import { SID_PATTERNS } from '../../providers/twilio/field-names';
import type { SipIpAccessControlList } from '../../providers/twilio/models';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import { newResource } from '../apply/reconcile-create';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import type { TwilioIpAccessControlListSpec } from '../file/trunk-specs';
import { lookUpAmong } from '../plan/look-up-among';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from '../plan/map-bounded';
import { addressKey, planIpAccessControlList } from '../plan/plan-ip-access-control-list';
import type { TwilioIpAccessControlListOperation } from '../plan/plan-operations';
import type { RemoteIpAccessControlList, RemoteLookup } from '../plan/remote-state';
import { compareText } from '../render/compare-text';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';

// An account's SIP IP access control list with its addresses. Its name is not unique (Twilio
// allows two lists with one name): a document without sid is created, and same-named lists are
// warned about, since a trunk that names the list could not tell them apart.

declare module './document-kind-types' {
  interface DocumentKindTypes {
    TwilioIpAccessControlList: KindTypes<TwilioIpAccessControlListSpec, RemoteIpAccessControlList, { remote: RemoteIpAccessControlList }, TwilioIpAccessControlListOperation>;
  }
}

const PAGE_SIZE = 1000;
const LIST_FIELDS = ['sid', 'account_sid', 'date_created', 'date_updated', 'subresource_uris', 'uri'];
const ADDRESS_FIELDS = ['sid', 'account_sid', 'ip_access_control_list_sid', 'date_created', 'date_updated', 'uri'];

export const twilioIpAccessControlListKind: DocumentKindDescriptor<'TwilioIpAccessControlList'> = {
  kind: 'TwilioIpAccessControlList',
  provider: 'twilio',
  title: 'IP access control list',
  label: 'Twilio IP Access Control List',
  noun: 'IP access control list',
  examples: {
    naming: { name: 'Office PBX', label: 'office-pbx' },
    starter: (n) => `  friendly_name: ${n.name}\n  ip_addresses:\n    - { friendly_name: pbx-a, ip_address: 203.0.113.10, cidr_prefix_length: 32 }\n`,
    full: { friendly_name: 'Kinds ACL', ip_addresses: [{ friendly_name: 'pbx-a', ip_address: '203.0.113.10', cidr_prefix_length: 32 }] },
  },
  schema: KIND_SCHEMAS.TwilioIpAccessControlList,
  schemaFile: SCHEMA_FILE_BY_KIND.TwilioIpAccessControlList,

  identity: {
    sidPattern: SID_PATTERNS.ipAccessControlList,
    sidOf: (remote) => remote.list.sid,
    nameOf: (values) => values.friendly_name,
  },

  fields: {
    writable: ['friendly_name'],
    subResources: ['ip_addresses'],
    exactSets: ['ip_addresses'],
    readOnlyShown: [],
    responseOnly: { spec: new Set(LIST_FIELDS), ipAddress: new Set(ADDRESS_FIELDS) },
  },

  claims: [],
  rules: [
    {
      type: 'unique-items',
      list: 'ip_addresses',
      identity: (a) => {
        const r = a && typeof a === 'object' && !Array.isArray(a) ? (a as Record<string, unknown>) : undefined;
        return typeof r?.ip_address === 'string' ? addressKey({ ip_address: r.ip_address, cidr_prefix_length: typeof r.cidr_prefix_length === 'number' ? r.cidr_prefix_length : undefined }) : undefined;
      },
      describe: (a) => `${a} is listed twice in ip_addresses; addresses are matched by ip_address and cidr_prefix_length, so each must be unique.`,
      code: 'duplicate-ip-address',
      itemField: 'ip_address',
    },
  ],

  referable: {
    list: async (account, clients, signal) => {
      const client = await clients.twilio(account);
      return (await collect(client.ipAccessControlLists.list({ pageSize: PAGE_SIZE, signal }))).map((l) => ({ sid: l.sid, name: l.friendly_name }));
    },
    summary: (values) => {
      const addresses = Array.isArray(values.ip_addresses) ? (values.ip_addresses as Record<string, unknown>[]) : [];
      return addresses.map((a) => `${addressKey({ ip_address: String(a.ip_address ?? ''), cidr_prefix_length: a.cidr_prefix_length as number | undefined })}${a.friendly_name ? ` (${String(a.friendly_name)})` : ''}`);
    },
  },

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.twilio(account);
      const list = await client.ipAccessControlLists.fetch(sid, { signal });
      return { kind: 'TwilioIpAccessControlList', sid, remote: await withAddresses(client, list, signal) };
    },
    async lookupNew(target, clients, { signal }) {
      const client = await clients.twilio(target.account);
      const same = await client.ipAccessControlLists.findByFriendlyName(target.spec.friendly_name, { signal });
      return { status: 'new', sameName: same.map((l) => ({ sid: l.sid, name: target.spec.friendly_name })) };
    },
    listsForNew: true,
    async bulk(account, targets, clients, { signal }) {
      const client = await clients.twilio(account);
      const all = await collect(client.ipAccessControlLists.list({ pageSize: PAGE_SIZE, signal }));
      const lookups = lookUpAmong(all, targets, {
        sid: (l) => l.sid,
        name: (l) => l.friendly_name,
        wantedName: (target) => target.spec.friendly_name,
        state: (l) => ({ kind: 'TwilioIpAccessControlList', sid: l.sid, remote: { list: l, ipAddresses: [] } }),
      });
      // The addresses of each list found: one listing per list.
      await mapBounded([...lookups.keys()], PER_RESOURCE_CONCURRENCY, async (i) => {
        const lookup = lookups[i]!;
        if (lookup.status !== 'found' || lookup.state.kind !== 'TwilioIpAccessControlList') return;
        lookups[i] = { status: 'found', state: { ...lookup.state, remote: await withAddresses(client, lookup.state.remote.list, signal) } } satisfies RemoteLookup;
      });
      return lookups;
    },
  },

  plan: {
    usesNumberIndex: false,
    plan: (spec, state, sameName) => planIpAccessControlList(spec, state?.remote, sameName),
  },

  operations: {
    'twilio.ipAccessControlList.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const name = op.fields.friendly_name;
      const named = async (s: AbortSignal | undefined) => client.ipAccessControlLists.findByFriendlyName(name, { signal: s });
      const result = await run.createDocumentResource(
        name,
        (l) => l.sid,
        {
          what: `IP access control list ${JSON.stringify(name)}`,
          before: async () => new Set((await named(run.signal)).map((l) => l.sid)),
          create: () => client.ipAccessControlLists.create(name, { signal: run.signal }),
          find: async (before, s) => newResource('IP access control list', run.unclaimed(await named(s), (l) => l.sid), (l) => l.sid, before),
        },
        name,
      );
      return { sid: result.value.sid, reconciled: result.reconciled };
    },
    'twilio.ipAccessControlList.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.ipAccessControlLists.update(run.need(), op.fields.friendly_name, { signal: run.signal });
      return {};
    },
    'twilio.ipAddress.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const listSid = run.need();
      const key = addressKey(op.fields);
      const result = await run.create({
        what: `IP address ${key}`,
        create: () => client.ipAddresses.create(listSid, op.fields, { signal: run.signal }),
        find: async (_, s) => (await collect(client.ipAddresses.list(listSid, { pageSize: PAGE_SIZE, signal: s }))).find((a) => addressKey(a) === key),
      });
      return { reconciled: result.reconciled };
    },
    'twilio.ipAddress.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.ipAddresses.update(run.need(), op.sid, op.fields, { signal: run.signal });
      return {};
    },
    'twilio.ipAddress.delete': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return run.gone(() => client.ipAddresses.delete(run.need(), op.sid, { signal: run.signal }));
    },
  },

  operationMeanings: {
    'twilio.ipAccessControlList.create': { sets: 'all', drift: () => undefined },
    'twilio.ipAccessControlList.update': { sets: 'fields', drift: () => 'Renamed' },
    'twilio.ipAddress.create': { sets: ['ip_addresses'], drift: (op) => `IP address ${addressKey(op.fields)} removed`, driftWithoutChanges: true },
    'twilio.ipAddress.update': { sets: ['ip_addresses'], drift: (op) => `IP address ${op.address} renamed` },
    'twilio.ipAddress.delete': { sets: ['ip_addresses'], drift: (op) => `IP address ${op.address} added` },
  },

  render: {
    source: (remote) => ({ ...remote.list, ip_addresses: [...remote.ipAddresses].sort((a, b) => compareText(addressKey(a), addressKey(b))) }),
  },

  sync: {
    trackedKeys: ['ip_addresses'],
    dateUpdated: (remote) => remote.list.date_updated,
    unfetchedKeys: () => [],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.twilio(account);
      return (await collect(client.ipAccessControlLists.list({ pageSize: PAGE_SIZE, signal }))).map((l) => twilioIpAccessControlListKind.export.target(account, l.sid));
    },
    target: (account, sid) => ({ kind: 'TwilioIpAccessControlList', account, sid, spec: { friendly_name: '' } }),
    baseName: (state) => `acl-${state.remote.list.friendly_name ?? state.sid}`,
    omissions: () => [],
  },
};

async function withAddresses(client: TwilioClient, list: SipIpAccessControlList, signal: AbortSignal | undefined): Promise<RemoteIpAccessControlList> {
  return { list, ipAddresses: await collect(client.ipAddresses.list(list.sid, { pageSize: PAGE_SIZE, signal })) };
}
