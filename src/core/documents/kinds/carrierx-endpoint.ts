import { collect } from '../../providers/page';
import { CARRIERX_SID_PATTERN, ENDPOINT_READ_ONLY_FIELDS, THIRD_PARTY_ENDPOINT_TYPE } from '../../providers/carrierx/field-names';
import type { Endpoint, EndpointAddress, EndpointFields } from '../../providers/carrierx/models';
import type { CarrierXClient } from '../../providers/carrierx/carrierx-client';
import { newResource } from '../apply/reconcile-create';
import type { OperationRun } from '../apply/operation-run';
import { KIND_SCHEMAS, SCHEMA_FILE_BY_KIND } from '../file/trunk-schemas';
import type { CarrierXEndpointSpec } from '../file/trunk-specs';
import { lookUpAmong } from '../plan/look-up-among';
import { addressKey, ENDPOINT_SPEC_FIELDS, planCarrierXEndpoint } from '../plan/plan-carrierx-endpoint';
import type { AddressPassword, CarrierXEndpointOperation } from '../plan/plan-operations';
import { compareText } from '../render/compare-text';
import type { DocumentKindDescriptor } from './document-kind-descriptor';
import type { KindTypes } from './document-kind-types';

// A CarrierX third_party endpoint with its addresses: where the trunks that name it send calls.
// Its name is not unique: a document without sid is created, same-named endpoints warned about.
// Addresses have no ids: they are matched by host and port, and sent whole. Its SIP passwords
// (out_sip_password, each address's sip_password) are never in a file, a plan or the sync state:
// the rendered spec has no key for them, and a push gets them from the caller (SecretRequest).

declare module './document-kind-types' {
  interface DocumentKindTypes {
    CarrierXEndpoint: KindTypes<CarrierXEndpointSpec, Endpoint, { remote: Endpoint }, CarrierXEndpointOperation>;
  }
}

const PAGE_SIZE = 1000;
const CARRIERX_DEFAULT_NAME = 'N/A';

