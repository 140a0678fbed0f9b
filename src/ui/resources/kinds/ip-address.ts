import type { SipIpAccessControlList, SipIpAddress, Trunk, TrunkAuthList } from '../../../core/providers/twilio/models';
import { collect } from '../../../core/providers/page';
import { t } from '../../l10n';
import { pickIpAccessControlList } from '../../pickers/pick-sip-auth-list';
import type { ResourceKindDescriptor } from '../resource-kind';
import { tooltipFieldsOf } from './sip-auth-list-fields';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    ipAddress: { list: SipIpAccessControlList | TrunkAuthList; address: SipIpAddress; via?: Trunk | undefined };
  }
}

/** An address or CIDR block (IP…) in an IP access control list, shown as "203.0.113.0/24". */
export const ipAddressKind: ResourceKindDescriptor<'ipAddress'> = {
  kind: 'ipAddress',
  displayName: () => t('IP address'),
  provider: 'twilio',
  sid: (ref) => ref.address.sid,
  label: (ref) => `${ref.address.ip_address ?? ''}/${ref.address.cidr_prefix_length}`,
  record: (ref) => ref.address,
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.via?.sid ?? ref.list.sid }),
  place: (ref) =>
    ref.via
      ? { folder: { accountId: ref.account.id, folder: 'termination', trunkSid: ref.via.sid }, sids: [ref.list.sid, ref.address.sid] }
      : { folder: { accountId: ref.account.id, folder: 'ipAccessControlLists' }, sids: [ref.list.sid, ref.address.sid] },
  async pick(ctx, account, title) {
    const list = await pickIpAccessControlList(ctx, account, title);
    const client = await ctx.connections.twilio(account);
    const address = await ctx.input.pick(
      collect(client.ipAddresses.list(list.sid, { pageSize: 1000 })).then((all) =>
        all.map((a) => ({ label: `${a.ip_address ?? ''}/${a.cidr_prefix_length}`, description: a.friendly_name ?? undefined, value: a })),
      ),
      { title, placeholder: t('Choose an IP address'), matchOnDescription: true },
    );
    return { kind: 'ipAddress', account, list, address };
  },
  rename: { refused: () => t('Remove the IP address and add it again with another name: Trunkline does not edit addresses in place.') },
  edit: { refused: () => t('Remove the IP address and add the new one: Trunkline does not edit addresses in place.') },
  delete: {
    consequence: async (_connections, ref) => t('Twilio stops accepting calls from {0} on the trunks that link "{1}".', ipAddressKind.label(ref), ref.list.friendly_name || ref.list.sid),
    async remove(connections, ref, signal) {
      return (await connections.twilio(ref.account)).ipAddresses.delete(ref.list.sid, ref.address.sid, { signal });
    },
  },
  console: { link: () => ({ kind: 'ipAccessControlList' }), inPalette: false },
  tree: {
    icon: () => 'globe',
    description: (ref) => ref.address.friendly_name ?? undefined,
    tooltip: (ref) => ({ title: ipAddressKind.label(ref), fields: tooltipFieldsOf(ref.address) }),
    contextValue: 'trunkline:ipAddress.deletable',
    console: false,
    collapsible: 'none',
  },
};
