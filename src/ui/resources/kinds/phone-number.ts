import { collect } from '../../../core/providers/page';
import { t } from '../../l10n';
import { pickTrunk } from '../../pickers/pick-trunk';
import { named } from '../../tree/markdown-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

/** A Twilio number attached to a trunk: attached and detached, never renamed, edited or deleted here. */
export const phoneNumberKind: ResourceKindDescriptor<'phoneNumber'> = {
  kind: 'phoneNumber',
  displayName: () => t('phone number'),
  provider: 'twilio',
  sid: (ref) => ref.number.sid,
  label: (ref) => ref.number.phone_number ?? ref.number.sid,
  record: (ref) => ref.number,
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.trunk.sid }),
  place: (ref) => ({ folder: { accountId: ref.account.id, folder: 'phoneNumbers', trunkSid: ref.trunk.sid }, sids: [ref.number.sid] }),
  async pick(ctx, account, title) {
    const trunk = await pickTrunk(ctx, account, title);
    const client = await ctx.connections.twilio(account);
    const number = await ctx.input.pick(
      collect(client.trunkPhoneNumbers.list(trunk.sid)).then((list) =>
        list.map((n) => ({ label: n.phone_number ?? n.sid, description: n.friendly_name ?? undefined, value: n })),
      ),
      { title, placeholder: t('Choose a phone number'), matchOnDescription: true },
    );
    return { kind: 'phoneNumber', account, trunk, number };
  },
  rename: { refused: () => t('Rename a phone number in the Twilio Console; Trunkline manages which trunk it is on.') },
  edit: { refused: () => t('Phone numbers on a trunk cannot be edited here; detach or attach them instead.') },
  delete: { refused: () => t('Phone numbers are detached from a trunk, not deleted: use "Detach Numbers".') },
  console: { link: (ref) => ({ kind: 'phoneNumber', sid: ref.number.sid }), inPalette: true },
  tree: {
    icon: () => 'call-incoming',
    description: ({ number: n }) => (n.friendly_name && n.friendly_name !== n.phone_number ? n.friendly_name : undefined),
    tooltip: ({ number: n, trunk }) => ({
      title: n.phone_number ?? n.sid,
      fields: [
        ['sid', n.sid],
        ['friendly_name', n.friendly_name],
        ['trunk_sid', named(n.trunk_sid, n.trunk_sid === trunk.sid ? trunk.friendly_name : undefined)],
        ['capabilities', n.capabilities],
        ['voice_url', n.voice_url],
        ['voice_method', n.voice_method],
        ['voice_application_sid', n.voice_application_sid],
        ['status_callback', n.status_callback],
        ['address_requirements', n.address_requirements],
        ['date_updated', n.date_updated],
      ],
    }),
    contextValue: 'trunkline:phoneNumber.twilio.detachable',
    console: true,
    collapsible: 'none',
  },
};
