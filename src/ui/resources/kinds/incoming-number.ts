import type { IncomingPhoneNumber } from '../../../core/providers/twilio/models';
import { t } from '../../l10n';
import { pickIncomingNumber } from '../../pickers/pick-number';
import { named } from '../../tree/markdown-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /** A number of the account's inventory (Account → Phone Numbers); `trunkName` names its `trunk_sid` when known. */
    incomingNumber: { number: IncomingPhoneNumber; trunkName?: string | undefined };
  }
}

/**
 * A Twilio number as the account's inventory lists it, on a trunk or not: assigned, moved and
 * unassigned here, never renamed or deleted (the number is bought and released in the Console).
 */
export const incomingNumberKind: ResourceKindDescriptor<'incomingNumber'> = {
  kind: 'incomingNumber',
  displayName: () => t('phone number'),
  provider: 'twilio',
  sid: (ref) => ref.number.sid,
  label: (ref) => ref.number.phone_number,
  record: (ref) => ref.number,
  // A number not on a trunk belongs to no trunk file: its own sid names nothing a document claims.
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.number.trunk_sid ?? ref.number.sid }),
  place: (ref) => ({ folder: { accountId: ref.account.id, folder: 'numberInventory' }, sids: [ref.number.sid] }),
  async pick(ctx, account, title) {
    return pickIncomingNumber(ctx, account, title);
  },
  rename: { refused: () => t('Rename a phone number in the Twilio Console; Trunkline manages which trunk it is on.') },
  edit: { refused: () => t('Phone numbers cannot be edited here; assign, move or unassign them instead.') },
  delete: { refused: () => t('Phone numbers are released in the Twilio Console; Trunkline only assigns them to trunks.') },
  console: { link: (ref) => ({ kind: 'phoneNumber', sid: ref.number.sid }), inPalette: false },
  tree: {
    icon: (ref) => (ref.number.trunk_sid ? 'call-incoming' : 'circle-slash'),
    description: ({ number: n, trunkName }) => {
      const where = n.trunk_sid ? t('on "{0}"', trunkName ?? n.trunk_sid) : t('not on a trunk');
      return [where, n.type].filter(Boolean).join(' · ');
    },
    tooltip: ({ number: n, trunkName }) => ({
      title: n.phone_number,
      fields: [
        ['sid', n.sid],
        ['friendly_name', n.friendly_name],
        ['type', n.type],
        ['trunk_sid', n.trunk_sid ? named(n.trunk_sid, trunkName) : t('not on a trunk')],
        ['capabilities', n.capabilities],
        ['voice_url', n.voice_url],
        ['voice_method', n.voice_method],
        ['voice_application_sid', n.voice_application_sid],
        ['origin', n.origin],
        ['status', n.status],
        ['date_updated', n.date_updated],
      ],
    }),
    contextValue: 'trunkline:incomingNumber.twilio.assignable',
    console: true,
    collapsible: 'none',
  },
};
