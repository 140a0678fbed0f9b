import carrierXSchema from '../../../../schemas/carrierx-trunk-group.schema.json';
import type { AccountConnections } from '../../../core/accounts/account-connections';
import { fromCarrierXNumber } from '../../../core/providers/carrierx/carrierx-number';
import { collect } from '../../../core/providers/page';
import { t } from '../../l10n';
import { pickTrunkGroup } from '../../pickers/pick-trunk';
import { fieldsFromSchema, type SchemaWithDefinitions } from '../editable-fields';
import type { ResourceKindDescriptor } from '../resource-kind';
import type { RefOf } from '../resource-ref';
import { refuseUnconfirmed } from '../unconfirmed-dependents-error';

/** A CarrierX trunk group; its trunks arrive with it (listed `with_trunks=true`). */
export const trunkGroupKind: ResourceKindDescriptor<'trunkGroup'> = {
  kind: 'trunkGroup',
  displayName: () => t('trunk group'),
  provider: 'carrierx',
  sid: (ref) => ref.group.trunk_group_sid,
  label: (ref) => ref.group.name || ref.group.trunk_group_sid,
  record: (ref) => ref.group,
  change: (ref) => ({ account: ref.account.name, kind: 'CarrierXTrunkGroup', sid: ref.group.trunk_group_sid }),
  place: (ref) => ({ folder: { accountId: ref.account.id, folder: 'trunkGroups' }, sids: [ref.group.trunk_group_sid] }),
  pick: async (ctx, account, title) => ({ kind: 'trunkGroup', account, group: await pickTrunkGroup(ctx, account, title) }),
  rename: {
    key: 'name',
    maxLength: undefined,
    // As Create Trunk Group refuses it: two groups of one name are told apart only by sid.
    async taken(connections, ref, name, signal) {
      const same = (await (await connections.carrierx(ref.account)).trunkGroups.findByName(name, { pageSize: 1000, signal })).find((g) => g.trunk_group_sid !== ref.group.trunk_group_sid);
      return same ? t('This account already has a trunk group named "{0}" ({1}): choose another name.', name, same.trunk_group_sid) : undefined;
    },
  },
  edit: {
    fields: () => fieldsFromSchema(carrierXSchema as SchemaWithDefinitions, 'spec'),
    async update(connections, ref, fields, signal) {
      const client = await connections.carrierx(ref.account);
      return { ...ref, group: await client.trunkGroups.update(ref.group.trunk_group_sid, fields, { signal }) };
    },
  },
  delete: {
    // Read afresh, not from the tree's row: its trunks go with it, and CarrierX leaves its
    // numbers assigned to no group (api facts X4), which the confirmation names.
    async consequence(connections, ref) {
      const { trunks, dids } = await dependentsOf(connections, ref);
      const parts = [trunks.length === 0 ? t('The group has no trunks.') : t('Its {0} trunk(s) are deleted with it.', trunks.length)];
      if (dids.length > 0) {
        const list = dids.slice(0, 5).map((d) => fromCarrierXNumber(d.phonenumber)).join(', ');
        parts.push(t('Its {0} phone number(s) are left assigned to no trunk group: {1}{2}; calls to them will no longer reach this group.', dids.length, list, dids.length > 5 ? '…' : ''));
      }
      return { text: parts.join(' '), dependents: [...trunks.map((tr) => tr.trunk_sid), ...dids.map((d) => d.did_sid)] };
    },
    async remove(connections, ref, signal, confirmed) {
      const client = await connections.carrierx(ref.account);
      if (confirmed) {
        // A trunk added or a number assigned after the confirmation does not go unnamed.
        const { trunks, dids } = await dependentsOf(connections, ref, signal);
        refuseUnconfirmed(dids, confirmed, (d) => d.did_sid, (d) => fromCarrierXNumber(d.phonenumber), (names) =>
          t('These numbers were assigned to it after you confirmed, and would be left assigned to no trunk group: {0}.', names),
        );
        refuseUnconfirmed(trunks, confirmed, (tr) => tr.trunk_sid, (tr) => `"${tr.name || tr.trunk_sid}"`, (names) =>
          t('These trunks were added to it after you confirmed, and would be deleted with it: {0}.', names),
        );
      }
      return client.trunkGroups.delete(ref.group.trunk_group_sid, { signal });
    },
  },
  console: { link: () => ({ kind: 'trunkGroup' }), inPalette: true },
  tree: {
    icon: () => 'layers',
    description: ({ group: g }) => {
      const trunks = g.trunks?.length ?? 0;
      return `${g.routing_type ?? ''} · ${trunks === 1 ? t('1 trunk') : t('{0} trunks', trunks)}`;
    },
    tooltip: ({ group: g }) => ({
      title: g.name || g.trunk_group_sid,
      fields: [
        ['trunk_group_sid', g.trunk_group_sid],
        ['routing_type', g.routing_type],
        ['hard_failure_codes', g.hard_failure_codes],
        ['hard_failure_threshold', g.hard_failure_threshold],
        ['hard_failure_interval', g.hard_failure_interval],
        ['hard_failure_cooldown', g.hard_failure_cooldown],
        ['hard_failure_last_resort', g.hard_failure_last_resort],
        ['soft_failure_codes', g.soft_failure_codes],
        ['sip_options_threshold', g.sip_options_threshold],
        ['acls', g.acls.length > 0 ? t('{0} ACLs', g.acls.length) : undefined],
        ['partner_sid', g.partner_sid],
      ],
    }),
    contextValue: 'trunkline:trunkGroup.carrierx.editable.deletable.exportable.creatable',
    console: false,
    collapsible: 'collapsed',
  },
};

async function dependentsOf(connections: AccountConnections, ref: RefOf<'trunkGroup'>, signal?: AbortSignal) {
  const client = await connections.carrierx(ref.account);
  const sid = ref.group.trunk_group_sid;
  const [group, dids] = await Promise.all([client.trunkGroups.fetch(sid, { withTrunks: true, signal }), collect(client.dids.list({ trunkGroupSid: sid, pageSize: 1000, signal }))]);
  return { trunks: group.trunks ?? [], dids };
}
