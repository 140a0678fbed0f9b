import { fromCarrierXNumber } from '../../../core/providers/carrierx/carrierx-number';
import type { Did } from '../../../core/providers/carrierx/models';
import { t } from '../../l10n';
import { pickDid } from '../../pickers/pick-number';
import { named } from '../../tree/markdown-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /**
     * A CarrierX phone number (DID): below the account's Phone Numbers, or below its trunk group
     * (`inGroup`, a node of its own id); `groupName` names its `trunk_group_sid` when known.
     */
    did: { did: Did; groupName?: string | undefined; inGroup?: boolean | undefined };
  }
}

/** A CarrierX DID: it takes calls once assigned to a trunk group. Rented and released in the portal. */
export const didKind: ResourceKindDescriptor<'did'> = {
  kind: 'did',
  displayName: () => t('phone number'),
  provider: 'carrierx',
  sid: (ref) => ref.did.did_sid,
  label: (ref) => fromCarrierXNumber(ref.did.phonenumber),
  record: (ref) => ref.did,
  change: (ref) => ({ account: ref.account.name, kind: 'CarrierXTrunkGroup', sid: ref.did.trunk_group_sid ?? ref.did.did_sid }),
  place: (ref) =>
    ref.inGroup && ref.did.trunk_group_sid
      ? { folder: { accountId: ref.account.id, folder: 'groupDids', trunkGroupSid: ref.did.trunk_group_sid }, sids: [ref.did.did_sid] }
      : { folder: { accountId: ref.account.id, folder: 'dids' }, sids: [ref.did.did_sid] },
  async pick(ctx, account, title) {
    return pickDid(ctx, account, title);
  },
  rename: { refused: () => t('Trunkline manages which trunk group a CarrierX number is assigned to; rename it in the CarrierX portal.') },
  edit: { refused: () => t('Phone numbers cannot be edited here; assign, move or unassign them instead.') },
  delete: { refused: () => t('CarrierX numbers are released in the CarrierX portal; Trunkline only assigns them to trunk groups.') },
  console: { link: () => ({ kind: 'trunkGroup' }), inPalette: false },
  tree: {
    icon: (ref) => (ref.did.trunk_group_sid ? 'call-incoming' : 'circle-slash'),
    description: ({ did, groupName, inGroup }) => {
      if (inGroup) return did.name && did.name !== 'N/A' ? did.name : undefined;
      return did.trunk_group_sid ? t('on "{0}"', groupName ?? did.trunk_group_sid) : t('unassigned');
    },
    tooltip: ({ did, groupName }) => ({
      title: fromCarrierXNumber(did.phonenumber),
      fields: [
        ['did_sid', did.did_sid],
        ['phonenumber', did.phonenumber],
        ['trunk_group_sid', did.trunk_group_sid ? named(did.trunk_group_sid, groupName) : t('unassigned')],
        ['name', did.name],
        ['capabilities', did.capabilities],
        ['active_capabilities', did.active_capabilities],
        ['country_code', did.country_code],
        ['locality', did.locality],
        ['state', did.state],
        ['status', did.status],
      ],
    }),
    contextValue: 'trunkline:did.carrierx.assignable',
    console: false,
    collapsible: 'none',
  },
};
