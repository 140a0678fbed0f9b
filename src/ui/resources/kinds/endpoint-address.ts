import type { AccountConnections } from '../../../core/accounts/account-connections';
import type { Account } from '../../../core/accounts/account';
import type { Endpoint, EndpointAddress, EndpointAddressFields } from '../../../core/providers/carrierx/models';
import { t } from '../../l10n';
import { pickEndpoint } from '../../pickers/pick-endpoint';
import type { ResourceKindDescriptor } from '../resource-kind';
import type { RefOf } from '../resource-ref';
import { assertManagedEndpoint, endpointKind, secretState, type EndpointVia } from './endpoint';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /** `index` is the address's place in the endpoint's `addresses` as read (addresses have no ids). */
    endpointAddress: { endpoint: Endpoint; address: EndpointAddress; index: number; via?: EndpointVia | undefined };
  }
}

/** The id segment of an address below its endpoint: CarrierX gives addresses no ids, so their place stands in. */
export function addressSegment(index: number): string {
  return `address-${index + 1}`;
}

/** "5060 · udp · any": what CarrierX says about where it sends the call, as the API names it. */
export function addressSummary(address: EndpointAddress): string {
  return [address.port, address.transport, address.direction].filter((v) => v !== undefined && v !== null).join(' · ');
}

/** An address entry as it is sent back: every key CarrierX returned, unknown ones too. */
export function addressFields(address: EndpointAddress): EndpointAddressFields {
  return { ...(address as EndpointAddressFields), ip: address.ip ?? '' };
}

const SAME_KEYS = ['ip', 'port', 'transport', 'direction', 'dst_port', 'priority', 'location_sid', 'srtp'] as const;

function sameAddress(a: EndpointAddress, b: EndpointAddress): boolean {
  return SAME_KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/**
 * The endpoint as CarrierX has it now, and where the address shown in the tree is in it.
 * Addresses are written as the endpoint's whole array, so every change starts from a fresh
 * read: an address someone else added meanwhile is kept, and one that changed is not guessed at.
 */
export async function currentAddress(connections: AccountConnections, ref: RefOf<'endpointAddress'>, signal?: AbortSignal): Promise<{ endpoint: Endpoint; index: number }> {
  const client = await connections.carrierx(ref.account);
  const endpoint = await client.endpoints.fetch(ref.endpoint.endpoint_sid, { signal });
  assertManagedEndpoint(endpoint);
  const at = endpoint.addresses[ref.index];
  const index = at && sameAddress(at, ref.address) ? ref.index : endpoint.addresses.findIndex((a) => sameAddress(a, ref.address));
  if (index < 0) {
    throw new Error(t('The address {0} is no longer on "{1}": it was changed elsewhere. Refresh the Trunks view and try again.', ref.address.ip ?? '', endpoint.name || endpoint.endpoint_sid));
  }
  return { endpoint, index };
}

/** Sends the endpoint's addresses with the one at `index` replaced (or removed, for undefined). */
export async function writeAddress(
  connections: AccountConnections,
  account: Account,
  endpoint: Endpoint,
  index: number,
  replacement: EndpointAddressFields | undefined,
  signal?: AbortSignal,
): Promise<Endpoint> {
  const addresses = endpoint.addresses.map(addressFields);
  if (replacement) addresses.splice(index, 1, replacement);
  else addresses.splice(index, 1);
  const client = await connections.carrierx(account);
  return client.endpoints.update(endpoint.endpoint_sid, { addresses }, { signal });
}

/** One SIP address of a CarrierX endpoint: a host or IP, port, transport and direction. */
export const endpointAddressKind: ResourceKindDescriptor<'endpointAddress'> = {
  kind: 'endpointAddress',
  displayName: () => t('endpoint address'),
  provider: 'carrierx',
  sid: (ref) => addressSegment(ref.index),
  label: (ref) => ref.address.ip || t('(no address)'),
  record: (ref) => ref.address,
  change: (ref) => endpointKind.change({ ...ref, kind: 'endpoint' }),
  place: (ref) => {
    const parent = endpointKind.place({ ...ref, kind: 'endpoint' });
    return { folder: parent.folder, sids: [...parent.sids, addressSegment(ref.index)] };
  },
  alsoRefresh: (ref) => endpointKind.alsoRefresh!({ ...ref, kind: 'endpoint' }),
  async pick(ctx, account, title) {
    const endpoint = await pickEndpoint(ctx, account, title, { managedOnly: true });
    const index = await ctx.input.pick(
      endpoint.addresses.map((a, i) => ({ label: a.ip ?? '', description: addressSummary(a), value: i })),
      { title, placeholder: t('Choose an address of "{0}"', endpoint.name || endpoint.endpoint_sid), matchOnDescription: true },
    );
    return { kind: 'endpointAddress', account, endpoint, address: endpoint.addresses[index]!, index };
  },
  rename: { refused: () => t('Addresses have no name: use "Edit Endpoint Address…" to change the host, port or transport.') },
  edit: { refused: () => t('Use "Edit Endpoint Address…" to change the host, port, transport or direction of an address.') },
  delete: {
    consequence: async (_connections, ref) => {
      const name = ref.endpoint.name || ref.endpoint.endpoint_sid;
      return ref.endpoint.addresses.length === 1
        ? t('It is the last address of "{0}": trunks that use it then have nowhere to send calls.', name)
        : t('Trunks that use "{0}" no longer reach {1} through it.', name, ref.address.ip ?? '');
    },
    async remove(connections, ref, signal) {
      const { endpoint, index } = await currentAddress(connections, ref, signal);
      await writeAddress(connections, ref.account, endpoint, index, undefined, signal);
    },
  },
  console: { link: () => ({ kind: 'carrierxTrunk' }), inPalette: false },
  tree: {
    icon: () => 'globe',
    description: (ref) => addressSummary(ref.address),
    tooltip: (ref) => {
      const a = ref.address;
      return {
        title: a.ip || t('(no address)'),
        fields: [
          ['ip', a.ip],
          ['port', a.port],
          ['transport', a.transport],
          ['direction', a.direction],
          ['dst_port', a.dst_port],
          ['priority', a.priority],
          ['srtp', a.srtp],
          ['location_sid', a.location_sid],
          ['sip_username', a.sip_username],
          // A secret: whether there is one, never what it is.
          ['sip_password', secretState(a.sip_password)],
        ],
      };
    },
    contextValue: 'trunkline:endpointAddress.managed.deletable',
    console: false,
    collapsible: 'none',
  },
};
