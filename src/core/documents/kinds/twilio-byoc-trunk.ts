import { collect } from '../../providers/page';
import { BYOC_TRUNK_RESPONSE_FIELDS, BYOC_TRUNK_WRITABLE_FIELDS, SID_PATTERNS } from '../../providers/twilio/field-names';
import type { ByocTrunk } from '../../providers/twilio/models';
import { newResource } from '../apply/reconcile-create';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import { lookUpAmong } from '../plan/look-up-among';
import { BYOC_POLICY_REFERENCE, planByocTrunk } from '../plan/plan-byoc-trunk';
import type { TwilioByocTrunkSpec } from '../file/trunk-specs';
import type { TwilioByocTrunkOperation } from '../plan/plan-operations';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';
import { responseOnlyFields } from './response-only-fields';

// A Twilio BYOC trunk. Its name is not unique: a document without sid is created, and
// same-named BYOC trunks are only warned about (or, after an interrupted push, found by the
// journal of that create).

declare module './document-kind-types' {
  interface DocumentKindTypes {
    TwilioByocTrunk: KindTypes<TwilioByocTrunkSpec, ByocTrunk, { remote: ByocTrunk }, TwilioByocTrunkOperation>;
  }
}

const PAGE_SIZE = 1000;

export const twilioByocTrunkKind: DocumentKindDescriptor<'TwilioByocTrunk'> = {
  kind: 'TwilioByocTrunk',
  provider: 'twilio',
  title: 'BYOC trunk',
  label: 'Twilio BYOC Trunk',
  noun: 'BYOC trunk',
  examples: {
    naming: { name: 'My carrier', label: 'my-carrier' },
    starter: (n) => `  friendly_name: ${n.name}\n  voice_url: https://example.com/voice\n  voice_method: POST\n`,
    full: { friendly_name: 'Kinds BYOC', voice_url: 'https://example.com/voice' },
  },
  schema: KIND_SCHEMAS.TwilioByocTrunk,
  schemaFile: SCHEMA_FILE_BY_KIND.TwilioByocTrunk,

  identity: {
    sidPattern: SID_PATTERNS.byocTrunk,
    sidOf: (remote) => remote.sid,
    nameOf: (values) => values.friendly_name,
  },

  fields: {
    writable: BYOC_TRUNK_WRITABLE_FIELDS,
    // A reference, sent as connection_policy_sid.
    subResources: ['connection_policy'],
    exactSets: [],
    readOnlyShown: [],
    responseOnly: { spec: responseOnlyFields(BYOC_TRUNK_RESPONSE_FIELDS, BYOC_TRUNK_WRITABLE_FIELDS) },
  },

  claims: [],
  rules: [],
  references: [BYOC_POLICY_REFERENCE],

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.twilio(account);
      return { kind: 'TwilioByocTrunk', sid, remote: await client.byocTrunks.fetch(sid, { signal }) };
    },
    async lookupNew(target, clients, { signal }) {
      const name = target.spec.friendly_name;
      if (!name) return { status: 'new', sameName: [] };
      const client = await clients.twilio(target.account);
      const all = await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal }));
      return { status: 'new', sameName: all.filter((t) => t.friendly_name === name).map((t) => ({ sid: t.sid, name })) };
    },
    // Looking up a new BYOC trunk by name lists them all anyway.
    listsForNew: true,
    async bulk(account, targets, clients, options) {
      const client = await clients.twilio(account);
      const all = await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal: options.signal }));
      return lookUpAmong(all, targets, {
        sid: (t) => t.sid,
        name: (t) => t.friendly_name,
        wantedName: (target) => target.spec.friendly_name,
        state: (t) => ({ kind: 'TwilioByocTrunk', sid: t.sid, remote: t }),
      });
    },
  },

  plan: {
    usesNumberIndex: false,
    plan: (spec, state, sameName, context) => planByocTrunk(spec, state, sameName, context.references),
  },

  operations: {
    'twilio.byoc.create': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      const name = op.fields.friendly_name ?? null;
      const named = async (s: AbortSignal | undefined) => (await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal: s }))).filter((t) => t.friendly_name === name);
      const result = await run.createDocumentResource(
        name ?? '',
        (t) => t.sid,
        {
          what: `BYOC trunk ${JSON.stringify(name)}`,
          before: async () => new Set((await named(run.signal)).map((t) => t.sid)),
          create: () => client.byocTrunks.create(op.policy ? { ...op.fields, connection_policy_sid: run.referenced(op.policy) } : op.fields, { signal: run.signal }),
          find: async (before, s) => newResource('BYOC trunk', run.unclaimed(await named(s), (t) => t.sid), (t) => t.sid, before),
        },
        name ?? '',
      );
      return { sid: result.value.sid, reconciled: result.reconciled };
    },
    'twilio.byoc.update': async (op, run) => {
      const client = await run.clients.twilio(run.account);
      await client.byocTrunks.update(run.need(), op.policy ? { ...op.fields, connection_policy_sid: run.referenced(op.policy) } : op.fields, { signal: run.signal });
      return {};
    },
  },

  operationMeanings: {
    'twilio.byoc.create': { sets: 'all', drift: () => undefined },
    'twilio.byoc.update': { sets: 'fields', drift: () => 'Changed' },
  },

  render: {
    source: (remote) => remote,
  },

  sync: {
    trackedKeys: [],
    dateUpdated: (remote) => remote.date_updated,
    unfetchedKeys: () => [],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.twilio(account);
      return (await collect(client.byocTrunks.list({ pageSize: PAGE_SIZE, signal }))).map((byoc) => ({ kind: 'TwilioByocTrunk', account, sid: byoc.sid, spec: {} }));
    },
    target: (account, sid) => ({ kind: 'TwilioByocTrunk', account, sid, spec: {} }),
    baseName: (state) => `byoc-${state.remote.friendly_name ?? state.sid}`,
    omissions: () => [],
  },
};
