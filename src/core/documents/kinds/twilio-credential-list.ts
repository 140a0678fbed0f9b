import { collect } from '../../providers/page';
import { SID_PATTERNS } from '../../providers/twilio/field-names';
import type { SipCredentialList } from '../../providers/twilio/models';
import type { TwilioClient } from '../../providers/twilio/twilio-client';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import type { TwilioCredentialListSpec } from '../file/trunk-specs';
import { lookUpAmong } from '../plan/look-up-among';
import { mapBounded, PER_RESOURCE_CONCURRENCY } from '../plan/map-bounded';
import { planCredentialList } from '../plan/plan-credential-list';
import type { TwilioCredentialListOperation } from '../plan/plan-operations';
import type { RemoteCredentialList, RemoteLookup } from '../plan/remote-state';
import { compareText } from '../render/compare-text';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';

// An account's SIP credential list with its usernames. Its name is unique in the account
// (Twilio refuses a second one, 21240): a document without sid takes over the list of its name. A username's password never appears in
// a document, a plan or the sync state: Twilio never returns it, and a create takes it from the
// caller (OperationRun.secret), who asked for it or read it from the environment.

declare module './document-kind-types' {
  interface DocumentKindTypes {
    TwilioCredentialList: KindTypes<TwilioCredentialListSpec, RemoteCredentialList, { remote: RemoteCredentialList }, TwilioCredentialListOperation>;
  }
}

const PAGE_SIZE = 1000;
const LIST_FIELDS = ['sid', 'account_sid', 'date_created', 'date_updated', 'subresource_uris', 'uri'];
const CREDENTIAL_FIELDS = ['sid', 'account_sid', 'credential_list_sid', 'date_created', 'date_updated', 'uri'];

