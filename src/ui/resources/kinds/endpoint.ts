import type { AccountConnections } from '../../../core/accounts/account-connections';
import { errorLine } from '../../../core/http/provider-error';
import { endpointsNamed } from '../../../core/providers/carrierx/endpoints-named';
import type { CarrierXTrunk, Endpoint, TrunkGroup } from '../../../core/providers/carrierx/models';
import { trunksUsingEndpoint } from '../../../core/providers/carrierx/trunks-using-endpoint';
import { t } from '../../l10n';
import { pickEndpoint } from '../../pickers/pick-endpoint';
import type { ResourceChange } from '../../resource-change-bus';
import type { FieldDescriptor } from '../editable-fields';
import { PartlyDoneError } from '../partly-done-error';
import { refuseUnconfirmed } from '../unconfirmed-dependents-error';
import type { ResourceKindDescriptor } from '../resource-kind';
import type { RefOf } from '../resource-ref';

/** models' SYSTEM_GATEWAY_TYPE, spelled here: the explorer loads without the zod models (see ARCHITECTURE.md, Bundles). */
const SYSTEM_GATEWAY_TYPE = 'system_gateway';

/** The trunk an endpoint is shown under (Trunk Groups → group → trunk → its endpoint). */
export interface EndpointVia {
  group: TrunkGroup;
  trunk: CarrierXTrunk;
}

declare module '../resource-ref' {
  interface ResourceRefByKind {
    endpoint: { endpoint: Endpoint; via?: EndpointVia | undefined };
  }
}

/** Whether a partner manages this endpoint: `third_party` ones; hosted and System Gateway ones are shown read-only (facts §6). */
export function isManagedEndpoint(endpoint: Endpoint): boolean {
  return endpoint.type === 'third_party';
}

/** A secret's value as the tree may show it. */
export function secretState(value: string | null | undefined): string {
  return typeof value === 'string' && value !== '' ? t('set') : t('not set');
}

/** Refuses a write to an endpoint the partner does not manage, before any request. */
export function assertManagedEndpoint(endpoint: Endpoint): void {
  if (isManagedEndpoint(endpoint)) return;
  throw new Error(
    endpoint.type === SYSTEM_GATEWAY_TYPE
      ? t('"{0}" is CarrierX\'s own System Gateway: it cannot be changed. Allow its addresses in your firewall.', endpoint.name || endpoint.endpoint_sid)
      : t('"{0}" is a {1} endpoint, which CarrierX runs for you: Trunkline changes only third_party endpoints.', endpoint.name || endpoint.endpoint_sid, endpoint.type),
  );
}

const CHANGEABLE_FIELDS = (): FieldDescriptor[] => [
  { key: 'name', description: t('The name of the endpoint.'), type: 'string', nullable: false },
  { key: 'capacity', description: t('The most simultaneous calls CarrierX sends to the endpoint (0: no limit).'), type: 'integer', nullable: false, minimum: 0 },
];

/**
 * A CarrierX endpoint: where a trunk sends calls. Shown below the account's Endpoints and below
 * each CarrierX trunk that uses it (`via`). Its SIP password is shown only as set / not set.
 */