export const carrierXEndpointKind: DocumentKindDescriptor<'CarrierXEndpoint'> = {
  kind: 'CarrierXEndpoint',
  provider: 'carrierx',
  title: 'CarrierX endpoint',
  label: 'CarrierX Endpoint (third party)',
  noun: 'endpoint',
  examples: {
    naming: { name: 'My PBX', label: 'my-pbx' },
    starter: (n) => `  name: ${n.name}\n  addresses:\n    - { ip: ${n.label}.example.com, port: 5060, transport: udp }\n`,
    full: {
      name: 'kinds-endpoint',
      capacity: 10,
      addresses: [
        { ip: '192.0.2.10', port: 5060, transport: 'udp', direction: 'any', dst_port: 5060, priority: 0, srtp: false },
        { ip: 'pbx.example.com', port: 5061, transport: 'tls', srtp: true },
      ],
    },
  },
  schema: KIND_SCHEMAS.CarrierXEndpoint,
  schemaFile: SCHEMA_FILE_BY_KIND.CarrierXEndpoint,

  identity: {
    sidPattern: CARRIERX_SID_PATTERN,
    sidOf: (remote) => remote.endpoint_sid,
    nameOf: (values) => values.name,
  },

  fields: {
    writable: ENDPOINT_SPEC_FIELDS,
    subResources: ['addresses'],
    exactSets: ['addresses'],
    readOnlyShown: [],
    responseOnly: { spec: new Set(ENDPOINT_READ_ONLY_FIELDS) },
  },

  claims: [],
  rules: [
    {
      type: 'unique-items',
      list: 'addresses',
      identity: (a) => {
        const address = a && typeof a === 'object' && !Array.isArray(a) ? (a as { ip?: unknown; port?: unknown }) : undefined;
        return typeof address?.ip === 'string' ? addressKey({ ip: address.ip, port: typeof address.port === 'number' ? address.port : undefined }) : undefined;
      },
      describe: (key) => `Address ${key} is listed twice; addresses are matched by ip and port, so each must be unique.`,
      code: 'duplicate-address',
      itemField: 'ip',
    },
  ],
  // Trunks of CarrierXTrunkGroup documents name their endpoint (endpoint).
  referable: {
    async list(account, clients, signal) {
      const client = await clients.carrierx(account);
      const endpoints = await collect(client.endpoints.list({ pageSize: PAGE_SIZE, signal }));
      return endpoints.filter((e) => e.type === THIRD_PARTY_ENDPOINT_TYPE).map((e) => ({ sid: e.endpoint_sid, name: e.name }));
    },
    summary: (values) =>
      Array.isArray(values.addresses)
        ? values.addresses.map((a: Record<string, unknown>) => `${String(a.ip)}:${String(a.port ?? 5060)} ${String(a.transport ?? 'udp')}${a.direction && a.direction !== 'any' ? ` (${String(a.direction)})` : ''}`)
        : [],
  },

  fetch: {
    async bySid(account, sid, clients, { signal }) {
      const client = await clients.carrierx(account);
      return { kind: 'CarrierXEndpoint', sid, remote: await client.endpoints.fetch(sid, { signal }) };
    },
    async lookupNew(target, clients, { signal }) {
      const name = target.spec.name;
      if (!name) return { status: 'new', sameName: [] };
      const client = await clients.carrierx(target.account);
      return { status: 'new', sameName: (await endpointsNamed(client, name, signal)).map((e) => ({ sid: e.endpoint_sid, name })) };
    },
    // Looking up a new endpoint by name lists them all anyway.
    listsForNew: true,
    async bulk(account, targets, clients, options) {
      const client = await clients.carrierx(account);
      const all = await collect(client.endpoints.list({ pageSize: PAGE_SIZE, signal: options.signal }));
      return lookUpAmong(all, targets, {
        sid: (e) => e.endpoint_sid,
        name: (e) => (e.type === THIRD_PARTY_ENDPOINT_TYPE ? e.name : null),
        wantedName: (target) => target.spec.name,
        state: (e) => ({ kind: 'CarrierXEndpoint', sid: e.endpoint_sid, remote: e }),
      });
    },
  },

  plan: {
    usesNumberIndex: false,
    plan: (spec, state, sameName, context) => planCarrierXEndpoint(spec, state, sameName, context.account),
  },

  operations: {
    'carrierx.endpoint.create': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      const name = op.fields.name ?? CARRIERX_DEFAULT_NAME;
      const fields = withPasswords(op.fields, op.outPassword, op.addressPasswords, undefined, run);
      const result = await run.createDocumentResource(
        name,
        (e: Endpoint) => e.endpoint_sid,
        {
          what: `endpoint ${JSON.stringify(name)}`,
          before: async () => new Set((await endpointsNamed(client, name, run.signal)).map((e) => e.endpoint_sid)),
          create: () => client.endpoints.create(fields, { signal: run.signal }),
          find: async (before, s) => newResource('endpoint', run.unclaimed(await endpointsNamed(client, name, s), (e) => e.endpoint_sid), (e) => e.endpoint_sid, before),
        },
        name,
      );
      return { sid: result.value.endpoint_sid, reconciled: result.reconciled };
    },
    'carrierx.endpoint.update': async (op, run) => {
      const client = await run.clients.carrierx(run.account);
      const sid = run.need();
      // The passwords kept are read now, never taken from the plan (which holds none).
      const current = op.addressPasswords?.includes('keep') ? await client.endpoints.fetch(sid, { signal: run.signal }) : undefined;
      await client.endpoints.update(sid, withPasswords(op.fields, op.outPassword, op.addressPasswords, current, run), { signal: run.signal });
      return {};
    },
  },

  operationMeanings: {
    'carrierx.endpoint.create': { sets: 'all', drift: () => undefined },
    'carrierx.endpoint.update': { sets: 'fields', drift: () => 'Changed' },
  },

  render: {
    // The schema has no key for a password: neither is ever rendered, fingerprinted or shown.
    source: (remote) => ({
      ...remote,
      addresses: [...remote.addresses].sort((a, b) => compareText(addressKey(a), addressKey(b))),
    }),
  },

  sync: {
    trackedKeys: ['addresses'],
    // CarrierX has no date_updated.
    dateUpdated: () => null,
    unfetchedKeys: () => [],
  },

  export: {
    async targets(account, clients, signal) {
      const client = await clients.carrierx(account);
      const endpoints = await collect(client.endpoints.list({ pageSize: PAGE_SIZE, signal, filter: `type eq "${THIRD_PARTY_ENDPOINT_TYPE}"` }));
      return endpoints.filter((e) => e.type === THIRD_PARTY_ENDPOINT_TYPE).map((e) => carrierXEndpointKind.export.target(account, e.endpoint_sid));
    },
    target: (account, sid) => ({ kind: 'CarrierXEndpoint', account, sid, spec: {} }),
    baseName: (state) => `endpoint-${state.remote.name ?? state.sid}`,
    omissions: () => [],
  },
};

async function endpointsNamed(client: CarrierXClient, name: string, signal: AbortSignal | undefined): Promise<Endpoint[]> {
  return (await collect(client.endpoints.list({ pageSize: PAGE_SIZE, signal }))).filter((e) => e.type === THIRD_PARTY_ENDPOINT_TYPE && e.name === name);
}

/** The request's attributes with the passwords the operation names: the caller's secrets, or those CarrierX has now (`current`). */
function withPasswords(
  fields: EndpointFields,
  outPassword: CarrierXEndpointOperation['outPassword'],
  addressPasswords: readonly AddressPassword[] | undefined,
  current: Endpoint | undefined,
  run: OperationRun,
): EndpointFields {
  const out: EndpointFields = { ...fields };
  if (outPassword !== undefined) out.out_sip_password = outPassword === null ? null : run.secret(outPassword);
  if (fields.addresses && addressPasswords) {
    out.addresses = fields.addresses.map((address, i) => {
      const password = addressPasswords[i] ?? null;
      if (password === null) return { ...address, sip_password: null };
      if (password !== 'keep') return { ...address, sip_password: run.secret(password) };
      const now = current?.addresses.find((a: EndpointAddress) => addressKey(a) === addressKey(address) && a.sip_username === address.sip_username);
      if (!now?.sip_password) {
        throw new Error(`The SIP password of address ${addressKey(address)} changed at CarrierX after the plan was made, so it cannot be kept; nothing was sent. Push again.`);
      }
      return { ...address, sip_password: now.sip_password };
    });
  }
  return out;
}
