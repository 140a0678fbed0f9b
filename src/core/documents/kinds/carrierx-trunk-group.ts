import { collect } from '../../providers/page';
import { CARRIERX_SID_PATTERN, TRUNK_GROUP_READ_ONLY_FIELDS, TRUNK_GROUP_WRITABLE_FIELDS } from '../../providers/carrierx/field-names';
import { newResource } from '../apply/reconcile-create';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import { lookUpAmong } from '../plan/look-up-among';
import { CarrierXDidIndex } from '../plan/carrierx-did-index';
import { planCarrierXGroup, planGroupNumbers, TRUNK_ENDPOINT_REFERENCE } from '../plan/plan-carrierx-group';
import type { RemoteCarrierXTrunkGroup } from '../plan/remote-state';
import { compareText } from '../render/compare-text';
import { fromCarrierXNumber } from '../../providers/carrierx/carrierx-number';
import type { CarrierXTrunkGroupSpec } from '../file/trunk-specs';
import type { CarrierXTrunkGroupOperation } from '../plan/plan-operations';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';

// A CarrierX trunk group with its trunks. Neither has a unique key but its SID: trunks are
// matched by trunk_sid, else by name; a group without sid is created, same-named groups warned about.

declare module './document-kind-types' {
  interface DocumentKindTypes {
    CarrierXTrunkGroup: KindTypes<CarrierXTrunkGroupSpec, RemoteCarrierXTrunkGroup, { remote: RemoteCarrierXTrunkGroup }, CarrierXTrunkGroupOperation>;
  }
}

const PAGE_SIZE = 1000;
/** CarrierX's name for a trunk group or trunk created without one (seed 004). */
const CARRIERX_DEFAULT_NAME = 'N/A';

