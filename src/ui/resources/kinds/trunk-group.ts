import carrierXSchema from '../../../../schemas/carrierx-trunk-group.schema.json';
import { t } from '../../l10n';
import { pickTrunkGroup } from '../../pickers/pick-trunk';
import { fieldsFromSchema, type SchemaWithDefinitions } from '../editable-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

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
  rename: { key: 'name', maxLength: undefined },
  edit: {
    fields: () => fieldsFromSchema(carrierXSchema as SchemaWithDefinitions, 'spec'),
    async update(connections, ref, fields, signal) {
      const client = await connections.carrierx(ref.account);
      return { ...ref, group: await client.trunkGroups.update(ref.group.trunk_group_sid, fields, { signal }) };
    },
  },
  delete: {
    async consequence(_connections, ref) {
      const count = ref.group.trunks?.length ?? 0;
      return count === 0 ? t('The group has no trunks.') : t('Its {0} trunk(s) are deleted with it.', count);
    },
    async remove(connections, ref, signal) {
      return (await connections.carrierx(ref.account)).trunkGroups.delete(ref.group.trunk_group_sid, { signal });
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