export const twilioCredentialListKind: DocumentKindDescriptor<'TwilioCredentialList'> = {
  kind: 'TwilioCredentialList',
  provider: 'twilio',
  title: 'Credential list',
  label: 'Twilio Credential List',
  noun: 'credential list',
  examples: {
    naming: { name: 'PBX users', label: 'pbx-users' },
    starter: (n) => `  friendly_name: ${n.name}\n  credentials:\n    - { username: ${n.label}-1 }\n`,
    full: { friendly_name: 'Kinds credentials', credentials: [{ username: 'kinds-user' }] },
  },
  schema: KIND_SCHEMAS.TwilioCredentialList,
  schemaFile: SCHEMA_FILE_BY_KIND.TwilioCredentialList,

  identity: {
    sidPattern: SID_PATTERNS.credentialList,
    sidOf: (remote) => remote.list.sid,
    nameOf: (values) => values.friendly_name,
    uniqueKey: { field: 'friendly_name', label: 'Credential list name' },
  },

  fields: {
    writable: ['friendly_name'],
    subResources: ['credentials'],
    exactSets: ['credentials'],
    readOnlyShown: [],
    responseOnly: { spec: new Set(LIST_FIELDS), credential: new Set(CREDENTIAL_FIELDS) },
  },

  claims: [],
  rules: [
    {
      type: 'unique-items',
      list: 'credentials',
      identity: (c) => {
        const r = c && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>) : undefined;
        return typeof r?.username === 'string' ? r.username : undefined;
      },
      describe: (u) => `${u} is listed twice in credentials; each username is once in a list.`,
      code: 'duplicate-username',
      itemField: 'username',
    },
  ],

  referable: {
    list: async (account, clients, signal) => {
      const client = await clients.twilio(account);
      return (await collect(client.credentialLists.list({ pageSize: PAGE_SIZE, signal }))).map((l) => ({ sid: l.sid, name: l.friendly_name }));
    },
    summary: (values) => (Array.isArray(values.credentials) ? (values.credentials as Record<string, unknown>[]).map((c) => String(c.username ?? '')) : []),
  },

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.twilio(account);
      const list = await client.credentialLists.fetch(sid, { signal });
      return { kind: 'TwilioCredentialList', sid, remote: await withCredentials(client, list, signal) };
    },
    async lookupNew(target, clients, { signal }) {
      const client = await clients.twilio(target.account);
      const [owner] = await client.credentialLists.findByFriendlyName(target.spec.friendly_name, { signal });
      return { status: 'new', adopt: owner ? { kind: 'TwilioCredentialList', sid: owner.sid, remote: await withCredentials(client, owner, signal) } : undefined, sameName: [] };
    },
    listsForNew: true,
    async bulk(account, targets, clients, { signal }) {
      const client = await clients.twilio(account);
      const all = await collect(client.credentialLists.list({ pageSize: PAGE_SIZE, signal }));
      const lookups = lookUpAmong(all, targets, {
        sid: (l) => l.sid,
        name: (l) => l.friendly_name,
        wantedName: (target) => target.spec.friendly_name,
        state: (l) => ({ kind: 'TwilioCredentialList', sid: l.sid, remote: { list: l, credentials: [] } }),
      });
      const byName = new Map(all.map((l) => [l.friendly_name, l]));
      await mapBounded([...lookups.keys()], PER_RESOURCE_CONCURRENCY, async (i) => {
        const lookup = lookups[i]!;
        if (lookup.status === 'new') {
          // The name is unique: the list that has it is this document's.
          const owner = byName.get(targets[i]!.spec.friendly_name);
          lookups[i] = { status: 'new', adopt: owner ? { kind: 'TwilioCredentialList', sid: owner.sid, remote: await withCredentials(client, owner, signal) } : undefined, sameName: [] };
          return;
        }
        if (lookup.status !== 'found' || lookup.state.kind !== 'TwilioCredentialList') return;
        lookups[i] = { status: 'found', state: { ...lookup.state, remote: await withCredentials(client, lookup.state.remote.list, signal) } } satisfies RemoteLookup;
      });
      return lookups;
    },
  },

  plan: {
    usesNumberIndex: false,
    plan: (spec, state, sameName, context) => planCredentialList(spec, state?.remote, sameName, context.account),
  },

  operations: {
    'twilio.credentialList.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const name = op.fields.friendly_name;
      // Unique name: after a lost answer, the list of that name is the one this create made.
      const result = await run.create({
        what: `credential list ${JSON.stringify(name)}`,
        create: () => client.credentialLists.create(name, { signal: run.signal }),
        find: async (_, s) => (await client.credentialLists.findByFriendlyName(name, { signal: s }))[0],
      });
      return { sid: result.value.sid, reconciled: result.reconciled };
    },
    'twilio.credentialList.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.credentialLists.update(run.need(), op.fields.friendly_name, { signal: run.signal });
      return {};
    },
    'twilio.credential.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const listSid = run.need();
      const password = run.secret(op.secret);
      const result = await run.create({
        what: `username ${op.username}`,
        create: () => client.credentials.create(listSid, { username: op.username, password }, { signal: run.signal }),
        find: async (_, s) => (await collect(client.credentials.list(listSid, { pageSize: PAGE_SIZE, signal: s }))).find((c) => c.username === op.username),
      });
      return { reconciled: result.reconciled };
    },
    'twilio.credential.delete': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      return run.gone(() => client.credentials.delete(run.need(), op.sid, { signal: run.signal }));
    },
  },

  operationMeanings: {
    'twilio.credentialList.create': { sets: 'all', drift: () => undefined },
    'twilio.credentialList.update': { sets: 'fields', drift: () => 'Renamed' },
    'twilio.credential.create': { sets: ['credentials'], drift: (op) => `Username ${op.username} removed`, driftWithoutChanges: true },
    'twilio.credential.delete': { sets: ['credentials'], drift: (op) => `Username ${op.username} added` },
  },

  render: {
    source: (remote) => ({ ...remote.list, credentials: [...remote.credentials].sort((a, b) => compareText(a.username ?? '', b.username ?? '')) }),
  },

  sync: {
    trackedKeys: ['credentials'],
    dateUpdated: (remote) => remote.list.date_updated,
    unfetchedKeys: () => [],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.twilio(account);
      return (await collect(client.credentialLists.list({ pageSize: PAGE_SIZE, signal }))).map((l) => twilioCredentialListKind.export.target(account, l.sid));
    },
    target: (account, sid) => ({ kind: 'TwilioCredentialList', account, sid, spec: { friendly_name: '' } }),
    baseName: (state) => `credentials-${state.remote.list.friendly_name ?? state.sid}`,
    omissions: () => [],
  },
};

async function withCredentials(client: TwilioClient, list: SipCredentialList, signal: AbortSignal | undefined): Promise<RemoteCredentialList> {
  return { list, credentials: await collect(client.credentials.list(list.sid, { pageSize: PAGE_SIZE, signal })) };
}