export const carrierXTrunkGroupKind: DocumentKindDescriptor<'CarrierXTrunkGroup'> = {
  kind: 'CarrierXTrunkGroup',
  provider: 'carrierx',
  title: 'CarrierX trunk group',
  label: 'CarrierX Trunk Group',
  noun: 'trunk group',
  examples: {
    naming: { name: 'My trunk group', label: 'my-trunk-group' },
    starter: (n) => `  name: ${n.name}\n  routing_type: failover\n  trunks:\n    - { name: trunk-a, priority: 1 }\n`,
    full: { name: 'kinds-group', trunks: [{ name: 'kinds-trunk' }] },
  },
  schema: KIND_SCHEMAS.CarrierXTrunkGroup,
  schemaFile: SCHEMA_FILE_BY_KIND.CarrierXTrunkGroup,

  identity: {
    sidPattern: CARRIERX_SID_PATTERN,
    sidOf: (remote) => remote.trunkGroup.trunk_group_sid,
    nameOf: (values) => values.name,
  },

  fields: {
    writable: TRUNK_GROUP_WRITABLE_FIELDS,
    subResources: ['trunks', 'phone_numbers'],
    exactSets: ['trunks', 'phone_numbers'],
    readOnlyShown: ['partner_sid'],
    responseOnly: { spec: new Set(TRUNK_GROUP_READ_ONLY_FIELDS) },
  },

  claims: [{ type: 'phone-number', field: 'phone_numbers', list: true, ignoreCase: false }],
  references: [TRUNK_ENDPOINT_REFERENCE],

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
      list: 'trunks',
      identity: (t) => {
        const sid = asRecord(t)?.trunk_sid;
        return typeof sid === 'string' ? sid.toLowerCase() : undefined;
      },
      describe: (sid) => `Trunk ${sid} is listed twice in trunks.`,
      code: 'duplicate-trunk',
      itemField: 'trunk_sid',
    },
    {
      type: 'unique-items',
      list: 'trunks',
      identity: (t) => {
        const trunk = asRecord(t);
        return trunk && trunk.trunk_sid === undefined && typeof trunk.name === 'string' ? trunk.name : undefined;
      },
      describe: (name) => `Two trunks are named ${name}; trunks without trunk_sid are matched by name, so names must be unique.`,
      code: 'duplicate-trunk',
      itemField: 'name',
    },
    {
      type: 'item-needs-key',
      list: 'trunks',
      keys: ['name', 'trunk_sid'],
      code: 'trunk-needs-name',
      message: 'This trunk needs a name (or a trunk_sid) so that Push can match it with the remote trunk instead of creating a new one each time.',
    },
  ],

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.carrierx(account);
      // The group's DIDs by its own filter: one request, not the account's whole listing.
      const [trunkGroup, dids] = await Promise.all([
        client.trunkGroups.fetch(sid, { withTrunks: true, signal }),
        collect(client.dids.list({ trunkGroupSid: sid, pageSize: PAGE_SIZE, signal })),
      ]);
      return { kind: 'CarrierXTrunkGroup', sid, remote: { trunkGroup, trunks: trunkGroup.trunks ?? [], dids } };
    },
    async lookupNew(target, clients, { signal }) {
      const name = target.spec.name;
      if (!name) return { status: 'new', sameName: [] };
      const client = await clients.carrierx(target.account);
      const groups = await client.trunkGroups.findByName(name, { pageSize: PAGE_SIZE, signal });
      return { status: 'new', sameName: groups.map((g) => ({ sid: g.trunk_group_sid, name })) };
    },
    // A new group is looked up by name with a filter: no full listing.
    listsForNew: false,
    async bulk(account, targets, clients, options) {
      const client = await clients.carrierx(account);
      // The account's DIDs listed once (shared with planning) say which group each is on.
      const dids = options.dids ?? new CarrierXDidIndex(client);
      const [all] = await Promise.all([collect(client.trunkGroups.list({ withTrunks: true, pageSize: PAGE_SIZE, signal: options.signal })), dids.load(options.signal)]);
      const onGroup = new Map(await Promise.all(all.map(async (g) => [g.trunk_group_sid, await dids.onGroup(g.trunk_group_sid)] as const)));
      return lookUpAmong(all, targets, {
        sid: (g) => g.trunk_group_sid,
        name: (g) => g.name,
        wantedName: (target) => target.spec.name,
        state: (g) => ({ kind: 'CarrierXTrunkGroup', sid: g.trunk_group_sid, remote: { trunkGroup: g, trunks: g.trunks ?? [], dids: onGroup.get(g.trunk_group_sid) ?? [] } }),
      });
    },
  },

  plan: {
    usesNumberIndex: false,
    usesDidIndex: true,
    async plan(spec, state, sameName, context) {
      const group = planCarrierXGroup(spec, state, sameName, context.references);
      if (!spec.phone_numbers) return group;
      const numbers = await planGroupNumbers(spec.phone_numbers, state, { account: context.account, dids: context.dids, signal: context.signal });
      return { operations: [...group.operations, ...numbers.operations], errors: [...group.errors, ...numbers.errors], warnings: [...group.warnings, ...numbers.warnings] };
    },
  },

  operations: {
    'carrierx.group.create': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      const name = op.fields.name ?? CARRIERX_DEFAULT_NAME;
      const named = async (s: AbortSignal | undefined) => client.trunkGroups.findByName(name, { pageSize: PAGE_SIZE, signal: s });
      const result = await run.createDocumentResource(
        name,
        (g) => g.trunk_group_sid,
        {
          what: `trunk group ${JSON.stringify(name)}`,
          before: async () => new Set((await named(run.signal)).map((g) => g.trunk_group_sid)),
          create: () => {
            // Endpoints this push created before the group: their sids are known now.
            const trunks = op.trunks?.map((t, i) => (op.endpoints?.[i] ? { ...t, endpoint_sid: run.referenced(op.endpoints[i]!) } : t));
            return client.trunkGroups.create({ ...op.fields, ...(trunks ? { trunks } : {}) }, { signal: run.signal });
          },
          find: async (before, s) =>
            newResource(
              'trunk group',
              run.unclaimed(await named(s), (g) => g.trunk_group_sid),
              (g) => g.trunk_group_sid,
              before,
            ),
        },
        name,
      );
      return { sid: result.value.trunk_group_sid, reconciled: result.reconciled };
    },
    'carrierx.group.update': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      await client.trunkGroups.update(run.need(), op.fields, { signal: run.signal });
      return {};
    },
    'carrierx.trunk.create': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      const groupSid = run.need();
      const name = op.fields.name ?? CARRIERX_DEFAULT_NAME;
      const named = async (s: AbortSignal | undefined) => (await collect(client.trunks.list(groupSid, { pageSize: PAGE_SIZE, signal: s }))).filter((t) => t.name === name);
      const result = await run.create({
        what: `trunk ${JSON.stringify(name)}`,
        before: async () => new Set((await named(run.signal)).map((t) => t.trunk_sid)),
        create: () => client.trunks.create(groupSid, op.endpoint ? { ...op.fields, endpoint_sid: run.referenced(op.endpoint) } : op.fields, { signal: run.signal }),
        find: async (before, s) => newResource('trunk', await named(s), (t) => t.trunk_sid, before),
      });
      return { reconciled: result.reconciled };
    },
    'carrierx.trunk.update': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      await client.trunks.update(run.need(), op.trunkSid, op.endpoint ? { ...op.fields, endpoint_sid: run.referenced(op.endpoint) } : op.fields, { signal: run.signal });
      return {};
    },
    'carrierx.trunk.delete': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      return run.gone(() => client.trunks.delete(run.need(), op.trunkSid, { signal: run.signal }));
    },
    // A PATCH of trunk_group_sid sets, it does not add: sent again after a lost answer it changes nothing more.
    'carrierx.did.assign': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      await client.dids.assign(op.didSid, run.need(), { signal: run.signal });
      return {};
    },
    'carrierx.did.unassign': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      await client.dids.assign(op.didSid, null, { signal: run.signal });
      return {};
    },
  },

  operationMeanings: {
    'carrierx.group.create': { sets: 'all', drift: () => undefined },
    'carrierx.group.update': { sets: 'fields', drift: () => 'Changed' },
    'carrierx.trunk.create': { sets: ['trunks'], drift: (op) => `Trunk ${JSON.stringify(op.name ?? '(unnamed)')} removed`, driftWithoutChanges: true },
    'carrierx.trunk.update': { sets: ['trunks'], drift: (op) => `Trunk ${JSON.stringify(op.name ?? op.trunkSid)} changed` },
    'carrierx.trunk.delete': { sets: ['trunks'], drift: (op) => `Trunk ${JSON.stringify(op.name ?? op.trunkSid)} added` },
    'carrierx.did.assign': {
      sets: ['phone_numbers'],
      drift: (op) => (op.move ? `${op.phoneNumber} moved to trunk group ${op.move.fromTrunkSid}` : `${op.phoneNumber} unassigned`),
    },
    'carrierx.did.unassign': { sets: ['phone_numbers'], drift: (op) => `${op.phoneNumber} assigned` },
  },

  render: {
    source: (remote) => trunkGroupSource(remote),
  },

  sync: {
    trackedKeys: ['trunks', 'phone_numbers'],
    // CarrierX has no date_updated.
    dateUpdated: () => null,
    unfetchedKeys: () => [],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.carrierx(account);
      return (await collect(client.trunkGroups.list({ pageSize: PAGE_SIZE, signal }))).map((group) => ({ kind: 'CarrierXTrunkGroup', account, sid: group.trunk_group_sid, spec: {} }));
    },
    target: (account, sid) => ({ kind: 'CarrierXTrunkGroup', account, sid, spec: {} }),
    baseName: (state) => `group-${state.remote.trunkGroup.name ?? state.sid}`,
    omissions: () => [],
  },
};

function trunkGroupSource(remote: RemoteCarrierXTrunkGroup): Record<string, unknown> {
  const trunks = remote.trunks ?? remote.trunkGroup.trunks;
  return {
    ...remote.trunkGroup,
    trunks: trunks ? [...trunks].sort((a, b) => compareText(a.name ?? '', b.name ?? '') || compareText(a.trunk_sid, b.trunk_sid)) : undefined,
    phone_numbers: remote.dids ? remote.dids.map((d) => fromCarrierXNumber(d.phonenumber)).sort(compareText) : undefined,
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
