import type { SipIpAccessControlList, Trunk, TrunkAuthList } from '../../../core/providers/twilio/models';
import { IP_ACCESS_CONTROL_LIST_NAME_MAX } from '../../../core/providers/twilio/sip-auth-rules';
import { trunksLinkingList } from '../../../core/providers/twilio/trunks-linking-list';
import { t } from '../../l10n';
import { pickIpAccessControlList } from '../../pickers/pick-sip-auth-list';
import type { ResourceKindDescriptor } from '../resource-kind';
import { sipAuthListNameField, tooltipFieldsOf } from './sip-auth-list-fields';

declare module '../resource-ref' {
  interface ResourceRefByKind {
    /** Below a trunk's Termination (`via`), `list` is the link's record, which carries the trunk's sid. */
    ipAccessControlList: { list: SipIpAccessControlList | TrunkAuthList; via?: Trunk | undefined };
  }
}

/**
 * An account's IP access control list (AL…): the addresses Twilio accepts calls from on the
 * trunks that link it. Shown below its account and below each trunk's Termination.
 */
export const ipAccessControlListKind: ResourceKindDescriptor<'ipAccessControlList'> = {
  kind: 'ipAccessControlList',
  displayName: () => t('IP access control list'),
  provider: 'twilio',
  sid: (ref) => ref.list.sid,
  label: (ref) => ref.list.friendly_name || ref.list.sid,
  record: (ref) => ref.list,
  // No trunk-file kind describes these lists yet (issue 14, trunk files), and ResourceChange
  // takes only trunk-file kinds: a change below a trunk is its trunk's, one at the account is
  // announced with the list's sid, which no document has.
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioTrunk', sid: ref.via?.sid ?? ref.list.sid }),
  place: (ref) =>
    ref.via
      ? { folder: { accountId: ref.account.id, folder: 'termination', trunkSid: ref.via.sid }, sids: [ref.list.sid] }
      : { folder: { accountId: ref.account.id, folder: 'ipAccessControlLists' }, sids: [ref.list.sid] },
  async pick(ctx, account, title) {
    return { kind: 'ipAccessControlList', account, list: await pickIpAccessControlList(ctx, account, title) };
  },
  rename: { key: 'friendly_name', maxLength: IP_ACCESS_CONTROL_LIST_NAME_MAX },
  edit: {
    fields: () => sipAuthListNameField(IP_ACCESS_CONTROL_LIST_NAME_MAX),
    async update(connections, ref, fields, signal) {
      const client = await connections.twilio(ref.account);
      const list: SipIpAccessControlList = await client.ipAccessControlLists.update(ref.list.sid, String(fields['friendly_name']), { signal });
      return { kind: 'ipAccessControlList', account: ref.account, list };
    },
  },
  delete: {
    async consequence(connections, ref) {
      const trunks = await trunksLinkingList(await connections.twilio(ref.account), 'ipAccessControlList', ref.list.sid);
      if (trunks.length === 0) return '';
      return t('These trunks use it and are unlinked from it first: {0}.', trunks.map((tr) => `"${tr.friendly_name || tr.sid}"`).join(', '));
    },
    async remove(connections, ref, signal) {
      const client = await connections.twilio(ref.account);
      // Twilio refuses to delete a list a trunk still links (the emulator is as strict).
      for (const trunk of await trunksLinkingList(client, 'ipAccessControlList', ref.list.sid, signal)) {
        await client.trunkIpAccessControlLists.remove(trunk.sid, ref.list.sid, { signal });
      }
      await client.ipAccessControlLists.delete(ref.list.sid, { signal });
    },
  },
  console: { link: () => ({ kind: 'ipAccessControlList' }), inPalette: true },
  tree: {
    icon: () => 'shield',
    description: (ref) => (ref.via ? t('linked') : undefined),
    tooltip: (ref) => ({ title: ref.list.friendly_name || ref.list.sid, fields: tooltipFieldsOf(ref.list) }),
    contextValue: 'trunkline:ipAccessControlList.editable.deletable',
    console: true,
    collapsible: 'collapsed',
  },
};