export const endpointKind: ResourceKindDescriptor<'endpoint'> = {
  kind: 'endpoint',
  displayName: () => t('endpoint'),
  provider: 'carrierx',
  sid: (ref) => ref.endpoint.endpoint_sid,
  label: (ref) => ref.endpoint.name || ref.endpoint.endpoint_sid,
  record: (ref) => ref.endpoint,
  change: (ref) => endpointChange(ref),
  place: (ref) =>
    ref.via
      ? { folder: { accountId: ref.account.id, folder: 'trunkGroups' }, sids: [ref.via.group.trunk_group_sid, ref.via.trunk.trunk_sid, ref.endpoint.endpoint_sid] }
      : { folder: { accountId: ref.account.id, folder: 'endpoints' }, sids: [ref.endpoint.endpoint_sid] },
  // Below the account's Endpoints and below each trunk that uses it.
  alsoRefresh: (ref) => [{ accountId: ref.account.id, folder: ref.via ? 'endpoints' : 'trunkGroups' }],
  async pick(ctx, account, title) {
    return { kind: 'endpoint', account, endpoint: await pickEndpoint(ctx, account, title, { managedOnly: true }) };
  },
  rename: {
    key: 'name',
    maxLength: undefined,
    // As Create refuses it: trunk files name endpoints, and two of a name would be ambiguous.
    async taken(connections, ref, name, signal) {
      const same = await endpointsNamed(await connections.carrierx(ref.account), name.trim(), signal);
      return same.some((e) => e.endpoint_sid !== ref.endpoint.endpoint_sid) ? t('The account already has an endpoint named "{0}".', name.trim()) : undefined;
    },
  },
  edit: {
    fields: CHANGEABLE_FIELDS,
    async update(connections, ref, fields, signal) {
      assertManagedEndpoint(ref.endpoint);
      const client = await connections.carrierx(ref.account);
      return { ...ref, endpoint: await client.endpoints.update(ref.endpoint.endpoint_sid, fields, { signal }) };
    },
  },
  delete: {
    async consequence(connections, ref) {
      const users = await trunksUsingEndpoint(await connections.carrierx(ref.account), ref.endpoint.endpoint_sid);
      if (users.length === 0) return { text: '', dependents: [] };
      return {
        text: t('These trunks send calls to it and are left with no endpoint first: {0}.', users.map((u) => `"${u.trunk.name || u.trunk.trunk_sid}" (${u.group.name || u.group.trunk_group_sid})`).join(', ')),
        dependents: users.map((u) => u.trunk.trunk_sid),
      };
    },
    async remove(connections, ref, signal, confirmed) {
      assertManagedEndpoint(ref.endpoint);
      return removeEndpoint(connections, ref, signal, confirmed);
    },
  },
  console: { link: () => ({ kind: 'carrierxTrunk' }), inPalette: false },
  tree: {
    icon: (ref) => (isManagedEndpoint(ref.endpoint) ? 'plug' : 'lock'),
    description: (ref) => {
      const e = ref.endpoint;
      const count = e.addresses.length === 1 ? t('1 address') : t('{0} addresses', e.addresses.length);
      if (e.type === SYSTEM_GATEWAY_TYPE) return t('CarrierX\'s switches: allow these addresses in your firewall');
      return isManagedEndpoint(e) ? count : `${e.type} · ${count}`;
    },
    tooltip: (ref) => {
      const e = ref.endpoint;
      return {
        title: e.name || e.endpoint_sid,
        fields: [
          ['endpoint_sid', e.endpoint_sid],
          ['type', e.type],
          ['capacity', e.capacity === 0 ? t('no limit') : e.capacity],
          ['cps_limit', e.cps_limit],
          ['out_sip_username', e.out_sip_username],
          // Secrets: whether there is one, never what it is (CarrierX returns them in clear).
          ['out_sip_password', secretState(e.out_sip_password)],
          ['voip_token', e.voip_token === undefined ? undefined : secretState(e.voip_token)],
          ['addresses', e.addresses.length],
          ['transformations', e.transformations.length > 0 ? e.transformations.length : undefined],
        ],
      };
    },
    contextValue: 'trunkline:endpoint.managed.editable.deletable',
    console: false,
    collapsible: 'collapsed',
  },
};

/**
 * A change to an endpoint is announced for the trunk group it was reached through (that file's
 * readiness reads the endpoint's addresses), else for the endpoint's own file.
 */
function endpointChange(ref: RefOf<'endpoint'>): ResourceChange {
  return ref.via
    ? { account: ref.account.name, kind: 'CarrierXTrunkGroup', sid: ref.via.group.trunk_group_sid }
    : { account: ref.account.name, kind: 'CarrierXEndpoint', sid: ref.endpoint.endpoint_sid };
}

/** Leaves the trunks that use the endpoint with none (CarrierX refuses to delete an endpoint in use), then deletes it. */
async function removeEndpoint(connections: AccountConnections, ref: RefOf<'endpoint'>, signal?: AbortSignal, confirmed?: ReadonlySet<string>): Promise<ResourceChange[]> {
  const client = await connections.carrierx(ref.account);
  const users = await trunksUsingEndpoint(client, ref.endpoint.endpoint_sid, signal);
  // A trunk a colleague set on the endpoint after the confirmation is not left without one unnamed.
  refuseUnconfirmed(users, confirmed, (u) => u.trunk.trunk_sid, (u) => `"${u.trunk.name || u.trunk.trunk_sid}" (${u.group.name || u.group.trunk_group_sid})`, (names) =>
    t('These trunks started sending calls to it after you confirmed, and would be left with no endpoint too: {0}.', names),
  );
  const changes: ResourceChange[] = [];
  const detached: typeof users = [];
  try {
    for (const user of users) {
      await client.trunks.update(user.group.trunk_group_sid, user.trunk.trunk_sid, { endpoint_sid: null }, { signal });
      detached.push(user);
      changes.push({ account: ref.account.name, kind: 'CarrierXTrunkGroup', sid: user.group.trunk_group_sid });
    }
    await client.endpoints.delete(ref.endpoint.endpoint_sid, { signal });
  } catch (e) {
    if (changes.length === 0) throw e;
    // Never half-applied without saying so: the trunks already detached, and those that still
    // send calls to the endpoint when a detach in between failed.
    const why = errorLine(e);
    const names = (list: typeof users) => list.map((u) => `"${u.trunk.name || u.trunk.trunk_sid}"`).join(', ');
    const left = users.filter((u) => !detached.includes(u));
    throw new PartlyDoneError(
      `${t('These trunks were left with no endpoint, but deleting "{0}" failed: {1}. Set their endpoint again with "Set Endpoint…", or delete it again. Trunks: {2}', endpointKind.label(ref), why, names(detached))}${
        left.length > 0 ? ` ${t('These still send calls to it: {0}.', names(left))}` : ''
      }`,
      changes,
      { cause: e },
    );
  }
  return changes;
}
