import byocSchema from '../../../../schemas/twilio-byoc-trunk.schema.json';
import { collect } from '../../../core/providers/page';
import { BYOC_FRIENDLY_NAME_MAX } from '../../../core/providers/twilio/field-names';
import { t } from '../../l10n';
import { fieldsFromSchema, type SchemaWithDefinitions } from '../editable-fields';
import type { ResourceKindDescriptor } from '../resource-kind';

/** A Twilio BYOC trunk (Voice): calls to and from your own carrier. */
export const byocTrunkKind: ResourceKindDescriptor<'byocTrunk'> = {
  kind: 'byocTrunk',
  displayName: () => t('BYOC trunk'),
  provider: 'twilio',
  sid: (ref) => ref.trunk.sid,
  label: (ref) => ref.trunk.friendly_name || ref.trunk.sid,
  record: (ref) => ref.trunk,
  change: (ref) => ({ account: ref.account.name, kind: 'TwilioByocTrunk', sid: ref.trunk.sid }),
  place: (ref) => ({ folder: { accountId: ref.account.id, folder: 'byocTrunks' }, sids: [ref.trunk.sid] }),
  async pick(ctx, account, title) {
    const client = await ctx.connections.twilio(account);
    const trunk = await ctx.input.pick(
      collect(client.byocTrunks.list({ pageSize: 1000 })).then((list) =>
        list.map((b) => ({ label: b.friendly_name || b.sid, description: b.voice_url ?? undefined, detail: b.sid, value: b })),
      ),
      { title, placeholder: t('Choose a BYOC trunk') },
    );
    return { kind: 'byocTrunk', account, trunk };
  },
  rename: { key: 'friendly_name', maxLength: BYOC_FRIENDLY_NAME_MAX },
  edit: {
    fields: () => fieldsFromSchema(byocSchema as SchemaWithDefinitions, 'spec'),
    async update(connections, ref, fields, signal) {
      const client = await connections.twilio(ref.account);
      return { ...ref, trunk: await client.byocTrunks.update(ref.trunk.sid, fields, { signal }) };
    },
  },
  delete: {
    consequence: async () => '',
    async remove(connections, ref, signal) {
      return (await connections.twilio(ref.account)).byocTrunks.delete(ref.trunk.sid, { signal });
    },
  },
  console: { link: (ref) => ({ kind: 'byocTrunk', sid: ref.trunk.sid }), inPalette: true },
  tree: {
    icon: () => 'plug',
    description: (ref) => ref.trunk.voice_url ?? undefined,
    tooltip: ({ trunk: b }) => ({
      title: b.friendly_name || b.sid,
      fields: [
        ['sid', b.sid],
        ['voice_url', b.voice_url],
        ['voice_method', b.voice_method],
        ['voice_fallback_url', b.voice_fallback_url],
        ['voice_fallback_method', b.voice_fallback_method],
        ['status_callback_url', b.status_callback_url],
        ['status_callback_method', b.status_callback_method],
        ['cnam_lookup_enabled', b.cnam_lookup_enabled],
        ['connection_policy_sid', b.connection_policy_sid],
        ['from_domain_sid', b.from_domain_sid],
        ['date_created', b.date_created],
        ['date_updated', b.date_updated],
      ],
    }),
    contextValue: 'trunkline:byocTrunk.twilio.editable.deletable.exportable',
    console: true,
    // Its connection policy and the policy's targets are below it.
    collapsible: 'collapsed',
  },
};
