import carrierXSchema from '../../../../schemas/carrierx-trunk-group.schema.json';
import { t } from '../../l10n';
import { pickTrunkGroup } from '../../pickers/pick-trunk';
import { fieldsFromSchema, type SchemaWithDefinitions } from '../editable-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

/** A trunk of a CarrierX trunk group; a change to it is a change to its group's file. */
export const carrierxTrunkKind: ResourceKindDescriptor<'carrierxTrunk'> = {
  kind: 'carrierxTrunk',
  displayName: () => t('CarrierX trunk'),
  provider: 'carrierx',
  sid: (ref) => ref.trunk.trunk_sid,
  label: (ref) => ref.trunk.name || ref.trunk.trunk_sid,
  record: (ref) => ref.trunk,
  change: (ref) => ({ account: ref.account.name, kind: 'CarrierXTrunkGroup', sid: ref.group.trunk_group_sid }),
  // Listed with its group: the groups' folder is what reloads.
  place: (ref) => ({ folder: { accountId: ref.account.id, folder: 'trunkGroups' }, sids: [ref.group.trunk_group_sid, ref.trunk.trunk_sid] }),
  async pick(ctx, account, title) {
    const group = await pickTrunkGroup(ctx, account, title);
    const trunk = await ctx.input.pick(
      (group.trunks ?? []).map((tr) => ({ label: tr.name || tr.trunk_sid, description: tr.call_type ?? undefined, value: tr })),
      { title, placeholder: t('Choose a trunk') },
    );
    return { kind: 'carrierxTrunk', account, group, trunk };
  },
  rename: { key: 'name', maxLength: undefined },
  edit: {
    fields: () => fieldsFromSchema(carrierXSchema as SchemaWithDefinitions, 'trunk'),
    async update(connections, ref, fields, signal) {
      const client = await connections.carrierx(ref.account);
      return { ...ref, trunk: await client.trunks.update(ref.group.trunk_group_sid, ref.trunk.trunk_sid, fields, { signal }) };
    },
  },
  delete: {
    consequence: async () => '',
    async remove(connections, ref, signal) {
      return (await connections.carrierx(ref.account)).trunks.delete(ref.group.trunk_group_sid, ref.trunk.trunk_sid, { signal });
    },
  },
  console: { link: () => ({ kind: 'carrierxTrunk' }), inPalette: false },
  tree: {
    icon: (ref) => (ref.trunk.in_capacity === -1 && ref.trunk.out_capacity === -1 ? 'circle-slash' : 'server'),
    description: ({ trunk: tr }) =>
      `${tr.call_type ?? ''} · ${t('in {0} / out {1}', capacity(tr.in_capacity), capacity(tr.out_capacity))} · ${t('priority {0}, weight {1}', tr.priority ?? 0, tr.weight ?? 0)}`,
    tooltip: ({ trunk: tr }) => ({
      title: tr.name || tr.trunk_sid,
      fields: [
        ['trunk_sid', tr.trunk_sid],
        ['call_type', tr.call_type],
        ['codec', tr.codec ?? t('from legA')],
        ['allow_forward', tr.allow_forward],
        ['allow_transfer', tr.allow_transfer],
        ['asn_mode', tr.asn_mode],
        ['in_capacity', tr.in_capacity],
        ['out_capacity', tr.out_capacity],
        ['in_identity_mode', tr.in_identity_mode],
        ['in_identity_format', tr.in_identity_format],
        ['out_identity_mode', tr.out_identity_mode],
        ['in_rfc_4694_mode', tr.in_rfc_4694_mode],
        ['out_rfc_4694_mode', tr.out_rfc_4694_mode],
        ['out_sip_ringing_max_ttl', tr.out_sip_ringing_max_ttl],
        ['endpoint_sid', tr.endpoint_sid],
        ['location_sid', tr.location_sid],
        ['relay_sip_headers', tr.relay_sip_headers],
        ['acls', tr.acls.length > 0 ? t('{0} ACLs', tr.acls.length) : undefined],
      ],
    }),
    contextValue: 'trunkline:carrierxTrunk.carrierx.editable.deletable',
    console: false,
    // Its endpoint (with the addresses) is below it.
    collapsible: 'collapsed',
  },
};

/** -1 disables, 0 is unlimited (seed 004). */
function capacity(value: number | null): string {
  if (value === -1) return t('off');
  if (value === 0 || value === null) return '∞';
  return String(value);
}
